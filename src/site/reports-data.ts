// The site's view of content/: every report, checked, summarised for the
// pages. (The full site arrives with the site issue; this feeds the
// placeholder home page.)

import { reportFiles } from '../cli/files.ts';
import { checkReportFile } from '../report.ts';

export type ReportSummary = { file: string; agency: string | null; year: number | null; format: string | null; errors: number; warnings: number };

export async function loadReportSummaries(contentDir: string): Promise<ReportSummary[]> {
  const files = await reportFiles([contentDir]);
  const results = await Promise.all(files.map(checkReportFile));
  return results.map((r) => ({
    file: r.file,
    agency: r.report?.agency ?? null,
    year: r.report?.year ?? null,
    format: r.report?.format ?? null,
    errors: r.diagnostics.filter((d) => d.severity === 'error').length,
    warnings: r.diagnostics.filter((d) => d.severity === 'warning').length,
  }));
}
