// Reconciliation equations as data, and the one function that checks them.
// A table schema lists its equations; this module applies the blank-cell
// policy the same way for all of them.

import type { z } from 'zod';
import type { RuleId } from './rules.ts';
import type { CellSource, RowShape } from './cells.ts';

export type CellRef = { readonly row: number; readonly col: number };

/** total = Σ sign × term. Reported at `total`. */
export type Equation = {
  readonly rule: RuleId;
  readonly total: CellRef;
  readonly terms: readonly { readonly ref: CellRef; readonly sign: 1 | -1 }[];
};

export type EquationRow = {
  readonly shape: RowShape;
  readonly values: readonly (number | string | null)[];
  readonly cells: readonly CellSource[];
};

type Cell = { kind: 'unknown' } | { kind: 'blank' } | { kind: 'value'; value: number };

function readCell(rows: readonly EquationRow[], ref: CellRef): Cell {
  const row = rows[ref.row];
  if (!row || row.shape !== 'complete') return { kind: 'unknown' };
  const cell = row.cells[ref.col];
  const value = row.values[ref.col];
  if (!cell || cell.state === 'invalid') return { kind: 'unknown' };
  if (cell.state === 'blank' || value === null || value === undefined) return { kind: 'blank' };
  return typeof value === 'number' ? { kind: 'value', value } : { kind: 'unknown' };
}

/**
 * Checks each equation. One is checked only when its total is filled and at
 * least one term is filled; blank terms then count as 0. An equation touching
 * a row of the wrong shape or an unreadable cell is skipped: those already
 * carry their own error. Returns how many were left unchecked for blanks.
 */
export function checkEquations(
  equations: readonly Equation[],
  rows: readonly EquationRow[],
  ctx: z.RefinementCtx,
  pathOf: (ref: CellRef) => PropertyKey[],
): number {
  let unchecked = 0;
  for (const eq of equations) {
    const total = readCell(rows, eq.total);
    const terms = eq.terms.map((t) => ({ sign: t.sign, cell: readCell(rows, t.ref) }));
    if (total.kind === 'unknown' || terms.some((t) => t.cell.kind === 'unknown')) continue;
    if (total.kind === 'blank' || terms.every((t) => t.cell.kind === 'blank')) {
      unchecked++;
      continue;
    }
    const expected = terms.reduce((sum, t) => sum + (t.cell.kind === 'value' ? t.sign * t.cell.value : 0), 0);
    if (expected !== total.value) {
      ctx.addIssue({
        code: 'custom',
        message: eq.rule,
        path: pathOf(eq.total),
        params: { rule: eq.rule, expected, actual: total.value, terms: eq.terms },
      });
    }
  }
  return unchecked;
}

/** Adds the one `blank-cells` warning of a table, when equations went unchecked. */
export function reportUnchecked(count: number, ctx: z.RefinementCtx, path: readonly PropertyKey[]): void {
  if (count > 0) ctx.addIssue({ code: 'custom', message: 'blank-cells', path: [...path], params: { rule: 'blank-cells', count } });
}
