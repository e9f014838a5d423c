// Writes a site's downloads and the pages the build renders itself
// (render-pages.ts), a report at a time: its two pages, its three downloads
// and its pieces of the site-wide datasets, so that each report's whole check
// is loaded once (not once for its pages, again for its downloads and for
// each dataset). A large site's reports are shared with a helper thread
// (render-worker.ts), each taking the next report not yet taken; the
// datasets' pieces are written in the order of the reports, whoever made
// them. Then the other pages rendered in bulk (agencies) and the other
// downloads.
//
// Each file is written as soon as it is made, synchronously. Measured on
// 10,000 reports with a warm cache (both threads, alternating): 58–62 s
// this way against 71 s with each write handed to libuv's threads through
// promises — writes in flight kept their promises, handles and closures
// through young-generation collections (twice the bytes promoted), and each
// hand-over woke a thread on a machine whose two cores are both rendering.

import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { collectGarbage } from '../util/collect-garbage.ts';
import { utf8Bytes } from '../util/utf8-bytes.ts';
import { outputFile } from './incremental.ts';
import { RENDERED_IN_BULK, pageRenderer } from './render-pages.ts';
import type { Dataset, Published, Site } from './site-data.ts';
import { ChangedDuringBuild } from './whole-report.ts';

type Outputs = Pick<Site, 'pages' | 'downloads' | 'byReport' | 'datasets'>;

/** Reports to render from which a helper thread is worth its start (a few seconds: loading gongkai and the site's data again). */
const HELPER_FROM = 400;

/** All of `bytes` written to `fd` (a write may take only part). */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
}

/** Renders and writes pages and downloads into `out`, but those `kept`. */
export function outputWriter(kept: ReadonlySet<string>, out: string) {
  const render = pageRenderer();
  const folders = new Set<string>();
  const write = (url: string, content: () => string | Iterable<string>) => {
    if (kept.has(url)) return;
    const path = join(out, outputFile(url));
    const folder = dirname(path);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    const made = content();
    if (typeof made === 'string') return writeFileSync(path, utf8Bytes(made));
    // Too large for one string (a site-wide dataset): its parts in order.
    const fd = openSync(path, 'w');
    try {
      for (const part of made) writeAll(fd, utf8Bytes(part));
    } finally {
      closeSync(fd);
    }
  };
  const page = (p: { url: string; kind: string }) => write(p.url, () => render(p));
  const download = (d: { url: string; content: string | Iterable<string> }) => write(d.url, () => d.content);
  return {
    page,
    download,
    /** Report `index`'s pages and downloads, written; its pieces of `datasets`, as bytes. */
    report(outputs: Outputs['byReport'][number], index: number, datasets: readonly Dataset[]): Uint8Array[] {
      for (const p of outputs.pages) page(p);
      for (const d of outputs.downloads) download(d);
      return datasets.map((d) => utf8Bytes((index ? d.text.between : '') + d.text.piece(outputs.published)));
    },
  };
}

/** What a helper thread is given (render-worker.ts): the build's reports, to make the same site's data from. */
export type HelperData = { published: Published[]; out: string; kept: string[]; datasets: string[]; counter: Int32Array; stopAt?: number };
/** What it says: a report's pieces of the datasets, that it is done, or why it stopped. */
export type HelperMessage = { index: number; pieces: Uint8Array[] } | { done: true } | { failed: string; changed: boolean };

/**
 * Where a helper thread loads the reports' whole checks from: the cache the
 * check just filled. For tests: `from`, the reports to make from which it
 * starts (HELPER_FROM); `first`, the main thread waits for its first report
 * before taking any; `heapMb`, its heap's bound; `stopAt`, it stops dead
 * when it takes its report number `stopAt` (0: its first).
 */
export type HelperSource = { cacheDir: string | null; from?: number; first?: boolean; heapMb?: number; stopAt?: number };

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
 * site's data is made (the helper makes the same). V8 collects garbage harder
 * near it, which keeps the two threads together within the memory a build may
 * take; a helper that runs out anyway stops, and the main thread makes what it left.
 */
function helperHeapMb(): number {
  collectGarbage(); // what the main thread holds, not what it has let go of since its last collection
  return Math.max(256, Math.ceil((getHeapStatistics().used_heap_size / 2 ** 20) * 1.5));
}

/**
 * Writes into `out` every download and every page of a kind RENDERED_IN_BULK,
 * but those `kept`; with a helper thread when `source` says where the
 * reports come from and there are enough reports' outputs to make. Returns
 * how many reports the helper made, and whether it stopped short.
 */
