// Validates a set of report files: each on its own, then across the set
// (carry-over, duplicates, narrative figures, English companions), with the
// configured severities applied. Two ways: whole results (what the site and
// the editing commands need), or summaries (what `validate` prints), which a
// warm cache serves from one small file.

import type { Config } from '../../schemas/config.ts';
import type { Report } from '../../schemas/report.ts';
import { saveIndex } from '../cache/index-saves.ts';
import { SummaryIndex, commonFolder, type Summary } from '../cache/summary-index.ts';
import type { ReportResult } from '../report.ts';
import { cacheKey, toCached } from '../cache/report-cache.ts';
import { readSmallFileBorrowed } from '../read/read-small.ts';
import { checkDefaults, checkFilesReduced, checkReportFiles, checkSummaries, keptRead, readBorrowed, startWorkersEarly, type CheckOptions, type FileRead } from './check-files.ts';
import { summaryOf } from './summary.ts';
import { loadReducer, reducer, type Reduce, type Reducer } from './reducer.ts';
import { applyConfig } from './config.ts';
import { crossReportDiagnostics, type CrossInput } from './cross-report.ts';
import { sortDiagnostics, type Diagnostic } from './diagnostic.ts';
import { translationDiagnostics } from './translation.ts';
import { readTextIfAny } from '../read/read-stamped.ts';
import { MadeLastTime } from '../util/made-last-time.ts';

/** The English companion a report file may have: 2021.md → 2021.en.md. */
export const companionOf = (file: string) => (/\.md$/i.test(file) ? file.replace(/\.md$/i, '.en.md') : null);

/** A report's result across the set, with its English companion's text as read for the translation checks (null if none). */
export type ValidatedResult = ReportResult & { companion: string | null };

/** What `validate` reports of a file. */
export type ValidatedSummary = { file: string; agency: string | null; year: number | null; format: Report['format'] | null; diagnostics: Diagnostic[] };

/** What the checks across reports need of one: its file, own diagnostics, sections and CrossInput. */
type Checked = { file: string; diagnostics: Diagnostic[]; sections: readonly { number: number }[] | null; cross: CrossInput | null };

/**
 * Each report's diagnostics, its own and those across the set, configured,
 * with the text of its English companion (read for the translation checks).
 */
/** The translation checks of each companion, by what they depend on: the preview server validates again after every edit. */
const translations = new MadeLastTime<{ of: string; diagnostics: Diagnostic[] }>();

/** A report's diagnostics, its own and across the set, configured; its companion's text (null if none). */
type Across = { diagnostics: Diagnostic[]; companion: string | null };

/**
 * A companion's translation diagnostics, from the summary index while its
 * bytes and the report's sections are the same: `validate` needs only
 * those, not its text (which is not kept).
 */
function indexedTranslation(companion: string, report: { file: string; sections: readonly { number: number }[] }, of: string, index: SummaryIndex): Diagnostic[] {
  const bytes = readSmallFileBorrowed(companion);
  if (!bytes) return [];
  const key = cacheKey(`${companion}\0${of}`, bytes);
  let found = index.translation(key);
  if (!found) index.setTranslation(key, (found = translationDiagnostics({ file: companion, text: bytes.toString('utf8') }, report)));
  return found;
}

/** With `index`, translation diagnostics come from it (indexedTranslation) and the companions' texts are not read whole. */
function acrossReports(checked: readonly Checked[], config: Config, remember: boolean, index: SummaryIndex | null = null): Across[] {
  translations.round();
  const extra: Diagnostic[] = crossReportDiagnostics(checked);
  const companions = checked.map((r) => {
    const companion = companionOf(r.file);
    if (!companion || !r.sections) return null;
    // The report a companion is checked against: its file and sections.
    const of = `${r.file}\0${r.sections.map((s) => s.number).join()}`;
    if (index) {
      extra.push(...indexedTranslation(companion, { file: r.file, sections: r.sections }, of, index));
      return null;
    }
    const text = readTextIfAny(companion, remember);
    if (text !== null) {
      // By the companion's text, checked against the report it was made for (a key joined from the text would be copied and hashed whole).
      const check = () => ({ of, diagnostics: translationDiagnostics({ file: companion, text }, { file: r.file, sections: r.sections! }) });
      // Kept by text only where they are checked again (elsewhere the texts would be held to the end for nothing).
      let made = remember ? translations.get(text, check) : check();
      if (made.of !== of) translations.set(text, (made = check()));
      extra.push(...made.diagnostics);
    }
    return text;
  });
  // Diagnostics by file, so that handing them out stays linear in the number of reports.
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of extra) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  return checked.map((r, i) => {
    const companion = companionOf(r.file);
    const mine = [...(byFile.get(r.file) ?? []), ...(companion ? (byFile.get(companion) ?? []) : [])];
    return { companion: companions[i] ?? null, diagnostics: applyConfig(sortDiagnostics([...r.diagnostics, ...mine]), config) };
  });
}

