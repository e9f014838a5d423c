// Seeded, deterministic Markdown documents full of pipe tables (and things
// that look like them), for the differential tests of the fast table parse.

import { mulberry32 } from '../../bench/random.ts';

/** mulberry32: small, seeded, deterministic. */
export const random = mulberry32;

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const chance = (r: Rand, p: number) => r() < p;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/** Plain cell text: what reports hold. */
const PLAIN = [
  '',
  '0',
  '12',
  '3.5',
  '1.5',
  'abc',
  'Total',
  '行政复议',
  '本年新收政府信息公开申请数量',
  '（一）予以公开',
  '三、本年度办理结果/（二）部分公开',
  '１２３',
  'ＡＢＣ',
  '\u3000全角空格',
  '全角\u3000空格',
  'a  b',
  'x\ty',
  '一是：完善制度',
  '2021年1月1日',
  '-',
  '--',
  ':',
  'a-b',
  '100%',
  '#1',
  '= 2',
  '(a)',
  '{b}',
  '"q"',
  "'s'",
  '$5',
  '+',
  '=',
  '1)',
  '2.',
  '…',
  '——',
  '🙂',
];

/** Cell text with inline syntax or characters the tokenizer treats specially. */
const INLINE = [
  'a\\|b',
  '\\|',
  'a\\\\',
  '`code`',
  '`a\\|b`',
  '`a|b`',
  '``x`y``',
  '*em*',
  '**strong**',
  '_u_',
  'snake_case_name',
  '**一是…。**编制',
  '中文**强调**文字',
  '*中文*',
  '~~del~~',
  '~one~',
  '[link](http://x.com)',
  '[link](<a b> "t")',
  '[ref]',
  '[ref][]',
  '[Ref]',
  '[missing]',
  '[^1]',
  '[^nope]',
  '![img](a.png)',
  '<b>x</b>',
  '<span>',
  '<http://auto.link>',
  '<me@mail.com>',
  'www.example.com',
  'WWW.EXAMPLE.COM/x',
  'see www.example.com.',
  'http://x.y/z?q=1',
  'https://例子.cn',
  'mail a@b.com',
  'mailto:a@b.com',
  'xmpp:a@b.com/r',
  '&amp;',
  '&#124;',
  '&#x40;',
  '&copy; 2021',
  '\\*not em\\*',
  '\\',
  'a\\',
  'a \\ b',
  '*a | b*',
  '`open',
  '<!-- c -->',
  '[a](b',
  '[x]: y',
  '**',
  '* x',
  '- x',
  '# h',
  '> q',
  '1. x',
];

const ALIGNS = ['---', '-', ':--', ':-', '--:', '-:', ':-:', ':---:', '------'];

export interface TableDocOptions {
  /** Cell texts to draw from. */
  cells: readonly string[];
}

function row(r: Rand, cells: string[], simple = false, delimiterRow = false): string {
  // A simple delimiter row keeps its leading pipe: `- | -` would be a list item
  // without tables, which the fast path leaves to the reference parse.
  const lead = (simple && delimiterRow) || chance(r, 0.75);
  const trail = chance(r, 0.7);
  const pad = () => pick(r, ['', ' ', ' ', ' ', '  ', '\t']);
  let out = '';
  cells.forEach((c, i) => {
    if (i > 0 || lead) out += '|';
    // Simple rows: nothing that reads as indentation.
    const bare = simple && i === 0 && !lead;
    out += (bare ? '' : pad()) + c + (bare && c === '' ? '' : pad());
  });
  if (trail || cells.length === 0 || (cells.length === 1 && !lead)) out += '|';
  const indent = chance(r, 0.1) ? pick(r, simple ? [' ', '  ', '   '] : [' ', '  ', '   ', '    ', '\t']) : '';
  const trailing = chance(r, 0.08) ? pick(r, [' ', '  ', '\t']) : '';
  return indent + out + trailing;
}

function delimiter(r: Rand, n: number, simple: boolean): string {
  const cells = Array.from({ length: n }, () => pick(r, ALIGNS));
  // Sometimes a broken delimiter cell.
  if (chance(r, 0.05)) cells[int(r, 0, n - 1)] = pick(r, ['', 'x', '- -', ':', '::', '-:-', '=']);
  return row(r, cells, simple, true);
}

function table(r: Rand, cellPool: readonly string[], simple = false): string[] {
  const n = int(r, 1, 7);
  const cell = () => pick(r, cellPool);
  const header = Array.from({ length: n }, cell);
  // The header needs content somewhere to be a header row.
  if (!header.some((c) => c !== '')) header[0] = 'h';
  // Sometimes the delimiter row has the wrong number of cells: not a table.
  const m = chance(r, 0.08) ? Math.max(1, n + pick(r, [-1, 1, 2])) : n;
  const lines = [row(r, header, simple), delimiter(r, m, simple)];
  const bodies = int(r, 0, 5);
  for (let i = 0; i < bodies; i++) {
    const k = chance(r, 0.25) ? Math.max(1, n + int(r, -3, 3)) : n;
    const cells = Array.from({ length: k }, cell);
    if (!cells.some((c) => c !== '') && chance(r, 0.5)) cells[0] = '0';
    lines.push(row(r, cells, simple));
  }
  return lines;
}

