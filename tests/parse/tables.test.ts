// The fast parse (tables built line by line, src/parse/fast-gfm.ts) against
// the reference parse (remark-parse + remark-gfm): the trees must be
// identical, positions included. No timing here: see bench/parse-tables.ts.

import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Paragraph, Root } from 'mdast';
import type { Processor } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { markdown, parseMarkdown, referenceParse } from '../../src/parse/markdown.ts';
import { tryFastParse } from '../../src/parse/fast-gfm.ts';
import { inlineDocument, simpleTableDocument, tableDocument } from './generate-tables.ts';
import { blockDocument } from './generate-blocks.ts';
import { tryFastBlocks } from '../../src/parse/fast-blocks.ts';
import { fastInline } from '../../src/parse/fast-inline.ts';

const ROOT = join(import.meta.dirname, '..', '..');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(md|txt)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const FILES = [...markdownFiles(join(ROOT, 'tests', 'fixtures')), ...markdownFiles(join(ROOT, 'content'))];

/** Compare many documents; on a difference, show the first one in full. */
function expectAllSame(texts: Iterable<[string, string]>) {
  const different: string[] = [];
  let first: { text: string; fast: Root; reference: Root } | undefined;
  for (const [name, text] of texts) {
    const fast = parseMarkdown(text);
    const reference = referenceParse(text);
    if (!isDeepStrictEqual(fast, reference)) {
      different.push(name);
      first ??= { text, fast, reference };
    }
  }
  if (first) {
    expect({ text: first.text, tree: first.fast }).toStrictEqual({ text: first.text, tree: first.reference });
  }
  expect(different).toEqual([]);
}

function* seeds(generate: (seed: number) => string, from: number, to: number): Generator<[string, string]> {
  for (let seed = from; seed <= to; seed++) yield [`seed ${seed}`, generate(seed)];
}

