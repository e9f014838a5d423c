// The fastest way to the same mdast as remark-parse + remark-gfm, for the
// documents gongkai writes and reads most: front matter, ATX headings, plain
// paragraphs, simple lists and pipe tables, separated by blank lines.
//
// micromark spends most of a report's parse on its narrative, character by
// character. Here the blocks are found line by line; a paragraph, heading or
// list item whose text holds nothing that can start inline syntax becomes
// one text node straight from the source, as micromark would make it. The
// text of the others (bold, links, code, HTML...) is parsed by micromark all
// at once, each as a paragraph of its own, and its nodes are moved back to
// their place. Tables are built by the line-based path of fast-gfm.ts.
//
// The block rules here are a strict subset of CommonMark's: any line this
// path is not sure of (indentation, block quotes, fences, HTML blocks,
// setext underlines, thematic breaks, definitions, a list item with more
// than one line, a block interrupting a paragraph, tabs or CR line endings,
// ...) sends the whole document back to the slower paths. The differential
// tests in tests/parse/ are the judge: identical trees, positions included.

import type { Heading, List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent, Text, Yaml } from 'mdast';
import type { Point } from 'unist';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { fastInline } from './fast-inline.ts';
import {
  AUTOLINK_TRIGGER,
  INLINE_TRIGGER,
  UNSURE,
  autolinkTransform,
  buildTable,
  isBlank,
  isPlainBodyRow,
  mayBeDelimiterRow,
  mdastExtensions,
  micromarkExtensionsFor,
  parseComplexCells,
  pointAt,
  splitLines,
  tableHead,
  type ComplexCell,
  type Lines,
} from './fast-gfm.ts';

/** Text that needs the inline parser: inline syntax, or whitespace at a line's end (a hard break, or trimmed). */
const NEEDS_INLINE = new RegExp(`${INLINE_TRIGGER.source}|[ \\t]\\n|[ \\t]$`, 'i');

/** Inline content to parse with micromark: its source range, and the node that takes its children. */
interface Inline {
  node: Paragraph | Heading;
  start: number;
  end: number;
  line: number;
}

class NotSure extends Error {}
const notSure = (): never => {
  throw new NotSure();
};

const code = (text: string, i: number) => text.charCodeAt(i);
const isDigit = (c: number) => c >= 48 && c <= 57;

/** The marker of a list item at `s` and the offset of its content, or null if the line is not one. */
function listMarker(text: string, s: number, e: number): { ordered: boolean; start: number | null; marker: string; content: number } | null {
  const c = code(text, s);
  if (c === 45 /* - */) {
    if (code(text, s + 1) !== 32) return null;
    return { ordered: false, start: null, marker: '-', content: s + 2 };
  }
  if (!isDigit(c)) return null;
  let k = s;
  while (k < e && isDigit(code(text, k))) k++;
  const m = code(text, k);
  if ((m !== 46 && m !== 41) || k - s > 9) return null;
  if (code(text, k + 1) !== 32) return null;
  return { ordered: true, start: Number(text.slice(s, k)), marker: text[k]!, content: k + 2 };
}

/**
 * Whether text at `i` may start a paragraph's first line, here or as the
 * content of a heading or list item: nothing that starts another block or a
 * definition, no indentation, and not a list marker.
 */
