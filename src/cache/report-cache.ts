// A content-addressed cache of checked reports: the key is the file's bytes,
// its path and gongkai's code version, so an entry can never be stale — any
// change to the file or to gongkai gives a new key.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { threadId } from 'node:worker_threads';
import { join } from 'node:path';
import type { Report } from '../../schemas/report.ts';
import type { Diagnostic } from '../check/diagnostic.ts';
import type { RecognisedReport } from '../recognise/index.ts';
import type { ReportResult } from '../report.ts';
import { codeVersion } from './code-version.ts';

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

export function cacheKey(path: string, bytes: Uint8Array): string {
  return createHash('sha256').update(codeVersion()).update('\0').update(path).update('\0').update(bytes).digest('hex');
}

/** The cache's folders made by this thread, each once. */
const madeFolders = new Map<string, Promise<unknown>>();

export class ReportCache {
  constructor(private readonly dir: string) {}

  private entry(key: string) {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** Read synchronously: thousands of small cached files read fastest in a plain loop. */
  get(key: string): CachedCheck | null {
    try {
      return JSON.parse(readFileSync(this.entry(key), 'utf8')) as CachedCheck;
    } catch {
      return null; // none, or a damaged entry: a miss
    }
  }

  /**
   * Written by the thread that checked the report, in the background while
   * it checks the next ones (measured: writing entries synchronously took a
   * quarter of a cold check).
   */
  async set(key: string, value: CachedCheck): Promise<void> {
    const path = this.entry(key);
    const folder = join(this.dir, key.slice(0, 2));
    let made = madeFolders.get(folder);
    if (!made) madeFolders.set(folder, (made = mkdir(folder, { recursive: true })));
    await made;
    // Written whole or not at all: a reader never sees half an entry (the thread id keeps two threads' files apart).
    const temporary = `${path}.${process.pid}-${threadId}.tmp`;
    const text = JSON.stringify(value);
    await writeFile(temporary, text).catch(async () => {
      // The folder was removed since this thread made it (a cache cleared meanwhile): make it again.
      await mkdir(folder, { recursive: true });
      await writeFile(temporary, text);
    });
    await rename(temporary, path);
  }
}