export async function writeOutputs(site: Outputs, kept: ReadonlySet<string>, out: string, source: HelperSource | null = null): Promise<{ helped: number; helperFailed: boolean }> {
  const writer = outputWriter(kept, out);
  const datasets = site.datasets.filter((d) => !kept.has(d.url));
  const files: number[] = [];
  // A report's pieces of the datasets wait here until those of every report before it are written.
  const waiting = new Map<number, Uint8Array[]>();
  let next = 0;
  const append = (d: number, text: Uint8Array | string) => writeAll(files[d]!, typeof text === 'string' ? utf8Bytes(text) : text);
  let helped = 0;
  let helperFailed = false;
  const total = site.byReport.length;
  /** The reports made (by either thread). */
  const made = new Uint8Array(total);
  const byHelper = new Uint8Array(total);
  const arrived = (index: number, pieces: Uint8Array[]) => {
    made[index] = 1;
    waiting.set(index, pieces);
    for (let ready = waiting.get(next); ready; ready = waiting.get(next)) {
      waiting.delete(next++);
      ready.forEach((bytes, d) => append(d, bytes));
    }
  };
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const take = () => Atomics.add(counter, 0, 1);
  let helper: ReturnType<typeof startHelper> | null = null;
  try {
    for (const d of datasets) {
      const path = join(out, outputFile(d.url));
      mkdirSync(dirname(path), { recursive: true });
      files.push(openSync(path, 'w'));
    }
    datasets.forEach((d, i) => append(i, d.text.head));
    // Pages to render, not only datasets to make again (after an edit): those take ~1 ms a report, less than the helper's start.
    const toRender = site.byReport.filter((r) => [...r.pages, ...r.downloads].some((o) => !kept.has(o.url))).length;
    const published = source?.cacheDir && toRender >= (source.from ?? HELPER_FROM) && availableParallelism() > 1 ? forHelper(site.byReport.map((r) => r.published), source.cacheDir) : null;
    if (source && published) {
      let firstFromHelper = () => {};
      const helperStarted = new Promise<void>((resolve) => (firstFromHelper = resolve));
      const fromHelper = (index: number, pieces: Uint8Array[]) => {
        helped++;
        byHelper[index] = 1;
        firstFromHelper();
        arrived(index, pieces);
      };
      const data: HelperData = { published, out, kept: [...kept], datasets: datasets.map((d) => d.url), counter, stopAt: source.stopAt };
      helper = startHelper(data, source.heapMb ?? helperHeapMb(), fromHelper);
      helper.done.catch(() => {}); // awaited below, after this thread's share
      if (source.first) await Promise.race([helperStarted, helper.done.catch(() => {})]);
    }
    for (let index = take(), n = 0; index < total; index = take(), n++) {
      arrived(index, writer.report(site.byReport[index]!, index, datasets));
      if (helper && n % 16 === 15) await new Promise((resolve) => setImmediate(resolve)); // the helper's reports let in: their pieces written as they come
    }
    // Every report made by this thread, none by the helper: it is still loading, and is stopped rather than waited for.
    if (helper && helped === 0 && next === total) await helper.stop();
    else if (helper) {
      const failure = await helper.done.then(() => null, (error: unknown) => error);
      if (failure instanceof ChangedDuringBuild) throw failure;
      if (failure) {
        // It stopped short (out of memory, say). Once it has ended, this thread makes what it left: the reports it did
        // not make, and the files of those it did (it may have ended before writing them; their datasets' pieces are in).
        helperFailed = true;
        await helper.stop();
        for (let index = 0; index < total; index++) {
          if (!made[index]) arrived(index, writer.report(site.byReport[index]!, index, datasets));
          else if (byHelper[index]) writer.report(site.byReport[index]!, index, []);
        }
      }
    }
    if (next !== total) throw new Error(`the datasets hold ${next} of ${total} reports`);
    datasets.forEach((d, i) => append(i, d.text.tail(total)));
    const ofReports = new Set<object>(site.byReport.flatMap((r) => [...r.pages, ...r.downloads]));
    for (const page of site.pages) if (RENDERED_IN_BULK.has(page.kind) && !ofReports.has(page)) writer.page(page);
    for (const download of site.downloads) if (!ofReports.has(download) && !site.datasets.some((d) => d.url === download.url)) writer.download(download);
  } catch (error) {
    // Nothing is left writing into a folder the caller is about to remove.
    await helper?.stop();
    throw error;
  } finally {
    for (const fd of files) closeSync(fd);
  }
  return { helped, helperFailed };
}

/** Starts a helper thread on the reports not yet taken: `done` when it has written its share (or rejected with why it could not); `stop` stops it. */
function startHelper(data: HelperData, heapMb: number, arrived: (index: number, pieces: Uint8Array[]) => void) {
  const worker = new Worker(new URL('./render-worker.mjs', import.meta.url), { workerData: data, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
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
      if ('index' in message) arrived(message.index, message.pieces);
      else if ('done' in message) end();
      else end(message.changed ? new ChangedDuringBuild(message.failed) : new Error(message.failed));
    });
    worker.on('error', (error) => end(error));
    worker.on('exit', (code) => end(new Error(`the rendering helper thread stopped (exit code ${code})`)));
  });
  return { done, stop: () => worker.terminate() };
}
