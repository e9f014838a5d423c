// Text to mdast, with positions. The only module that knows Markdown syntax:
// the site's renderer parses with the same plugins.

import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkCjkFriendly from 'remark-cjk-friendly';
import type { Root } from 'mdast';
import { tryFastParse } from './fast-gfm.ts';
import { tryFastBlocks } from './fast-blocks.ts';
import { referenceParse } from './reference.ts';

export { referenceParse };

/** The same tree as remark-parse + remark-gfm: line by line where the document allows (fast-blocks.ts), else micromark with tables built line by line (fast-gfm.ts), else the reference. */
export function fastParse(text: string): Root {
  return tryFastBlocks(text) ?? tryFastParse(text) ?? referenceParse(text);
}

/**
 * Swap the parser remark-parse installed for the fast one, which gives the
 * same tree (see fast-gfm.ts). Only while the processor's extensions are the
 * ones `markdown()` itself registers: a plugin added later that brings its
 * own syntax gets remark-parse's parser back.
 */
function fastGfmTables(this: Processor) {
  const self = this;
  const remarkParser = self.parser;
  const micromarkCount = self.data('micromarkExtensions')?.length;
  const mdastCount = self.data('fromMarkdownExtensions')?.length;
  self.parser = (document, file) => {
    const same =
      self.data('micromarkExtensions')?.length === micromarkCount &&
      self.data('fromMarkdownExtensions')?.length === mdastCount &&
      Object.keys(self.data('settings') ?? {}).length === 0;
    if (same || !remarkParser) return fastParse(document);
    return remarkParser(document, file);
  };
}

/**
 * GFM, YAML front matter, and emphasis as Chinese text writes it:
 * "**一是…。**编制" is bold although CommonMark alone would not close it.
 * Tables are built by a fast line-based path (src/parse/fast-gfm.ts) that
 * yields the same tree as remark-gfm's tokenizer.
 */
export const markdown = () =>
  unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkCjkFriendly).use(fastGfmTables);

const parser = markdown();

export function parseMarkdown(text: string): Root {
  return parser.runSync(parser.parse(text)) as Root;
}
