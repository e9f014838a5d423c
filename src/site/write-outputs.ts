// Writes a site's downloads and the pages the build renders itself
// (render-pages.ts), a report at a time: its two pages, its three downloads
// and its pieces of the site-wide datasets, so that each report's whole check
// is loaded once (not once for its pages, again for its downloads and for
// each dataset), then the other pages rendered in bulk (agencies'), then
// the other downloads. A large site's reports and agency pages are shared
// with a helper thread (render-worker.ts), each taking the next not yet
// taken; the datasets' pieces are written in the order of the reports,
// whoever made them, or copied from the last build's datasets where they
// are the same (dataset-pieces.ts).
//
// Each file is written as soon as it is made, synchronously. Measured on
// 10,000 reports with a warm cache (both threads, alternating): 58–62 s
// this way against 71 s with each write handed to libuv's threads through
// promises — writes in flight kept their promises, handles and closures
// through young-generation collections (twice the bytes promoted), and each
// hand-over woke a thread on a machine whose two cores are both rendering.

import { closeSync, fstatSync, mkdirSync, openSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { collectGarbage } from '../util/collect-garbage.ts';
import { GatheredWrites } from '../util/gathered-writes.ts';
import { utf8Bytes } from '../util/utf8-bytes.ts';
import { lastPieces, type LastPieces, type PieceTable } from './dataset-pieces.ts';
import { outputFile, stampOf, type FileStamp, type Manifest } from './incremental.ts';
import { RENDERED_IN_BULK, pageRenderer } from './render-pages.ts';
import type { Dataset, DownloadContent, Published, Site } from './site-data.ts';
import { ChangedDuringBuild } from './whole-report.ts';

type Outputs = Pick<Site, 'pages' | 'downloads' | 'byReport' | 'datasets'>;

/** Reports to render from which a helper thread is worth its start (a few seconds: loading gongkai and the site's data again). */
const HELPER_FROM = 400;

/**
 * Renders and writes pages and downloads into `out`, but those `kept`; the
 * stamp of each file written is put in `stamps` by its address (for the
 * manifest: taken here, on the thread that wrote it, not after the build).
 */
export function outputWriter(kept: ReadonlySet<string>, out: string, stamps: Map<string, FileStamp> = new Map()) {
  const render = pageRenderer();
  const folders = new Set<string>();
  const write = (url: string, content: () => DownloadContent) => {
    if (kept.has(url)) return;
    const path = join(out, outputFile(url));
    const folder = dirname(path);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    const made = content();
    // Node encodes and writes a string in one call, a little sooner than encoding it here first (~0.05 ms a 44 KB page); bytes as they are.
    if (typeof made === 'string' || made instanceof Uint8Array) {
      writeFileSync(path, made);
      stamps.set(url, stampOf(statSync(path)));
      return;
    }
    // Too large for one string (a site-wide dataset): its parts in order, gathered into few writes.
    const fd = openSync(path, 'w');
    try {
      const file = new GatheredWrites(fd);
      for (const part of made) file.push(typeof part === 'string' ? utf8Bytes(part) : part);
      file.flush();
      stamps.set(url, stampOf(fstatSync(fd)));
    } finally {
      closeSync(fd);
    }
  };
  const page = (p: { url: string; kind: string }) => write(p.url, () => render(p));
  const download = (d: { url: string; content: DownloadContent }) => write(d.url, () => d.content);
  return {
    page,
    download,
    /** A report's pages and downloads, written; its pieces of `datasets`, as bytes (without `between`: the writer of the datasets puts it). */
    report(outputs: Pick<Outputs['byReport'][number], 'published' | 'pages' | 'downloads'>, datasets: readonly Dataset[]): Uint8Array[] {
      for (const p of outputs.pages) page(p);
      for (const d of outputs.downloads) download(d);
      return datasets.map((d) => d.text.piece(outputs.published));
    },
  };
}

/**
 * What a helper thread is given, its first message (render-worker.ts): the build's
 * reports, to make the same site's data from, and where it is written;
 * `atOnce`, it starts on the outputs as soon as it has the data, every one
 * to be made (nothing kept, no dataset's pieces copied), taken by `counter`.
 */
export type HelperData = { published: Published[]; out: string; atOnce?: { counter: Int32Array } };
/** What it is told once the main thread starts on the outputs: those kept, the datasets written, the reports whose pieces of them are copied from the last build's, the counter both threads take outputs by. */
export type HelperGo = { kept: string[]; datasets: string[]; reused: Uint8Array; counter: Int32Array; stopAt?: number };
/** What it says: a report's pieces of the datasets, that a page was written (with the stamps of the files it wrote for them), that it is done, or why it stopped. */
export type HelperMessage = { index: number; pieces: Uint8Array[]; stamps: [string, FileStamp][] } | { page: number; stamps: [string, FileStamp][] } | { done: true } | { failed: string; changed: boolean };
/** Who hears what a helper made: each report's pieces, each other page written, the stamps of the files it wrote. */
type HelperEars = { report: (index: number, pieces: Uint8Array[]) => void; page: (index: number) => void; stamps: (made: [string, FileStamp][]) => void };

/**
 * Where a helper thread loads the reports' whole checks from: the cache the
 * check just filled. `early`: a helper already started (startHelperEarly),
 * used if there is enough to make and stopped if not. For tests: `from`,
 * the reports to make from which it starts (HELPER_FROM); `first`, the main
 * thread waits for its first report before taking any; `mainTakes: false`,
 * the main thread takes none (the helper makes them all); `heapMb`, its
 * heap's bound; `stopAt`, it stops dead when it takes its output number
 * `stopAt` (0: its first).
 */
export type HelperSource = { cacheDir: string | null; early?: Helper | null; from?: number; first?: boolean; mainTakes?: boolean; heapMb?: number; stopAt?: number };

/**
 * The reports as the helper is given them: each whole check to be loaded
 * from the cache, never copied across (the preview server keeps them in
 * memory); null if one cannot be (no cache key), and the helper is not used.
 */
function forHelper(published: readonly Published[], cacheDir: string): Published[] | null {
  if (published.some((p) => p.whole.key === null)) return null;
  return published.map((p) => (p.whole.kept ? { ...p, whole: { ...p.whole, kept: null, text: null, cacheDir } } : p));
}

/**
 * The helper's heap bound: half as much again as the main thread holds once the
 * site's data is made (the helper holds less: the same reports, and the data
 * of the outputs it is making, not of all). V8 collects garbage harder near
 * it, which keeps the two threads together within the memory a build may
 * take; a helper that runs out anyway stops, and the main thread makes what
 * it left.
 */
function helperHeapMb(): number {
  collectGarbage(); // what the main thread holds, not what it has let go of since its last collection
  return Math.max(256, Math.ceil((getHeapStatistics().used_heap_size / 2 ** 20) * 1.5));
}

/**
 * The bound for a first build's helper, spawned while the reports are
 * checked, when what the main thread will hold cannot be measured yet: by
 * the count of reports. The rule above, applied to the main thread once the site's
 * data is made, gave 575 MB at 10,000 reports; what the main thread holds
 * grows with the reports (their facts, diagnostics and companions, their
 * pages' data).
 */
const HELPER_MB_A_REPORT = 0.06;
export const firstBuildHelperHeapMb = (reports: number) => Math.max(256, Math.ceil(reports * HELPER_MB_A_REPORT));

/**
 * A helper thread started as soon as the build's reports are checked, for a
 * first build of a large site (nothing built before, so nothing kept and no
 * dataset's pieces to copy): it makes the site's data (seconds, at ten
 * thousand reports) and starts on the outputs at once, while the main
 * thread makes the same data. writeOutputs then takes the outputs it has
 * not. `spawned`: one already loading gongkai (spawnHelper), given the
 * reports here, or stopped if there is no use for it. Null where no helper
 * could be used (one core, no cache, too few reports).
 */
export function startHelperEarly(published: readonly Published[], out: string, cacheDir: string | null, from = HELPER_FROM, spawned: SpawnedHelper | null = null): Helper | null {
  const given = cacheDir && helperWorthSpawning(published.length, from) ? forHelper(published, cacheDir) : null;
  if (!given) void spawned?.stop();
  return given ? (spawned ?? spawnHelper(firstBuildHelperHeapMb(published.length))).give({ published: given, out, atOnce: { counter: newCounter() } }) : null;
}

/** Whether a helper is worth its start for `reports` reports to render (from `from`); a first build may spawn it before they are checked. */
export const helperWorthSpawning = (reports: number, from = HELPER_FROM) => reports >= from && availableParallelism() > 1;

/** The count of outputs taken, shared by the two threads. */
const newCounter = () => new Int32Array(new SharedArrayBuffer(4));

/** The pages rendered in bulk that are not a report's (the agencies'), in the site's order: both threads make them after the reports. */
export function pagesAfterReports(site: Pick<Site, 'pages' | 'byReport'>): Site['pages'] {
  const ofReports = new Set<object>(site.byReport.flatMap((r) => r.pages));
  return site.pages.filter((p) => RENDERED_IN_BULK.has(p.kind) && !ofReports.has(p));
}

/** The site the last build made (in `dir`) and its manifest: the datasets' pieces are copied from it while they are the same. */
export type LastSite = { manifest: Manifest; dir: string };

/**
 * The last build's files of the datasets to write, if every one can be
 * copied from (else none is: a report's pieces are made together).
 */
function lastDatasets(datasets: readonly Dataset[], last: LastSite | null): LastPieces[] | null {
  if (!last || datasets.length === 0) return null;
  const files = datasets.map((d) => lastPieces(last.manifest, last.dir, d.url));
  if (files.every((f) => f !== null)) return files;
  for (const f of files) f?.close();
  return null;
}

/**
 * Writes into `out` every download and every page of a kind RENDERED_IN_BULK,
 * but those `kept`; with a helper thread when `source` says where the
 * reports come from and there are enough reports' outputs to make. The two
 * threads take the reports, then the other pages, one at a time. A report's
 * pieces of the datasets are copied from the `last` site's where they are
 * the same (its check is not loaded for them). Returns how many reports the
 * helper made, whether it stopped short, and where each report's pieces
 * lie in the datasets written (for the manifest).
 */
export async function writeOutputs(
  site: Outputs,
  kept: ReadonlySet<string>,
  out: string,
  source: HelperSource | null = null,
  last: LastSite | null = null,
): Promise<{ helped: number; helperFailed: boolean; pieces: Map<string, PieceTable>; stamps: Map<string, FileStamp> }> {
  const stamps = new Map<string, FileStamp>();
  const writer = outputWriter(kept, out, stamps);
  const datasets = site.datasets.filter((d) => !kept.has(d.url));
  const files: number[] = [];
  /** The datasets' files, their pieces gathered into few writes (gathered-writes.ts). */
  const appenders: GatheredWrites[] = [];
  const total = site.byReport.length;
  // A report's pieces of the datasets wait here until those of every report before it are written.
  const waiting = new Map<number, Uint8Array[]>();
  let next = 0;
  const copied = lastDatasets(datasets, last);
  /** 1: the report's pieces are copied from the last build's datasets, not made. */
  const reused = new Uint8Array(total);
  if (copied) site.byReport.forEach((r, i) => (reused[i] = copied.every((c) => c.has(r.pieceKey)) ? 1 : 0));
  const between = datasets.map((d) => utf8Bytes(d.text.between));
  const tables = datasets.map((): PieceTable => ({}));
  const sizes = datasets.map(() => 0);
  const append = (d: number, text: Uint8Array | string) => {
    const bytes = typeof text === 'string' ? utf8Bytes(text) : text;
    appenders[d]!.push(bytes);
    sizes[d]! += bytes.length;
  };
  /** Report `index`'s pieces, made or copied, written (after `between` from the second report on) and their places kept. */
  const appendPieces = (index: number, made: Uint8Array[]) => {
    const key = site.byReport[index]!.pieceKey;
    datasets.forEach((_, d) => {
      if (index) append(d, between[d]!);
      const piece = reused[index] ? copied![d]!.read(key) : made[d]!;
      tables[d]![key] = [sizes[d]!, piece.length];
      append(d, piece);
    });
  };
  /** Report `index`'s pages and downloads written; its pieces of the datasets, unless they are copied. */
  const makeReport = (index: number) => writer.report(site.byReport[index]!, reused[index] ? [] : datasets);
  let helped = 0;
  let helperFailed = false;
  const others = pagesAfterReports(site);
  /** Reports, then the other pages: what the two threads take. */
  const units = total + others.length;
  /** The reports made (by either thread), and the other pages written. */
  const made = new Uint8Array(total);
  const byHelper = new Uint8Array(total);
  const pageWritten = new Uint8Array(others.length);
  const arrived = (index: number, pieces: Uint8Array[]) => {
    made[index] = 1;
    waiting.set(index, pieces);
    for (let ready = waiting.get(next); ready; ready = waiting.get(next)) {
      waiting.delete(next);
      appendPieces(next++, ready);
    }
  };
  const make = (index: number) => {
    if (index < total) return arrived(index, makeReport(index));
    writer.page(others[index - total]!);
    pageWritten[index - total] = 1;
  };
  const atOnce = source?.early?.atOnce ?? null;
  const counter = atOnce?.counter ?? newCounter();
  const take = () => Atomics.add(counter, 0, 1);
  let helper: Helper | null = null;
  try {
    for (const d of datasets) {
      const path = join(out, outputFile(d.url));
      mkdirSync(dirname(path), { recursive: true });
      files.push(openSync(path, 'w'));
      appenders.push(new GatheredWrites(files.at(-1)!));
    }
    datasets.forEach((d, i) => append(i, d.text.head));
    // Pages to render, not only datasets to make again (after an edit): those take ~1 ms a report, less than the helper's start.
    // An agency's two pages count as one report's.
    const toRender = site.byReport.filter((r) => [...r.pages, ...r.downloads].some((o) => !kept.has(o.url))).length + others.filter((p) => !kept.has(p.url)).length / 2;
    // A helper started at once has taken outputs already: it is used whatever there is to make.
    const useHelper = Boolean(atOnce) || (Boolean(source?.cacheDir) && helperWorthSpawning(toRender, source?.from));
    const given = useHelper && !source?.early ? forHelper(site.byReport.map((r) => r.published), source!.cacheDir!) : null;
    helper = useHelper ? (source?.early ?? (given ? spawnHelper(source?.heapMb ?? helperHeapMb()).give({ published: given, out }) : null)) : null;
    if (!helper) void source?.early?.stop(); // started early for nothing
    if (atOnce && (kept.size || datasets.length !== site.datasets.length || reused.some(Boolean))) throw new Error('a helper started at once makes every output, but some are kept or copied');
    if (helper) {
      let firstFromHelper = () => {};
      const helperStarted = new Promise<void>((resolve) => (firstFromHelper = resolve));
      const fromHelper = (index: number, pieces: Uint8Array[]) => {
        helped++;
        byHelper[index] = 1;
        firstFromHelper();
        arrived(index, pieces);
      };
      const onPage = (page: number) => (pageWritten[page] = 1);
      const ears = { report: fromHelper, page: onPage, stamps: (made: [string, FileStamp][]) => made.forEach(([url, stamp]) => stamps.set(url, stamp)) };
      if (atOnce) helper.listen(ears);
      else helper.go({ kept: [...kept], datasets: datasets.map((d) => d.url), reused, counter, stopAt: source?.stopAt }, ears);
      if (source?.first) await Promise.race([helperStarted, helper.done.catch(() => {})]);
      if (source?.mainTakes === false) await helper.done.catch(() => {});
    }
    for (let index = take(), n = 0; index < units; index = take(), n++) {
      make(index);
      if (helper && n % 16 === 15) await new Promise((resolve) => setImmediate(resolve)); // the helper's outputs let in: its reports' pieces written as they come
    }
    // Every report made by this thread, none by the helper: it is still loading, and is stopped rather than waited for.
    if (helper && helped === 0 && next === total && pageWritten.every(Boolean)) await helper.stop();
    else if (helper) {
      const failure = await helper.done.then(() => null, (error: unknown) => error);
      if (failure instanceof ChangedDuringBuild) throw failure;
      if (failure) {
        // It stopped short (out of memory, say). Once it has ended, this thread makes what it left: the reports it did
        // not make, and the files of those it did (it may have ended before writing them; their datasets' pieces are in).
        helperFailed = true;
        await helper.stop();
        for (let index = 0; index < total; index++) {
          if (!made[index]) arrived(index, makeReport(index));
          else if (byHelper[index]) writer.report(site.byReport[index]!, []);
        }
        others.forEach((page, i) => pageWritten[i] || writer.page(page));
      }
    }
    if (next !== total) throw new Error(`the datasets hold ${next} of ${total} reports`);
    datasets.forEach((d, i) => append(i, d.text.tail(total)));
    for (const file of appenders) file.flush();
    const ofReports = new Set<object>(site.byReport.flatMap((r) => r.downloads));
    for (const download of site.downloads) if (!ofReports.has(download) && !site.datasets.some((d) => d.url === download.url)) writer.download(download);
  } catch (error) {
    // Nothing is left writing into a folder the caller is about to remove.
    await helper?.stop();
    throw error;
  } finally {
    for (const fd of files) closeSync(fd);
    for (const c of copied ?? []) c.close();
  }
  return { helped, helperFailed, pieces: new Map(datasets.map((d, i) => [d.url, tables[i]!])), stamps };
}

/** A helper thread (render-worker.ts), given the build's reports and then told to go. */
export type Helper = ReturnType<SpawnedHelper['give']>;

/** A helper thread loading gongkai, not yet given its reports. */
export type SpawnedHelper = ReturnType<typeof spawnHelper>;

/**
 * Starts a helper thread, which loads gongkai (~1 s) and waits to be given
 * the build's reports: a first build spawns it as soon as a core is free of
 * checking (so that it is loaded by the time the main thread has made the
 * set of reports to publish), others when they start on the outputs.
 * `give` hands it its reports, and it makes the site's data and waits,
 * unless given them `atOnce`. `go` sets it on the outputs not yet taken,
 * each report's pieces handed to `report` and each other page written told
 * to `page`; `listen` hears one started at once, what it said so far first;
 * `done` when it has written its share (or rejected with why it could not);
 * `stop` stops it. Until it is given its reports it does not keep the
 * process alive.
 */
export function spawnHelper(heapMb: number) {
  const worker = new Worker(new URL('./render-worker.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
  worker.unref();
  let ears: HelperEars = { report: () => {}, page: () => {}, stamps: () => {} };
  /** What it made before anyone listened (null once someone does). */
  let unheard: HelperMessage[] | null = [];
  const hear = (message: HelperMessage) => {
    if ('stamps' in message) ears.stamps(message.stamps);
    if ('index' in message) ears.report(message.index, message.pieces);
    else if ('page' in message) ears.page(message.page);
  };
  const done = new Promise<void>((resolve, reject) => {
    let settled = false;
    const end = (error?: Error) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    worker.on('message', (message: HelperMessage) => {
      if ('index' in message || 'page' in message) {
        if (unheard) unheard.push(message);
        else hear(message);
      } else if ('done' in message) end();
      else end(message.changed ? new ChangedDuringBuild(message.failed) : new Error(message.failed));
    });
    worker.on('error', (error) => end(error));
    worker.on('exit', (code) => end(new Error(`the rendering helper thread stopped (exit code ${code})`)));
  });
  done.catch(() => {}); // heard where it is awaited; a helper stopped unused fails unheard
  const listen = (listening: HelperEars) => {
    ears = listening;
    for (const message of unheard ?? []) hear(message);
    unheard = null;
  };
  const stop = () => worker.terminate();
  return {
    stop,
    give(data: HelperData) {
      worker.ref();
      worker.postMessage(data);
      return {
        done,
        atOnce: data.atOnce ?? null,
        go(go: HelperGo, listening: HelperEars) {
          listen(listening);
          worker.postMessage(go);
        },
        listen,
        stop,
      };
    },
  };
}
