// Which table a row belongs to, from words only that table uses.

import type { GridRow, TableKind } from './grid.ts';
import { normaliseLabel } from './normalise.ts';
import { TABLE2, TABLE2_CONTENT_HEADING } from '../../schemas/template.ts';

const TABLE2_WORDS = new Set([TABLE2_CONTENT_HEADING.zh, ...Object.values(TABLE2).flatMap((blocks) => blocks.flatMap((b) => b.rows.map((r) => r.label.zh)))]);
const TABLE3_PARTS = ['本年新收', '上年结转', '本年度办理结果', '结转下年度', '自然人', '勾稽', '申请人情况'];
const TABLE4_PARTS = ['行政复议', '复议后起诉', '未经复议'];

/**
 * A code unit from U+2E80 up: CJK, their compatibility forms (which NFKC
 * turns into CJK: radicals, enclosed and parenthesised ideographs) and
 * surrogates. Every word above is CJK: text without any (a figure, most
 * cells of every table) is no table's, and is not normalised to find out.
 */
const MAY_BE_CJK = /[\u2e80-\uffff]/;

export function cellKind(text: string): TableKind | null {
  if (!MAY_BE_CJK.test(text)) return null;
  const label = normaliseLabel(text);
  if (label === '') return null;
  if (label.startsWith('第二十条') || TABLE2_WORDS.has(label)) return 'table2';
  if (TABLE3_PARTS.some((part) => label.includes(part))) return 'table3';
  if (TABLE4_PARTS.some((part) => label.includes(part))) return 'table4';
  return null;
}

export function kindHint(row: GridRow): TableKind | null {
  for (const cell of row.cells) {
    const kind = cellKind(cell.text);
    if (kind) return kind;
  }
  return null;
}
