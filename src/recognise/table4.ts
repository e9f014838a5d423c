// Table 四 from its grid rows: heading rows carry no values; the 15 values
// are read from the value rows in order (a page break may split them).

import type { Table4 } from '../../schemas/table4.ts';
import { TABLE4_COLUMNS, TABLE4_GROUPS, TABLE4_LITIGATION, TABLE4_RESULTS, TABLE4_WIDTH } from '../../schemas/template.ts';
import { normaliseLabel } from './normalise.ts';
import { problem, type Problem } from '../check/diagnostic.ts';
import { invalidValue } from './cell-problems.ts';
import type { GridRow } from './grid.ts';
import { splitRow } from './table3.ts';
import { looksLikeValue, parseCount } from './values.ts';

const HEADING_WORDS = new Set([...TABLE4_GROUPS.flatMap((g) => g.label.zh.split('/')), TABLE4_LITIGATION.zh, ...TABLE4_RESULTS.map((r) => r.label.zh)].map(normaliseLabel));
const HEADINGS = [...HEADING_WORDS];
const isHeading = (text: string) => {
  if (text === '') return true;
  const label = normaliseLabel(text);
  return HEADING_WORDS.has(label) || HEADINGS.some((w) => label.includes(w));
};

export function recogniseTable4(rows: GridRow[]): { table: Table4; problems: Problem[]; unplaced: GridRow[] } {
  const problems: Problem[] = [];
  const valueRows = rows.filter((row) => row.cells.some((c) => looksLikeValue(c.text)));
  // Rows without values that are not column headings: a caption, a unit line.
  const unplaced = rows.filter((row) => !valueRows.includes(row) && !row.cells.every((c) => isHeading(c.text)));
  const cells = valueRows.flatMap((row) => splitRow(row, TABLE4_WIDTH).values);
  const parsed = cells.map((cell) => ({ cell, ...parseCount(cell.text) }));
  const complete = parsed.length === TABLE4_WIDTH;
  const first = valueRows[0] ?? rows[0]!;
  if (!complete) {
    problems.push(
      problem('table-shape', { at: { line: first.line, column: cells[0]?.column ?? 1 }, table: 'table4', expected: TABLE4_WIDTH, actual: parsed.length }, {
        zh: `表四应有 ${TABLE4_WIDTH} 个数值，实有 ${parsed.length} 个`,
        en: `Table 四: ${TABLE4_WIDTH} values are due, ${parsed.length} found`,
      }),
    );
  } else {
    parsed.forEach((p, c) => {
      if (p.state !== 'invalid') return;
      problems.push(invalidValue(p.cell, 'count', { table: 'table4', col: TABLE4_COLUMNS[c]!.label.zh }));
    });
  }
  return {
    table: {
      columns: TABLE4_COLUMNS.map((c) => c.label.zh),
      values: complete ? parsed.map((p) => p.value) : Array(TABLE4_WIDTH).fill(null),
      shape: complete ? 'complete' : parsed.length < TABLE4_WIDTH ? 'short' : 'long',
      line: valueRows[0]?.line ?? null,
      cells: parsed.map((p) => ({ line: p.cell.line, column: p.cell.column, text: p.cell.text, state: p.state })),
    },
    problems,
    unplaced,
  };
}
