// The YAML front matter of a report file: what `import` records about the
// report that its text does not say, or says where a reader would not find it.

import { z } from 'zod';
import { FORMATS } from './template.ts';

export const Period = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export const Contact = z.object({
  address: z.string().optional(),
  postcode: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
});
export type Contact = z.infer<typeof Contact>;

/**
 * A value `import` filled in where a row had lost it: the only completion
 * under which every reconciliation rule holds. `columns` lists every column
 * the lost value may have been in (the row reads the same whichever it was).
 */
export const ReconstructedCell = z.object({
  table: z.enum(['table3', 'table4']),
  /** Canonical row label (table 三's label path); empty for table 四's single row. */
  row: z.string(),
  columns: z.array(z.string()).min(1),
  value: z.number().int(),
  why: z.string(),
});
export type ReconstructedCell = z.infer<typeof ReconstructedCell>;

const YEAR = z.union([z.number().int(), z.string().regex(/^\d{4}$/).transform(Number)]);

export const FrontMatter = z.looseObject({
  agency: z.string().min(1).optional(),
  /** The agency's slug in content/agencies.yaml. */
  agencySlug: z.string().regex(/^[a-z0-9-]+$/).optional(),
  year: YEAR.optional(),
  format: z.enum(FORMATS).optional(),
  /** The file the report was imported from. */
  source: z.string().optional(),
  /** When the report was published: 2022, 2022-01 or 2022-01-15. */
  published: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).optional(),
  period: Period.optional(),
  contact: Contact.optional(),
  /** Section headings as the report wrote them, where they differ from the standard ones, by section number. */
  sectionTitles: z.record(z.string().regex(/^[1-6]$/), z.string()).optional(),
  reconstructed: z.array(ReconstructedCell).optional(),
  /** For an English companion: the report it translates. */
  translationOf: z.string().optional(),
  language: z.string().optional(),
});
export type FrontMatter = z.infer<typeof FrontMatter>;
