// A GFM table node to a grid.

import type { Table, PhrasingContent, TableCell } from 'mdast';
import type { GridRow } from './grid.ts';

/** Cell text: line breaks (<br>) become newlines, which label matching ignores. */
function phrasingText(nodes: PhrasingContent[]): string {
  if (nodes.length === 1 && nodes[0]!.type === 'text') return nodes[0]!.value; // nearly every cell: one run of text
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
  // The header row sets a GFM table's width; other rows may lack cells or carry extra ones.
  const width = table.children[0]?.children.length ?? 0;
  return table.children.map((row) => {
    const line = row.position!.start.line;
    const cells = row.children.map((cell) => ({
      text: cellText(cell),
      // An empty cell's content has no position; its own starts at the pipe.
      line: cell.children[0]?.position?.start.line ?? cell.position!.start.line,
      column: cell.children[0]?.position?.start.column ?? cell.position!.start.column,
    }));
    // Cells missing at the end of a row are left out, not taken for blanks.
    return { cells, line, form: 'gfm' as const, width };
  });
}
