// Table rows written as plain text lines, as PDF and Word extraction leaves
// them: cells separated by tabs, by pipes (a Markdown table that lost its
// delimiter row), or by runs of spaces (a layout-preserving extraction).
// Every cell keeps its exact column. Page footers such as "- 5 -" are
// recognised so that a table cut by a page break reads as one.

import type { GridCell, GridRow } from './grid.ts';
import { looksLikeValue } from './values.ts';
import { cellKind } from './table-kind.ts';

/** A page footer or page number line left in by PDF extraction: "- 5 -", "— 5 —", "第 5 页", "5/12". */
export function isPageFooter(line: string): boolean {
  // Most lines are narrative: a footer starts with a dash, a digit or 第, and normalising leaves CJK ideographs and ASCII
  // as they are and makes full-width forms ASCII: a line starting with any other of those is no footer.
  const first = line.trimStart().charCodeAt(0);
  if (first >= 0x4e00 && first <= 0x9fff && first !== 0x7b2c) return false;
  if (first < 0x80 && first !== 0x2d && !(first >= 0x30 && first <= 0x39)) return false;
  if (first >= 0xff01 && first <= 0xff5e && first !== 0xff0d && !(first >= 0xff10 && first <= 0xff19)) return false;
  const plain = line.normalize('NFKC').trim();
  return /^[-—–]\s*\d+\s*[-—–]$/.test(plain) || /^第\s*\d+\s*页(\s*[,/，]?\s*共\s*\d+\s*页)?$/.test(plain) || /^\d+\s*\/\s*\d+$/.test(plain);
}

/** Splits `text` at a separator pattern, keeping each piece's 1-based column. */
function splitAt(text: string, separator: RegExp, offset = 1): GridCell[] & { line?: never } {
  const cells: { text: string; line: number; column: number }[] = [];
  let start = 0;
  for (const match of text.matchAll(new RegExp(separator.source, 'g'))) {
    cells.push(piece(text.slice(start, match.index), offset + start));
    start = match.index + match[0].length;
  }
  cells.push(piece(text.slice(start), offset + start));
  return cells;
}

function piece(part: string, column: number): GridCell {
  const lead = part.length - part.trimStart().length;
  return { text: part.trim(), line: 0, column: column + lead };
}

const withLine = (cells: GridCell[], line: number): GridRow => ({ cells: cells.map((c) => ({ ...c, line })), line, form: 'text' });

export function gridRowFromTabs(text: string, line: number): GridRow {
  return withLine(splitAt(text, /\t/), line);
}

/** "| a | b |" without a delimiter row: the outer pipes are not cells. */
export function gridRowFromPipes(text: string, line: number): GridRow {
  const open = text.indexOf('|');
  const inner = text.slice(open + 1).replace(/\|\s*$/, '');
  return withLine(splitAt(inner, /(?<!\\)\|/, open + 2), line);
}

/**
 * Cells separated by two or more spaces; a cell ending in single-spaced
 * values ("四、结转下年度继续办理 0 0 0") gives each value a cell of its own.
 */
export function gridRowFromSpaces(text: string, line: number): GridRow {
  const cells = splitAt(text, / {2,}|\u3000+/).flatMap((cell) => {
    const tokens = splitAt(cell.text, / /, cell.column);
    if (tokens.length === 1) return [cell]; // one word: nothing to split off (and long narrative lines are not values)
    let k = tokens.length;
    while (k > 0 && looksLikeValue(tokens[k - 1]!.text)) k--;
    if (k === tokens.length) return [cell];
    const label = k > 0 ? [{ text: tokens.slice(0, k).map((t) => t.text).join(' '), line: 0, column: cell.column }] : [];
    return [...label, ...tokens.slice(k)];
  });
  return withLine(cells, line);
}

export type TextTableStyle = 'tabs' | 'pipes' | 'spaces';

const PIPE_ROW = /^\s*\|.*\|\s*$/;

/**
 * How a block of lines holds a table, if it does: tabs anywhere; pipe rows
 * on two lines or more; or, with no tab or pipe, lines that split on wide
 * spaces into cells — two such lines with values, or one next to words only
 * a table has, or any when the block continues a table cut by a page break.
 */
export function textTableStyle(lines: string[], continuing: boolean): TextTableStyle | null {
  if (lines.some((l) => l.includes('\t'))) return 'tabs';
  if (lines.filter((l) => PIPE_ROW.test(l)).length >= 2) return 'pipes';
  // A line with no space is one cell (gridRowFromSpaces): a block of them holds no values. Most narrative is such a block.
  if (!continuing && !lines.some((l) => l.includes(' ') || l.includes('\u3000'))) return null;
  const rows = lines.map((l, i) => gridRowFromSpaces(l, i + 1).cells.filter((c) => c.text !== ''));
  const valueRows = rows.filter((cells) => cells.length >= 2 && cells.some((c) => looksLikeValue(c.text))).length;
  if (valueRows >= 2 || (valueRows >= 1 && continuing)) return 'spaces';
  // Only now, and only if it can decide, look for words only a table has: most blocks are narrative with no values.
  if (valueRows === 0 && !continuing) return null;
  return rows.some((cells) => cells.some((c) => cellKind(c.text))) ? 'spaces' : null;
}

export function gridRowFromText(text: string, line: number, style: TextTableStyle): GridRow {
  if (style === 'tabs') return gridRowFromTabs(text, line);
  if (style === 'pipes' && PIPE_ROW.test(text)) return gridRowFromPipes(text, line);
  return gridRowFromSpaces(text, line);
}