function startsPlainBlock(text: string, i: number, e: number): boolean {
  if (i >= e) return false;
  const c = code(text, i);
  switch (c) {
    case 32: // space: indentation
    case 9: // tab
    case 35: // # heading
    case 62: // > block quote
    case 60: // < HTML
    case 96: // ` fence
    case 126: // ~ fence
    case 91: // [ definition, footnote definition, task list item
      return false;
    case 45: // - list item, thematic break, setext underline
    case 43: {
      // + list item
      const next = code(text, i + 1);
      return !(i + 1 >= e || next === 32 || next === 9 || next === 45);
    }
    case 61: // = setext underline (only a whole line of them)
      for (let k = i; k < e; k++) if (code(text, k) !== 61 && code(text, k) !== 32) return true;
      return false;
    case 42: // * list item or thematic break; ** is emphasis
    case 95: {
      // _ thematic break
      const next = code(text, i + 1);
      if (c === 42 && (next === 32 || next === 9 || i + 1 >= e)) return false;
      for (let k = i; k < e; k++) {
        const x = code(text, k);
        if (x !== c && x !== 32 && x !== 9) return true;
      }
      return false;
    }
    default:
      if (isDigit(c)) {
        let k = i;
        while (k < e && isDigit(code(text, k))) k++;
        const m = code(text, k);
        const after = code(text, k + 1);
        // 1. or 1) then a space, a tab or the end: a list item.
        if ((m === 46 || m === 41) && (k + 1 >= e || after === 32 || after === 9)) return false;
      }
      return true;
  }
}

/** A delimiter row at column 1 that cannot also be read as a list item (`- |`): the only kind this path takes. */
function plainDelimiterStart(text: string, s: number): boolean {
  const c = code(text, s);
  if (c === 124 /* | */ || c === 58 /* : */) return true;
  const next = code(text, s + 1);
  return c === 45 /* - */ && next !== 32 && next !== 9;
}

/** An ATX heading line: its depth and content range, or null if the line is not one (UNSURE-free subset). */
function atxHeading(text: string, s: number, e: number): { depth: 1 | 2 | 3 | 4 | 5 | 6; start: number; end: number } | null {
  let k = s;
  while (k < e && code(text, k) === 35) k++;
  const depth = k - s;
  if (depth === 0) return null;
  if (depth > 6 || k >= e || code(text, k) !== 32) notSure();
  while (k < e && code(text, k) === 32) k++;
  // Trailing whitespace or a closing sequence: left to the slower paths.
  const last = code(text, e - 1);
  if (k >= e || last === 32 || last === 9 || last === 35) notSure();
  if (!startsPlainBlock(text, k, e)) notSure();
  return { depth: depth as 1, start: k, end: e };
}

/** Whether line `l` (not blank) would end or break into a paragraph above it: then this path is not sure. */
function interruptsParagraph(text: string, lines: Lines, l: number): boolean {
  const s = lines.start[l]!;
  const e = lines.end[l]!;
  let i = s;
  while (i < e && code(text, i) === 32) i++;
  if (i < e && code(text, i) === 9) return true;
  if (i - s >= 4) return false; // indented: continuation text
  if (!isPlainBodyRow(text, s, e)) return true; // a block start (same test as table rows)
  if (code(text, i) === 91 /* [ */) return true;
  // A table head interrupting the paragraph.
  if (l + 1 < lines.start.length && mayBeDelimiterRow(text, lines.start[l + 1]!, lines.end[l + 1]!)) {
    if (tableHead(text, lines, l, l + 1) !== null) return true;
  }
  return false;
}

export function tryFastBlocks(text: string): Root | undefined {
  if (text.includes('\r') || text.includes('\0') || code(text, 0) === 0xfeff) return undefined;
  try {
    return fastBlocks(text);
  } catch (error) {
    if (error instanceof NotSure) return undefined;
    throw error;
  }
}

