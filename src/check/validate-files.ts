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

/** The English companion a report file may have: 2021.md → 2021.en.md. */
export const companionOf = (file: string) => (/\.md$/i.test(file) ? file.replace(/\.md$/i, '.en.md') : null);

export async function validateFiles(files: readonly string[], config: Config, options?: Partial<CheckOptions>): Promise<ReportResult[]> {
  const results = await checkReportFiles(files, options);
  const extra: Diagnostic[] = crossReportDiagnostics(results.map((r) => ({ file: r.file, report: r.report, narrative: r.recognised?.narrative.blocks ?? [] })));
  for (const r of results) {
    const companion = companionOf(r.file);
    if (!companion || !r.report) continue;
    const text = await readFile(companion, 'utf8').catch(() => null);
    if (text !== null) extra.push(...translationDiagnostics({ file: companion, text }, { file: r.file, sections: r.report.sections }));
  }
  return results.map((r) => {
    const mine = extra.filter((d) => d.file === r.file || d.file === companionOf(r.file));
    return { ...r, diagnostics: applyConfig(sortDiagnostics([...r.diagnostics, ...mine]), config) };
  });
}
