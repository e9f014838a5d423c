// Narrative Markdown to HTML for the site. Raw HTML in a report is never
// passed through, and the result is sanitised: only what Markdown can mean
// (paragraphs, emphasis, lists, links, headings, tables) survives, and links
// keep only http(s) and mailto addresses.

import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { markdown } from '../parse/markdown.ts';

const schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
  // No ids or names from content: they could clash with the page's own.
  clobberPrefix: 'content-',
};

const processor = markdown().use(remarkRehype).use(rehypeSanitize, schema).use(rehypeStringify);

export function narrativeHtml(markdown: string): string {
  return String(processor.processSync(markdown)).trim();
}
