// What a build keeps of each report (a reduction of its check: see
// check/reducer.ts), kept in one file of the cache per folder of reports and
// reduction, as the summary index keeps what validation needs: a warm build
// reads one file instead of loading every report's whole check to reduce it
// again (measured at 10,000 reports: ~5 s of a ~9.5 s load). Entries have
// the report cache's content-addressed keys. One is used only while the
// cached check it was made from is still there and whole (the size it had):
// the build loads that check again for the report's pages.

import { codeVersion } from './code-version.ts';
import type { ReportCache } from './report-cache.ts';
import { indexFile, readIndex, writeIndex } from './summary-index.ts';

type Entry<R> = { size: number; value: R };
type Stored<R> = { version: string; entries: Record<string, Entry<R>> };

export class ReducedIndex<R> {
  private readonly used = new Set<string>();
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly entries: Map<string, Entry<R>>,
    private readonly cache: ReportCache,
  ) {}

  /** The index of reduction `reduction` (any text naming it and its options) of the reports under `folder`, with their checks in `cache`. */
  static open<R>(cacheDir: string, folder: string, reduction: string, cache: ReportCache): ReducedIndex<R> {
    const file = indexFile(cacheDir, 'reduced', folder, reduction);
    return new ReducedIndex<R>(file, new Map(Object.entries(readIndex<Stored<R>>(file)?.entries ?? {})), cache);
  }

  /** The reduction of the check under `key`, if it was made and that check is still in the cache as it was. */
  get(key: string): R | undefined {
    const found = this.entries.get(key);
    if (!found || this.cache.size(key) !== found.size) return undefined;
    this.used.add(key);
    return found.value;
  }

  /** Keeps `value`, the reduction of the check under `key`, if that check is in the cache (a check that could not be written is not). */
  set(key: string, value: R): void {
    const size = this.cache.size(key);
    if (size === null) return;
    this.used.add(key);
    if (this.entries.get(key)?.size === size) return; // content-addressed: the same key and check, the same reduction
    this.entries.set(key, { size, value });
    this.changed = true;
  }

  /** Keeps the entries used since opening (reports since deleted or edited drop out), if anything changed. */
  async save(): Promise<void> {
    if (!this.changed && this.used.size === this.entries.size) return;
    const entries: Record<string, Entry<R>> = {};
    for (const key of this.used) entries[key] = this.entries.get(key)!;
    const stored: Stored<R> = { version: codeVersion(), entries };
    await writeIndex(this.file, stored);
  }
}
