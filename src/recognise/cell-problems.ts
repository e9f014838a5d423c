// The problems a single cell can have, worded once for every table.

import type { TableId } from '../../schemas/template.ts';
import { problem, type Problem } from '../check/diagnostic.ts';
import type { GridCell } from './grid.ts';

const EXPECTED = {
  count: { zh: '非负整数', en: 'a whole number of 0 or more' },
  signed: { zh: '整数（可为负）', en: 'a whole number (may be negative)' },
  money: { zh: '金额（如 8840.00 或 251000元）', en: 'an amount (such as 8840.00 or 251000元)' },
} as const;

export function invalidValue(cell: GridCell, kind: keyof typeof EXPECTED, where: { table: TableId; row?: string; col: string }): Problem {
  const e = EXPECTED[kind];
  return problem('cell-value', { at: cell, table: where.table, row: where.row ?? null, col: where.col, expected: kind, actual: cell.text }, {
    zh: `“${cell.text}”不是有效数值：应为${e.zh}，或留空、“/”、“—”表示未填报`,
    en: `"${cell.text}" is not a valid value: expected ${e.en}, or blank, "/" or "—" for not reported`,
  });
}

/** A label or heading read as the official one it nearly matches. */
export function labelVariant(cell: GridCell, official: string, where: { table: TableId; row?: string; col?: string }): Problem {
  return problem('label-variant', { at: cell, table: where.table, row: where.row ?? null, col: where.col ?? null, expected: official, actual: cell.text }, {
    zh: `标签“${cell.text}”与标准标签“${official}”不一致，已按后者识别`,
    en: `Label "${cell.text}" differs from the official "${official}" and was read as it`,
  });
}
