// Checks many report files: each file's result comes from the cache when its
// bytes (and gongkai) are unchanged, and the rest are checked across worker
// threads, one per core.

import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ReportCache, cacheKey, toCached, type CachedCheck } from '../cache/report-cache.ts';
import { saveIndex } from '../cache/index-saves.ts';
import { ReducedIndex } from '../cache/reduced-index.ts';
import { commonFolder, type Summary } from '../cache/summary-index.ts';
import { summaryOf } from './summary.ts';
import type { Job, Task, Want } from './check-job.ts';
import { loadReducer, type Reduce, type Reducer } from './reducer.ts';
import { decode } from '../read/decode.ts';
import { readSmallFileBorrowed } from '../read/read-small.ts';
import { stampOf } from '../read/read-stamped.ts';
import type { ReportResult } from '../report.ts';
import { garbageGuard } from '../util/collect-garbage.ts';

export type CheckOptions = {
  /** Where results are cached; null for no cache. */
  cacheDir: string | null;
  /** How many threads check reports (1: the main thread only), or 'auto' (autoThreads). */
  threads: number | 'auto';
  /** Keep results in memory and reuse them while a file's size, time and inode stay the same (the preview server). */
  remember?: boolean;
};

/** Results kept by `remember`, by file. */
const remembered = new Map<string, { stamp: string; result: ReportResult }>();

let defaults: CheckOptions = { cacheDir: null, threads: 1 };

export const checkDefaults = (): Readonly<CheckOptions> => defaults;

/** Set by the command line: a cache, and every core. Library callers get neither unless they ask. */
export function setCheckDefaults(options: Partial<CheckOptions>): void {
  defaults = { ...defaults, ...options };
}

/** Reports to check from which every core is worth using (see autoThreads). */
const MANY = 5000;

/**
 * Threads to check `count` reports on. Garbage collection and the compiler
 * keep another core busy already, and a worker starts cold (a few seconds
 * to load): one core is left to them unless there are many reports
 * (measured on two cores: 4,000 reports in 19.9 s on one thread, 21.6 s on
 * two; 10,000 in 51–54 s on one, 41–44 s on two).
 */
export function autoThreads(count: number): number {
  const cores = availableParallelism();
  return Math.max(1, count >= MANY ? cores : cores - 1);
}

const threadsFor = (threads: number | 'auto', count: number) => (threads === 'auto' ? autoThreads(count) : threads);

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

type Checked<W extends Want> = W extends 'full' ? CachedCheck : W extends 'summary' ? Summary : unknown;

/** The whole check of one file from its path (reading it, or saying why it cannot be): loaded when needed, like check-job.ts. */
const checkReportFile = async (file: string): Promise<ReportResult> => (await import('../report.ts')).checkReportFile(file);

/**
 * Checks `jobs` on the main thread and `threads - 1` worker threads, each
 * taking the next batch when it is done with one; results in the order of
 * the jobs. The main thread works too: on two cores, one worker and the main
 * thread are what the machine has.
 */
async function onThreads<W extends Want>(jobs: Job[], wanted: number | 'auto', task: Task & { want: W }): Promise<Checked<W>[]> {
  const results: Checked<W>[] = new Array(jobs.length);
  await eachOnThreads(jobs, wanted, task, (value, k) => (results[k] = value));
  return results;
}

const newWorker = () => new Worker(new URL('./check-worker.mjs', import.meta.url));

/** Workers started before their checks are known (startWorkersEarly), waiting to be taken; `ended` if one failed meanwhile. */
const early: { worker: Worker; ended: boolean }[] = [];

/**
 * Starts the workers that checking up to `count` files would use, when the
 * first file to check is found: a worker takes a second or more to load,
 * which it does while the main thread reads and hashes the remaining files.
 * Unused, they do not keep the process alive.
 */
