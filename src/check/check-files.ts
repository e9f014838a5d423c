// Checks many report files: each file's result comes from the cache when its
// bytes (and gongkai) are unchanged, and the rest are checked across worker
// threads, one per core.

import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ReportCache, cacheKey, type CachedCheck } from '../cache/report-cache.ts';
import { decode } from '../read/decode.ts';
import { readSmallFile } from '../read/read-small.ts';
import { mapLimited } from '../util/map-limited.ts';
import { checkReportBytes, checkReportFile, type ReportResult } from '../report.ts';

export type CheckOptions = {
  /** Where results are cached; null for no cache. */
  cacheDir: string | null;
  /** How many threads check reports; 1 checks on the main thread. */
  threads: number;
  /** Keep results in memory and reuse them while a file's size, time and inode stay the same (the preview server). */
  remember?: boolean;
};

/** Results kept by `remember`, by file. */
const remembered = new Map<string, { stamp: string; result: ReportResult }>();
const stampOf = (s: { size: number; mtimeMs: number; ino: number }) => `${s.size} ${s.mtimeMs} ${s.ino}`;

let defaults: CheckOptions = { cacheDir: null, threads: 1 };

export const checkDefaults = (): Readonly<CheckOptions> => defaults;

/** Set by the command line: a cache, and every core. Library callers get neither unless they ask. */
export function setCheckDefaults(options: Partial<CheckOptions>): void {
  defaults = { ...defaults, ...options };
}

export const ALL_CORES = () => Math.max(1, availableParallelism());

export function toCached(result: ReportResult): CachedCheck {
  return { report: result.report, narrative: result.recognised?.narrative ?? null, metadata: result.recognised?.metadata ?? null, diagnostics: result.diagnostics };
}

function fromCached(file: string, bytes: Uint8Array, cached: CachedCheck): ReportResult {
  let text: string | null = null;
  try {
    text = decode(bytes).text;
  } catch {
    // An undecodable file's result says so already.
  }
  const recognised = cached.report && cached.metadata && cached.narrative
    ? { metadata: cached.metadata, sections: cached.report.sections, tables: cached.report.tables, narrative: cached.narrative, refused: [], problems: [] }
    : null;
  return { file, text, report: cached.report, recognised, diagnostics: cached.diagnostics };
}

/** Reports a worker takes at a time: few enough to share the work out evenly, enough to keep messages few. */
const BATCH = 16;

type Job = { file: string; bytes: Uint8Array };

/**
 * Checks `jobs` on the main thread and `threads - 1` worker threads, each
 * taking the next batch when it is done with one; results in the order of
 * the jobs. The main thread works too: on two cores, one worker and the main
 * thread are what the machine has.
 */
async function onThreads(jobs: Job[], threads: number): Promise<CachedCheck[]> {
  const results: CachedCheck[] = new Array(jobs.length);
  let next = 0;
  const take = () => {
    const from = next;
    next = Math.min(jobs.length, next + BATCH);
    return from;
  };
  const workers = Array.from({ length: Math.min(threads - 1, Math.ceil(jobs.length / BATCH) - 1) }, () => new Worker(new URL('./check-worker.mjs', import.meta.url)));
  const onWorker = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const feed = () => {
        const from = take();
        if (from >= jobs.length) return resolve();
        worker.postMessage({ from, jobs: jobs.slice(from, from + BATCH) });
      };
      worker.on('message', ({ from, values }: { from: number; values: CachedCheck[] }) => {
        values.forEach((value, k) => (results[from + k] = value));
        feed();
      });
      worker.on('error', reject);
      feed();
    });
  const onMain = async () => {
    for (let from = take(); from < jobs.length; from = take()) {
      for (let k = from; k < Math.min(from + BATCH, jobs.length); k++) results[k] = toCached(checkReportBytes(jobs[k]!.bytes, jobs[k]!.file));
      await new Promise((r) => setImmediate(r)); // let the workers' messages in
    }
  };
  try {
    await Promise.all([onMain(), ...workers.map(onWorker)]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

export async function checkReportFiles(files: readonly string[], options: Partial<CheckOptions> = {}): Promise<ReportResult[]> {
  const { cacheDir, threads, remember } = { ...defaults, ...options };
  if (remember) return checkRemembering(files, { cacheDir, threads });
  if (!cacheDir && threads <= 1) return Promise.all(files.map(checkReportFile));
  const cache = cacheDir ? new ReportCache(cacheDir) : null;
  const results: (ReportResult | undefined)[] = new Array(files.length);
  const misses: { index: number; file: string; bytes: Uint8Array; key: string }[] = [];
  for (const [index, file] of files.entries()) {
    const bytes = readSmallFile(file);
    if (!bytes) {
      results[index] = await checkReportFile(file); // says why it cannot be read
      continue;
    }
    const key = cache ? cacheKey(file, bytes) : '';
    const hit = cache ? cache.get(key) : null;
    if (hit) results[index] = fromCached(file, bytes, hit);
    else misses.push({ index, file, bytes, key });
  }
  misses.sort((a, b) => a.index - b.index);
  const checked = threads > 1 && misses.length > 1
    ? await onThreads(misses.map(({ file, bytes }) => ({ file, bytes })), threads)
    : misses.map(({ file, bytes }) => toCached(checkReportBytes(bytes, file)));
  await mapLimited(misses, async (miss, i) => {
    results[miss.index] = fromCached(miss.file, miss.bytes, checked[i]!);
    if (cache) await cache.set(miss.key, checked[i]!);
  });
  return results as ReportResult[];
}

/** Only the files changed since the last call are checked (through the cache, if any); the rest come from memory. */
async function checkRemembering(files: readonly string[], options: CheckOptions): Promise<ReportResult[]> {
  // Synchronously, as small files are read (src/read/read-small.ts): a plain loop is fastest.
  const stamps = files.map((file) => {
    try {
      return stampOf(statSync(file));
    } catch {
      return null;
    }
  });
  const changedAt = files.flatMap((file, i) => (stamps[i] === null || remembered.get(file)?.stamp !== stamps[i] ? [i] : []));
  const changed = changedAt.map((i) => files[i]!);
  const fresh = changed.length ? await checkReportFiles(changed, { ...options, remember: false }) : [];
  changedAt.forEach((at, k) => {
    const stamp = stamps[at];
    if (stamp) remembered.set(files[at]!, { stamp, result: fresh[k]! });
  });
  const byFile = new Map(changed.map((file, i) => [file, fresh[i]!]));
  return files.map((file) => byFile.get(file) ?? remembered.get(file)!.result);
}
