// Finds every table in the document, whatever form it came in: GFM tables,
// HTML tables (possibly spread over several mdast nodes), and runs of
// tab-separated lines, which may be cut by blank lines and page footers.
// Each is split into grids by the table it holds (二, 三 or 四).

import type { Root, RootContent } from 'mdast';
import type { Grid, GridRow, TableKind } from './grid.ts';
import { gridRowsFromGfm } from './gfm-table.ts';
import { gridsFromHtml } from './html-table.ts';
import { gridRowFromTsvLine, isPageFooter } from './tsv.ts';
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

/** The row sequences of the document's tables, in document order. */
export function findTableRows(root: Root, source: SourceText): GridRow[][] {
  const out: GridRow[][] = [];
  let tsv: GridRow[] | null = null; // the run of tab-separated lines being read
  const endTsv = () => {
    if (tsv?.length) out.push(tsv);
    tsv = null;
  };
  const nodes = root.children;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (!node.position) continue;
    const lines = nodeLines(node, source);
    if (node.type === 'table') {
      endTsv();
      out.push(gridRowsFromGfm(node));
    } else if (node.type === 'html' && /<table\b/i.test(node.value)) {
      endTsv();
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
      out.push(...gridsFromHtml(html, start.line, start.column));
      i = j;
    } else if (lines.some((line) => line.includes('\t')) && node.type !== 'heading') {
      tsv ??= [];
      const [from] = lineRange(node);
      lines.forEach((text, k) => {
        if (text.trim() !== '' && !isPageFooter(text)) tsv!.push(gridRowFromTsvLine(text, from + k));
      });
    } else if (tsv && lines.every((line) => line.trim() === '' || isPageFooter(line))) {
      // A page footer inside a tab-separated table: skip it, keep the table open.
    } else {
      endTsv();
    }
  }
  endTsv();
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

export function findGrids(root: Root, source: SourceText): Grid[] {
  return findTableRows(root, source).flatMap(splitByKind);
}
