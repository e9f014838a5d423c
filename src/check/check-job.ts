// One report checked on the thread that runs this (the main thread or a
// worker), its result cached from there too. Loaded only when something is
// to be checked: the parsing and recognising it brings in are most of
// gongkai's start-up, which a warm `validate` does not need.

import { ReportCache, toCached, type CachedCheck } from '../cache/report-cache.ts';
import type { Summary } from '../cache/summary-index.ts';
import { checkReportBytes } from '../report.ts';
import type { Reduce, Reducer } from './reducer.ts';
import { summaryOf } from './summary.ts';

/** What a thread hands back of each report it checks: the whole result, only what validation needs, or what `reducer` keeps of it. */
export type Want = 'full' | 'summary' | 'reduced';
export type Job = { file: string; bytes: Uint8Array; key: string | null };
export type Task = { cacheDir: string | null; want: Want; reducer?: Reducer<unknown, unknown> };

/** Checks one report and caches it (a worker hands back only what was asked for; `reduce`, made from the task's reducer, for 'reduced'). */
export function checkJob(job: Job, task: Task, reduce?: Reduce<unknown>): CachedCheck | Summary | unknown {
  const checked = toCached(checkReportBytes(job.bytes, job.file));
  if (task.cacheDir && job.key) new ReportCache(task.cacheDir).set(job.key, checked);
  if (task.want === 'reduced') return reduce!(checked, { file: job.file, key: job.key });
  return task.want === 'full' ? checked : summaryOf(checked);
}
