// Builds the site: refuses to publish a report with validation errors, makes
// what changed since the last build (src/site/incremental.ts) — the report
// and agency pages and the downloads in bulk (write-outputs.ts), the site's
// own pages by Eleventy — indexes it with Pagefind (one index per language
// part, kept as it was when its pages did not change), and only then puts
// it in place: a site mostly made again is made whole in a fresh folder
// (every unchanged file linked in) and swapped in for the old one; one
// mostly kept (an edit) is updated where it is, the files made moved in
// under a journal (update-in-place.ts). A failed build leaves the last good
// site in place; an interrupted one leaves it too, or an update the next
// build completes (leftovers.ts tidies up what an interrupted build left).

import type Eleventy from '@11ty/eleventy';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { holdIndexSaves, releaseIndexSaves } from '../cache/index-saves.ts';
import { loadConfig } from '../check/config.ts';
import { checkDefaults, setCheckDefaults, startWorkersEarly, whenACoreIsFree } from '../check/check-files.ts';
import { reportFiles } from '../cli/files.ts';
import { errorLine, handOver, markRendered } from './data.ts';
import { RENDERED_IN_BULK } from './render-pages.ts';
import { firstBuildHelperHeapMb, helperWorthSpawning, spawnHelper, startHelperEarly, writeOutputs, type Helper, type SpawnedHelper } from './write-outputs.ts';
import { tidyLeftovers } from './leftovers.ts';
import { garbageGuard } from '../util/collect-garbage.ts';
import { changedDuringBuild } from './whole-report.ts';
import { fingerprint, keptOutputs, linkInto, unchangedSite, manifestFile, outputFile, readManifest, record, writeManifest, type FileStamp, type Manifest, type Output } from './incremental.ts';
import type { PieceTable } from './dataset-pieces.ts';
import { updateSite } from './update-in-place.ts';
import { filesUnder } from '../util/files-under.ts';
import { filesToWatch, notWatchedNotice, untilWatched } from './watched.ts';
import { ELEVENTY_CONFIG } from '../util/root.ts';
import { indexPart, searchParts, type SearchPart } from './search-index.ts';
import { buildSite as makeSite, loadPublished, schemaJson, type Published, type Site } from './site-data.ts';

export const SITE_INPUT = 'templates';
export const SITE_PORT = 8080;
/** The assets Eleventy copies as they are (see .eleventy.ts). */
const ASSETS = { from: join(SITE_INPUT, 'assets'), to: 'assets' };
/** Pages per Eleventy run (GONGKAI_RENDER_RUN to change it): bounds the memory a build needs, at about a second a run. */
const RENDER_RUN = Number(process.env.GONGKAI_RENDER_RUN) || 1000;

export type BuildOptions = { content: string; out: string; serve: boolean; port?: number; log: (s: string) => void };

/**
 * Eleventy's module, imported once, when there is something to render: a
 * build that finds nothing changed does not need it. A first build, which
 * renders everything, starts importing it as the reports are checked, whose
 * pauses let it load (~0.3 s), rather than when it renders its first page.
 */
let eleventyModule: Promise<typeof import('@11ty/eleventy')> | null = null;
const loadEleventy = () => (eleventyModule ??= import('@11ty/eleventy'));

async function render(out: string, runMode: 'build' | 'serve'): Promise<Eleventy> {
  const { default: Eleventy } = await loadEleventy();
  const eleventy = new Eleventy(SITE_INPUT, out, { configPath: ELEVENTY_CONFIG, quietMode: true, runMode });
  await eleventy.init();
  return eleventy;
}

