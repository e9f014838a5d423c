// More forms real reports come in, derived from the corpus fixtures by the
// edits extraction tools make: each must still read as the published figures.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REAL_DIR, REAL_REPORTS, check, errors } from '../helpers.ts';

const fixture = (name: string, form: string) => readFileSync(join(REAL_DIR, name, form), 'utf8');
const isDelimiterRow = (line: string) => /^\|\s*:?-{3,}/.test(line);

const FORMS: Record<string, (name: string) => string> = {
  // A Markdown table that lost its delimiter rows: plain pipe-separated lines.
  'pipe rows without delimiter rows': (name) => fixture(name, 'one-label-column.md').split('\n').filter((l) => !isDelimiterRow(l)).join('\n'),
  // A layout-preserving PDF extraction: cells separated by runs of spaces.
  'space-aligned columns': (name) => fixture(name, 'tab-separated.txt').replaceAll('\t', '   '),
  // Single spaces only, the row label cut by the page break included.
  'single-spaced cells': (name) => fixture(name, 'tab-separated.txt').replaceAll('\t', ' '),
  // Table 二 without its clause rows: each block told from its row labels.
  'table 二 without clause rows': (name) => fixture(name, 'tab-separated.txt').split('\n').filter((l) => !l.startsWith('第二十条')).join('\n'),
  // Three label columns written into one cell: "三、本年度办理结果（三）不予公开1.属于国家秘密".
  'label levels in one cell': (name) =>
    fixture(name, 'three-label-columns.md')
      .split('\n')
      .map((line) => {
        const cells = line.split('|');
        if (cells.length !== 12) return line; // the rows of table 三: 3 labels + 7 values
        return isDelimiterRow(line) ? ['', ...cells.slice(3)].join('|') : ['', cells.slice(1, 4).map((c) => c.trim()).join(''), ...cells.slice(4)].join('|');
      })
      .join('\n'),
  // A page break splitting table 三 into two Markdown tables.
  'GFM table 三 split by a page break': (name) => {
    const lines = fixture(name, 'one-label-column.md').split('\n');
    const at = lines.findIndex((l) => l.includes('（四）无法提供'));
    return [...lines.slice(0, at), '', '- 7 -', '', '| 续表 | | | | | | | |', '| --- | --- | --- | --- | --- | --- | --- | --- |', ...lines.slice(at)].join('\n');
  },
  // Each row's label on one line and its values on the next.
  'labels and values on separate lines': (name) =>
    fixture(name, 'tab-separated.txt')
      .split('\n')
      .map((line) => {
        const match = /^(（[一二三四五六七]）[^\t]*|[一二四]、[^\t]*)\t((?:[\d,]+\t?){7})$/.exec(line);
        return match ? `${match[1]}\n${match[2]}` : line;
      })
      .join('\n'),
};

describe.each(Object.keys(FORMS))('%s', (form) => {
  it.each(REAL_REPORTS)('%s reads as published, with no errors', (name) => {
    const published = JSON.parse(fixture(name, 'published.json')) as { table3: Record<string, number[]>; table4: number[] };
    const result = check(FORMS[form]!(name), `${name}.md`);
    expect(errors(result)).toEqual([]);
    expect(Object.fromEntries(result.report!.tables.table3!.rows.map((r) => [r.label, r.values]))).toEqual(published.table3);
    expect(result.report!.tables.table4!.values).toEqual(published.table4);
    expect(result.report!.tables.table2!.blocks.every((b) => b.rows.every((r) => r.shape === 'complete'))).toBe(true);
  });
});

it('leaves alone a table of other figures that follows narrative text', () => {
  const text = fixture('02-pingtan-2019', 'one-label-column.md');
  const five = text.split('\n').findIndex((l) => l.includes('五、'));
  const lines = text.split('\n');
  lines.splice(five + 1, 0, '', '全年培训情况如下：', '', '| 培训 | 人次 |', '| --- | --- |', '| 业务培训 | 12 |', '| 专题讲座 | 3 |', '');
  expect(check(lines.join('\n')).diagnostics).toEqual([]);
});
