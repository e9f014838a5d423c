// Rules across reports: one agency's years against each other (R5, H1),
// one agency and year given twice, and each report's narrative against its
// own tables (H2). Pure: the reports come in, diagnostics go out.

import type { Report } from '../../schemas/report.ts';
import type { NarrativeBlock } from '../recognise/narrative.ts';
import { problem, type Diagnostic } from './diagnostic.ts';
import { narrativeMismatches } from './narrative-figures.ts';

export type Checked = { file: string; report: Report | null; narrative: readonly NarrativeBlock[] };

const rowOf = (report: Report, key: string) => report.tables.table3?.rows.find((r) => r.key === key);

function carryOver(previous: Checked & { report: Report }, current: Checked & { report: Report }): Diagnostic[] {
  const out: Diagnostic[] = [];
  const before = rowOf(previous.report, 'carriedForward');
  const now = rowOf(current.report, 'carriedOver');
  if (before?.shape !== 'complete' || now?.shape !== 'complete') return out;
  const columns = current.report.tables.table3!.columns;
  now.values.forEach((value, c) => {
    const expected = before.values[c];
    if (value === null || expected === null || expected === undefined || value === expected) return;
    const cell = now.cells[c];
    out.push({
      file: current.file,
      ...problem('carry-over', { at: cell ? { line: cell.line, column: cell.column } : null, table: 'table3', row: now.label, col: columns[c] ?? null, expected, actual: value }, {
        zh: `“${columns[c]}”列：本年上年结转 ${value}，而 ${previous.report.year} 年报告（${previous.file} 第 ${before.line} 行）结转下年度为 ${expected}`,
        en: `Column "${columns[c]}": carried over ${value} this year, but the ${previous.report.year} report (${previous.file}, line ${before.line}) carried forward ${expected}`,
      }),
    });
  });
  return out;
}

/** H1 on the 2021 layout's 第二十条第（一）项 block: in force = last year's in force + issued − repealed. */
function inForce(previous: Checked & { report: Report }, current: Checked & { report: Report }): Diagnostic[] {
  const out: Diagnostic[] = [];
  const block = (r: Report) => (r.tables.table2?.layout === '2021' ? r.tables.table2.blocks[0] : undefined);
  const then = block(previous.report);
  const now = block(current.report);
  if (!then || !now) return out;
  now.rows.forEach((row, i) => {
    const last = then.rows[i]?.values[2];
    const [issued, repealed, inForceNow] = row.values;
    if (row.shape !== 'complete' || typeof last !== 'number' || typeof issued !== 'number' || typeof repealed !== 'number' || typeof inForceNow !== 'number') return;
    const expected = last + issued - repealed;
    if (expected === inForceNow) return;
    const cell = row.cells[2];
    out.push({
      file: current.file,
      ...problem('in-force-continuity', { at: cell ? { line: cell.line, column: cell.column } : null, table: 'table2', row: row.label, col: now.columns[2] ?? null, expected, actual: inForceNow }, {
        zh: `“${row.label}”现行有效件数为 ${inForceNow}；按上年（${previous.file}）${last} + 制发 ${issued} − 废止 ${repealed} 应为 ${expected}（清理文件后可能不符）`,
        en: `"${row.label}": ${inForceNow} in force; last year's ${last} (${previous.file}) + ${issued} issued − ${repealed} repealed gives ${expected} (a clean-up of documents can explain it)`,
      }),
    });
  });
  return out;
}

export function crossReportDiagnostics(checked: readonly Checked[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reports = checked.filter((c): c is Checked & { report: Report } => c.report !== null);
  for (const c of reports) out.push(...narrativeMismatches(c.report, c.narrative).map((p) => ({ file: c.file, ...p })));
  const byAgency = new Map<string, (Checked & { report: Report })[]>();
  for (const c of reports) {
    if (!c.report.agency || !c.report.year) continue;
    byAgency.set(c.report.agency, [...(byAgency.get(c.report.agency) ?? []), c]);
  }
  for (const series of byAgency.values()) {
    const byYear = new Map<number, Checked & { report: Report }>();
    for (const c of series) {
      const first = byYear.get(c.report.year!);
      if (!first) {
        byYear.set(c.report.year!, c);
        continue;
      }
      out.push({
        file: c.file,
        ...problem('duplicate-report', { at: { line: 1, column: 1 }, expected: first.file, actual: c.file }, {
          zh: `${c.report.agency} ${c.report.year} 年的报告已有一份：${first.file}`,
          en: `${c.report.agency} already has a ${c.report.year} report: ${first.file}`,
        }),
      });
    }
    for (const [year, current] of byYear) {
      const previous = byYear.get(year - 1);
      if (previous) out.push(...carryOver(previous, current), ...inForce(previous, current));
    }
  }
  return out;
}
