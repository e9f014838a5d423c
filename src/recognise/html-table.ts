// HTML tables inside the Markdown (web-published reports) to grids: rowspan
// and colspan are expanded, so a merged cell appears in every row and column
// it covers, with the position of the one cell that was written.

import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { GridCell, GridRow } from './grid.ts';

const MAX_SPAN = 1000;

function textOf(node: ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') {
    if (node.tagName === 'br') return '\n';
    if (node.tagName === 'table') return ''; // a nested table is not this cell's text
    return node.children.map(textOf).join('');
  }
  return '';
}

function elements(node: Root | Element, tagName: string, out: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === tagName) out.push(child);
    else if (child.tagName !== 'table' || node.type === 'root') elements(child, tagName, out);
  }
  return out;
}

/** The width most rows have: a row with a cell too few or too many does not set it. */
function mostCommon(lengths: number[]): number {
  const counts = new Map<number, number>();
  for (const n of lengths) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

function span(value: unknown): number {
  const n = Number(value ?? 1);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/**
 * Every `<table>` in an HTML fragment as rows of cells. `line` and `column`
 * are where the fragment starts in the report, to place cells in the file.
 */
export function gridsFromHtml(html: string, line: number, column: number): GridRow[][] {
  const tree = fromHtml(html, { fragment: true });
  const at = (point: { line: number; column: number } | undefined) =>
    point ? { line: line + point.line - 1, column: point.line === 1 ? column + point.column - 1 : point.column } : { line, column };
  const tables: Element[] = [];
  const collectTables = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'table') tables.push(child);
      else collectTables(child);
    }
  };
  collectTables(tree);
  return tables.map((table) => {
    const rows: (GridCell | undefined)[][] = [];
    const trs = elements(table, 'tr');
    trs.forEach((tr, r) => {
      rows[r] ??= [];
      let c = 0;
      for (const cell of tr.children) {
        if (cell.type !== 'element' || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
        while (rows[r]![c] !== undefined) c++;
        const start = at(cell.position?.start);
        const written: GridCell = { text: textOf(cell).trim(), ...start };
        const rowspan = Math.min(span(cell.properties.rowSpan), trs.length - r);
        const colspan = span(cell.properties.colSpan);
        for (let dr = 0; dr < rowspan; dr++) {
          rows[r + dr] ??= [];
          for (let dc = 0; dc < colspan; dc++) rows[r + dr]![c + dc] = written;
        }
        c += colspan;
      }
    });
    const width = mostCommon(rows.map((row) => row.length));
    return rows.map((row, r) => {
      const line = at(trs[r]?.position?.start).line;
      // A hole left by spans is an empty cell; cells missing at the end are left out.
      const cells = Array.from({ length: row.length }, (_, c) => row[c] ?? { text: '', line, column: 1 });
      return { cells, line, form: 'html' as const, width };
    });
  });
}
