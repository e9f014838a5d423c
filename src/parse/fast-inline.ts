// Inline text the way micromark reads it, for the commonest case of a report's
// narrative: plain text with `**bold**` or `*emphasis*` spans that neither
// nest nor overlap, `<https://…>` autolinks, and `[text](url)` links of
// plain text to a plain address (the "please visit [the portal](https://…)"
// of a report's last section). That is most of what the line-based block
// parse (fast-blocks.ts) would otherwise hand to micromark.
//
// Whether a run of `*` opens or closes is decided exactly as
// micromark-extension-cjk-friendly decides it (its own character classes),
// so "**一是…。**编制" is bold as remark-cjk-friendly makes it. Anything else
// (underscores, code, escapes, references, HTML, images, other links,
// literal autolinks, runs that both open and close, nesting, unmatched
// runs, ...) returns null and is left to micromark. The differential tests
// are the judge.

import type { Emphasis, Link, PhrasingContent, Strong, Text } from 'mdast';
import type { Point } from 'unist';
import { classifyCharacter, isCjk, isCjkOrIvs, isNonCjkPunctuation, isUnicodeWhitespace } from 'micromark-extension-cjk-friendly-util';

/** Characters this path never takes outside an autolink: they can start inline syntax other than `*`. */
const OTHER_SYNTAX = /[\\&_~`[\]@<]|www|http/i;
const AUTOLINK = /<(https?:\/\/[A-Za-z0-9\-._:/?#=+,;]+)>/g;
/**
 * An inline link, not an image: its text on one line, its address with
 * nothing micromark would decode or end it at (no spaces, parentheses,
 * angle brackets, escapes or character references) and no title. Its text
 * must also be plain (see plainLinkText), or it is left to micromark.
 */
const INLINE_LINK = /(?<!!)\[([^\n[\]]+)\]\(([^\s()<>\\&]+)\)/g;

/** Link text this path takes: no inline syntax of its own (nor `^`, a footnote's), nothing a literal autolink starts with, no space at either end. */
const plainLinkText = (text: string) => !OTHER_SYNTAX.test(text) && !/[*^]/.test(text) && text.trim() === text;

type PointAt = (offset: number) => Point;
type CharacterClass = ReturnType<typeof classifyCharacter>;
type Run = { start: number; end: number; open: boolean; close: boolean };

/** micromark's character class of the code point at `i` of `text`; a line ending or either end of the text is whitespace. */
function classAt(text: string, i: number, from: number, to: number): CharacterClass | null {
  if (i < from || i >= to) return classifyCharacter(null);
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdfff) return null; // outside the BMP: not this path's
  if (c === 10) return classifyCharacter(-4);
  const kind = classifyCharacter(c);
  // Variation selectors change how the character before them counts.
  if (kind & 0x6000) return null;
  return kind;
}

/** The runs of `*` in [from, to), each with whether it may open and close (micromark-extension-cjk-friendly's rule for `*`). */
function runs(text: string, from: number, to: number): Run[] | null {
  const found: Run[] = [];
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) !== 42) continue;
    let end = i;
    while (end < to && text.charCodeAt(end) === 42) end++;
    const beforePrimary = classAt(text, i - 1, from, to);
    const after = classAt(text, end, from, to);
    if (beforePrimary === null || after === null) return null;
    const beforeNonCjkPunctuation = isNonCjkPunctuation(beforePrimary);
    const beforeSpaceOrNonCjkPunctuation = beforeNonCjkPunctuation || isUnicodeWhitespace(beforePrimary);
    const afterNonCjkPunctuation = isNonCjkPunctuation(after);
    const afterSpaceOrNonCjkPunctuation = afterNonCjkPunctuation || isUnicodeWhitespace(after);
    const open = !afterSpaceOrNonCjkPunctuation || (afterNonCjkPunctuation && (beforeSpaceOrNonCjkPunctuation || isCjkOrIvs(beforePrimary)));
    const close = !beforeSpaceOrNonCjkPunctuation || (beforeNonCjkPunctuation && (afterSpaceOrNonCjkPunctuation || isCjk(after)));
    found.push({ start: i, end, open, close });
    i = end - 1;
  }
  return found;
}

/** A link found in inline text: autolinks have no `text` (what they show is their address). */
type FoundLink = { start: number; end: number; url: string; text?: { start: number; end: number } };

/**
 * What fastInline's nodes are made from. (Its helpers are functions of their
 * own, not closures made for each paragraph: run through tsx, every closure
 * made is also named, which cost more than the closure.)
 */
type InlineSource = { text: string; links: FoundLink[]; pointAt: PointAt };

const position = (inline: InlineSource, start: number, end: number) => ({ start: inline.pointAt(start), end: inline.pointAt(end) });

/** Continuation lines lose their leading whitespace, as in micromark. */
const textNode = (inline: InlineSource, start: number, end: number): Text => ({ type: 'text', value: inline.text.slice(start, end).replace(/\n[ \t]+/g, '\n'), position: position(inline, start, end) });

/** Text and autolinks in [start, end), no `*` runs among them. */
function plain(inline: InlineSource, start: number, end: number, into: PhrasingContent[]): void {
  let i = start;
  for (const l of inline.links) {
    if (l.start < start || l.end > end) continue;
    if (l.start > i) into.push(textNode(inline, i, l.start));
    const shown = l.text ?? { start: l.start + 1, end: l.end - 1 };
    const link: Link = { type: 'link', title: null, url: l.url, children: [{ type: 'text', value: inline.text.slice(shown.start, shown.end), position: position(inline, shown.start, shown.end) }], position: position(inline, l.start, l.end) };
    into.push(link);
    i = l.end;
  }
  if (end > i) into.push(textNode(inline, i, end));
}

/**
 * The phrasing content of the text in [from, to) (a paragraph's or a
 * heading's), or null when it holds anything beyond this path.
 */
export function fastInline(text: string, from: number, to: number, pointAt: PointAt): PhrasingContent[] | null {
  // Links first: their URLs may hold what is syntax elsewhere. `text` is where a link's text is, for an inline link.
  const links: FoundLink[] = [];
  const source = text.slice(from, to);
  // Whitespace at a line's end is a hard break or trimmed: micromark's.
  if (/[ \t](\n|$)/.test(source)) return null;
  for (const m of source.matchAll(AUTOLINK)) links.push({ start: from + m.index, end: from + m.index + m[0].length, url: m[1]! });
  for (const m of source.matchAll(INLINE_LINK)) {
    const start = from + m.index;
    if (plainLinkText(m[1]!)) links.push({ start, end: start + m[0].length, url: m[2]!, text: { start: start + 1, end: start + 1 + m[1]!.length } });
  }
  links.sort((a, b) => a.start - b.start);
  let outside = '';
  let at = from;
  for (const l of links) {
    outside += text.slice(at, l.start) + ' ';
    at = l.end;
  }
  outside += text.slice(at, to);
  if (OTHER_SYNTAX.test(outside)) return null;

  const children: PhrasingContent[] = [];
  const inline: InlineSource = { text, links, pointAt };

  // Runs of `*` outside autolinks.
  const all: Run[] = [];
  let segment = from;
  for (const l of [...links, { start: to, end: to }]) {
    const found = runs(text, segment, l.start);
    if (!found) return null;
    // A run touching an autolink is classified against `<` or `>`: left to micromark.
    if (found.some((r) => r.start === segment && segment !== from || r.end === l.start && l.start !== to)) return null;
    all.push(...found);
    segment = l.end;
  }
  // micromark pairs each run that may close with the nearest run before it that may open.
  // This path takes only the flat case: each run is matched at once with the one
  // unmatched run before it, both of the same length (so wholly used, and the rule
  // of three never applies), so that spans neither nest nor leave stray stars.
  let pending: Run | null = null;
  let i = from;
  for (const run of all) {
    if (pending && run.close) {
      const size = pending.end - pending.start;
      if (size > 2 || run.end - run.start !== size || run.start === pending.end) return null;
      // Nothing of an autolink may be inside a span.
      if (links.some((l) => l.start < run.start && l.end > pending!.end)) return null;
      if (pending.start > i) plain(inline, i, pending.start, children);
      const inner: PhrasingContent[] = [];
      plain(inline, pending.end, run.start, inner);
      const span: Strong | Emphasis = { type: size === 2 ? 'strong' : 'emphasis', children: inner, position: position(inline, pending.start, run.end) };
      children.push(span);
      i = run.end;
      pending = null;
    } else if (!pending && run.open) pending = run;
    else return null;
  }
  if (pending) return null;
  if (to > i) plain(inline, i, to, children);
  return children;
}
