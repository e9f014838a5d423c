// Writes a site's downloads and the pages the build renders itself
// (render-pages.ts), a report at a time: its two pages, its three downloads
// and its pieces of the site-wide datasets, so that each report's whole check
// is loaded once (not once for its pages, again for its downloads and for
// each dataset). A large site's reports are shared with a helper thread
// (render-worker.ts), each taking the next report not yet taken; the
// datasets' pieces are written in the order of the reports, whoever made
// them. Then the other pages rendered in bulk (agencies) and the other
// downloads. Files are written while the next report is rendered.

import { mkdir, open, writeFile, type FileHandle } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { collectGarbage } from '../util/collect-garbage.ts';
import { utf8Bytes } from '../util/utf8-bytes.ts';
import { FILE_CONCURRENCY } from '../util/map-limited.ts';
import { folderMaker, outputFile } from './incremental.ts';
import { RENDERED_IN_BULK, pageRenderer } from './render-pages.ts';
import type { Dataset, Published, Site } from './site-data.ts';
import { ChangedDuringBuild } from './whole-report.ts';

type Outputs = Pick<Site, 'pages' | 'downloads' | 'byReport' | 'datasets'>;

/** Reports to render from which a helper thread is worth its start (a few seconds: loading gongkai and the site's data again). */
const HELPER_FROM = 400;

/** File writes under way, at most `limit`: adding one waits while the limit is reached, and throws once one has failed; `settle` waits for all and throws the first failure. */
function writeQueue(limit = FILE_CONCURRENCY) {
  const pending = new Set<Promise<unknown>>();
  let failure: { error: unknown } | null = null;
  const check = () => {
    if (failure) throw failure.error;
  };
  return {
    async add(write: () => Promise<unknown>): Promise<void> {
      check();
      const done: Promise<unknown> = write()
        .catch((error: unknown) => void (failure ??= { error }))
        .finally(() => pending.delete(done));
      pending.add(done);
      if (pending.size >= limit) await Promise.race(pending);
      check();
    },
    async settle(): Promise<void> {
      await Promise.all(pending);
      check();
    },
  };
}

/** Renders and writes pages and downloads into `out`, but those `kept`; `settle` when done. */
export function outputWriter(kept: ReadonlySet<string>, out: string) {
  const render = pageRenderer();
  const folderOf = folderMaker();
  const queue = writeQueue();
  const write = (url: string, content: () => string | Iterable<string>) =>
    kept.has(url) ? undefined : queue.add(async () => {
      const path = join(out, outputFile(url));
      // Made now, before the next report's; held as bytes while it waits to be written, outside the
      // young heap (a page is a rope of thousands of small strings, each copied by every collection it lives through).
      const made = content();
      const bytes = typeof made === 'string' ? utf8Bytes(made) : made;
      await folderOf(path);
      await writeFile(path, bytes);
    });
  const page = (p: { url: string; kind: string }) => write(p.url, () => render(p));
  const download = (d: { url: string; content: string | Iterable<string> }) => write(d.url, () => d.content);
  return {
    page,
    download,
    /** Report `index`'s pages and downloads; its pieces of `datasets`, as bytes. */
    async report(outputs: Outputs['byReport'][number], index: number, datasets: readonly Dataset[]): Promise<Uint8Array[]> {
      for (const p of outputs.pages) await page(p);
      for (const d of outputs.downloads) await download(d);
      return datasets.map((d) => utf8Bytes((index ? d.text.between : '') + d.text.piece(outputs.published)));
    },
    settle: () => queue.settle(),
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
  const files: FileHandle[] = [];
  // Each dataset's bytes written so far, in order; a report's pieces wait here until those before it are written.
  const written = datasets.map(() => Promise.resolve() as Promise<unknown>);
  const waiting = new Map<number, Uint8Array[]>();
  let next = 0;
  const append = (d: number, text: Uint8Array | string) => {
    const bytes = typeof text === 'string' ? utf8Bytes(text) : text;
    if (bytes.length) written[d] = written[d]!.then(() => files[d]!.write(bytes));
  };
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
      await mkdir(dirname(path), { recursive: true });
      files.push(await open(path, 'w'));
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
      arrived(index, await writer.report(site.byReport[index]!, index, datasets));
      if (n % 64 === 63) await Promise.all(written); // pieces written as fast as they are made
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
          if (!made[index]) arrived(index, await writer.report(site.byReport[index]!, index, datasets));
          else if (byHelper[index]) await writer.report(site.byReport[index]!, index, []);
        }
      }
    }
    if (next !== total) throw new Error(`the datasets hold ${next} of ${total} reports`);
    datasets.forEach((d, i) => append(i, d.text.tail(total)));
    await Promise.all(written);
    const ofReports = new Set<object>(site.byReport.flatMap((r) => [...r.pages, ...r.downloads]));
    for (const page of site.pages) if (RENDERED_IN_BULK.has(page.kind) && !ofReports.has(page)) await writer.page(page);
    for (const download of site.downloads) if (!ofReports.has(download) && !site.datasets.some((d) => d.url === download.url)) await writer.download(download);
  } catch (error) {
    // Nothing is left writing into a folder the caller is about to remove.
    await helper?.stop();
    await Promise.allSettled([...written, writer.settle()]);
    throw error;
  } finally {
    await Promise.allSettled(files.map((f) => f.close()));
  }
  await writer.settle();
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