const checkedOf = (file: string, s: Summary): Checked => ({ file, diagnostics: s.diagnostics, sections: s.cross ? s.sections.map((number) => ({ number })) : null, cross: s.cross });

export async function validateFiles(files: readonly string[], config: Config, options?: Partial<CheckOptions>): Promise<ValidatedResult[]> {
  const results = await checkReportFiles(files, options);
  const across = await validateChecked(files, results.map((r) => ({ key: r.cacheKey ?? null, summary: summaryOf(toCached(r)) })), config, options);
  return results.map((r, i) => ({ ...r, ...across[i]! }));
}

/** What validateReduced keeps of each check: the caller's reduction, and what validation across the set needs. */
type WithSummary<R> = { value: R; key: string | null; summary: Summary };

/** Makes validateReduced's reduction from the caller's (on whichever thread checks: see reducer.ts). */
export async function makeWithSummary<R>(inner: Reducer<unknown, R>): Promise<Reduce<WithSummary<R>>> {
  const reduce = await loadReducer(inner);
  return (checked, from) => ({ value: reduce(checked, from), key: from.key, summary: summaryOf(checked) });
}

/** validateFiles with each file's check reduced by `reduce` as it is made or read (see checkFilesReduced): what the site keeps of thousands of reports. */
export async function validateReduced<R>(files: readonly string[], config: Config, reduce: Reducer<unknown, R>, options?: Partial<CheckOptions>): Promise<({ file: string; value: R } & Across)[]> {
  const made = await checkFilesReduced(files, reducer<Reducer<unknown, R>, WithSummary<R>>(import.meta.url, 'makeWithSummary', reduce), options);
  const across = await validateChecked(files, made, config, options);
  return made.map((m, i) => ({ file: files[i]!, value: m.value, ...across[i]! }));
}

/** The checks across the set, from each file's summary; the summaries kept in the folder's index for `validate` too (a build leaves validating the same folder warm). */
async function validateChecked(files: readonly string[], checked: readonly { key: string | null; summary: Summary }[], config: Config, options?: Partial<CheckOptions>): Promise<Across[]> {
  const { cacheDir, remember } = { ...checkDefaults(), ...options };
  if (cacheDir && !remember && files.length) {
    const index = await SummaryIndex.open(cacheDir, commonFolder(files));
    checked.forEach((c) => c.key && index.set(c.key, c.summary));
    await saveIndex(() => index.save());
  }
  return acrossReports(files.map((file, i) => checkedOf(file, checked[i]!.summary)), config, Boolean(remember));
}

/**
 * The same diagnostics as validateFiles, without the reports: with a cache,
 * each file is read and hashed, and its summary comes from the folder's
 * summary index; only files it does not have are checked (or read whole
 * from the report cache).
 */
export async function validateSummaries(files: readonly string[], config: Config, options?: Partial<CheckOptions>): Promise<ValidatedSummary[]> {
  const { cacheDir } = { ...checkDefaults(), ...options };
  const summaries: Summary[] = new Array(files.length);
  const index = cacheDir && files.length ? await SummaryIndex.open(cacheDir, commonFolder(files)) : null;
  // Each file read once: those the index has, hashed and let go; the others handed on as read.
  const reads = files.map((file, i): FileRead | null => {
    if (!index) return null;
    const read = readBorrowed(file, cacheDir);
    const hit = read.key ? index.get(read.key) : undefined;
    if (hit) {
      summaries[i] = hit;
      return null;
    }
    if (read.bytes) startWorkersEarly(files.length, options?.threads);
    return keptRead(read);
  });
  const missing = files.flatMap((file, i) => (summaries[i] ? [] : [{ file, i }]));
  const checked = await checkSummaries(missing.map(({ file, i }) => reads[i] ?? file), options);
  missing.forEach(({ i }, k) => {
    summaries[i] = checked[k]!;
    const key = reads[i]?.key;
    if (key) index!.set(key, summaries[i]);
  });
  const across = acrossReports(files.map((file, i) => checkedOf(file, summaries[i]!)), config, false, index);
  await index?.save();
  return files.map((file, i) => {
    const s = summaries[i]!;
    return { file, agency: s.cross?.agency ?? null, year: s.cross?.year ?? null, format: s.format, diagnostics: across[i]!.diagnostics };
  });
}
