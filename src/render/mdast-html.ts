// Narrative mdast straight to the HTML that remark-rehype, rehype-sanitize
// (narrative-html.ts's schema) and rehype-stringify make of it, byte for
// byte, without building and walking a hast tree: a report's narrative is
// rendered for each of its two pages, and the three-step pipeline was a fifth
// of a page's cost. Only the nodes report narratives are made of are written
// here; for anything else (images, footnotes, references, tables, task
// lists, titles, links the schema would strip) the whole text goes back to
// the pipeline, which stays the reference (tests/render/mdast-html.test.ts
// renders fixtures and thousands of generated documents both ways).

import type { Blockquote, Code, Heading, Link, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { normalizeUri } from 'micromark-util-sanitize-uri';

/** Thrown (and caught in `mdastHtml`) for a node this writer leaves to the reference pipeline. */
const UNSUPPORTED = Symbol('unsupported');

// hast-util-to-html's escapes, hexadecimal as it writes them.
const TEXT_ESCAPES = /[<&]/g;
const ATTRIBUTE_ESCAPES = /[\0"&'`]/g;
const hex = (c: string) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`;
const escapeText = (s: string) => (/[<&]/.test(s) ? s.replace(TEXT_ESCAPES, hex) : s);
const escapeAttribute = (s: string) => s.replace(ATTRIBUTE_ESCAPES, hex);

/** mdast-util-to-hast's trimLines: spaces and tabs around line endings go. */
function trimLines(value: string): string {
  if (!/[\r\n]/.test(value)) return value;
  return value.replace(/[ \t]*(\r?\n|\r)[ \t]*/g, '$1');
}

/** What follows a hard break loses its leading spaces and tabs. */
const trimSpaceStart = (s: string) => s.replace(/^[ \t]+/, '');

/** The schema's href rule: relative, or http, https, mailto. Anything else would lose its href: left to the reference. */
function safeHref(url: string): boolean {
  const colon = url.indexOf(':');
  if (colon < 0) return true;
  for (const stop of ['/', '?', '#']) {
    const at = url.indexOf(stop);
    if (at > -1 && colon > at) return true;
  }
  return url.startsWith('http:') || url.startsWith('https:') || url.startsWith('mailto:');
}

/** A phrasing node's HTML; `afterBreak`: it follows a hard break, so its first text loses leading blanks. */
function phrasing(node: PhrasingContent, afterBreak: boolean): string {
  switch (node.type) {
    case 'text':
      return escapeText(afterBreak ? trimSpaceStart(trimLines(node.value)) : trimLines(node.value));
    case 'emphasis':
      return `<em>${inline(node.children, afterBreak)}</em>`;
    case 'strong':
      return `<strong>${inline(node.children, afterBreak)}</strong>`;
    case 'delete':
      return `<del>${inline(node.children, afterBreak)}</del>`;
    case 'inlineCode': {
      const value = node.value.replace(/\r?\n|\r/g, ' ');
      return `<code>${escapeText(afterBreak ? trimSpaceStart(value) : value)}</code>`;
    }
    case 'break':
      return '<br>\n';
    case 'link':
      return link(node, afterBreak);
    case 'html':
      return '';
    default:
      throw UNSUPPORTED;
  }
}

function link(node: Link, afterBreak: boolean): string {
  if (node.title !== null && node.title !== undefined) throw UNSUPPORTED;
  const href = normalizeUri(node.url);
  if (!safeHref(href)) throw UNSUPPORTED;
  return `<a href="${escapeAttribute(href)}">${inline(node.children, afterBreak)}</a>`;
}

/**
 * Children in a row, as mdast-util-to-hast's `all` joins them. What follows a
 * hard break loses its leading blanks: a text, or the first text of an
 * element (`firstAfterBreak`, passed down one level only, as there).
 */
function inline(children: readonly PhrasingContent[], firstAfterBreak = false): string {
  let html = '';
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (i === 0 && firstAfterBreak) {
      // The element's first output child would be the one after a dropped raw HTML node: rare, left to the reference.
      if (child.type === 'html') throw UNSUPPORTED;
      html += phrasing(child, child.type === 'text');
      continue;
    }
    html += phrasing(child, i > 0 && children[i - 1]!.type === 'break');
  }
  return html;
}

/** A block's HTML, or null for one the pipeline drops (raw HTML). */
function block(node: RootContent): string | null {
  switch (node.type) {
    case 'paragraph':
      return `<p>${inline((node as Paragraph).children)}</p>`;
    case 'heading':
      return `<h${(node as Heading).depth}>${inline((node as Heading).children)}</h${(node as Heading).depth}>`;
    case 'thematicBreak':
      return '<hr>';
    case 'blockquote':
      return `<blockquote>\n${blocks((node as Blockquote).children).map((b) => `${b}\n`).join('')}</blockquote>`;
    case 'list':
      return list(node as List);
    case 'code':
      return code(node as Code);
    case 'html':
      return null;
    default:
      throw UNSUPPORTED;
  }
}

/** Blocks that make output, in order. */
function blocks(children: readonly RootContent[]): string[] {
  const out: string[] = [];
  for (const child of children) {
    const html = block(child);
    if (html !== null) out.push(html);
  }
  return out;
}

function code(node: Code): string {
  if (node.lang) throw UNSUPPORTED;
  return `<pre><code>${escapeText(node.value ? `${node.value}\n` : '')}</code></pre>`;
}

const itemLoose = (item: ListItem) => item.spread ?? item.children.length > 1;

function list(node: List): string {
  const loose = Boolean(node.spread) || node.children.some(itemLoose);
  const tag = node.ordered ? 'ol' : 'ul';
  const start = node.ordered && typeof node.start === 'number' && node.start !== 1 ? ` start="${node.start}"` : '';
  let html = `<${tag}${start}>\n`;
  for (const item of node.children) html += `${listItem(item, loose)}\n`;
  return `${html}</${tag}>`;
}

/** A list item: in a tight list its paragraphs lose their <p>, as mdast-util-to-hast writes it. */
function listItem(item: ListItem, loose: boolean): string {
  if (typeof item.checked === 'boolean') throw UNSUPPORTED;
  let html = '';
  let last: RootContent | null = null;
  let index = 0;
  for (const child of item.children) {
    const rendered = block(child);
    if (rendered === null) continue;
    const paragraph = child.type === 'paragraph';
    if (loose || index !== 0 || !paragraph) html += '\n';
    html += paragraph && !loose ? inline((child as Paragraph).children) : rendered;
    last = child;
    index++;
  }
  if (last && (loose || last.type !== 'paragraph')) html += '\n';
  return `<li>${html}</li>`;
}

/**
 * The narrative's HTML as the reference pipeline writes it (trimmed, as
 * narrativeHtml returns it), or null when the tree holds a node this writer
 * leaves to the pipeline.
 */
export function mdastHtml(tree: Root): string | null {
  try {
    return blocks(tree.children).join('\n').trim();
  } catch (error) {
    if (error === UNSUPPORTED) return null;
    throw error;
  }
}
