// Finds every table in the document, whatever form it came in: GFM tables,
// HTML tables (possibly spread over several mdast nodes), and runs of
// table rows written as text lines (tabs, pipes, aligned spaces), which may
// be cut by blank lines and page footers.
// Each is split into grids by the table it holds (二, 三 or 四).

import type { Root, RootContent } from 'mdast';
import type { Grid, GridRow, TableKind } from './grid.ts';
import { gridRowsFromGfm } from './gfm-table.ts';
import { gridsFromHtml } from './html-table.ts';
import { gridRowFromText, isPageFooter, textTableStyle } from './text-rows.ts';
import { kindHint } from './table-kind.ts';
import type { SourceText } from './source.ts';

const lineRange = (node: RootContent) => [node.position!.start.line, node.position!.end.line] as const;

function nodeLines(node: RootContent, source: SourceText): string[] {
  const [from, to] = lineRange(node);
  return source.lines.slice(from - 1, to);
}

/** How many `<table` minus `</table>` a piece of HTML leaves open. */
function openTables(html: string): number {
  return (html.match(/<table\b/gi)?.length ?? 0) - (html.match(/<\/table\s*>/gi)?.length ?? 0);
}

/** A line a page break leaves between two halves of a table: a footer, or "续表". */
const isBreakLine = (line: string) => line.trim() === '' || isPageFooter(line) || /^[（(]?(续表|续上表|接上表|续)[)）]?[:：]?$/.test(line.trim());

/** A table's rows, the top-level nodes it was read from, and whether only a page break stands between it and the table before. */
export type TableRows = { rows: GridRow[]; nodes: RootContent[]; continues: boolean };

/** The row sequences of the document's tables, in document order. */
export function findTableRows(root: Root, source: SourceText): TableRows[] {
  const out: TableRows[] = [];
  let text: GridRow[] | null = null; // the run of text table lines being read
  let textNodes: RootContent[] = [];
  let textContinues = false;
  let gap = true; // something other than a page break since the last table
  let pending: RootContent[] = []; // page-break nodes not yet known to sit inside a table
  const emit = (rows: GridRow[], nodes: RootContent[], continues: boolean) => {
    if (rows.length) out.push({ rows, nodes, continues: continues && out.length > 0 });
    gap = false;
  };
  const endText = () => {
    if (text) emit(text, textNodes, textContinues);
    text = null;
    textNodes = [];
  };
  const nodes = root.children;
  let style: ReturnType<typeof textTableStyle>;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (!node.position) continue;
    const lines = nodeLines(node, source);
    if (node.type === 'table') {
      endText();
      emit(gridRowsFromGfm(node), [node], !gap);
    } else if (node.type === 'html' && /<table\b/i.test(node.value)) {
      endText();
      // An HTML table with blank lines inside is split by Markdown into
      // several nodes: read on until the table closes.
      let j = i;
      let open = openTables(node.value);
      while (open > 0 && j + 1 < nodes.length) {
        j++;
        const next = nodes[j]!;
        open += openTables(source.text.slice(next.position!.start.offset, next.position!.end.offset));
      }
      const start = node.position.start;
      const html = source.text.slice(start.offset, nodes[j]!.position!.end.offset);
      const continues = !gap;
      gridsFromHtml(html, start.line, start.column).forEach((rows, k) => emit(rows, k === 0 ? nodes.slice(i, j + 1) : [], k === 0 && continues));
      i = j;
    } else if (node.type !== 'heading' && node.type !== 'yaml' && (style = textTableStyle(lines, text !== null))) {
      if (!text) textContinues = !gap;
      text ??= [];
      textNodes.push(...pending, node);
      pending = [];
      const [from] = lineRange(node);
      lines.forEach((line, k) => {
        if (!isBreakLine(line)) text!.push(gridRowFromText(line, from + k, style!));
      });
    } else if (lines.every(isBreakLine)) {
      // A page break inside or between tables: a text table stays open.
      pending.push(node);
      continue;
    } else {
      endText();
      gap = true;
    }
    pending = [];
  }
  endText();
  return out;
}

/** Splits a table's rows where they turn from one table's content to another's. */
export function splitByKind(rows: GridRow[]): Grid[] {
  const grids: Grid[] = [];
  let current: Grid | null = null;
  for (const row of rows) {
    const hint: TableKind | null = kindHint(row);
    if (!current || (hint && current.kind && hint !== current.kind)) {
      current = { kind: hint, rows: [] };
      grids.push(current);
    }
    current.kind ??= hint;
    current.rows.push(row);
  }
  return grids;
}

export type FoundGrids = {
  grids: Grid[];
  /** The top-level nodes that hold the report's tables: not narrative. */
  consumed: Set<RootContent>;
  /** Rows read along with the report's tables that belong to none of them (a caption, a unit line). */
  stray: GridRow[];
};

/**
 * Every grid of the document with the table it holds. A grid with no words
 * of its own to tell, separated from the table before only by a page break,
 * is that table's second half.
 */
export function findGrids(root: Root, source: SourceText): FoundGrids {
  const grids: Grid[] = [];
  const consumed = new Set<RootContent>();
  const stray: GridRow[] = [];
  for (const table of findTableRows(root, source)) {
    const parts = splitByKind(table.rows);
    if (table.continues && parts[0] && !parts[0].kind) parts[0].kind = grids[grids.length - 1]?.kind ?? null;
    if (!parts.some((p) => p.kind)) continue; // some other table: narrative
    for (const node of table.nodes) consumed.add(node);
    for (const part of parts) {
      if (part.kind) grids.push(part);
      else stray.push(...part.rows);
    }
  }
  return { grids, consumed, stray };
}