export function startWorkersEarly(count: number, wanted: number | 'auto' = defaults.threads): void {
  while (early.length < threadsFor(wanted, count) - 1) {
    const waiting = { worker: newWorker(), ended: false };
    waiting.worker.unref();
    // A worker that fails while it waits is not taken (one started then fails where its failure is heard).
    waiting.worker.once('error', () => (waiting.ended = true)).once('exit', () => (waiting.ended = true));
    early.push(waiting);
  }
}

/** Called once a worker has checked its last batch, with a core free from then on (a first build spawns its rendering helper on it). */
let coreFreed: (() => void) | null = null;

/** `then` called when a check worker is done (see coreFreed), in place of any set before; null for none. */
export function whenACoreIsFree(then: (() => void) | null): void {
  coreFreed = then;
}

function freeACore(): void {
  const then = coreFreed;
  coreFreed = null;
  then?.();
}

/** `count` workers: those started early first; any left over are ended. */
function takeWorkers(count: number): Worker[] {
  const waiting = early.splice(0).filter((w) => !w.ended);
  const taken = waiting.slice(0, count).map((w) => w.worker);
  for (const idle of waiting.slice(count)) void idle.worker.terminate();
  while (taken.length < count) taken.push(newWorker());
  for (const worker of taken) worker.ref();
  return taken;
}

/**
 * Jobs handed to the workers as the main thread finds them (checkFilesReduced):
 * a worker starts on the first batches while the main thread still reads and
 * hashes the rest, then the main thread joins in. `expected`: how many there
 * may be, for the number of threads.
 */
class JobStream {
  readonly jobs: Job[] = [];
  ended = false;
  private wake: (() => void) | null = null;
  private waiting: Promise<void> | null = null;
  constructor(readonly expected: number) {}

