// What validation keeps of a checked report (src/cache/summary-index.ts):
// its format, section numbers, own diagnostics and what the rules across
// reports read of it.

import type { CachedCheck } from '../cache/report-cache.ts';
import type { Summary } from '../cache/summary-index.ts';
import { crossInputOf } from './cross-report.ts';

export const summaryOf = (checked: CachedCheck): Summary => ({
  format: checked.report?.format ?? null,
  sections: checked.report?.sections.map((s) => s.number) ?? [],
  diagnostics: checked.diagnostics,
  cross: checked.report ? crossInputOf(checked.report, checked.narrative?.blocks ?? []) : null,
});
