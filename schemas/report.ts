// The typed model of one report. Its format decides which layout each
// table must follow: a hybrid is 2021 table 二 with 2019 table 三.

import { z } from 'zod';
import { Table2Format2019, Table2Format2021 } from './table2.ts';
import { Table3Format2019, Table3Format2021 } from './table3.ts';
import { Table4 } from './table4.ts';
import { Contact, Period, ReconstructedCell } from './front-matter.ts';

export const Section = z.object({
  number: z.number().int().min(1).max(6),
  /** The heading as written in the report. */
  title: z.string(),
  line: z.number().int().positive(),
});
export type Section = z.infer<typeof Section>;


const common = {
  file: z.string(),
  agency: z.string().nullable(),
  year: z.number().int().min(2000).max(2100).nullable(),
  /** The statistics period stated in the report. */
  period: Period.nullable(),
  /** Where agency and year came from: YAML front matter wins over the title line. */
  metadataSource: z.enum(['front-matter', 'title', 'none']),
  /** When the report was published, as far as the text or front matter says. */
  published: z.string().nullable(),
  /** The file it was imported from. */
  source: z.string().nullable(),
  contact: Contact.nullable(),
  sections: z.array(Section),
  /** Values not read from the source but filled in by import; their cells are marked `reconstructed`. */
  reconstructed: z.array(ReconstructedCell),
};

const variant = <F extends z.ZodType, T2 extends z.ZodType, T3 extends z.ZodType>(format: F, table2: T2, table3: T3) =>
  z.object({ ...common, format, tables: z.object({ table2: table2.nullable(), table3: table3.nullable(), table4: Table4.nullable() }) });

export const Report = z.discriminatedUnion('format', [
  variant(z.literal('2019'), Table2Format2019, Table3Format2019),
  variant(z.literal('2021'), Table2Format2021, Table3Format2021),
  variant(z.literal('hybrid'), Table2Format2021, Table3Format2019),
  // Neither table 二 nor table 三 was found, so the format cannot be told.
  variant(z.null(), z.null(), z.null()),
]);
export type Report = z.infer<typeof Report>;
