// Seeded narratives full of what the HTML rendering must get exactly right:
// characters to escape, hard breaks and what follows them, raw HTML (dropped),
// links of every protocol (some the sanitiser strips), code spans and blocks,
// quotes and lists nested, tight and loose, empty items. For the differential
// test of src/render/mdast-html.ts against the rehype pipeline.

import { random } from '../parse/generate-tables.ts';
import { inlineText } from '../parse/generate-blocks.ts';

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const INLINE = [
  '本机关', '政府信息公开', 'open data', ' ', ' ', '&', '<', '>', '"', "'", '`', '&amp;', '&#x3C;', '&copy;', '\\<', '\\*', '\\\\',
  '  \n', '   \n  ', '\\\n', '\\\n   ', '\n', '\t\n\t', ' \t',
  '<b>粗体</b>', '<script>alert(1)</script>', '<!-- 注 -->', '<br>', '<a href="javascript:x">a</a>',
  '`代码`', '`a\nb`', '`` a ` b ``', '` `', '~~删除~~', '~删~', '*强调*', '**一是**', '_u_', '***三***',
  '[门户](javascript:alert(1))', '[x](JAVASCRIPT:a)', '[x](Http://a.cn)', '[x](/a:b)', '[x](#a:b)', '[x](?q=a:b)', '[x](./a)', '[x](a:b/c)',
  '[邮件](mailto:a@b.cn)', '[x](//host/p)', '[x](<http://例子.cn/路 径>)', '[x](https://a.cn/?a=1&b="2")', "[x](https://a.cn/'q')",
  '[x](a`b)', '[x](tel:123)', '[x](ftp://a)', '[x](data:text/html,1)', '[**粗**](https://www.gov.cn/)', '[](https://a.cn)', '[x]()',
  '<https://www.gov.cn/>', '<mailto:a@b.cn>', 'www.gov.cn', 'a@b.cn', 'https://x.cn/a_b?c=d&e=f', 'http://a.cn/（全角）',
];

const BLOCKS = [
  '> 引用\n> - 条目', '> ', '>', '> > 嵌套', '> 一\n\n> 二',
  '```\ncode <&>"\n```', '```\n```', '~~~\n  a\n~~~', '    缩进代码 <b>', '\tcode\n\n\tmore',
  '<div>\n块 html\n</div>', '<!-- 注释 -->', '<script>\nalert(1)\n</script>',
  '- a\n  - b\n    - c', '1. a\n\n2. b', '3. x\n4. y', '0. 零', '- \n- b', '-\n  x', '- a\n\n  b', '- a\n  b\n- c', '- > 引', '- ```\n  code\n  ```',
  '- <div>x</div>', '- <!-- c -->\n- b', '* a\n+ b', '1) a\n2) b', '- a\n-\n- c', '- # 标题',
  '---', '***', '# ', '###### 六级 <b>', '标题\n===', '标题\n---',
  '文字  \n<b>粗</b>  后', '文字\\\n`  代码`', '文字  \n[  链接](https://a.cn)', '文字  \n*  强调*', '文字  \n**<b>x</b> y**', '文字  \n<i>x</i>',
];

function inline(r: Rand): string {
  let s = '';
  const n = int(r, 1, 10);
  for (let i = 0; i < n; i++) s += r() < 0.2 ? inlineText(r) : pick(r, INLINE);
  return s.trim() || '文字';
}

/** A narrative of 1 to 8 blocks: paragraphs of the pieces above, and the blocks above (sometimes with inline pieces in them). */
export function htmlHostileDocument(seed: number): string {
  const r = random(seed);
  const parts: string[] = [];
  const n = int(r, 1, 8);
  for (let i = 0; i < n; i++) {
    const kind = int(r, 0, 2);
    if (kind === 0) parts.push(inline(r));
    else if (kind === 1) parts.push(pick(r, BLOCKS));
    else parts.push(pick(r, BLOCKS).replace(/[一二a-c]/, () => inline(r)));
  }
  return parts.map((p, i) => (i ? pick(r, ['\n\n', '\n\n', '\n']) : '') + p).join('') + pick(r, ['', '\n']);
}