describe('fast table parse: same trees as remark-gfm', () => {
  it('finds the files to compare', () => {
    expect(FILES.length).toBeGreaterThan(0);
    expect(FILES.some((f) => f.endsWith('2021.md'))).toBe(true);
  });

  it.each(FILES.map((f) => [relative(ROOT, f), f]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(parseMarkdown(text)).toStrictEqual(referenceParse(text));
  });

  it('takes the fast path for the reports (no fallback to the reference)', () => {
    const reports = FILES.filter((f) => /content[\\/]reports[\\/].*\.md$|fixtures[\\/]real[\\/].*-columns?\.md$/.test(f));
    expect(reports.length).toBeGreaterThan(0);
    for (const file of reports) {
      expect(tryFastParse(readFileSync(file, 'utf8')), relative(ROOT, file)).toBeDefined();
    }
  });

  // 4000 generated documents with tables, in and out of containers, in four batches.
  it.each([1, 1001, 2001, 3001])('generated documents with tables, seeds %i to +999', (from) => {
    expectAllSame(seeds(tableDocument, from, from + 999));
  }, 120_000);

  it('uses the fast path for a good share of the generated tables', () => {
    let fast = 0;
    for (let seed = 1; seed <= 1000; seed++) if (tryFastParse(tableDocument(seed))) fast++;
    expect(fast).toBeGreaterThan(150);
  });

  it('1000 generated simple tables: all on the fast path, all the same', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const text = simpleTableDocument(seed);
      const fast = tryFastParse(text);
      if (!fast) expect.fail(`seed ${seed} fell back: ${JSON.stringify(text)}`);
      if (!isDeepStrictEqual(fast, referenceParse(text))) expect(fast).toStrictEqual(referenceParse(text));
    }
  });

  it('1500 generated documents with the other GFM constructs (autolinks, footnotes, strikethrough, task lists)', () => {
    expectAllSame(seeds(inlineDocument, 1, 1500));
  }, 120_000);

  const EDGE_CASES = [
    // Where a table starts, and what it may interrupt.
    '# h\n| a |\n| - |',
    '***\n| a |\n| - |',
    'a\n| a |\n| - |',
    'Text *a\n| b |\n| - |',
    '[a]: b | c\n--- | ---',
    '[a]: /u\n| - |',
    '[a]: /u\n| - |\n| b |',
    '[a]: /u\n\n| - |',
    '[a]: /u\n| b |\n| - |',
    '[^1]: x\n| a |\n| - |',
    '<script>\n</script>\n| a |\n| - |',
    '<div>\n| a |\n| - |',
    '# h\n| - |',
    'a\n===\n| - |',
    '[a]: <b|c>\n-|-',
    '    code\n| a |\n| - |',
    '> q\n| a |\n| - |',
    '- x\n| a |\n| - |',
    '- x\n\n| a |\n| - |',
    '---\nt: 1\n---\n| a |\n| - |\n| b |',
    '|a|\n|-|',
    '||\n|-|\n||\n|||',
    '|\n|-|',
    'a\n:-',
    'a\n-:',
    'a\n-',
    '\\|\n-|-',
    '|:-\n|:-',
    'x | y\n:-: | :-:\n',
    'x | y\n:-: | :-: | \n',
    '| a | b |\n| - |',
    '| a |\n| - | - |',
    '| a |\n| x |',
    '| a |\n| -- - |',
    '| a |\n| : |',
    '| a |\n|  |',
    // Where a table ends.
    '| a |\n| - |\n===',
    '| a |\n| - |\n---',
    '| a |\n| - |\n> q',
    '| a |\n| - |\n1.5 | x',
    '| a |\n| - |\n1. x',
    '| a |\n| - |\n2. x',
    '| a |\n| - |\n1.x',
    '| a |\n| - |\n- x',
    '| a |\n| - |\n-x',
    '| a |\n| - |\n<span>',
    '| a |\n| - |\n<div>',
    '| a |\n| - |\n    code',
    '| a |\n| - |\n\t| b |',
    '| a |\n| - |\n[^x]: y',
    '| a |\n| - |\n[x]: y',
    '| a |\n| - |\ntext',
    '| a |\n| - |\n+',
    '| a |\n| - |\n+ ',
    '| a |\n| - |\n*',
    '| a |\n| - |\n-',
    '| a |\n| - |\n1.',
    '| a |\n| - |\n2)',
    '| a |\n| - |\n2) x',
    '| a |\n| - |\n#',
    '| a |\n| - |\n>',
    '| a |\n| - |\n```',
    '| a |\n| - |\n~~~',
    '| a |\n| - |\n_ _ _',
    '| a |\n| - |\n<!-- x',
    '| a |\n| - |\n[^1]:',
    '| a |\n| - |\n+x | y',
    '| a |\n| - |\n*a* | b',
    '| a |\n| - |\n#a | b',
    '| a |\n| - |\n<a | b',
    '| a |\n| - |\n=a | b',
    '| a |\n| - |\n_a_ | b',
    '| a |\n| - |\n~a | b',
    '| a |\n| - |\n`a` | b',
    '| a |\n| - |\n>a | b',
    '|a|\n|-|\n    |b|',
    'a|b\n-|-\nc|d\n-|-',
    'a|b\n-|-\n\nc|d\n-|-',
    '| a |\n| - |\n\n\n| b |\n|:-:|\n| c\\| |',
    // Indentation and white space.
    '   | a |\n   | - |\n   | b |',
    '| a |\n    | - |',
    '    | a |\n| - |',
    '\t| a |\n| - |',
    '| a |\n\t| - |',
    '| a | b |\n| - | - |\n| c | d |   ',
    '| a | b |\n| - | - |   ',
    '| a | b |\n| - | - |\n| c | d |   \n',
    '| a |\r| - |\r| b |\r',
    '| a |\r\n| - |\r\n| b |\r\n',
    '| a |\n| - |\n   \n  ',
    '| a |\n| - |\n| b |\n\n\n',
    '| a |\n| - |\n| b |\r\n\r\n  ',
    '\n\n| a |\n| - |',
    '  \n| a |\n| - |',
    '| a |  \n| - |  \n| b |  \n  ',
    '| a |\n| - |\n| b |\t',
    '| a |\n|-|\n| b\\\n| c',
    '| a |\n|-|\n| b  \n| c',
    'a | b\n-|-\nc\\\nd',
    '| [a\n| - |\n| b](c) |',
    '| a |\n| - |\n| <b\n| c> |',
    '| \u00a0a\u00a0 | *b*\u00a0 |\n| - | - |',
    '| \u3000全角\u3000 | ｜ |\n| - | - |',
    // Cells.
    '| a | b |\n| :- | -: |\n| c |\n| d | e | f |',
    '| a\\\\\n| - |',
    '| a | b\\\\|\n| - | - |\n| c\\\\| d \\|',
    '| a | b |\n|---|---|\n| `x\\|y` | `\\\\|` |',
    '| `a | b` |\n| - | - |',
    '| *a | b* |\n| - | - |',
    '| [a](b|c) |\n| - |',
    '| <!-- |\n| - |\n| --> |',
    '| &#124; | &amp; | &nbsp; | &bogus; |\n| - | - | - | - |',
    '| ![i](u "t") | <span>x</span> | ~~s~~ | ~t~ |\n| - | - | - | - |',
    '| **（一）**予以公开 | **一是…。**编制 | 中文**强调**文字 | *（a）* |\n| - | - | - | - |',
    '| a@b.com | www.x.com | http://a.b | foo@bar.baz. |\n| - | - | - | - |',
    '| x |\n| - |\n| http://a.b/c_(d) www.x.y/z) |',
    '| x |\n| - |\n| a\\ |',
    '| x |\n| - |\n| a  \\|',
    '| 一 | 二 |\n| --- | --- |\n| 🙂 | 𠀀 |',
    // References from cells.
    '| [Ref] | [REF][] |\n| - | - |\n\n[ref]: /x',
    '| [^A] |\n| - |\n\n[^a]: note',
    '| a |\n| - |\n[ref]: x\n\n[ref]: /y',
    '| x |\n| - |\n| [ref] |\n\n[ref]: <a b>',
    '| x |\n| - |\n| [a\\]b] |\n\n[a\\]b]: /u',
    '| x |\n| - |\n| [ref] |\n\n> [ref]: /u',
    '| x |\n| - |\n| [^n] |\n\n- [^n]: note',
    '| x |\n| - |\n| *a* [b] |\n\n[^n]: a\n    [b]: c',
    // Literal blocks holding table-like lines.
    '```\n| a |\n| - |\n```',
    '<div>\n| a |\n| - |\n</div>\n\n| b |\n| - |',
    // Containers (left to the reference parse).
    '- | a |\n  | - |',
    '> | a |\n> | - |\n> | b |',
    '> | a |\n> | - |\nlazy',
    '1. | a |\n   | - |\n   | b |\n\n   after',
    // Byte order mark and NUL (left to the reference parse).
    '\ufeff| a |\n| - |',
    '| a\u0000 |\n| - |',
  ];

  it.each(EDGE_CASES.map((t) => [JSON.stringify(t), t]))('%s', (_name, text) => {
    expect(parseMarkdown(text)).toStrictEqual(referenceParse(text));
  });

  it('keeps remark-gfm’s shape: rows keep only the cells they have, align from the delimiter row', () => {
    const tree = parseMarkdown('| a | b | c |\n| :- | :-: | -: |\n| 1 |\n| 1 | 2 | 3 | 4 |\n');
    const table = tree.children[0]!;
    expect(table.type).toBe('table');
    if (table.type !== 'table') return;
    expect(table.align).toEqual(['left', 'center', 'right']);
    expect(table.children.map((row) => row.children.length)).toEqual([3, 1, 4]);
    expect(tryFastParse('| a | b | c |\n| :- | :-: | -: |\n| 1 |\n| 1 | 2 | 3 | 4 |\n')).toBeDefined();
  });
});

