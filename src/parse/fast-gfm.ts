// A faster way to the same mdast as remark-parse + remark-gfm (+ front matter,
// + CJK-friendly emphasis) for documents whose tables are simple enough.
//
// remark-gfm's table tokenizer costs tens of microseconds per cell. Here the
// document is parsed once by micromark with every GFM extension except
// tables, so a pipe table comes out as a paragraph of table lines; those
// paragraphs are then rebuilt, line by line, into the `table` / `tableRow` /
// `tableCell` nodes remark-gfm would have made (same cells, same positions,
// same `align`). The rules are ported from micromark-extension-gfm-table
// (tokenizer: header / delimiter row checks and cell splitting; resolver:
// where each cell starts and ends).
//
// A cell whose text is plain (no character that can start inline syntax)
// becomes one text node straight from the source. Other cells are parsed with
// the same micromark/mdast extensions, all in one extra parse per document,
// each cell as the text of its own paragraph; the nodes are moved back to the
// cell's place in the source.
//
// Whenever the document holds something the fast path does not handle (a
// table inside a list item or block quote, a table that interrupts a
// paragraph, a body row that would start some other block, tabs in a table's
// indentation, ...), the whole document is parsed by the reference pipeline
// instead. The differential tests in tests/parse/tables.test.ts are the judge.

import type { Nodes, PhrasingContent, Root, RootContent, Table, TableCell, TableRow, Text } from 'mdast';
import type { Point } from 'unist';
import { fromMarkdown, type Extension as MdastExtension, type Transform } from 'mdast-util-from-markdown';
import type { Extension as MicromarkExtension } from 'micromark-util-types';
import { combineExtensions } from 'micromark-util-combine-extensions';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';

// ---------------------------------------------------------------------------
// Extensions: the reference's, in the reference's order, minus tables.

// remark-frontmatter, then remark-gfm (micromark-extension-gfm combines
// autolink literal, footnote, strikethrough, table, task list item, in that
// order), then remark-cjk-friendly.
//
// A GFM construct that cannot match anywhere in a document is left out of
// its parse: each one only ever matches at characters that must then be in
// the raw text (an extension that fails leaves no trace in the tree; the only
// difference is where micromark splits `data` tokens, which it merges again).
//   autolink literal: `@` (email, mailto:, xmpp:), `www`, `http` (any case);
//   footnote: `[^`; strikethrough: `~`; task list item: `[`.
const GFM_PARTS = [
  { extension: gfmAutolinkLiteral(), needed: (text: string) => /@|www|http/i.test(text) },
  { extension: gfmFootnote(), needed: (text: string) => text.includes('[^') },
  { extension: gfmStrikethrough({}), needed: (text: string) => text.includes('~') },
  { extension: gfmTaskListItem(), needed: (text: string) => text.includes('[') },
];
const frontmatterExtension = frontmatter(['yaml']);
const cjkExtension = cjkFriendlyExtension();
const extensionSets = new Map<number, MicromarkExtension[]>();

export function micromarkExtensionsFor(text: string): MicromarkExtension[] {
  let key = 0;
  for (let i = 0; i < GFM_PARTS.length; i++) if (GFM_PARTS[i]!.needed(text)) key |= 1 << i;
  let set = extensionSets.get(key);
  if (!set) {
    const parts = GFM_PARTS.filter((_, i) => key & (1 << i)).map((p) => p.extension);
    set = [frontmatterExtension, combineExtensions(parts), cjkExtension];
    extensionSets.set(key, set);
  }
  return set;
}

// The autolink-literal find-and-replace transform is taken out of the mdast
// extension and run by hand, only where the text can hold a literal autolink.
const autolinkFromMarkdown = gfmAutolinkLiteralFromMarkdown();
const findLiteralAutolinks: Transform = autolinkFromMarkdown.transforms![0]!;

/**
 * What the transform's patterns all need in the text they search: `http` or
 * `www` (a URL) or `@` (email, mailto:, xmpp:). It searches text nodes only,
 * and none inside a link, so a paragraph whose only address is a link's
 * (the common case: the raw text's `http` is the link's destination) is
 * left alone without walking it the transform's way.
 */
const LITERAL_NEEDS = /@|www|http/i;
const mayHoldLiteral = (node: Nodes): boolean =>
  node.type === 'text' ? LITERAL_NEEDS.test(node.value) : node.type !== 'link' && node.type !== 'linkReference' && 'children' in node && node.children.some(mayHoldLiteral);

