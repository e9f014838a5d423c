// One report checked on the thread that runs this (the main thread or a
// worker), its result cached from there too. Loaded only when something is
// to be checked: the parsing and recognising it brings in are most of
// gongkai's start-up, which a warm `validate` does not need.

import { ReportCache, toCached, type CachedCheck } from '../cache/report-cache.ts';
import type { Summary } from '../cache/summary-index.ts';
import { checkReportBytes } from '../report.ts';
import { summaryOf } from './summary.ts';

/** What a thread hands back of each report it checks: the whole result, or only what validation needs. */
export type Want = 'full' | 'summary';
export type Job = { file: string; bytes: Uint8Array; key: string | null };
export type Task = { cacheDir: string | null; want: Want };

/** Checks one report and caches it (a worker hands back only what was asked for). */
export function checkJob(job: Job, task: Task): CachedCheck | Summary {
  const checked = toCached(checkReportBytes(job.bytes, job.file));
  if (task.cacheDir && job.key) new ReportCache(task.cacheDir).set(job.key, checked);
  return task.want === 'full' ? checked : summaryOf(checked);
}
