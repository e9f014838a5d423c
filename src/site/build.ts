// Builds the site: refuses to publish a report with validation errors, has
// Eleventy render every page into a fresh folder, indexes it with Pagefind
// (one index per language), and only then swaps it in for the old site, so
// a failed or interrupted build leaves the last good site in place (and the
// next build tidies up what an interrupted one left: see leftovers.ts).

import Eleventy from '@11ty/eleventy';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as pagefind from 'pagefind';
import type { Diagnostic } from '../../schemas/diagnostic.ts';
import { loadContent } from './data.ts';
import { tidyLeftovers } from './leftovers.ts';

export const SITE_INPUT = 'templates';
export const SITE_PORT = 8080;

export type BuildOptions = { content: string; out: string; serve: boolean; log: (s: string) => void };

/** Every error of the content: a site with any is not built. */
async function contentErrors(content: string): Promise<Diagnostic[]> {
  const { results } = await loadContent(content);
  return results.flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error'));
}

async function indexSearch(dir: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`search index: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: dir });
  if (added.errors.length) throw new Error(`search index: ${added.errors.join('; ')}`);
  await index.writeFiles({ outputPath: resolve(dir, 'pagefind') });
  await pagefind.close();
}

async function render(out: string, runMode: 'build' | 'serve'): Promise<Eleventy> {
  const eleventy = new Eleventy(SITE_INPUT, out, { configPath: '.eleventy.ts', quietMode: true, runMode });
  await eleventy.init();
  return eleventy;
}

export async function buildSite(options: BuildOptions): Promise<number> {
  process.env.GONGKAI_CONTENT = options.content;
  // First, before anything can fail: a build killed earlier may have left the site moved aside.
  await tidyLeftovers(resolve(options.out));
  const errors = await contentErrors(options.content);
  if (errors.length) {
    options.log(errors.map((d) => `${d.file}:${d.line ?? ''}:${d.column ?? ''}  ${d.rule}  ${d.message.en}`).join('\n'));
    options.log(`not built: ${errors.length} error(s) in ${options.content}; run gongkai validate ${options.content}`);
    return 1;
  }
  if (options.serve) {
    const eleventy = await render(options.out, 'serve');
    await eleventy.write();
    await indexSearch(options.out);
    await eleventy.watch();
    await eleventy.serve(SITE_PORT);
    options.log(`serving ${options.out}/ at http://localhost:${SITE_PORT}/ (Ctrl+C to stop)`);
    return new Promise<number>(() => {});
  }
  const fresh = `${options.out}.building-${process.pid}`;
  const old = `${options.out}.old-${process.pid}`;
  try {
    await (await render(fresh, 'build')).write();
    const searchStart = performance.now();
    await indexSearch(fresh);
    // For the benchmark, which times the search index apart.
    if (process.env.GONGKAI_TIMINGS) options.log(JSON.stringify({ search_s: (performance.now() - searchStart) / 1000 }));
  } catch (error) {
    await rm(fresh, { recursive: true, force: true });
    throw error;
  }
  await rename(options.out, old).catch(() => {});
  await rename(fresh, options.out);
  await rm(old, { recursive: true, force: true });
  options.log(`site written to ${options.out}/`);
  return 0;
}
