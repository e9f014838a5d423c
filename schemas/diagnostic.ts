// A diagnostic: one problem found in one file, located at a cell.

import { z } from 'zod';
import { RuleIdSchema, Severity } from './rules.ts';

export const Diagnostic = z.object({
  rule: RuleIdSchema,
  severity: Severity,
  file: z.string(),
  line: z.number().int().positive().nullable(),
  column: z.number().int().positive().nullable(),
  table: z.enum(['table2', 'table3', 'table4']).nullable(),
  /** Canonical row label (table 三: the label path). */
  row: z.string().nullable(),
  /** Canonical column label. */
  col: z.string().nullable(),
  expected: z.union([z.string(), z.number()]).nullable(),
  actual: z.union([z.string(), z.number()]).nullable(),
  message: z.object({ zh: z.string(), en: z.string() }),
});
export type Diagnostic = z.infer<typeof Diagnostic>;
