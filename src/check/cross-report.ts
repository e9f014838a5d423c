// Rules across reports: one agency's years against each other (R5, H1),
// one agency and year given twice, and each report's narrative against its
// own tables (H2). Pure: the reports come in, diagnostics go out.

import type { Report } from '../../schemas/report.ts';
import type { Table2Block } from '../../schemas/table2.ts';
import type { Table3Row } from '../../schemas/table3.ts';
import type { NarrativeBlock } from '../recognise/narrative.ts';
import { problem, type Diagnostic, type Problem } from './diagnostic.ts';
import { narrativeMismatches } from './narrative-figures.ts';

/**
 * What the rules across reports need of one report: a few rows and the
 * narrative's problems, not the report. Small enough to keep for every
 * report in one file of the cache (src/cache/summary-index.ts).
 */
/** A row as these rules read it: its values, and where each cell is (not what it says: kept for every report, it is kept small). */
type CrossRow<R extends Table3Row | Table2Block['rows'][number]> = Pick<R, 'key' | 'label' | 'shape' | 'line' | 'values'> & { cells: Pick<R['cells'][number], 'line' | 'column'>[] };

export type CrossInput = {
  agency: string | null;
  year: number | null;
  /** Table 三's column headings and its 上年结转 and 结转下年度 rows. */
  columns: string[];
  carriedOver: CrossRow<Table3Row> | null;
  carriedForward: CrossRow<Table3Row> | null;
  /** Table 二's 第二十条第（一）项 block, in the 2021 layout only. */
  inForce: (Pick<Table2Block, 'clause' | 'columns' | 'line'> & { rows: CrossRow<Table2Block['rows'][number]>[] }) | null;
  /** H2: the narrative's figures against the report's own tables. */
  narrative: Problem[];
};

export type Checked = { file: string; cross: CrossInput | null };

/** Once per report (narrative figures included): the preview server validates every report again after each edit. */
const made = new WeakMap<Report, CrossInput>();

export function crossInputOf(report: Report, narrative: readonly NarrativeBlock[]): CrossInput {
  let input = made.get(report);
  if (!input) made.set(report, (input = makeCrossInput(report, narrative)));
  return input;
}

function crossRow<R extends Table3Row | Table2Block['rows'][number]>(row: R): CrossRow<R> {
  return { key: row.key, label: row.label, shape: row.shape, line: row.line, values: row.values, cells: row.cells.map((c) => ({ line: c.line, column: c.column })) } as CrossRow<R>;
}

const crossBlock = (block: Table2Block | undefined) => (block ? { clause: block.clause, columns: block.columns, line: block.line, rows: block.rows.map(crossRow) } : null);

function makeCrossInput(report: Report, narrative: readonly NarrativeBlock[]): CrossInput {
  const row = (key: string) => {
    const found = report.tables.table3?.rows.find((r) => r.key === key);
    return found ? crossRow(found) : null;
  };
  return {
    agency: report.agency,
    year: report.year,
    columns: report.tables.table3?.columns ?? [],
    carriedOver: row('carriedOver'),
    carriedForward: row('carriedForward'),
    inForce: report.tables.table2?.layout === '2021' ? crossBlock(report.tables.table2.blocks[0]) : null,
    narrative: narrativeMismatches(report, narrative),
  };
}

type Dated = { file: string; cross: CrossInput & { agency: string; year: number } };

function carryOver(previous: Dated, current: Dated): Diagnostic[] {
  const out: Diagnostic[] = [];
  const before = previous.cross.carriedForward;
  const now = current.cross.carriedOver;
  if (before?.shape !== 'complete' || now?.shape !== 'complete') return out;
  const columns = current.cross.columns;
  now.values.forEach((value, c) => {
    const expected = before.values[c];
    if (value === null || expected === null || expected === undefined || value === expected) return;
    const cell = now.cells[c];
    out.push({
      file: current.file,
      ...problem('carry-over', { at: cell ? { line: cell.line, column: cell.column } : null, table: 'table3', row: now.label, col: columns[c] ?? null, expected, actual: value }, {
        zh: `“${columns[c]}”列：本年上年结转 ${value}，而 ${previous.cross.year} 年报告（${previous.file} 第 ${before.line} 行）结转下年度为 ${expected}`,
        en: `Column "${columns[c]}": carried over ${value} this year, but the ${previous.cross.year} report (${previous.file}, line ${before.line}) carried forward ${expected}`,
      }),
    });
  });
  return out;
}

/** H1 on the 2021 layout's 第二十条第（一）项 block: in force = last year's in force + issued − repealed. */
function inForce(previous: Dated, current: Dated): Diagnostic[] {
  const out: Diagnostic[] = [];
  const then = previous.cross.inForce;
  const now = current.cross.inForce;
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
  for (const c of checked) if (c.cross) out.push(...c.cross.narrative.map((p) => ({ file: c.file, ...p })));
  const byAgency = new Map<string, Dated[]>();
  for (const c of checked) {
    if (!c.cross?.agency || !c.cross.year) continue;
    const dated = c as Dated;
    const series = byAgency.get(dated.cross.agency);
    if (series) series.push(dated);
    else byAgency.set(dated.cross.agency, [dated]);
  }
  for (const series of byAgency.values()) {
    const byYear = new Map<number, Dated>();
    for (const c of series) {
      const first = byYear.get(c.cross.year);
      if (!first) {
        byYear.set(c.cross.year, c);
        continue;
      }
      out.push({
        file: c.file,
        ...problem('duplicate-report', { at: { line: 1, column: 1 }, expected: first.file, actual: c.file }, {
          zh: `${c.cross.agency} ${c.cross.year} 年的报告已有一份：${first.file}`,
          en: `${c.cross.agency} already has a ${c.cross.year} report: ${first.file}`,
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