describe('markdown(): the processor the renderer uses', () => {
  it('parses with the fast path, to the reference tree', () => {
    const text = readFileSync(join(ROOT, 'content/reports/beijing-xicheng-zgc-xicheng-park/2021.md'), 'utf8');
    const processor = markdown();
    expect(processor.parse(text)).toStrictEqual(referenceParse(text));
  });

  it('still renders tables to HTML tables', () => {
    const html = String(
      markdown().use(remarkRehype).use(rehypeStringify).processSync('| 项目 | 数量 |\n| :- | -: |\n| 申请 | 12 |\n'),
    );
    expect(html).toContain('<table>');
    expect(html).toContain('<th align="left">项目</th>');
    expect(html).toContain('<td align="right">12</td>');
  });

  it('gives the parse back to remark-parse when a later plugin adds syntax', () => {
    const withExtra = markdown().use(function (this: Processor) {
      const data = this.data();
      (data.micromarkExtensions ??= []).push({});
    });
    const text = '| a |\n| - |\n| b |';
    expect(withExtra.parse(text)).toStrictEqual(referenceParse(text));
  });
});

describe('line-based block parse: same trees as remark-gfm', () => {
  it('takes the line-based path for canonical reports (the files gongkai writes)', () => {
    const canonical = FILES.filter((f) => /content[\\/]reports[\\/].*\.md$/.test(f));
    expect(canonical.length).toBeGreaterThan(0);
    for (const file of canonical) expect(tryFastBlocks(readFileSync(file, 'utf8')), relative(ROOT, file)).toBeDefined();
  });

  // Narrative-like documents with near-misses of every block rule, in batches.
  it.each([
    [1, 0.05],
    [2001, 0.15],
    [4001, 0.4],
  ])('generated narrative documents, seeds %i to +1999, hostile share %d', (from, hostile) => {
    expectAllSame(seeds((seed) => blockDocument(seed, hostile), from, from + 1999));
  }, 120_000);

  it('uses the line-based path for most calm documents and some hostile ones', () => {
    let calm = 0;
    let hostile = 0;
    for (let seed = 1; seed <= 500; seed++) {
      if (tryFastBlocks(blockDocument(seed, 0))) calm++;
      if (tryFastBlocks(blockDocument(seed, 0.15))) hostile++;
    }
    expect(calm).toBeGreaterThan(80);
    expect(hostile).toBeGreaterThan(25);
  });

  it('reads plain inline links itself, to the reference tree, and leaves the near misses to micromark', () => {
    const at = (offset: number) => ({ line: 1, column: offset + 1, offset });
    const links = '如需了解更多政府信息，请登录[安徽省人民政府门户网站](https://www.anhui.gov.cn/)或[中国政府网](https://www.gov.cn/)查询，**一是**见<https://www.gov.cn/zhengce/>。';
    const children = fastInline(links, 0, links.length, at);
    expect(children?.filter((c) => c.type === 'link').map((c) => c.type === 'link' && c.url)).toEqual(['https://www.anhui.gov.cn/', 'https://www.gov.cn/', 'https://www.gov.cn/zhengce/']);
    expect(children).toStrictEqual((referenceParse(links).children[0] as Paragraph).children);
    for (const miss of ['![图](a.png)', '[a](u "t")', '[a](<u>)', '[a](u(1))', '[ a ](u)', '[**b**](u)', '[www.gov.cn](u)', '[^1](u)', '[a][b](u)', '[a](http://x.cn/?a=1&b=2)']) {
      expect(fastInline(miss, 0, miss.length, at), miss).toBeNull();
    }
  });
});

