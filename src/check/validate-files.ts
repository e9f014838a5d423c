// Validates a set of report files: each on its own, then across the set
// (carry-over, duplicates, narrative figures, English companions), with the
// configured severities applied.

import { readFile } from 'node:fs/promises';
import type { Config } from '../../schemas/config.ts';
import type { ReportResult } from '../report.ts';
import { checkReportFiles, type CheckOptions } from './check-files.ts';
import { applyConfig } from './config.ts';
import { crossReportDiagnostics } from './cross-report.ts';
import { sortDiagnostics, type Diagnostic } from './diagnostic.ts';
import { translationDiagnostics } from './translation.ts';
import { mapLimited } from '../util/map-limited.ts';

/** The English companion a report file may have: 2021.md → 2021.en.md. */
export const companionOf = (file: string) => (/\.md$/i.test(file) ? file.replace(/\.md$/i, '.en.md') : null);

/** A report's result across the set, with its English companion's text as read for the translation checks (null if none). */
export type ValidatedResult = ReportResult & { companion: string | null };

export async function validateFiles(files: readonly string[], config: Config, options?: Partial<CheckOptions>): Promise<ValidatedResult[]> {
  const results = await checkReportFiles(files, options);
  const extra: Diagnostic[] = crossReportDiagnostics(results.map((r) => ({ file: r.file, report: r.report, narrative: r.recognised?.narrative.blocks ?? [] })));
  const companions = await mapLimited(results, async (r) => {
    const companion = companionOf(r.file);
    if (!companion || !r.report) return null;
    const text = await readFile(companion, 'utf8').catch(() => null);
    if (text !== null) extra.push(...translationDiagnostics({ file: companion, text }, { file: r.file, sections: r.report.sections }));
    return text;
  });
  // Diagnostics by file, so that handing them out stays linear in the number of reports.
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of extra) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  return results.map((r, i) => {
    const companion = companionOf(r.file);
    const mine = [...(byFile.get(r.file) ?? []), ...(companion ? (byFile.get(companion) ?? []) : [])];
    return { ...r, companion: companions[i] ?? null, diagnostics: applyConfig(sortDiagnostics([...r.diagnostics, ...mine]), config) };
  });
}
