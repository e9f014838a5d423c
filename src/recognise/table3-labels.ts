// Matching the label cells of a table 三 row to the template's row tree.
// Labels may sit in one column or across up to three, with merged cells left
// empty: a row's cells are matched left to right, each within the node the
// cell before it chose, and a row with no group of its own falls back on
// the group of the row above.

import { TABLE3, nodeLabel, type Table3Node } from '../../schemas/template.ts';
import { closest, normaliseLabel } from './normalise.ts';

export type NodePath = readonly Table3Node[];

type Entry = { node: Table3Node; path: NodePath; forms: string[]; number: string };

function entries(layout: '2019' | '2021'): Entry[] {
  const out: Entry[] = [];
  const walk = (nodes: readonly Table3Node[], above: Table3Node[]) => {
    for (const node of nodes) {
      const path = [...above, node];
      const wordings = [node.words, ...(node.aliases ?? [])];
      out.push({
        node,
        path,
        forms: [...new Set(wordings.flatMap((w) => [normaliseLabel(node.number + w), normaliseLabel(w)]))],
        number: normaliseLabel(node.number),
      });
      if (node.children) walk(node.children, path);
    }
  };
  walk(TABLE3[layout], []);
  return out;
}

const ENTRIES = { '2019': entries('2019'), '2021': entries('2021') };

/** "(五)", "三、", "1." on their own: a numbering without words. */
const NUMBERING_ONLY = /^(\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d+\.)$/;

export type CellMatch = { entry: Entry; variant: boolean } | null;

const isUnder = (entry: Entry, ancestor: Table3Node | undefined) => !ancestor || entry.path.includes(ancestor);

/** Picks among entries, preferring those inside the context group. */
function prefer(found: Entry[], context: Table3Node | undefined): Entry | undefined {
  if (found.length <= 1) return found[0];
  const inside = found.filter((e) => context && e.path.includes(context) && e.node !== context);
  return inside.length === 1 ? inside[0] : undefined;
}

function matchCell(text: string, scope: Entry[], context: Table3Node | undefined): CellMatch {
  const label = normaliseLabel(text);
  if (label === '') return null;
  const exact = prefer(scope.filter((e) => e.forms.includes(label)), context);
  if (exact) return { entry: exact, variant: false };
  if (NUMBERING_ONLY.test(label)) {
    const numbered = prefer(scope.filter((e) => e.number === label), context);
    return numbered ? { entry: numbered, variant: false } : null;
  }
  const inContext = context ? scope.filter((e) => isUnder(e, context) && e.node !== context) : [];
  const near = (inContext.length ? closest(label, inContext, (e) => e.forms) : undefined) ?? closest(label, scope, (e) => e.forms);
  return near ? { entry: near.item, variant: true } : null;
}

export type RowMatch = {
  /** The deepest node the labels reach, with its ancestors. */
  path: NodePath;
  /** Cells matched only approximately (a `label-variant`), with the label they were taken for. */
  variants: { index: number; official: string }[];
  /** Label cells that matched nothing. */
  unmatched: number[];
};

/**
 * Matches a row's non-empty label cells. `context` is the group the row
 * above sat in; null when nothing in the row matched.
 */
/** The same labels in the same place match the same way in every report: each is matched once. */
const remembered = new Map<string, RowMatch | null>();
const MAX_REMEMBERED = 50_000;

export function matchRowLabels(layout: '2019' | '2021', labels: readonly string[], context: Table3Node | undefined): RowMatch | null {
  const key = `${layout}\u0000${context?.key ?? ''}\u0000${labels.join('\u0001')}`;
  if (remembered.has(key)) return remembered.get(key)!;
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  const match = matchUncached(layout, labels, context);
  remembered.set(key, match);
  return match;
}

function matchUncached(layout: '2019' | '2021', labels: readonly string[], context: Table3Node | undefined): RowMatch | null {
  const whole = matchLabelCells(layout, labels, context);
  if (isExact(whole) || labels.length !== 1) return whole;
  // One cell may hold several levels: "（三）不予公开1.属于国家秘密".
  const parts = splitLevels(labels[0]!);
  if (parts.length < 2) return whole;
  const split = matchLabelCells(layout, parts, context);
  const misses = (m: RowMatch | null) => (m ? m.variants.length + m.unmatched.length : Infinity);
  if (!split || misses(split) >= misses(whole)) return whole;
  // Located at the one cell that was split.
  return { path: split.path, variants: split.variants.map((v) => ({ ...v, index: 0 })), unmatched: split.unmatched.length ? [0] : [] };
}

/** Splits a label before each numbering that follows other text: "三、…（一）予以公开" → two labels. */
export function splitLevels(text: string): string[] {
  return text
    .split(/(?<=\S)\s*(?=[（(][一二三四五六七八九十]{1,2}[)）])|(?<=[^\d.\s])\s*(?=\d{1,2}\s*[.、．]\s*[^\d\s])/)
    .map((part) => part.trim())
    .filter(Boolean);
}

function matchLabelCells(layout: '2019' | '2021', labels: readonly string[], context: Table3Node | undefined): RowMatch | null {
  const all = ENTRIES[layout];
  let path: NodePath = [];
  const variants: RowMatch['variants'] = [];
  const unmatched: number[] = [];
  for (const [index, text] of labels.entries()) {
    const parent = path[path.length - 1];
    const scope = parent ? all.filter((e) => e.path.includes(parent) && e.node !== parent) : all;
    const match = matchCell(text, scope, parent ?? context);
    // A row whose first label is unknown is not a row of the table (a header, say).
    if (!match && index === 0) return null;
    if (!match) {
      unmatched.push(index);
      continue;
    }
    path = match.entry.path;
    if (match.variant) variants.push({ index, official: nodeLabel(match.entry.node) });
  }
  return path.length ? { path, variants, unmatched } : null;
}

export const isExact = (match: RowMatch | null): boolean => !!match && match.variants.length === 0 && match.unmatched.length === 0;
export const isLeaf = (match: RowMatch | null): boolean => !!match && !match.path[match.path.length - 1]!.children;
