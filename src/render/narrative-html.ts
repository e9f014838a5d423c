// Narrative Markdown to HTML for the site. Raw HTML in a report is never
// passed through, and the result is sanitised: only what Markdown can mean
// (paragraphs, emphasis, lists, links, headings, tables) survives, and links
// keep only http(s) and mailto addresses.

import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { fastParse, markdown } from '../parse/markdown.ts';
import { mdastHtml } from './mdast-html.ts';

const schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
  // No ids or names from content: they could clash with the page's own.
  clobberPrefix: 'content-',
};

const processor = markdown().use(remarkRehype).use(rehypeSanitize, schema).use(rehypeStringify);

/** The reference rendering: remark-rehype, rehype-sanitize, rehype-stringify. */
export function referenceNarrativeHtml(markdown: string): string {
  return String(processor.processSync(markdown)).trim();
}

/** The same HTML, written straight from the tree where it holds only what narratives are made of (mdast-html.ts). */
export function narrativeHtml(markdown: string): string {
  return mdastHtml(fastParse(markdown)) ?? referenceNarrativeHtml(markdown);
}

/**
 * A paragraph that marks where one part of a joint rendering ends. Its word
 * is one that none of the parts contains (lengthened until so), since a
 * report that wrote the marker itself would otherwise cut a section short,
 * or a blockquote in two. Chosen the same way every time: builds stay
 * byte-identical.
 */
function separator(parts: readonly string[]): (i: number) => string {
  let word = 'gongkai-part';
  while (parts.some((p) => p.includes(word))) word += '-';
  return (i) => `⁂${word}-${i}⁂`;
}

/**
 * Parts rendered lately, by their Markdown. A report's English page shows
 * the Chinese text of every section it has no translation of, and is made
 * right after its Chinese page (src/site/site-data.ts orders them so): those
 * sections are rendered once. One report's worth (its preamble and six
 * sections, in each language), no more: parts kept longer live through
 * young-generation collections and are promoted to the old generation.
 */
const recent = new Map<string, string>();
const RECENT = 16;

/** Several Markdown texts rendered (those not rendered just before, in one pass), in order. */
export function narrativeHtmlParts(parts: readonly string[]): string[] {
  const missing = [...new Set(parts.filter((p) => !recent.has(p)))];
  if (missing.length) {
    renderTogether(missing).forEach((html, i) => recent.set(missing[i]!, html));
    for (const key of recent.keys()) {
      if (recent.size <= RECENT) break;
      recent.delete(key);
    }
  }
  return parts.map((p) => recent.get(p) ?? renderTogether([p])[0]!);
}

/** Several Markdown texts rendered in one pass (one pipeline run instead of many), split back apart. */
function renderTogether(parts: readonly string[]): string[] {
  const SEPARATOR = separator(parts);
  const joined = parts.map((p, i) => `${p}\n\n${SEPARATOR(i)}`).join('\n\n');
  const html = narrativeHtml(joined);
  const out: string[] = [];
  let rest = html;
  parts.forEach((_, i) => {
    const marker = `<p>${SEPARATOR(i)}</p>`;
    const at = rest.indexOf(marker);
    out.push(rest.slice(0, at).trim());
    rest = rest.slice(at + marker.length);
  });
  return out;
}
