// Table 二 (proactive disclosure), one schema per layout. A row's values are
// typed by their column (count, signed count or money), which the template
// decides, so the refinement checks each value against its column.

import { z } from 'zod';
import { Count, Money, MoneyUnit, SignedCount, rowFields } from './cells.ts';
import { TABLE2, type ValueKind } from './template.ts';

export const Table2Row = z.object({
  ...rowFields,
  values: z.array(z.union([z.number().int(), Money]).nullable()),
  /** For money columns, the unit written in the cell or its heading; null elsewhere or when unstated. */
  units: z.array(MoneyUnit.nullable()),
});
export type Table2Row = z.infer<typeof Table2Row>;

export const Table2Block = z.object({
  clause: z.string(),
  columns: z.array(z.string()),
  /** Line of the block's clause row; null when the block was not found. */
  line: z.number().int().positive().nullable(),
  rows: z.array(Table2Row),
});
export type Table2Block = z.infer<typeof Table2Block>;

const VALUE_SCHEMAS: Record<ValueKind, z.ZodType> = { count: Count, signed: SignedCount, money: Money };
const EXPECTED: Record<ValueKind, string> = { count: 'count', signed: 'signed count', money: 'money' };

function table2Schema<L extends '2019' | '2021'>(layout: L) {
  const template = TABLE2[layout];
  return z
    .object({
      layout: z.literal(layout),
      line: z.number().int().positive(),
      blocks: z.array(Table2Block).length(template.length),
    })
    .superRefine((table, ctx) => {
      table.blocks.forEach((block, b) => {
        const blockTemplate = template[b];
        if (!blockTemplate) return;
        if (block.clause !== blockTemplate.clause.zh || block.rows.length !== blockTemplate.rows.length) {
          ctx.addIssue({ code: 'custom', message: 'block layout', path: ['blocks', b], params: { rule: 'table-shape' } });
          return;
        }
        block.rows.forEach((row, r) => {
          if (row.key !== blockTemplate.rows[r]?.key) {
            ctx.addIssue({ code: 'custom', message: 'row order', path: ['blocks', b, 'rows', r, 'key'], params: { rule: 'table-shape' } });
          }
          blockTemplate.columns.forEach((column, c) => {
            const value = row.values[c];
            if (value === null || value === undefined) return;
            if (!VALUE_SCHEMAS[column.kind].safeParse(value).success) {
              ctx.addIssue({
                code: 'custom',
                message: 'value kind',
                path: ['blocks', b, 'rows', r, 'values', c],
                params: { rule: 'cell-value', expected: EXPECTED[column.kind], actual: value },
              });
            }
          });
        });
      });
    });
}

/** Table 二 in the 2019 layout: blocks for clauses （一）（五）（六）（八）（九）. */
export const Table2Format2019 = table2Schema('2019');
/** Table 二 in the 2021 layout: blocks for clauses （一）（五）（六）（八）. */
export const Table2Format2021 = table2Schema('2021');
export type Table2 = z.infer<typeof Table2Format2019> | z.infer<typeof Table2Format2021>;
