// Text to mdast, with positions. The only module that knows Markdown syntax:
// the site's renderer parses with the same plugins.

import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkCjkFriendly from 'remark-cjk-friendly';
import type { Root } from 'mdast';

/**
 * GFM, YAML front matter, and emphasis as Chinese text writes it:
 * "**一是…。**编制" is bold although CommonMark alone would not close it.
 */
export const markdown = () => unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkCjkFriendly);

const parser = markdown();

export function parseMarkdown(text: string): Root {
  return parser.runSync(parser.parse(text)) as Root;
}
