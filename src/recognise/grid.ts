// Raw grids of cells, as read from any table form, before any label is
// matched. Every cell keeps the line and column it was read from.

export type GridCell = { text: string; line: number; column: number };

/**
 * `text` rows come from text lines (tab-, pipe- or space-separated), where
 * merged cells and lost values both show as missing cells and column
 * alignment means little;
 * `gfm` and `html` rows come from real tables, whose columns do line up.
 */
export type GridForm = 'gfm' | 'text' | 'html';

/**
 * `width` is the table's width, for `gfm` and `html` rows: a row with fewer
 * cells lacks the ones at its end (a lost value), which is not the same as
 * an empty cell (a blank).
 */
export type GridRow = { cells: GridCell[]; line: number; form: GridForm; width?: number };

export type TableKind = 'table2' | 'table3' | 'table4';

export type Grid = { kind: TableKind | null; rows: GridRow[] };

export const cellTexts = (row: GridRow) => row.cells.map((c) => c.text);

/** Drops empty cells at the end of a row: in text rows they are an artefact of extraction. */
export function trimTrailingEmpty(cells: GridCell[], keep = 0): GridCell[] {
  let end = cells.length;
  while (end > keep && cells[end - 1]!.text === '') end--;
  return cells.slice(0, end);
}

/** A cell spanning several columns (HTML colspan) appears once. */
export function distinctCells(cells: GridCell[]): GridCell[] {
  return cells.filter((c, i) => cells.findIndex((d) => d.line === c.line && d.column === c.column) === i);
}