/** Keeps a part of the last build's search index if its pages are all the same (linked into `fresh`, unless the site is updated in place); its outputs, or null. */
function keepPart(part: SearchPart, previous: Manifest, out: string, fresh: string | null): Output[] | null {
  const outputs = recordedUnder(part, previous);
  if (outputs.length === 0) return null;
  if (keptOutputs(outputs, previous, out).size < outputs.length) return null;
  if (fresh) linkInto(outputs.map((o) => o.url), out, fresh);
  return outputs;
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
  const { cacheDir } = checkDefaults();
  const manifestAt = cacheDir ? manifestFile(cacheDir, options.out) : null;
  // Nothing built here before: the reports are checked for the first time, most likely, and the check's workers
  // (if it will have any: startWorkersEarly) start loading now, not when the first file to check is read a second later.
  // And the helper thread that will render with this one (startHelperEarly) loads on the first core the check frees:
  // it is ready when the set of reports to publish is made (~2 s later at 10,000 reports) instead of ~1.4 s after.
  const spawned: { helper: SpawnedHelper | null } = { helper: null };
  if (manifestAt && !options.serve && !existsSync(manifestAt)) {
    const reports = (await reportFiles([options.content])).length;
    startWorkersEarly(reports);
    loadEleventy().catch(() => {}); // a failure is heard where it is awaited
    if (helperWorthSpawning(reports)) whenACoreIsFree(() => (spawned.helper = spawnHelper(firstBuildHelperHeapMb(reports))));
  }
  const config = await loadConfig(undefined);
  // The cache's indexes are written once the helper has the reports, not before (index-saves.ts); whatever happens, by the end of this block.
  holdIndexSaves();
  let published: Published[];
  let previous: Manifest;
  let helper: Helper | null;
  try {
    let loaded: Awaited<ReturnType<typeof loadPublished>>;
    try {
      loaded = await loadPublished(options.content, config);
    } catch (error) {
      void spawned.helper?.stop();
      throw error;
    } finally {
      whenACoreIsFree(null);
    }
    const { errors } = loaded;
    published = loaded.published;
    phases.end('load');
    if (errors.length) {
      void spawned.helper?.stop();
      options.log(errors.map(errorLine).join('\n'));
      options.log(`not built: ${errors.length} error(s) in ${options.content}; run gongkai validate ${options.content}`);
      return 1;
    }
    previous = manifestAt ? await readManifest(manifestAt) : {};
    // Nothing built here before: every page is to be made, and a helper thread given the reports now (loaded already, if spawned)
    // makes its site data and starts on the outputs while this thread makes its own (started with the outputs, it was ready 7.4 s after them at 10,000 reports).
    const first = !options.serve && Object.keys(previous).length === 0;
    if (first) await freshStart(freshFolder(options.out));
    helper = first ? startHelperEarly(published, freshFolder(options.out), cacheDir, undefined, spawned.helper) : null;
    if (!first) void spawned.helper?.stop();
  } finally {
    await releaseIndexSaves();
  }
  let site: Site;
  try {
    site = makeSite(published, schemaJson());
    phases.end('site_data');
    await writeSite(site, options, phases, { cacheDir, manifestAt, previous, helper });
  } catch (error) {
    await helper?.stop();
    await rm(freshFolder(options.out), { recursive: true, force: true }); // what the helper wrote, if the build failed before writeSite could tidy up
    throw error;
  } finally {
    void helper?.stop(); // done with
  }
  if (options.serve) {
    // The preview starts from the site just built, then re-renders into it what each edit changes.
    markRendered([...site.pages, ...site.downloads]);
    const eleventy = await render(options.out, 'serve');
    await eleventy.write();
    await eleventy.watch();
    // Eleventy's watcher can be ready before it watches every report (watched.ts): an edit made then would never show.
    const notWatched = eleventy.watcher ? await untilWatched(eleventy.watcher, await filesToWatch(options.content)) : [];
    if (notWatched.length) options.log(notWatchedNotice(notWatched));
    const port = options.port ?? SITE_PORT;
    await eleventy.serve(port);
    options.log(`serving ${options.out}/ at http://localhost:${port}/ (Ctrl+C to stop)`);
    return new Promise<number>(() => {});
  }
  return 0;
}

/** Where a build makes the site before it swaps it in. */
const freshFolder = (out: string) => `${out}.building-${process.pid}`;

/** The fresh folder made empty (one of a process of the same number, long gone, may be there). */
async function freshStart(fresh: string): Promise<void> {
  await rm(fresh, { recursive: true, force: true });
  await mkdir(fresh, { recursive: true });
}

type LastBuild = { cacheDir: string | null; manifestAt: string | null; previous: Manifest; helper: Helper | null };

/**
 * Makes what changed since the last build, keeping the rest: in a fresh
 * folder swapped in for the old site, or, when most of the site is kept (an
 * edit), in a staging folder whose files are then moved into the site
 * (update-in-place.ts).
 */
