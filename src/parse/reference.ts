// The reference parse: remark-parse with remark-gfm, exactly the pipeline the
// project has always used. The fast parse (fast-gfm.ts) must give trees that
// deep-equal this one, and falls back to it when a document holds something
// beyond its fast path.

import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkCjkFriendly from 'remark-cjk-friendly';
import type { Root } from 'mdast';

/** The plugin chain, without any speed-up: GFM, YAML front matter, CJK-friendly emphasis. */
export const referenceMarkdown = () =>
  unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkCjkFriendly);

const reference = referenceMarkdown();

/** Text to mdast with remark-gfm's own table tokenizer (slow on large tables, but the judge). */
export function referenceParse(text: string): Root {
  return reference.runSync(reference.parse(text)) as Root;
}
