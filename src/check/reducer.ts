// A reduction of each report's check (checkFilesReduced) that any thread can
// make: named by a module, the export there that makes it, and that maker's
// options, all of which can be sent to a worker thread. A check worker then
// sends back only what is kept of each report, not its whole check (cloned
// from thread to thread, ~0.6 ms a report).

import type { CachedCheck } from '../cache/report-cache.ts';
import type { CheckedFrom } from './check-files.ts';

export type Reduce<R> = (checked: CachedCheck, from: CheckedFrom) => R;

/** The export `name` of `module` makes the reduction from `options` (`R` is only its type). */
export type Reducer<O, R> = { module: string; name: string; options: O; readonly result?: R };

export const reducer = <O, R>(module: string, name: string, options: O): Reducer<O, R> => ({ module, name, options });

/** The reductions made on this thread, by module, maker and options. */
const made = new Map<string, Promise<Reduce<unknown>>>();

/** The reduction a reducer names, made once on each thread that needs it. */
export function loadReducer<R>(r: Reducer<unknown, R>): Promise<Reduce<R>> {
  const key = JSON.stringify([r.module, r.name, r.options]);
  let reduce = made.get(key);
  if (!reduce) made.set(key, (reduce = import(r.module).then((m: Record<string, (options: unknown) => Reduce<unknown> | Promise<Reduce<unknown>>>) => m[r.name]!(r.options))));
  return reduce as Promise<Reduce<R>>;
}