  add(job: Job): void {
    this.jobs.push(job);
    if (this.jobs.length % BATCH === 0) this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  /** Settles when another batch is found or the stream ends. */
  more(): Promise<void> {
    return (this.waiting ??= new Promise((resolve) => (this.wake = resolve)));
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    this.waiting = null;
    wake?.();
  }
}

/** onThreads, each job's value handed to `settle` as it comes (and not kept); `reduce`, the task's reduction as made on this thread. */
async function eachOnThreads<W extends Want>(source: Job[] | JobStream, wanted: number | 'auto', task: Task & { want: W }, settle: (value: Checked<W>, index: number) => void, reduce?: Reduce<unknown>): Promise<void> {
  const stream = Array.isArray(source) ? null : source;
  const jobs = stream ? stream.jobs : (source as Job[]);
  const ended = () => !stream || stream.ended;
  // Jobs still to be found are waited for, not taken as a short batch.
  while (stream && !stream.ended && jobs.length <= BATCH) await stream.more();
  const threads = threadsFor(wanted, stream ? stream.expected : jobs.length);
  if (jobs.length === 0) return void takeWorkers(0);
  let next = 0;
  /** Where the next batch starts; 'done' once every job is taken; null while it is still being found. */
  const take = (): number | 'done' | null => {
    const left = jobs.length - next;
    if (left === 0 && ended()) return 'done';
    if (left < BATCH && !ended()) return null;
    const from = next;
    next = Math.min(jobs.length, next + BATCH);
    return from;
  };
  // A stream of more than a batch (or more to come) has workers from its start: how many it will have is not known yet.
  const workers = takeWorkers(Math.max(0, Math.min(threads - 1, stream && !stream.ended ? threads : Math.ceil(jobs.length / BATCH) - 1)));
  const onWorker = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      // Two batches in hand: the worker starts its next while the main thread, busy with a batch of its own, has not yet read its last.
      let inHand = 0;
      const feed = () => {
        const from = take();
        if (from === 'done') {
          if (inHand === 0) {
            freeACore();
            resolve();
          }
          return;
        }
        if (from === null) return void stream!.more().then(feed, reject);
        inHand++;
        worker.postMessage({ from, jobs: jobs.slice(from, from + BATCH), task });
      };
      worker.on('message', ({ from, values }: { from: number; values: Checked<W>[] }) => {
        values.forEach((value, k) => settle(value, from + k));
        inHand--;
        feed();
      });
      worker.on('error', reject);
      feed();
      feed();
    });
  const onMain = async () => {
    // Loaded here, not before the workers are fed: loading what checking needs takes this thread many turns of its event loop.
    const { checkJob } = await import('./check-job.ts');
    // The main thread finds the jobs of a stream; it checks once it has found them all.
    while (!ended()) await stream!.more();
    for (let from = take(); typeof from === 'number'; from = take()) {
      for (let k = from; k < Math.min(from + BATCH, jobs.length); k++) settle(checkJob(jobs[k]!, task, reduce) as Checked<W>, k);
      await new Promise((r) => setImmediate(r)); // let the workers' messages in
    }
  };
  try {
    await Promise.all([onMain(), ...workers.map(onWorker)]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** A file as read for checking: its bytes (null if it cannot be read) and, with a cache, its key. */
export type FileRead = { file: string; bytes: Buffer | null; key: string | null };

/**
 * A file read and hashed, its bytes borrowed (readSmallFileBorrowed: the
 * next read reuses them): most files are cache hits, which need only the
 * key. `keptRead` copies the bytes of one that is to be checked.
 */
export function readBorrowed(file: string, cacheDir: string | null): FileRead {
  const bytes = readSmallFileBorrowed(file);
  return { file, bytes, key: cacheDir && bytes ? cacheKey(file, bytes) : null };
}

export const keptRead = (read: FileRead): FileRead => ({ ...read, bytes: read.bytes && Buffer.from(read.bytes) });

const readForCheck = (file: string, cacheDir: string | null) => keptRead(readBorrowed(file, cacheDir));

/** A file as read, with what the cache has of it (null for a miss). */
function lookUpOne(read: FileRead, cache: ReportCache | null) {
  return { ...read, hit: read.key && cache ? cache.get(read.key) : null };
}

/** Each file looked up in the cache; the workers started once a file needs checking. */
function lookUp(files: readonly (string | FileRead)[], cacheDir: string | null, threads: number | 'auto') {
  const cache = cacheDir ? new ReportCache(cacheDir) : null;
  return files.map((f) => {
    const found = lookUpOne(typeof f === 'string' ? readForCheck(f, cacheDir) : f, cache);
    if (found.bytes && !found.hit) startWorkersEarly(files.length, threads);
    return found;
  });
}

export async function checkReportFiles(files: readonly string[], options: Partial<CheckOptions> = {}): Promise<ReportResult[]> {
  const { cacheDir, threads, remember } = { ...defaults, ...options };
  if (remember) return checkRemembering(files, { cacheDir, threads });
  if (!cacheDir && threadsFor(threads, files.length) <= 1) return Promise.all(files.map(checkReportFile));
  const found = lookUp(files, cacheDir, threads);
  const misses = found.filter((f): f is typeof f & { bytes: Buffer } => f.bytes !== null && f.hit === null);
  const checked = await onThreads(misses, threads, { cacheDir, want: 'full' });
  const byFile = new Map(misses.map((m, i) => [m.file, checked[i]!]));
  // A file that cannot be read is checked alone: its result says why.
  return Promise.all(found.map(async (f) => (f.bytes ? { ...fromCached(f.file, f.bytes, f.hit ?? byFile.get(f.file)!), ...(f.key ? { cacheKey: f.key } : {}) } : checkReportFile(f.file))));
}

const CHECKED = new Uint8Array(0);

/** Where a check came from: the file, its cache key (null without a cache) and, when it was decoded, its text. */
export type CheckedFrom = { file: string; key: string | null; text?: string | null };

/**
 * Each file's check, reduced by `reducer` as soon as it is made or read from
 * the cache: a build of thousands of reports never holds their whole
 * results at once (it loads one again from the cache when it needs it). A
 * worker thread reduces the checks it makes itself and sends back only what
 * is kept. Without a cache, or when results are remembered, the whole
 * results are at hand anyway: they are reduced from them, with their text.
 */
export async function checkFilesReduced<R>(files: readonly string[], reducer: Reducer<unknown, R>, options: Partial<CheckOptions> = {}): Promise<R[]> {
  const { cacheDir, threads, remember } = { ...defaults, ...options };
  const reduce = await loadReducer(reducer);
  if (!cacheDir || remember) return (await checkReportFiles(files, options)).map((r) => reduce(toCached(r), { file: r.file, key: r.cacheKey ?? null, text: r.text }));
  const cache = new ReportCache(cacheDir);
  // What was made of each check before, if it is still in the cache: the check is not loaded to make it again.
  const made = files.length ? ReducedIndex.open<R>(cacheDir, commonFolder(files), JSON.stringify([reducer.module, reducer.name, reducer.options]), cache) : null;
  const results: R[] = new Array(files.length);
  const misses = new JobStream(files.length);
  /** Where each miss's result goes. */
  const missAt: number[] = [];
  const unreadable: number[] = [];
  // Misses are checked on the workers as they are found (JobStream).
  const checking = eachOnThreads(misses, threads, { cacheDir, want: 'reduced', reducer }, (value, k) => {
    const miss = misses.jobs[k]!;
    results[missAt[k]!] = value as R;
    if (miss.key) made?.set(miss.key, value as R);
    miss.bytes = CHECKED; // let go: thousands of reports' bytes are not kept to the end of the check
  }, reduce);
  checking.catch(() => {}); // a worker's failure is heard below, once every file is read
  // A plain synchronous loop (see ReportCache.get), each hit reduced and let go before the next is read;
  // a pause now and then lets the workers have the misses found.
  const read = garbageGuard(256);
  for (let at = 0; at < files.length; at++) {
    if (at % 256 === 255) await new Promise((resolve) => setImmediate(resolve));
    const file = files[at]!;
    const { bytes, key } = readBorrowed(file, cacheDir);
    if (!bytes || !key) {
      unreadable.push(at);
      continue;
    }
    const known = made?.get(key);
    if (known !== undefined) {
      results[at] = known;
      continue;
    }
    read();
    const hit = cache.get(key);
    if (hit) made?.set(key, (results[at] = reduce(hit, { file, key })));
    else {
      // At the first: once there are misses enough, the stream has taken the workers (and one started now would wait unused).
      if (misses.jobs.length === 0) startWorkersEarly(files.length, threads);
      missAt.push(at);
      misses.add({ file, bytes: Buffer.from(bytes), key });
    }
  }
  misses.end();
  await checking;
  if (made) await saveIndex(() => made.save());
  // A file that cannot be read is checked alone: its result says why.
  for (const at of unreadable) results[at] = reduce(toCached(await checkReportFile(files[at]!)), { file: files[at]!, key: null });
  return results;
}

/** What validation needs of each file (src/check/summary.ts): from the cache, or checked on every thread, which hand back only that. Files already read (keptRead) are not read again. */
export async function checkSummaries(files: readonly (string | FileRead)[], options: Partial<CheckOptions> = {}): Promise<Summary[]> {
  const { cacheDir, threads } = { ...defaults, ...options };
  const found = lookUp(files, cacheDir, threads);
  const misses = found.filter((f): f is typeof f & { bytes: Buffer } => f.bytes !== null && f.hit === null);
  const checked = await onThreads(misses, threads, { cacheDir, want: 'summary' });
  const byFile = new Map(misses.map((m, i) => [m.file, checked[i]!]));
  return Promise.all(found.map(async (f) => (f.hit ? summaryOf(f.hit) : (byFile.get(f.file) ?? summaryOf(toCached(await checkReportFile(f.file)))))));
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
