// The search index, in parts. Pagefind holds everything it indexes in
// memory until it writes (about 1 MB a Chinese page, measured with its
// Chinese word segmentation), so one index of ten thousand reports needs
// over 10 GB. Instead the report pages of each language are split into
// parts of at most PART_PAGES pages, each indexed by a Pagefind process of
// its own, and the search page of a language merges its parts (PagefindUI's
// mergeIndex). A page's part follows from a hash of its address, so a part
// whose pages did not change is kept from the last build as it was: an edit
// re-indexes one part, not the site.

import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Lang } from '../render/glossary.ts';
import { fingerprint, outputFile, type Output } from './incremental.ts';

const SEARCH_FOLDER = 'pagefind';
/** Pages a part holds at most (GONGKAI_SEARCH_PART to change it): about 0.5 GB of Pagefind's memory for Chinese pages. */
const PART_PAGES = Number(process.env.GONGKAI_SEARCH_PART) || 400;

/** How many parts a language's pages are indexed in. */
const partsFor = (pages: number) => Math.max(1, Math.ceil(pages / PART_PAGES));

/** Where a part's bundle is served from. */
const bundleUrl = (lang: Lang, part: number) => `/${SEARCH_FOLDER}/${lang}-${part}/`;

/** The bundles a language's search page loads: the first, and the ones it merges into it. */
export function searchBundles(lang: Lang, reportPages: number): { first: string; merge: { bundlePath: string }[] } {
  const all = Array.from({ length: partsFor(reportPages) }, (_, k) => bundleUrl(lang, k));
  return { first: all[0]!, merge: all.slice(1).map((bundlePath) => ({ bundlePath })) };
}

export type SearchPart = { lang: Lang; folder: string; pages: Output[]; fingerprint: string };

/** The parts the pages to search (the report pages, with data-pagefind-body) are indexed in. */
export function searchParts(pages: readonly (Output & { lang: Lang })[]): SearchPart[] {
  const parts: SearchPart[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const mine = pages.filter((p) => p.lang === lang);
    const count = partsFor(mine.length);
    const byPart = Array.from({ length: count }, () => [] as Output[]);
    for (const page of mine) byPart[parseInt(fingerprint(page.url).slice(0, 8), 16) % count]!.push(page);
    byPart.forEach((members, k) => {
      const folder = outputFile(bundleUrl(lang, k)).replace(/index\.html$/, '');
      parts.push({ lang, folder, pages: members, fingerprint: fingerprint(folder, String(count), ...members.map((p) => `${p.url} ${p.fingerprint}`)) });
    });
  }
  return parts;
}

/** Indexes one part of the site into `dir` with a Pagefind process of its own, which ends with it (and frees its memory); each page read from the folder `pagesIn` says. */
export async function indexPart(dir: string, part: SearchPart, pagesIn: (url: string) => string = () => dir): Promise<void> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`search index: ${errors.join('; ')}`);
    for (const page of part.pages) {
      const added = await index.addHTMLFile({ url: page.url, content: await readFile(join(pagesIn(page.url), outputFile(page.url)), 'utf8') });
      if (added.errors.length) throw new Error(`search index, ${page.url}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: resolve(dir, part.folder) });
    if (written.errors.length) throw new Error(`search index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}
