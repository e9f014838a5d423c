// The three tables in gongkai's canonical layout, as GFM. A row is written
// as it was read: a complete row value by value (blank as "—", an unreadable
// cell as its text), a short or long row with exactly the cells read, so
// that reading the canonical file gives the same model back.

import type { CellSource } from '../../schemas/cells.ts';
import type { Table2 } from '../../schemas/table2.ts';
import type { Table3 } from '../../schemas/table3.ts';
import type { Table4 } from '../../schemas/table4.ts';
import { TABLE2, TABLE3, TABLE3_HEADINGS, TABLE3_WIDTH, TABLE4_COLUMNS, nodeLabel, type Table3Node } from '../../schemas/template.ts';
import { gfmDelimiter, gfmRow } from './gfm.ts';

/** How "not reported" is written. */
export const BLANK = '—';

type Row = { shape: string; values: readonly (number | string | null)[]; cells: readonly CellSource[]; units?: readonly (string | null)[] };

function rowCells(row: Row, unitInCell: (c: number) => boolean = () => false): string[] {
  if (row.shape !== 'complete') return row.cells.map((c) => c.text);
  return row.values.map((value, c) => {
    const cell = row.cells[c];
    if (cell?.state === 'invalid') return cell.text;
    if (value === null) return BLANK;
    return typeof value === 'string' && unitInCell(c) ? value + (row.units?.[c] ?? '') : String(value);
  });
}

export function table2Markdown(table: Table2): string {
  const templates = TABLE2[table.layout];
  return table.blocks
    .filter((block) => block.rows.some((r) => r.shape !== 'missing'))
    .map((block) => {
      const template = templates.find((t) => t.clause.zh === block.clause)!;
      // A unit stated by the heading is not repeated in the cell.
      const unitInCell = (c: number) => !template.columns[c]?.unit;
      const rows = block.rows.filter((r) => r.shape !== 'missing').map((r) => gfmRow([r.label, ...rowCells(r, unitInCell)]));
      return [gfmRow([block.clause, ...block.columns]), gfmDelimiter(1, block.columns.length), ...rows].join('\n');
    })
    .join('\n\n');
}

export function table3Markdown(table: Table3): string {
  const byKey = new Map(table.rows.map((r) => [r.key, r]));
  const lines = [gfmRow([TABLE3_HEADINGS.corner.zh, ...table.columns]), gfmDelimiter(1, TABLE3_WIDTH)];
  const present = (node: Table3Node): boolean => (node.children ? node.children.some(present) : (byKey.get(node.key)?.shape ?? 'missing') !== 'missing');
  const walk = (nodes: readonly Table3Node[]) => {
    for (const node of nodes) {
      if (!present(node)) continue;
      if (node.children) {
        // A group row heads its rows and carries no values.
        lines.push(gfmRow([nodeLabel(node), ...Array(TABLE3_WIDTH).fill('')]));
        walk(node.children);
      } else {
        lines.push(gfmRow([nodeLabel(node), ...rowCells(byKey.get(node.key)!)]));
      }
    }
  };
  walk(TABLE3[table.layout]);
  return lines.join('\n');
}

export function table4Markdown(table: Table4): string {
  return [gfmRow(TABLE4_COLUMNS.map((c) => c.label.zh)), gfmDelimiter(0, TABLE4_COLUMNS.length), gfmRow(rowCells(table))].join('\n');
}
