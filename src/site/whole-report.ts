// A published report's whole check and text, for the pages and downloads
// that show them. A build of thousands of reports keeps only what its lists
// show of each (site-data.ts); the whole check is loaded again from the
// report cache, by the key it was checked under, when one of the report's
// pages or downloads is made, and let go after. Without a cache (or in the
// preview server, which remembers every result) it is kept in memory.

import { ReportCache, cacheKey, type CachedCheck } from '../cache/report-cache.ts';
import type { CheckedFrom } from '../check/check-files.ts';
import { decode, decodesToItself } from '../read/decode.ts';
import { readSmallFile } from '../read/read-small.ts';
import { garbageGuard } from '../util/collect-garbage.ts';

/** How to have a report's whole check again: kept, or where it is cached. */
export type WholeSource = { file: string; kept: CachedCheck | null; text: string | null; key: string | null; cacheDir: string | null };

/** The source of a check reduced by checkFilesReduced: kept when it cannot be loaded again (no cache) or is in memory anyway (remembered). */
export function wholeSource(checked: CachedCheck, from: CheckedFrom, cacheDir: string | null, remembered: boolean): WholeSource {
  const keep = !cacheDir || !from.key || remembered;
  return { file: from.file, kept: keep ? checked : null, text: keep ? (from.text ?? null) : null, key: from.key, cacheDir: keep ? null : cacheDir };
}

/** The file changed, or its cache entry went, between the check and the build's use of it. */
export class ChangedDuringBuild extends Error {}

/** The ChangedDuringBuild an error was caused by, however deep Eleventy wrapped it (its errors keep the one they caught as `originalError`). */
export function changedDuringBuild(error: unknown): ChangedDuringBuild | null {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 16; depth++) {
    if (e instanceof ChangedDuringBuild) return e;
    e = (e as { originalError?: unknown; cause?: unknown }).originalError ?? (e as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * The report loaded last: its two pages, its three downloads and its pieces
 * of the datasets are made one after the other. Only the one: a check kept
 * longer lives through young-generation collections and is promoted to the
 * old generation, to be marked and swept there.
 */
let last: { key: string; checked: CachedCheck } | null = null;
/** Every report loaded is garbage soon after: the downloads load all of them. */
const loaded = garbageGuard(64);

function load(source: WholeSource & { key: string; cacheDir: string }): CachedCheck {
  if (last?.key === source.key) return last.checked;
  loaded();
  const checked = new ReportCache(source.cacheDir).get(source.key);
  if (!checked) throw new ChangedDuringBuild(`${source.file}: its cached check went missing while the site was built (was the cache folder removed?); build again`);
  last = { key: source.key, checked };
  return checked;
}

export function checkedOf(source: WholeSource): CachedCheck {
  if (source.kept) return source.kept;
  return load(source as WholeSource & { key: string; cacheDir: string });
}

/** The report's bytes read again: the same bytes as checked, or the build stops. */
function readAgain(source: WholeSource): Buffer {
  const bytes = readSmallFile(source.file);
  if (!bytes || (source.key && cacheKey(source.file, bytes) !== source.key)) throw new ChangedDuringBuild(`${source.file} changed while the site was built; build again`);
  return bytes;
}

/**
 * The report's text as its download publishes it: as read again, the bytes
 * themselves where they are its text in UTF-8 already (most reports: not
 * decoded only to be encoded again), else the text.
 */
export function publishedText(source: WholeSource): string | Buffer {
  if (source.text !== null) return source.text;
  const bytes = readAgain(source);
  return decodesToItself(bytes) ? bytes : decode(bytes).text;
}