async function writeSite(site: Site, options: BuildOptions, phases: PhaseTimer, { cacheDir, manifestAt, previous, helper }: LastBuild): Promise<void> {
  const outputs: Output[] = [...site.pages, ...site.downloads];
  // The parts of the search index, made when first needed: a first build needs them only to make the index.
  let parts: SearchPart[] | null = null;
  const searchPartsOf = () => (parts ??= searchParts(site.pages.filter((p) => p.kind === 'report')));
  const builtBefore = Object.keys(previous).length > 0;
  // Nothing changed since the last build (and nothing touched its files): the site in place is this build's.
  const searchRecordedBefore = builtBefore ? searchPartsOf().map((part) => recordedUnder(part, previous)) : [];
  if (builtBefore && searchRecordedBefore.every((files) => files.length) && (await unchangedSite([...outputs, ...searchRecordedBefore.flat()], previous, options.out, ASSETS))) {
    phases.end('unchanged');
    if (process.env.GONGKAI_TIMINGS) options.log(JSON.stringify({ search_s: 0, rendered: 0, kept: outputs.length, phases: phases.seconds }));
    options.log(`site unchanged at ${options.out}/`);
    return;
  }
  const fresh = freshFolder(options.out);
  const old = `${options.out}.old-${process.pid}`;
  const kept = builtBefore ? keptOutputs(outputs, previous, options.out) : new Set<string>();
  // Most of the site the same: it is updated where it is, not linked file by file into a fresh folder (and the old one removed).
  const inPlace = kept.size > 0 && kept.size * 2 >= outputs.length;
  let manifest: Manifest | null = null;
  let removals: string[] = [];
  const search: Output[] = [];
  let pieces = new Map<string, PieceTable>();
  /** The stamps of the files the bulk rendering wrote, taken as it wrote them. */
  let stamps = new Map<string, FileStamp>();
  try {
    // A helper started early is writing into it already (made empty before it started).
    if (!helper) await freshStart(fresh);
    if (!inPlace) linkInto(kept, options.out, fresh);
    phases.end('keep');
    // Eleventy renders the site's own pages (and copies its assets); the report and agency pages,
    // tens of thousands, are rendered from the same templates in bulk, with the downloads (write-outputs.ts).
    const pages = site.pages.filter((p) => !kept.has(p.url) && !RENDERED_IN_BULK.has(p.kind));
    let helped = 0;
    let helperFailed = false;
    try {
      // Eleventy's pages first: a helper started early renders the outputs meanwhile, and both threads end the bulk rendering
      // together (rendered after it, they kept the main thread ~0.5 s at 10,000 reports with the helper done).
      // Eleventy holds every page it renders until its run ends: render in runs of a bounded size.
      const afterRun = garbageGuard(1);
      for (let from = 0; from === 0 || from < pages.length; from += RENDER_RUN) {
        handOver({ pages: pages.slice(from, from + RENDER_RUN), downloads: [] });
        await (await render(fresh, 'build')).write();
        afterRun(); // what the run made, let go before the next once garbage has piled up
      }
      phases.end('render');
      ({ helped, helperFailed, pieces, stamps } = await writeOutputs(site, kept, fresh, { cacheDir, early: helper }, { manifest: previous, dir: options.out }));
      phases.end('bulk');
    } catch (error) {
      throw changedDuringBuild(error) ?? error; // a report changed meanwhile: said plainly, not as a rendering error
    }

    const searchStart = performance.now();
    // Each part of the search index kept if its pages are the same, else indexed again: one Pagefind process at a time.
    let indexed = 0;
    for (const part of searchPartsOf()) {
      let files = keepPart(part, previous, options.out, inPlace ? null : fresh);
      if (!files) {
        // Updating in place, the part's pages kept are in the site, the others in the staging folder.
        await indexPart(fresh, part, (url) => (inPlace && kept.has(url) ? options.out : fresh));
        indexed++;
        files = filesUnder(join(fresh, part.folder)).map((path) => ({ url: `/${part.folder}${path}`, fingerprint: part.fingerprint }));
      }
      search.push(...files);
    }
    // The search index's files as they are on disk, for the manifest: part of making it, with it where the site is made whole.
    const searchRecorded = inPlace ? null : await record(search, fresh);
    phases.end('search');
    const searchSeconds = (performance.now() - searchStart) / 1000;
    // A dataset kept as it was has its pieces where they were.
    for (const d of site.datasets) if (kept.has(d.url) && previous[outputFile(d.url)]?.pieces) pieces.set(d.url, previous[outputFile(d.url)]!.pieces!);
    if (inPlace) {
      // Every file the last build made and this one does not (a report deleted, a part of the search index made again) goes.
      const made = new Set([...outputs, ...search].map((o) => outputFile(o.url)));
      removals = Object.keys(previous).filter((path) => !made.has(path));
      // And an asset no longer among the templates' (Eleventy copies them all into the staging folder).
      const assets = new Set(filesUnder(ASSETS.from));
      removals.push(...filesUnder(join(options.out, ASSETS.to)).filter((path) => !assets.has(path)).map((path) => join(ASSETS.to, path)));
    } else manifest = { ...(await record(outputs, fresh, pieces, stamps)), ...searchRecorded };
    phases.end('record');
    // For the benchmark, which times the search index apart.
    if (process.env.GONGKAI_TIMINGS) options.log(JSON.stringify({ search_s: searchSeconds, rendered: outputs.length - kept.size, kept: kept.size, helper_reports: helped, helper_failed: helperFailed, search_parts: searchPartsOf().length, search_indexed: indexed, phases: phases.seconds }));
  } catch (error) {
    await rm(fresh, { recursive: true, force: true });
    throw error;
  }
  if (inPlace) {
    updateSite(options.out, fresh, removals);
    manifest = await record([...outputs, ...search], options.out, pieces, stamps);
  } else {
    await rename(options.out, old).catch(() => {});
    await rename(fresh, options.out);
    await rm(old, { recursive: true, force: true });
  }
  if (manifestAt) await writeManifest(manifestAt, manifest!);
  options.log(`site written to ${options.out}/`);
}