/** Literal autolinks made links in `tree`, as remark-gfm makes them. */
export const autolinkTransform = (tree: Root): void => {
  if (mayHoldLiteral(tree)) findLiteralAutolinks(tree);
};
export const mdastExtensions: Array<MdastExtension | MdastExtension[]> = [
  frontmatterFromMarkdown(['yaml']),
  [
    { ...autolinkFromMarkdown, transforms: [] },
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  ],
];

const parseWithoutTables = (text: string): Root =>
  fromMarkdown(text, { extensions: micromarkExtensionsFor(text), mdastExtensions });

/**
 * Text in which the autolink-literal transform can find something: it only
 * matches `www`, `http(s)://` (any case) and `@`, and a character reference
 * (`&`) can produce any of them.
 */
export const AUTOLINK_TRIGGER = /[@&]|www|http/i;

/**
 * Cell text that needs the inline parser: anything that can start inline
 * syntax (escape, character reference, emphasis, strikethrough, code, HTML,
 * autolink, link, image, footnote call) or a literal autolink.
 */
export const INLINE_TRIGGER = /[\\&*_~`<>!\[\]@]|www|http/i;

// ---------------------------------------------------------------------------
// Lines.

export interface Lines {
  /** Offset of each line's first character. */
  start: number[];
  /** Offset just past each line's last character, before its line ending. */
  end: number[];
}

export function splitLines(text: string): Lines {
  const start = [0];
  const end: number[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      end.push(i);
      start.push(i + 1);
    } else if (c === 13) {
      end.push(i);
      if (text.charCodeAt(i + 1) === 10) i++;
      start.push(i + 1);
    }
  }
  end.push(n);
  return { start, end };
}

const SPACE = 32;
const TAB = 9;
const PIPE = 124;
const COLON = 58;
const DASH = 45;
const BACKSLASH = 92;

export function isBlank(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB) return false;
  }
  return true;
}

/**
 * Whether a line could be a table's delimiter row, even inside containers:
 * after any `>`, spaces and tabs, nothing but `|`, `:`, `-`, spaces and tabs,
 * with a `-` and a `|` or `:`. A superset of real delimiter rows.
 */
export function mayBeDelimiterRow(text: string, s: number, e: number): boolean {
  let i = s;
  while (i < e) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB || c === 62 /* > */) i++;
    else break;
  }
  let dash = false;
  let pipeOrColon = false;
  for (; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === DASH) dash = true;
    else if (c === PIPE || c === COLON) pipeOrColon = true;
    else if (c !== SPACE && c !== TAB) return false;
  }
  return dash && pipeOrColon;
}

// ---------------------------------------------------------------------------
// Table head: micromark-extension-gfm-table's tokenizer, header row and
// delimiter row, on one line each.

export type Align = 'left' | 'right' | 'center' | null;

/** Returned when the fast path cannot decide. */
export const UNSURE = Symbol('unsure');

/** Leading spaces of a line; UNSURE if a tab is among them. */
function indentOf(text: string, s: number, e: number): number | typeof UNSURE {
  let i = s;
  while (i < e) {
    const c = text.charCodeAt(i);
    if (c === SPACE) i++;
    else if (c === TAB) return UNSURE;
    else break;
  }
  return i - s;
}

/** End of a run of cell data (stops at a pipe, space, tab; `\|` and `\\` stay inside). */
function dataEnd(text: string, i: number, e: number): number {
  while (i < e) {
    const c = text.charCodeAt(i);
    if (c === PIPE || c === SPACE || c === TAB) break;
    if (c === BACKSLASH && i + 1 < e) {
      const next = text.charCodeAt(i + 1);
      i += next === BACKSLASH || next === PIPE ? 2 : 1;
    } else i++;
  }
  return i;
}

/** The code unit at `k`, or -1 from `end` on. */
const codeBefore = (text: string, k: number, end: number) => (k < end ? text.charCodeAt(k) : -1);

/** Where the spaces and tabs from `i` end (at `end` at most). */
function afterSpaces(text: string, i: number, end: number): number {
  while (i < end && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
  return i;
}

/**
 * The header row (line `h`) and delimiter row (line `d`) of a table: the
 * column alignments if they form one, `null` if not, UNSURE if the fast path
 * does not know.
 */
export function tableHead(text: string, lines: Lines, h: number, d: number): Align[] | null | typeof UNSURE {
  // Header row.
  const hs = lines.start[h]!;
  const he = lines.end[h]!;
  const hIndent = indentOf(text, hs, he);
  if (hIndent === UNSURE || hIndent > 3) return UNSURE;
  let i = hs + hIndent;
  let size = 0;
  let sizeB = 0;
  let seen = false;
  if (i < he && text.charCodeAt(i) !== PIPE) {
    seen = true;
    sizeB += 1;
  }
  while (i < he) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB) {
      i++;
      continue;
    }
    sizeB += 1;
    if (seen) {
      seen = false;
      size += 1;
    }
    if (c === PIPE) {
      seen = true;
      i++;
    } else {
      i = dataEnd(text, i, he);
    }
  }
  if (sizeB <= 1) return null;

  // Delimiter row.
  const ds = lines.start[d]!;
  const de = lines.end[d]!;
  const dIndent = indentOf(text, ds, de);
  if (dIndent === UNSURE) return UNSURE;
  if (dIndent > 3) return null;
  i = ds + dIndent;
  sizeB = 0;
  seen = false;
  const align: Align[] = [];
  // headDelimiterBefore
  let c = codeBefore(text, i, de);
  if (c === PIPE) {
    seen = true;
    i++;
    i = afterSpaces(text, i, de);
  } else if (c !== DASH && c !== COLON) return null;
  for (;;) {
    // headDelimiterValueBefore
    c = codeBefore(text, i, de);
    if (c === -1) {
      // headDelimiterCellAfter at the end of the line.
      break;
    }
    let left = false;
    if (c === COLON) {
      sizeB += 1;
      seen = true;
      left = true;
      i++;
    } else if (c === DASH) {
      sizeB += 1;
    } else return null;
    // headDelimiterLeftAlignmentAfter
    if (codeBefore(text, i, de) !== DASH) return null;
    while (codeBefore(text, i, de) === DASH) i++;
    let right = false;
    if (codeBefore(text, i, de) === COLON) {
      seen = true;
      right = true;
      i++;
    }
    align.push(left ? (right ? 'center' : 'left') : right ? 'right' : null);
    // headDelimiterRightAlignmentAfter
    i = afterSpaces(text, i, de);
    // headDelimiterCellAfter
    c = codeBefore(text, i, de);
    if (c === -1) break;
    if (c !== PIPE) return null;
    seen = true;
    i++;
    i = afterSpaces(text, i, de);
  }
  if (!seen || size !== sizeB) return null;
  return align;
}

/**
 * Whether a line after a table row is, with certainty, another table row in
 * micromark, as it is a paragraph continuation line without tables: not
 * indented code, and not the start of a block quote, list item, heading,
 * thematic break, fenced code, HTML, setext underline or footnote definition.
 */
export function isPlainBodyRow(text: string, s: number, e: number): boolean {
  const indent = indentOf(text, s, e);
  if (indent === UNSURE || indent > 3) return false;
  const i = s + indent;
  const c = text.charCodeAt(i);
  if (c === PIPE) return true;
  switch (c) {
    case 62: // >
    case 45: // -
    case 43: // +
    case 42: // *
    case 35: // #
    case 60: // <
    case 96: // `
    case 126: // ~
    case 61: // =
    case 95: // _
      return false;
    case 91: // [
      return text.charCodeAt(i + 1) !== 94; // [^ could be a footnote definition
    default:
      break;
  }
  if (c >= 48 && c <= 57) {
    let k = i;
    while (k < e && k - i < 10 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    const m = text.charCodeAt(k);
    if (m === 46 || m === 41) {
      // 1. or 1) followed by a space, a tab or nothing starts a list item.
      const after = k + 1 < e ? text.charCodeAt(k + 1) : -1;
      if (after === -1 || after === SPACE || after === TAB) return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------
// Rows: the tokens of a row, then the resolver's cell boundaries.

const T_DIVIDER = 0;
const T_SPACE = 1;
const T_DATA = 2;

interface CellRange {
  start: number;
  end: number;
  /** Content (first data start .. last data end), if the cell has any. */
  contentStart: number;
  contentEnd: number;
}

/**
 * A row's events: 0 is the row's enter, 1 + 2k / 2 + 2k token k's enter /
 * exit, `rowExit` (1 + 2n) the row's exit; and the cells made so far. (Its
 * helpers are functions of their own, not closures made for each row: run
 * through tsx, every closure made is also named, which cost more than the
 * closure.)
 */
type RowEvents = { s: number; e: number; rowExit: number; starts: number[]; ends: number[]; cells: CellRange[]; current: CellRange | undefined };

/** An event's point: an enter's start or an exit's end. */
function eventPoint(row: RowEvents, ev: number): number {
  if (ev === 0) return row.s;
  if (ev === row.rowExit) return row.e;
  const k = (ev - 1) >> 1;
  return (ev - 1) & 1 ? row.ends[k]! : row.starts[k]!;
}

function flushCell(row: RowEvents, range: number[], rowEnd: number | undefined): void {
  if (range[0] !== 0) row.current!.end = eventPoint(row, range[0]!);
  const at = eventPoint(row, range[1]!);
  const current: CellRange = { start: at, end: at, contentStart: -1, contentEnd: -1 };
  row.current = current;
  row.cells.push(current);
  if (range[2] !== 0) {
    current.contentStart = eventPoint(row, range[2]!);
    current.contentEnd = eventPoint(row, range[3]!);
  }
  if (rowEnd !== undefined) {
    current.end = eventPoint(row, rowEnd);
    row.current = undefined;
  }
}

/**
 * Cells of one row, `s` being the row's start (after its indentation) and `e`
 * its end. A port of micromark-extension-gfm-table's `resolveTable` /
 * `flushCell` over the row's events: enter / exit of each token between the
 * row's enter and exit.
 */
function rowCells(text: string, s: number, e: number): CellRange[] {
  // Tokens.
  const types: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = s;
  while (i < e) {
    const c = text.charCodeAt(i);
    starts.push(i);
    if (c === PIPE) {
      types.push(T_DIVIDER);
      i++;
    } else if (c === SPACE || c === TAB) {
      types.push(T_SPACE);
      i = afterSpaces(text, i, e);
    } else {
      types.push(T_DATA);
      i = dataEnd(text, i, e);
    }
    ends.push(i);
  }
  const n = types.length;
  const row: RowEvents = { s, e, rowExit: 1 + 2 * n, starts, ends, cells: [], current: undefined };
  const { rowExit, cells } = row;

  let inFirstCellAwaitingPipe = true;
  let lastCell = [0, 0, 0, 0];
  let cell = [0, 1, 0, 0];
  for (let k = 0; k < n; k++) {
    const type = types[k];
    const enter = 1 + 2 * k;
    if (type === T_DATA) {
      inFirstCellAwaitingPipe = false;
      if (cell[2] === 0) {
        if (lastCell[1] !== 0) {
          cell[0] = cell[1]!;
          flushCell(row, lastCell, undefined);
          lastCell = [0, 0, 0, 0];
        }
        cell[2] = enter;
      }
      cell[3] = enter + 1;
    } else if (type === T_DIVIDER) {
      if (inFirstCellAwaitingPipe) {
        inFirstCellAwaitingPipe = false;
      } else {
        if (lastCell[1] !== 0) {
          cell[0] = cell[1]!;
          flushCell(row, lastCell, undefined);
        }
        lastCell = cell;
        cell = [lastCell[1]!, enter, 0, 0];
      }
    }
  }
  if (lastCell[1] !== 0) {
    cell[0] = cell[1]!;
    flushCell(row, lastCell, rowExit);
  } else if (cell[1] !== 0) {
    flushCell(row, cell, rowExit);
  }
  return cells;
}

// ---------------------------------------------------------------------------
// The fast parse.

export interface ComplexCell {
  cell: TableCell;
  line: number;
  start: number;
  end: number;
}

/** The fast parse, or `undefined` when the document needs the reference parse. */
export function tryFastParse(text: string): Root | undefined {
  // NUL becomes U+FFFD and a byte order mark shifts every offset: leave those
  // to the reference.
  if (text.includes('\0') || text.charCodeAt(0) === 0xfeff) return undefined;

  const tree = parseWithoutTables(text);
  const children = tree.children;
  const tables = new Map<number, Align[]>();

  if (text.includes('-') && (text.includes('|') || text.includes(':'))) {
    const lines = splitLines(text);
    const count = lines.start.length;

    // The root child (index) covering each line; -2 when two do.
    let owner: Int32Array | undefined;
    const ownerOf = (line: number): number => {
      if (!owner) {
        owner = new Int32Array(count).fill(-1);
        for (let k = 0; k < children.length; k++) {
          const pos = children[k]!.position!;
          for (let l = pos.start.line - 1; l <= pos.end.line - 1; l++) owner[l] = owner[l] === -1 ? k : -2;
        }
      }
      return owner[line]!;
    };

    for (let d = 1; d < count; d++) {
      const ds = lines.start[d]!;
      const de = lines.end[d]!;
      if (!mayBeDelimiterRow(text, ds, de)) continue;
      const h = d - 1;
      // A delimiter row needs its header row right before it.
      if (isBlank(text, lines.start[h]!, lines.end[h]!)) continue;
      const o = ownerOf(d);
      if (o < 0) return undefined;
      const node = children[o]!;
      const type = node.type;
      // Literal blocks start the same way with or without tables.
      if (type === 'code' || type === 'html' || type === 'yaml') continue;
      if (type !== 'paragraph') return undefined;
      const first = node.position!.start.line - 1;
      if (first === h) {
        const align = tableHead(text, lines, h, d);
        if (align === UNSURE) return undefined;
        if (align === null) continue;
        // Every further line of the paragraph must be a table row too.
        const last = node.position!.end.line - 1;
        for (let l = d + 1; l <= last; l++) {
          if (!isPlainBodyRow(text, lines.start[l]!, lines.end[l]!)) return undefined;
        }
        tables.set(o, align);
      } else if (first === d) {
        // The line before ended another block, one a table cannot replace.
        const ho = ownerOf(h);
        if (ho < 0) return undefined;
        const before = children[ho]!.type;
        if (before !== 'heading' && before !== 'thematicBreak' && before !== 'code' && before !== 'html' && before !== 'yaml') {
          return undefined;
        }
      } else {
        // Inside a paragraph: a body row of a table found above, or, if the
        // two lines form a table head, a table interrupting the paragraph.
        if (tables.has(o)) continue;
        const align = tableHead(text, lines, h, d);
        if (align !== null) return undefined;
      }
    }

    if (tables.size > 0) {
      const complex: ComplexCell[] = [];
      for (const [index, align] of tables) {
        const table = buildTable(text, lines, children[index]!, align, complex);
        children[index] = table;
      }
      if (complex.length > 0 && !parseComplexCells(text, lines, tree, complex)) return undefined;
    }
  }

  // Literal autolinks, only where the text can have one.
  if (AUTOLINK_TRIGGER.test(text)) {
    for (const child of children) {
      if (child.type === 'table') continue; // done cell by cell
      const pos = child.position!;
      if (AUTOLINK_TRIGGER.test(text.slice(pos.start.offset, pos.end.offset))) {
        autolinkTransform(child as unknown as Root);
      }
    }
  }
  return tree;
}

export function pointAt(text: string, lines: Lines, line: number, offset: number): Point {
  return { line: line + 1, column: offset - lines.start[line]! + 1, offset };
}

export function buildTable(text: string, lines: Lines, paragraph: RootContent, align: Align[], complex: ComplexCell[]): Table {
  const pos = paragraph.position!;
  const h = pos.start.line - 1;
  const last = pos.end.line - 1;
  const rows: TableRow[] = [];
  for (let l = h; l <= last; l++) {
    if (l === h + 1) continue; // delimiter row
    const ls = lines.start[l]!;
    const le = lines.end[l]!;
    const s = ls + (indentOf(text, ls, le) as number);
    const cells: TableCell[] = [];
    for (const range of rowCells(text, s, le)) {
      const cell: TableCell = {
        type: 'tableCell',
        children: [],
        position: { start: pointAt(text, lines, l, range.start), end: pointAt(text, lines, l, range.end) },
      };
      if (range.contentStart >= 0) {
        const value = text.slice(range.contentStart, range.contentEnd);
        if (INLINE_TRIGGER.test(value)) {
          complex.push({ cell, line: l, start: range.contentStart, end: range.contentEnd });
        } else {
          const node: Text = {
            type: 'text',
            value,
            position: {
              start: pointAt(text, lines, l, range.contentStart),
              end: pointAt(text, lines, l, range.contentEnd),
            },
          };
          cell.children.push(node);
        }
      }
      cells.push(cell);
    }
    rows.push({
      type: 'tableRow',
      children: cells,
      position: { start: pointAt(text, lines, l, s), end: pointAt(text, lines, l, le) },
    });
  }
  const headStart = rows[0]!.position!.start;
  const endLine = last === h + 1 ? h + 1 : last;
  return {
    type: 'table',
    align,
    children: rows,
    position: { start: { ...headStart }, end: pointAt(text, lines, endLine, lines.end[endLine]!) },
  };
}

// ---------------------------------------------------------------------------
// Cells with inline syntax.

/** Definitions and footnote definitions, as lines that define the same identifiers. */
function definitionLines(tree: Root): string | undefined {
  let definitions = '';
  let footnotes = '';
  let ok = true;
  const walk = (node: Nodes) => {
    if (node.type === 'definition') {
      if (/[\\&[\]\r\n]/.test(node.label ?? '') || !node.label) ok = false;
      else definitions += `[${node.label}]: #\n`;
    } else if (node.type === 'footnoteDefinition') {
      if (!/^[^\s\\&[\]^]+$/.test(node.label ?? '')) ok = false;
      // A blank line after each, or the next line would continue it.
      else footnotes += `[^${node.label}]: x\n\n`;
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return ok ? definitions + '\n' + footnotes : undefined;
}

/**
 * Parse the text of cells with inline syntax: one document, each cell the
 * text of a paragraph `X <cell>` (the `X ` keeps the cell from starting a
 * block; a space before the cell is, for every inline construct, the same as
 * the start of the text). Definitions come first, so references resolve as
 * in the document.
 */
export function parseComplexCells(text: string, lines: Lines, tree: Root, complex: ComplexCell[]): boolean {
  let source = '';
  if (complex.some((c) => text.slice(c.start, c.end).includes('['))) {
    const defs = definitionLines(tree);
    if (defs === undefined) return false;
    source = defs;
  }
  let line = 1;
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  const at: Array<{ line: number; offset: number }> = [];
  for (const c of complex) {
    at.push({ line, offset: source.length + 2 });
    source += 'X ' + text.slice(c.start, c.end) + '\n\n';
    line += 2;
  }
  const parsed = fromMarkdown(source, { extensions: micromarkExtensionsFor(source), mdastExtensions });
  const paragraphs = parsed.children.filter((n) => n.type !== 'definition' && n.type !== 'footnoteDefinition');
  if (paragraphs.length !== complex.length) return false;
  for (let k = 0; k < complex.length; k++) {
    const c = complex[k]!;
    const p = paragraphs[k]!;
    const where = at[k]!;
    if (p.type !== 'paragraph' || p.position!.start.line !== where.line || p.position!.start.offset !== where.offset - 2) return false;
    const kids = p.children;
    const head = kids[0];
    if (!head || head.type !== 'text' || !head.value.startsWith('X ')) return false;
    // Move every node from the synthetic line to the cell's place.
    const lineStart = lines.start[c.line]!;
    const shift = c.start - where.offset;
    let ok = true;
    const move = (node: Nodes) => {
      const pos = node.position;
      if (pos) {
        if (pos.start.line !== where.line || pos.end.line !== where.line) ok = false;
        for (const pt of [pos.start, pos.end]) {
          pt.line = c.line + 1;
          pt.offset = pt.offset! + shift;
          pt.column = pt.offset - lineStart + 1;
        }
      }
      if (node.type === 'inlineCode') {
        // mdast-util-gfm-table: in tables, `\|` in code is a pipe.
        node.value = node.value.replace(/\\([\\|])/g, (all: string, ch: string) => (ch === '|' ? ch : all));
      }
      if ('children' in node) for (const child of node.children) move(child);
    };
    for (const kid of kids) move(kid);
    if (!ok) return false;
    if (head.value === 'X ') kids.shift();
    else {
      head.value = head.value.slice(2);
      head.position!.start = pointAt(text, lines, c.line, c.start);
    }
    c.cell.children = kids as PhrasingContent[];
    if (AUTOLINK_TRIGGER.test(text.slice(c.start, c.end))) autolinkTransform(c.cell as unknown as Root);
  }
  return true;
}