function fastBlocks(text: string): Root | undefined {
  const lines = splitLines(text);
  const count = lines.start.length;
  const point = (line: number, offset: number): Point => pointAt(text, lines, line, offset);
  const children: RootContent[] = [];
  const inline: Inline[] = [];
  const complexCells: ComplexCell[] = [];

  /** A paragraph over [start, end) from line `first` to line `last`: text straight away, or queued for the inline parser. */
  const paragraph = (start: number, end: number, first: number, last: number): Paragraph => {
    const node: Paragraph = { type: 'paragraph', children: [], position: { start: point(first, start), end: point(last, end) } };
    const source = text.slice(start, end);
    if (NEEDS_INLINE.test(source)) inlineContent(node, start, end, first);
    else {
      // Continuation lines lose their leading spaces, as in micromark.
      const value = first === last ? source : source.replace(/\n +/g, '\n');
      node.children.push({ type: 'text', value, position: { start: point(first, start), end: point(last, end) } } satisfies Text);
    }
    return node;
  };

  /** The position of an offset (a binary search over the lines). */
  const pointOf = (offset: number): Point => {
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines.start[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return point(lo, offset);
  };
  /** Inline syntax: built here when fast-inline.ts can, else queued for micromark. */
  const inlineContent = (node: Paragraph | Heading, start: number, end: number, line: number) => {
    const children = fastInline(text, start, end, pointOf);
    if (children) {
      node.children = children;
      built.push({ node, start, end, line });
    } else inline.push({ node, start, end, line });
  };
  const built: Inline[] = [];

  let l = 0;
  // Front matter: `---` lines around YAML, at the very start.
  if (count > 1 && text.slice(0, lines.end[0]!) === '---') {
    let close = 1;
    while (close < count && text.slice(lines.start[close]!, lines.end[close]!) !== '---') close++;
    if (close === count) return undefined;
    const value = close === 1 ? '' : text.slice(lines.start[1]!, lines.end[close - 1]!);
    children.push({ type: 'yaml', value, position: { start: point(0, 0), end: point(close, lines.end[close]!) } } satisfies Yaml);
    l = close + 1;
  }

  while (l < count) {
    const s = lines.start[l]!;
    const e = lines.end[l]!;
    if (isBlank(text, s, e)) {
      l++;
      continue;
    }
    const heading = code(text, s) === 35 ? atxHeading(text, s, e) : null;
    if (heading) {
      const node: Heading = { type: 'heading', depth: heading.depth, children: [], position: { start: point(l, s), end: point(l, e) } };
      const source = text.slice(heading.start, heading.end);
      if (NEEDS_INLINE.test(source)) inlineContent(node, heading.start, heading.end, l);
      else node.children.push({ type: 'text', value: source, position: { start: point(l, heading.start), end: point(l, e) } } satisfies Text);
      children.push(node);
      l++;
      continue;
    }

    const item = listMarker(text, s, e);
    if (item) {
      l = list(l, item.ordered, item.marker);
      continue;
    }

    // A table: a header row, then a delimiter row, then rows up to a blank line.
    if (l + 1 < count && mayBeDelimiterRow(text, lines.start[l + 1]!, lines.end[l + 1]!)) {
      // Not a block quote, list item or other block start in disguise.
      if (!isPlainBodyRow(text, s, e) || code(text, s) === 91 /* [ */ || code(text, s) === 32) return undefined;
      if (!plainDelimiterStart(text, lines.start[l + 1]!)) return undefined;
      const align = tableHead(text, lines, l, l + 1);
      if (align === UNSURE) return undefined;
      if (align !== null) {
        let last = l + 1;
        while (last + 1 < count && !isBlank(text, lines.start[last + 1]!, lines.end[last + 1]!)) {
          if (!isPlainBodyRow(text, lines.start[last + 1]!, lines.end[last + 1]!)) return undefined;
          last++;
        }
        const span = { position: { start: point(l, s), end: point(last, lines.end[last]!) } } as RootContent;
        children.push(buildTable(text, lines, span, align, complexCells));
        l = last + 1;
        continue;
      }
    }

    if (!startsPlainBlock(text, s, e)) return undefined;
    let last = l;
    while (last + 1 < count && !isBlank(text, lines.start[last + 1]!, lines.end[last + 1]!)) {
      if (interruptsParagraph(text, lines, last + 1)) return undefined;
      last++;
    }
    children.push(paragraph(s, lines.end[last]!, l, last));
    l = last + 1;
  }

  /** A list from line `first`: one line per item, items of the same marker, blank lines between them making it loose. */
  function list(first: number, ordered: boolean, marker: string): number {
    const items: ListItem[] = [];
    let spread = false;
    let l = first;
    let start: number | null = null;
    for (;;) {
      const s = lines.start[l]!;
      const e = lines.end[l]!;
      const item = listMarker(text, s, e)!;
      if (items.length === 0) start = item.start;
      // One line of plain-starting content, no trailing whitespace.
      if (!startsPlainBlock(text, item.content, e)) notSure();
      const lastChar = code(text, e - 1);
      if (lastChar === 32 || lastChar === 9) notSure();
      items.push({
        type: 'listItem',
        spread: false,
        checked: null,
        children: [paragraph(item.content, e, l, l)],
        position: { start: point(l, s), end: point(l, e) },
      });
      // What follows: another item, blank lines then another item (loose), or the end.
      let next = l + 1;
      while (next < count && isBlank(text, lines.start[next]!, lines.end[next]!)) next++;
      if (next >= count) break;
      const ns = lines.start[next]!;
      const ne = lines.end[next]!;
      const following = listMarker(text, ns, ne);
      const sameList = following !== null && following.ordered === ordered && following.marker === marker;
      if (next === l + 1) {
        if (!sameList) notSure(); // a lazy line or another kind of list: left to micromark
      } else if (!sameList) {
        // After blank lines, the list ends; an indented line would still belong to it.
        if (code(text, ns) === 32 || code(text, ns) === 9 || following !== null) notSure();
        break;
      } else spread = true;
      l = next;
    }
    const node: List = {
      type: 'list',
      ordered,
      start: ordered ? start : null,
      spread,
      children: items,
      position: { start: { ...items[0]!.position!.start }, end: { ...items.at(-1)!.position!.end } },
    };
    children.push(node);
    return l + 1;
  }

  const tree: Root = { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: point(count - 1, text.length) } };
  if (inline.length > 0 && !parseInline(text, lines, inline)) return undefined;
  if (complexCells.length > 0 && !parseComplexCells(text, lines, tree, complexCells)) return undefined;
  if (AUTOLINK_TRIGGER.test(text)) {
    for (const x of [...inline, ...built]) if (AUTOLINK_TRIGGER.test(text.slice(x.start, x.end))) autolinkTransform(x.node as unknown as Root);
  }
  return tree;
}

