// Table 四 (administrative reconsideration and litigation): one row of 15
// values in three groups of five; R4 is its refinement.

import { z } from 'zod';
import { CellSource, Count, RowShape } from './cells.ts';
import { checkEquations, reportUnchecked, type Equation } from './equations.ts';
import { TABLE4_GROUPS, TABLE4_RESULTS, TABLE4_WIDTH } from './template.ts';

const GROUP_SIZE = TABLE4_RESULTS.length;

/** R4: in each group, 总计 (the last of five) = the four before it. */
export const TABLE4_EQUATIONS: Equation[] = TABLE4_GROUPS.map((_, g) => ({
  rule: 'table4-total',
  total: { row: 0, col: g * GROUP_SIZE + GROUP_SIZE - 1 },
  terms: [...Array(GROUP_SIZE - 1).keys()].map((r) => ({ ref: { row: 0, col: g * GROUP_SIZE + r }, sign: 1 as const })),
}));

export const Table4 = z
  .object({
    columns: z.array(z.string()).length(TABLE4_WIDTH),
    values: z.array(Count.nullable()).length(TABLE4_WIDTH),
    shape: RowShape,
    /** Line of the value row (of its first value, when split across lines). */
    line: z.number().int().positive().nullable(),
    cells: z.array(CellSource),
  })
  .superRefine((table, ctx) => {
    // The table is its own single row: row 0 of the equations.
    reportUnchecked(checkEquations(TABLE4_EQUATIONS, [table], ctx, (ref) => ['values', ref.col]), ctx, []);
  });
export type Table4 = z.infer<typeof Table4>;
