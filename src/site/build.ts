// Builds the site: refuses to publish a report with validation errors, makes
// the site in a fresh folder — linking in every page and download that has
// not changed since the last build (src/site/incremental.ts), making the
// rest (report and agency pages and the downloads in bulk: write-outputs.ts;
// the site's own pages by Eleventy) — indexes it with Pagefind (one index per language, kept
// as it was when no page changed), and only then swaps it in for the old
// site, so a failed or interrupted build leaves the last good site in place
// (and the next build tidies up what an interrupted one left: leftovers.ts).

import type Eleventy from '@11ty/eleventy';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { loadConfig } from '../check/config.ts';
import { checkDefaults, setCheckDefaults } from '../check/check-files.ts';
import { errorLine, handOver, markRendered } from './data.ts';
import { RENDERED_IN_BULK } from './render-pages.ts';
import { startHelperEarly, writeOutputs, type Helper } from './write-outputs.ts';
import { tidyLeftovers } from './leftovers.ts';
import { garbageGuard } from '../util/collect-garbage.ts';
import { changedDuringBuild } from './whole-report.ts';
import { fingerprint, keepUnchanged, unchangedSite, manifestFile, outputFile, readManifest, record, writeManifest, type Manifest, type Output } from './incremental.ts';
import type { PieceTable } from './dataset-pieces.ts';
import { indexPart, searchParts, type SearchPart } from './search-index.ts';
import { buildSite as makeSite, loadPublished, schemaJson, type Site } from './site-data.ts';

export const SITE_INPUT = 'templates';
export const SITE_PORT = 8080;
/** The assets Eleventy copies as they are (see .eleventy.ts). */
const ASSETS = { from: join(SITE_INPUT, 'assets'), to: 'assets' };
/** Pages per Eleventy run (GONGKAI_RENDER_RUN to change it): bounds the memory a build needs, at about a second a run. */
const RENDER_RUN = Number(process.env.GONGKAI_RENDER_RUN) || 1000;

export type BuildOptions = { content: string; out: string; serve: boolean; port?: number; log: (s: string) => void };

