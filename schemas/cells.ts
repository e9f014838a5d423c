// What a table cell is in the model: its value and where it was read.

import { z } from 'zod';

/** A non-negative count. */
export const Count = z.number().int().nonnegative();
/** A count that may go down: 本年增/减. */
export const SignedCount = z.number().int();
/** Money, kept exactly as written: a plain decimal string, thousands separators removed. */
export const Money = z.string().regex(/^\d+(\.\d+)?$/, 'a decimal amount such as 8840.00');
export const MoneyUnit = z.enum(['元', '万元']);

/**
 * How a cell was read: `value` a number or amount; `blank` left empty or
 * marked "/", "—", "-", "无" (not reported, which is not zero); `invalid`
 * text that is not a value (a `cell-value` error: the value is unknown).
 */
export const CellState = z.enum(['value', 'blank', 'invalid']);
export type CellState = z.infer<typeof CellState>;

export const CellSource = z.object({
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  /** The cell's text exactly as written. */
  text: z.string(),
  state: CellState,
  /** Set when the value was not read from the source but reconstructed by import. */
  reconstructed: z.literal(true).optional(),
});
export type CellSource = z.infer<typeof CellSource>;

/**
 * A row's shape against the template: `complete`; `short` or `long` when it
 * carries fewer or more values than its columns (values are then left null,
 * since which column lost its value is unknown); `missing` when not found.
 */
export const RowShape = z.enum(['complete', 'short', 'long', 'missing']);
export type RowShape = z.infer<typeof RowShape>;

/** Fields every table row has, whatever its table. */
export const rowFields = {
  key: z.string(),
  /** Canonical Chinese label. */
  label: z.string(),
  shape: RowShape,
  /** Line of the row's label; null for a missing row. */
  line: z.number().int().positive().nullable(),
  /** The cells read as values, in order (for a short or long row, as many as were read). */
  cells: z.array(CellSource),
};
