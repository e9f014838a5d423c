// Marks the cells the front matter records as reconstructed, so that every
// view of the data can show them as such, and reports each one.

import type { ReconstructedCell } from '../../schemas/front-matter.ts';
import type { Table3 } from '../../schemas/table3.ts';
import type { Table4 } from '../../schemas/table4.ts';
import { problem, type Problem } from '../check/diagnostic.ts';

type Row = { values: (number | null)[]; cells: { reconstructed?: true }[]; line: number | null; shape: string };

export function markReconstructed(entries: readonly ReconstructedCell[], table3: Table3 | null, table4: Table4 | null, frontMatterLine: number): Problem[] {
  const problems: Problem[] = [];
  for (const entry of entries) {
    const table = entry.table === 'table3' ? table3 : table4;
    const row: Row | undefined = entry.table === 'table3' ? table3?.rows.find((r) => r.label === entry.row) : table4 ?? undefined;
    const columns = table?.columns ?? [];
    const indexes = entry.columns.map((c) => columns.indexOf(c));
    const where = { table: entry.table, row: entry.row || null, col: entry.columns.join('/') };
    // The recorded value must still be what the row says in at least one of the columns named.
    if (!row || row.shape !== 'complete' || indexes.some((i) => i < 0) || !indexes.some((i) => row.values[i] === entry.value)) {
      problems.push(problem('front-matter', { at: { line: frontMatterLine, column: 1 }, ...where, expected: entry.value }, {
        zh: `前置元数据记录的补全值（${entry.row || '表四'}：${entry.columns.join('/')} = ${entry.value}）与表格不符`,
        en: `The front matter records a reconstructed value (${entry.row || 'table 四'}: ${entry.columns.join('/')} = ${entry.value}) that the table no longer holds`,
      }));
      continue;
    }
    for (const i of indexes) {
      const cell = row.cells[i];
      if (cell) cell.reconstructed = true;
    }
    const at = (row.cells[indexes[0]!] as { line?: number; column?: number } | undefined) ?? {};
    problems.push(problem('reconstructed', { at: at.line ? { line: at.line, column: at.column ?? 1 } : null, ...where, actual: entry.value }, {
      zh: `补全值：${entry.row || '表四'} 的 ${entry.columns.join('/')} 中有一格原文缺失，补为 ${entry.value}（见前置元数据 reconstructed）`,
      en: `Reconstructed: one cell of ${entry.columns.join('/')} in ${entry.row || 'table 四'} was lost in the source and filled in as ${entry.value} (see the front matter's reconstructed)`,
    }));
  }
  return problems;
}
