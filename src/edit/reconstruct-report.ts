// Applies reconstruction to a report's tables 三 and 四: where exactly one
// completion of the short rows satisfies every rule, the rows are filled in
// and each filled value recorded; otherwise the rows stay as read and the
// candidates are listed.

import type { CellSource } from '../../schemas/cells.ts';
import type { ReconstructedCell } from '../../schemas/front-matter.ts';
import type { Report } from '../../schemas/report.ts';
import { table3Equations } from '../../schemas/table3.ts';
import { TABLE4_EQUATIONS } from '../../schemas/table4.ts';
import { TABLE3_WIDTH, TABLE4_WIDTH } from '../../schemas/template.ts';
import { problem, type Problem } from '../check/diagnostic.ts';
import { reconstruct, type Completion, type ReconRow } from '../model/reconstruct.ts';

const WHY = '唯一使全部勾稽关系成立的补全 / the only completion under which every reconciliation rule holds';

type Filled = { rows: ReconRow[]; entries: ReconstructedCell[]; problems: Problem[] };

function fill(table: 'table3' | 'table4', rows: ReconRow[], labels: string[], columns: readonly string[], width: number, equations: Parameters<typeof reconstruct>[2], line: number): Filled {
  const result = reconstruct(rows, width, equations);
  const rowName = (i: number) => labels[i] ?? '';
  const describe = (m: Map<number, Completion>) => [...m].map(([i, c]) => `${rowName(i) || '表四'} = ${c.values.map((v) => v ?? '—').join(', ')}`).join('; ');
  if (result.status === 'unique') {
    const entries: ReconstructedCell[] = [];
    const filled = rows.map((row, i) => {
      const completion = result.rows.get(i);
      if (!completion) return row;
      const at = row.cells[0] ?? { line, column: 1 };
      entries.push({ table, row: rowName(i), columns: completion.positions.map((p) => columns[p]!), value: completion.values[completion.positions[0]!] as number, why: WHY });
      const cells: CellSource[] = completion.values.map((v, c) => ({ line: at.line, column: at.column, text: v === null ? '' : String(v), state: v === null ? 'blank' : 'value' }));
      return { ...row, shape: 'complete', values: completion.values, cells };
    });
    return { rows: filled, entries, problems: [] };
  }
  if (result.status === 'ambiguous') {
    const listed = result.candidates.map((m, k) => `(${k + 1}) ${describe(m)}`).join(' ');
    return {
      rows,
      entries: [],
      problems: [problem('table-shape', { at: { line, column: 1 }, table, expected: 1, actual: result.candidates.length }, {
        zh: `${result.candidates.length} 种补全都使勾稽关系成立，无法确定，未补全：${listed}`,
        en: `${result.candidates.length} completions of the short rows satisfy every rule, so none was written: ${listed}`,
      })],
    };
  }
  return { rows, entries: [], problems: [] };
}

/** The report with its lost values filled in where that is certain, and what was filled. */
export function reconstructReport(report: Report): { report: Report; entries: ReconstructedCell[]; problems: Problem[] } {
  const tables = { ...report.tables };
  const entries: ReconstructedCell[] = [];
  const problems: Problem[] = [];
  const t3 = tables.table3;
  if (t3) {
    const done = fill('table3', t3.rows, t3.rows.map((r) => r.label), t3.columns, TABLE3_WIDTH, table3Equations(t3.layout), t3.line);
    tables.table3 = { ...t3, rows: t3.rows.map((r, i) => ({ ...r, ...done.rows[i] })) } as typeof t3;
    entries.push(...done.entries);
    problems.push(...done.problems);
  }
  const t4 = tables.table4;
  if (t4) {
    const done = fill('table4', [t4], [''], t4.columns, TABLE4_WIDTH, TABLE4_EQUATIONS, t4.line ?? 1);
    tables.table4 = { ...t4, ...done.rows[0] } as typeof t4;
    entries.push(...done.entries);
    problems.push(...done.problems);
  }
  return { report: { ...report, tables } as Report, entries, problems };
}

