// What validation needs of every report, kept in one file of the cache per
// folder of reports: a report's own diagnostics and the few rows the rules
// across reports read (CrossInput). Reading one small file instead of
// thousands of whole cached reports is what makes a warm validate fast.
// Entries have the report cache's content-addressed keys (file, bytes,
// gongkai's version), so an entry is never stale.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { Report } from '../../schemas/report.ts';
import type { CrossInput } from '../check/cross-report.ts';
import type { Diagnostic } from '../check/diagnostic.ts';
import { writeWhole } from '../util/write-whole.ts';
import { codeVersion } from './code-version.ts';

export type Summary = {
  format: Report['format'] | null;
  /** The numbers of the sections found: what an English companion is checked against. */
  sections: number[];
  diagnostics: Diagnostic[];
  cross: CrossInput | null;
};

/** `translations`: an English companion's translation diagnostics, keyed by its path and bytes and the report it was checked against (see indexedTranslation in src/check/validate-files.ts). */
type Stored = { version: string; entries: Record<string, Summary>; translations?: Record<string, Diagnostic[]> };

/** The deepest folder holding every file: the files of one `validate content/` share one index. */
export function commonFolder(files: readonly string[]): string {
  const parts = files.map((f) => dirname(resolve(f)).split(sep));
  const first = parts[0] ?? [];
  let n = first.length;
  for (const p of parts) {
    let k = 0;
    while (k < n && k < p.length && p[k] === first[k]) k++;
    n = k;
  }
  return first.slice(0, n).join(sep) || sep;
}

export class SummaryIndex {
  private readonly used = new Set<string>();
  private readonly usedTranslations = new Set<string>();
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly entries: Map<string, Summary>,
    private readonly translations: Map<string, Diagnostic[]>,
  ) {}

  static async open(cacheDir: string, folder: string): Promise<SummaryIndex> {
    const file = indexFile(cacheDir, 'summaries', folder);
    const stored = readIndex<Stored>(file);
    return new SummaryIndex(file, new Map(Object.entries(stored?.entries ?? {})), new Map(Object.entries(stored?.translations ?? {})));
  }

  get(key: string): Summary | undefined {
    const found = this.entries.get(key);
    if (found) this.used.add(key);
    return found;
  }

  set(key: string, summary: Summary): void {
    this.used.add(key);
    if (this.entries.has(key)) return; // content-addressed: the same key, the same summary
    this.entries.set(key, summary);
    this.changed = true;
  }

  /** A companion's translation diagnostics, by the key indexedTranslation makes. */
  translation(key: string): Diagnostic[] | undefined {
    const found = this.translations.get(key);
    if (found) this.usedTranslations.add(key);
    return found;
  }

  setTranslation(key: string, diagnostics: Diagnostic[]): void {
    this.usedTranslations.add(key);
    if (this.translations.has(key)) return;
    this.translations.set(key, diagnostics);
    this.changed = true;
  }

  /** Keeps the entries used since opening (reports since deleted or edited drop out), if anything changed. */
  async save(): Promise<void> {
    if (!this.changed && this.used.size === this.entries.size && this.usedTranslations.size === this.translations.size) return;
    const entries: Record<string, Summary> = {};
    for (const key of this.used) entries[key] = this.entries.get(key)!;
    const translations: Record<string, Diagnostic[]> = {};
    for (const key of this.usedTranslations) translations[key] = this.translations.get(key)!;
    const stored: Stored = { version: codeVersion(), entries, translations };
    await writeIndex(this.file, stored);
  }
}

/** The file of an index of `kind` for the reports under `folder`. */
export const indexFile = (cacheDir: string, kind: string, folder: string, ...more: string[]) =>
  join(cacheDir, kind, `${createHash('sha256').update(resolve(folder)).update(more.join('\0')).digest('hex').slice(0, 32)}.json`);

/** An index as stored, if it was written by this version of gongkai; null if there is none (or it is damaged): every report is a miss. */
export function readIndex<T extends { version: string }>(file: string): T | null {
  try {
    // Read in one synchronous call: for a file of megabytes the promise API decodes in chunks, several times slower.
    const stored = JSON.parse(readFileSync(file, 'utf8')) as T;
    // Keys already include the version; this only spares reading old entries one by one.
    return stored.version === codeVersion() ? stored : null;
  } catch {
    return null;
  }
}

/** An index written whole or not at all: a reader never sees half an index. */
export const writeIndex = (file: string, stored: { version: string }): Promise<void> => writeWhole(file, JSON.stringify(stored));
