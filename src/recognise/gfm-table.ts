// A GFM table node to a grid.

import type { Table, PhrasingContent, TableCell } from 'mdast';
import type { GridRow } from './grid.ts';

/** Cell text: line breaks (<br>) become newlines, which label matching ignores. */
function phrasingText(nodes: PhrasingContent[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'html') return /^<br\s*\/?>$/i.test(node.value) ? '\n' : '';
      if (node.type === 'break') return '\n';
      if ('value' in node) return node.value;
      if ('children' in node) return phrasingText(node.children as PhrasingContent[]);
      return '';
    })
    .join('');
}

const cellText = (cell: TableCell) => phrasingText(cell.children).trim();

export function gridRowsFromGfm(table: Table): GridRow[] {
  const width = Math.max(...table.children.map((row) => row.children.length));
  return table.children.map((row) => {
    const line = row.position!.start.line;
    const cells = row.children.map((cell) => ({
      text: cellText(cell),
      // An empty cell's content has no position; its own starts at the pipe.
      line: cell.children[0]?.position?.start.line ?? cell.position!.start.line,
      column: cell.children[0]?.position?.start.column ?? cell.position!.start.column,
    }));
    // GFM treats missing trailing cells as empty.
    const end = row.position!.end;
    while (cells.length < width) cells.push({ text: '', line: end.line, column: end.column });
    return { cells, line, form: 'gfm' as const };
  });
}