const BEFORE = [
  '',
  '',
  '',
  '# 标题\n\n',
  '# 标题\n',
  '段落文字。\n\n',
  '段落文字。\n',
  '---\ntitle: 报告\nyear: 2021\n---\n',
  '---\ntitle: 报告\n---\n\n',
  '```\ncode\n```\n',
  '<div>\nhtml\n</div>\n\n',
  '***\n',
  '[ref]: http://example.com\n\n',
];

const AFTER = [
  '',
  '\n',
  '\n\n后面的段落。',
  '\n后面的文字',
  '\n- item',
  '\n* item',
  '\n1. item',
  '\n2. item',
  '\n# heading',
  '\n> quote',
  '\n---',
  '\n***',
  '\n===',
  '\n    indented code',
  '\n<div>',
  '\n<span>',
  '\n```\ncode\n```',
  '\n[^1]: note',
  '\n[x]: http://x',
  '\n  - indented item',
  '\n|',
  '\n\\',
  '\n+',
  '\n*',
  '\n-',
  '\n1.',
  '\n2)',
  '\n+x | y',
  '\n*a* | b',
];

const DEFINITIONS = ['', '', '\n\n[ref]: http://example.com "T"\n', '\n\n[^1]: 注释。\n', '\n\n[ref]: /u\n[^1]: n\n'];

function indentBlock(lines: string[], first: string, rest: string, lazy: boolean, r: Rand): string[] {
  return lines.map((l, i) => (i === 0 ? first + l : lazy && chance(r, 0.3) ? l : rest + l));
}

/** One document: some context, one or two tables, something after. */
export function tableDocument(seed: number, options?: Partial<TableDocOptions>): string {
  const r = random(seed);
  const pool = options?.cells ?? (chance(r, 0.5) ? PLAIN : [...PLAIN, ...INLINE]);
  let lines = table(r, pool);
  // A second table, right after or after a blank line.
  if (chance(r, 0.15)) lines = [...lines, ...(chance(r, 0.5) ? [''] : []), ...table(r, pool)];
  const context = pick(r, ['root', 'root', 'root', 'root', 'list', 'ordered', 'quote', 'quote-list', 'nested']);
  switch (context) {
    case 'list':
      lines = indentBlock(lines, '- ', '  ', chance(r, 0.2), r);
      break;
    case 'ordered':
      lines = indentBlock(lines, '1. ', '   ', chance(r, 0.2), r);
      break;
    case 'quote':
      lines = indentBlock(lines, '> ', pick(r, ['> ', '>']), chance(r, 0.2), r);
      break;
    case 'quote-list':
      lines = indentBlock(lines, '> - ', '>   ', false, r);
      break;
    case 'nested':
      lines = indentBlock(lines, '- - ', '    ', false, r);
      break;
  }
  const eol = chance(r, 0.1) ? '\r\n' : '\n';
  const text = pick(r, BEFORE) + lines.join('\n') + pick(r, AFTER) + pick(r, DEFINITIONS) + (chance(r, 0.5) ? '\n' : '');
  return eol === '\n' ? text : text.replace(/\r?\n/g, eol);
}

/** Only root-level tables with plain cells: the fast path must take these. */
export function simpleTableDocument(seed: number): string {
  const r = random(seed);
  const unsafeStart = ['-', '--', '+', '=', '#1', '= 2', '1)', '2.'];
  const lines = table(
    r,
    PLAIN.filter((c) => !unsafeStart.includes(c)),
    true,
  );
  return pick(r, ['', '# 标题\n\n', '段落。\n\n']) + lines.join('\n') + pick(r, ['', '\n', '\n\n段落。']);
}

export const CELL_POOLS = { PLAIN, INLINE };

const BLOCKS = [
  () => '段落文字，没有任何标记。',
  () => 'Plain English paragraph.',
  () => '- [ ] 待办\n- [x] 已办',
  () => '* [X] done\n  continued',
  () => '1. [ ] one\n2. two',
  () => '> 引用 www.gov.cn 的内容',
  () => '> - [ ] quoted task',
  () => '# 标题 ~~删除~~',
  () => '联系邮箱：xxgk@bjxch.gov.cn。',
  () => '网址 http://www.bjxch.gov.cn/ 和 https://example.com/a_(b)',
  () => '见注释[^1]和[^2]。',
  () => '[^1]: 第一条注释。',
  () => '[^2]: 第二条\n    续行。',
  () => '[ref]: http://example.com',
  () => '[link][ref] and [ref] and [Ref][]',
  () => '~~删除线~~ 和 ~单波浪~ 和 ~~~三个~~~',
  () => '**一是…。**编制 *强调* _下划线_',
  () => '```\nwww.example.com a@b.com\n```',
  () => '    indented www.x.com',
  () => '<div>a@b.com</div>',
  () => 'text <a@b.com> and <http://x.y>',
  () => '[www.inside.link](http://u) [a@b.com](mailto:x)',
  () => '&#64; &amp; &copy; &#x77;ww.x.com',
  () => 'a\\@b.com and \\www.x.com',
  () => '| a | b |\n| - | - |\n| www.x.com | a@b.com |',
];

/** Documents of GFM constructs other than tables (and a few tables), for the differential test. */
export function inlineDocument(seed: number): string {
  const r = random(seed);
  const n = int(r, 1, 6);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    let block = pick(r, BLOCKS)();
    if (chance(r, 0.3)) block += ' ' + pick(r, INLINE);
    parts.push(block);
  }
  return parts.join(pick(r, ['\n\n', '\n\n', '\n'])) + (chance(r, 0.5) ? '\n' : '');
}