// Eleventy is loaded when there is something to render: a build that finds nothing changed does not need it.
async function render(out: string, runMode: 'build' | 'serve'): Promise<Eleventy> {
  const { default: Eleventy } = await import('@11ty/eleventy');
  const eleventy = new Eleventy(SITE_INPUT, out, { configPath: '.eleventy.ts', quietMode: true, runMode });
  await eleventy.init();
  return eleventy;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

/** Links a part of the last build's search index into `fresh` if its pages are all the same; its outputs, or null. */
async function keepPart(part: SearchPart, previous: Manifest, out: string, fresh: string): Promise<Output[] | null> {
  const outputs = recordedUnder(part, previous);
  if (outputs.length === 0) return null;
  const kept = await keepUnchanged(outputs, previous, out, fresh);
  if (kept.size === outputs.length) return outputs;
  await rm(join(fresh, part.folder), { recursive: true, force: true });
  return null;
}

/** The files of a part of the search index as the last build recorded them, with this build's fingerprint of the part. */
const recordedUnder = (part: SearchPart, previous: Manifest): Output[] =>
  Object.keys(previous).filter((path) => path.startsWith(part.folder)).map((path) => ({ url: `/${path}`, fingerprint: part.fingerprint }));

type PhaseTimer = { end: (phase: string) => void; seconds: Record<string, number> };

/** Seconds spent in each phase of a build, for GONGKAI_TIMINGS. */
function phaseTimer(): PhaseTimer {
  let last = performance.now();
  const seconds: Record<string, number> = {};
  return {
    seconds,
    end(phase) {
      const now = performance.now();
      seconds[phase] = Math.round(now - last) / 1000;
      last = now;
    },
  };
}

export async function buildSite(options: BuildOptions): Promise<number> {
  process.env.GONGKAI_CONTENT = options.content;
  // First, before anything can fail: a build killed earlier may have left the site moved aside.
  await tidyLeftovers(resolve(options.out));
  // The preview server checks again, after each edit, only the files that changed.
  if (options.serve) setCheckDefaults({ remember: true });
  const phases = phaseTimer();
  const config = await loadConfig(undefined);
  const { published, errors } = await loadPublished(options.content, config);
  phases.end('load');
  if (errors.length) {
    options.log(errors.map(errorLine).join('\n'));
    options.log(`not built: ${errors.length} error(s) in ${options.content}; run gongkai validate ${options.content}`);
    return 1;
  }
  const { cacheDir } = checkDefaults();
  const manifestAt = cacheDir ? manifestFile(cacheDir, options.out) : null;
  const previous = manifestAt ? await readManifest(manifestAt) : {};
  // Nothing built here before: nearly every page is to be made, and a helper thread started now loads and makes
  // its site data while this thread makes its own (started with the outputs, it was ready 7.4 s after them at 10,000 reports).
  const helper = options.serve || Object.keys(previous).length ? null : startHelperEarly(published, freshFolder(options.out), cacheDir);
  let site: Site;
  try {
    site = makeSite(published, schemaJson());
    phases.end('site_data');
    await writeSite(site, options, phases, { cacheDir, manifestAt, previous, helper });
  } finally {
    void helper?.stop(); // done with, or not needed after all (the site unchanged, a build that failed)
  }
  if (options.serve) {
    // The preview starts from the site just built, then re-renders into it what each edit changes.
    markRendered([...site.pages, ...site.downloads]);
    const eleventy = await render(options.out, 'serve');
    await eleventy.write();
    await eleventy.watch();
    const port = options.port ?? SITE_PORT;
    await eleventy.serve(port);
    options.log(`serving ${options.out}/ at http://localhost:${port}/ (Ctrl+C to stop)`);
    return new Promise<number>(() => {});
  }
  return 0;
}

/** Where a build makes the site before it swaps it in. */
const freshFolder = (out: string) => `${out}.building-${process.pid}`;

type LastBuild = { cacheDir: string | null; manifestAt: string | null; previous: Manifest; helper: Helper | null };

/** Makes the site in a fresh folder, keeping what has not changed since the last build, and swaps it in. */
async function writeSite(site: Site, options: BuildOptions, phases: PhaseTimer, { cacheDir, manifestAt, previous, helper }: LastBuild): Promise<void> {
  const outputs: Output[] = [...site.pages, ...site.downloads];
  // Nothing changed since the last build (and nothing touched its files): the site in place is this build's.
  const parts = searchParts(site.pages.filter((p) => p.kind === 'report'));
  const searchOutputs = parts.flatMap((part) => recordedUnder(part, previous));
  if (parts.every((part) => recordedUnder(part, previous).length) && (await unchangedSite([...outputs, ...searchOutputs], previous, options.out, ASSETS))) {
    phases.end('unchanged');
    if (process.env.GONGKAI_TIMINGS) options.log(JSON.stringify({ search_s: 0, rendered: 0, kept: outputs.length, phases: phases.seconds }));
    options.log(`site unchanged at ${options.out}/`);
    return;
  }
  const fresh = freshFolder(options.out);
  const old = `${options.out}.old-${process.pid}`;
  let manifest: Manifest;
  try {
    await rm(fresh, { recursive: true, force: true });
    await mkdir(fresh, { recursive: true });
    const kept = await keepUnchanged(outputs, previous, options.out, fresh);
    phases.end('keep');
    // Eleventy renders the site's own pages (and copies its assets); the report and agency pages,
    // tens of thousands, are rendered from the same templates in bulk, with the downloads (write-outputs.ts).
    const pages = site.pages.filter((p) => !kept.has(p.url) && !RENDERED_IN_BULK.has(p.kind));
    let helped = 0;
    let helperFailed = false;
    let pieces = new Map<string, PieceTable>();
    try {
      ({ helped, helperFailed, pieces } = await writeOutputs(site, kept, fresh, { cacheDir, early: helper }, { manifest: previous, dir: options.out }));
      phases.end('bulk');
      // Eleventy holds every page it renders until its run ends: render in runs of a bounded size.
      const afterRun = garbageGuard(1);
      for (let from = 0; from === 0 || from < pages.length; from += RENDER_RUN) {
        handOver({ pages: pages.slice(from, from + RENDER_RUN), downloads: [] });
        await (await render(fresh, 'build')).write();
        afterRun(); // what the run made, let go before the next once garbage has piled up
      }
    } catch (error) {
      throw changedDuringBuild(error) ?? error; // a report changed meanwhile: said plainly, not as a rendering error
    }
    phases.end('render');

    const searchStart = performance.now();
    // Each part of the search index kept if its pages are the same, else indexed again: one Pagefind process at a time.
    const search: Output[] = [];
    let indexed = 0;
    for (const part of parts) {
      let files = await keepPart(part, previous, options.out, fresh);
      if (!files) {
        await indexPart(fresh, part);
        indexed++;
        files = (await filesUnder(join(fresh, part.folder))).map((path) => ({ url: `/${part.folder}${path}`, fingerprint: part.fingerprint }));
      }
      search.push(...files);
    }
    phases.end('search');
    // A dataset kept as it was has its pieces where they were.
    for (const d of site.datasets) if (kept.has(d.url) && previous[outputFile(d.url)]?.pieces) pieces.set(d.url, previous[outputFile(d.url)]!.pieces!);
    manifest = await record([...outputs, ...search], fresh, pieces);
    phases.end('record');
    // For the benchmark, which times the search index apart.
    if (process.env.GONGKAI_TIMINGS) options.log(JSON.stringify({ search_s: (performance.now() - searchStart) / 1000, rendered: outputs.length - kept.size, kept: kept.size, helper_reports: helped, helper_failed: helperFailed, search_parts: parts.length, search_indexed: indexed, phases: phases.seconds }));
  } catch (error) {
    await rm(fresh, { recursive: true, force: true });
    throw error;
  }
  await rename(options.out, old).catch(() => {});
  await rename(fresh, options.out);
  await rm(old, { recursive: true, force: true });
  if (manifestAt) await writeManifest(manifestAt, manifest);
  options.log(`site written to ${options.out}/`);
}
