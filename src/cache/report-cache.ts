// A content-addressed cache of checked reports: the key is the file's bytes,
// its path and gongkai's code version, so an entry can never be stale — any
// change to the file or to gongkai gives a new key.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../schemas/report.ts';
import type { Diagnostic } from '../check/diagnostic.ts';
import type { RecognisedReport } from '../recognise/index.ts';
import type { ReportResult } from '../report.ts';
import { statOrNull } from '../util/stat-or-null.ts';
import { codeVersion } from './code-version.ts';
import { packReport, unpackReport } from './cell-codec.ts';

/** What is kept of a check: enough to validate, cross-check and publish without parsing again. */
export type CachedCheck = {
  report: Report | null;
  narrative: RecognisedReport['narrative'] | null;
  metadata: RecognisedReport['metadata'] | null;
  diagnostics: Diagnostic[];
};

export function toCached(result: ReportResult): CachedCheck {
  return { report: result.report, narrative: result.recognised?.narrative ?? null, metadata: result.recognised?.metadata ?? null, diagnostics: result.diagnostics };
}

export const DEFAULT_CACHE_DIR = join('node_modules', '.cache', 'gongkai');

/**
 * How an entry's JSON is stored: as UTF-16, the form the text has in memory
 * (its Chinese makes it two-byte), so that reading an entry copies its bytes
 * into a string where UTF-8 had to be decoded (measured on 2,000 entries: read
 * and parsed in ~0.17 ms against ~0.26 ms; a third more bytes, ~27 KB an entry).
 * A build reads back every report's entry to make its pages.
 */
export const ENTRY_ENCODING: BufferEncoding = 'utf16le';

export function cacheKey(path: string, bytes: Uint8Array): string {
  return createHash('sha256').update(codeVersion()).update('\0').update(path).update('\0').update(bytes).digest('hex');
}

/** The cache's folders made by this thread. */
const madeFolders = new Set<string>();

export class ReportCache {
  constructor(private readonly dir: string) {}

  private entry(key: string) {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** Read synchronously: thousands of small cached files read fastest in a plain loop. */
  get(key: string): CachedCheck | null {
    const path = this.entry(key);
    // A miss is told without the error a failed read throws (~2 µs against ~20 µs): a cold check misses every report.
    if (!existsSync(path)) return null;
    try {
      const stored = JSON.parse(readFileSync(path, ENTRY_ENCODING)) as CachedCheck;
      unpackReport(stored.report);
      return stored;
    } catch {
      return null; // none, or a damaged entry: a miss
    }
  }

  /** The size of the entry under `key` in bytes; null if there is none. */
  size(key: string): number | null {
    return statOrNull(this.entry(key))?.size ?? null;
  }

  /**
   * Written by the thread that checked the report, synchronously and in
   * place (measured on 10,000 reports: a cold validate took 43 s, and 12 s
   * more of the processor, writing a temporary file and renaming it through
   * promises; 35 s this way). A reader can never take half an
   * entry for a whole one: a part of a JSON object does not parse, and is a
   * miss. Two threads writing the same key write the same bytes. An entry
   * that cannot be written is left out: it is a miss next time.
   */
  set(key: string, value: CachedCheck): void {
    const path = this.entry(key);
    const folder = join(this.dir, key.slice(0, 2));
    const text = JSON.stringify({ ...value, report: packReport(value.report) });
    try {
      if (!madeFolders.has(folder)) mkdirSync(folder, { recursive: true });
      madeFolders.add(folder);
      writeFileSync(path, text, ENTRY_ENCODING);
    } catch {
      // The folder may have been removed since this thread made it (a cache cleared meanwhile): once more, from the folder.
      try {
        mkdirSync(folder, { recursive: true });
        writeFileSync(path, text, ENTRY_ENCODING);
      } catch {
        // A cache that cannot be written (a full disk, no permission) only makes the next check slower.
      }
    }
  }
}