/**
 * Parse every queued text at once: one document, each text a paragraph of
 * its own, separated by blank lines, then move the nodes to their place.
 * The texts' first lines were checked not to start a block, and no line of
 * theirs starts a definition, so each comes out as one paragraph.
 */
function parseInline(text: string, lines: Lines, queued: Inline[]): boolean {
  let source = '';
  let line = 0; // 0-based line of the synthetic document
  const at: Array<{ line: number; offset: number }> = [];
  for (const q of queued) {
    at.push({ line, offset: source.length });
    const part = text.slice(q.start, q.end);
    source += part + '\n\n';
    for (let i = 0; i < part.length; i++) if (code(part, i) === 10) line++;
    line += 2;
  }
  const parsed = fromMarkdown(source, { extensions: micromarkExtensionsFor(source), mdastExtensions });
  if (parsed.children.length !== queued.length) return false;
  for (let k = 0; k < queued.length; k++) {
    const q = queued[k]!;
    const p = parsed.children[k]!;
    const where = at[k]!;
    if (p.type !== 'paragraph' || p.position!.start.offset !== where.offset) return false;
    const lineShift = q.line - where.line;
    const offsetShift = q.start - where.offset;
    // Columns move only on the first line, which may not start at column 1.
    const firstColumnShift = q.start - lines.start[q.line]!;
    const shift = (pt: Point) => {
      if (pt.line - 1 === where.line) pt.column += firstColumnShift;
      pt.line += lineShift;
      pt.offset! += offsetShift;
    };
    const move = (node: Nodes) => {
      shift(node.position!.start);
      shift(node.position!.end);
      if ('children' in node) for (const child of node.children) move(child);
    };
    for (const child of p.children) move(child);
    q.node.children = p.children as PhrasingContent[];
    if (q.node.type === 'paragraph') {
      shift(p.position!.start);
      shift(p.position!.end);
      q.node.position = p.position;
    }
  }
  return true;
}
