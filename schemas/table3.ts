// Table 三 (requests received and handled), one schema per layout. The
// reconciliation rules R1–R3 are the schema's refinements.

import { z } from 'zod';
import { rowFields, Count } from './cells.ts';
import { checkEquations, reportUnchecked, type Equation } from './equations.ts';
import { TABLE3_COLUMNS, TABLE3_TOTAL_COLUMN, table3Leaves, table3OutcomeKeys } from './template.ts';

export const Table3Row = z.object({
  ...rowFields,
  /** Seven values in column order; null is "not reported" (or unknown, see the cells). */
  values: z.array(Count.nullable()).length(TABLE3_COLUMNS.length),
});
export type Table3Row = z.infer<typeof Table3Row>;

const APPLICANT_COLUMNS = [...Array(TABLE3_TOTAL_COLUMN).keys()];
const ALL_COLUMNS = [...Array(TABLE3_COLUMNS.length).keys()];

/** R1, R2 and R3 over the rows of one layout, by row index. */
export function table3Equations(layout: '2019' | '2021'): Equation[] {
  const keys = table3Leaves(layout).map((leaf) => leaf.key);
  const at = (key: string) => keys.indexOf(key);
  const outcomeRows = table3OutcomeKeys(layout).map(at);
  return [
    ...keys.map((_, row) => ({
      rule: 'table3-row-total' as const,
      total: { row, col: TABLE3_TOTAL_COLUMN },
      terms: APPLICANT_COLUMNS.map((col) => ({ ref: { row, col }, sign: 1 as const })),
    })),
    ...ALL_COLUMNS.map((col) => ({
      rule: 'table3-outcome-total' as const,
      total: { row: at('outcomeTotal'), col },
      terms: outcomeRows.map((row) => ({ ref: { row, col }, sign: 1 as const })),
    })),
    // R3 is reported at 四 (the balance carried forward): 四 = 一 + 二 − （七）.
    ...ALL_COLUMNS.map((col) => ({
      rule: 'table3-balance' as const,
      total: { row: at('carriedForward'), col },
      terms: [
        { ref: { row: at('received'), col }, sign: 1 as const },
        { ref: { row: at('carriedOver'), col }, sign: 1 as const },
        { ref: { row: at('outcomeTotal'), col }, sign: -1 as const },
      ],
    })),
  ];
}

function table3Schema<L extends '2019' | '2021'>(layout: L) {
  const leaves = table3Leaves(layout);
  const equations = table3Equations(layout);
  return z
    .object({
      layout: z.literal(layout),
      columns: z.array(z.string()).length(TABLE3_COLUMNS.length),
      /** First line of the table in the source. */
      line: z.number().int().positive(),
      rows: z.array(Table3Row).length(leaves.length),
    })
    .superRefine((table, ctx) => {
      table.rows.forEach((row, i) => {
        if (row.key !== leaves[i]?.key) {
          ctx.addIssue({ code: 'custom', message: 'row order', path: ['rows', i, 'key'], params: { rule: 'table-shape' } });
        }
      });
      reportUnchecked(checkEquations(equations, table.rows, ctx, (ref) => ['rows', ref.row, 'values', ref.col]), ctx, []);
    });
}

/** Table 三 in the 2019 layout: one （六）其他处理 row, 23 rows in all. */
export const Table3Format2019 = table3Schema('2019');
/** Table 三 in the 2021 layout: three （六） sub-rows, 25 rows in all. */
export const Table3Format2021 = table3Schema('2021');
export type Table3 = z.infer<typeof Table3Format2019> | z.infer<typeof Table3Format2021>;
