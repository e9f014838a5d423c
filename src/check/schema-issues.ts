// Zod issues from the report schema (the reconciliation refinements and the
// value checks) turned into located, bilingual diagnostics.

import type { z } from 'zod';
import type { Report } from '../../schemas/report.ts';
import type { CellSource } from '../../schemas/cells.ts';
import type { RuleId } from '../../schemas/rules.ts';
import { RULE_IDS } from '../../schemas/rules.ts';
import { TABLE4_COLUMNS, TABLE4_GROUPS, TABLE4_RESULTS, type TableId } from '../../schemas/template.ts';
import { problem, type Problem } from './diagnostic.ts';

type Located = { cell: CellSource | undefined; row: string | null; col: string | null; line: number | null };

/** Finds the cell (and its row and column labels) a path into the report points at. */
function locate(report: Report, table: TableId, path: PropertyKey[]): Located {
  const [, , ...rest] = path;
  const num = (k: PropertyKey | undefined) => (typeof k === 'number' ? k : -1);
  if (table === 'table3' && report.tables.table3) {
    const t = report.tables.table3;
    const row = t.rows[num(rest[1])];
    const c = num(rest[3]);
    return { cell: row?.cells[c], row: row?.label ?? null, col: t.columns[c] ?? null, line: row?.line ?? t.line };
  }
  if (table === 'table4' && report.tables.table4) {
    const t = report.tables.table4;
    const c = num(rest[1]);
    return { cell: t.cells[c], row: null, col: t.columns[c] ?? null, line: t.line };
  }
  if (table === 'table2' && report.tables.table2) {
    const t = report.tables.table2;
    const block = t.blocks[num(rest[1])];
    const row = block?.rows[num(rest[3])];
    const c = num(rest[5]);
    return { cell: row?.cells[c], row: row?.label ?? null, col: block?.columns[c] ?? null, line: row?.line ?? block?.line ?? t.line };
  }
  return { cell: undefined, row: null, col: null, line: null };
}

const TABLE_ZH: Record<TableId, string> = { table2: '表二', table3: '表三', table4: '表四' };
const TABLE_EN: Record<TableId, string> = { table2: 'Table 二', table3: 'Table 三', table4: 'Table 四' };

function table4Group(col: string | null): { zh: string; en: string } {
  const index = TABLE4_COLUMNS.findIndex((c) => c.label.zh === col);
  const group = TABLE4_GROUPS[Math.floor(index / TABLE4_RESULTS.length)];
  return group ? group.label : { zh: col ?? '', en: col ?? '' };
}

function message(rule: RuleId, table: TableId, at: Located, params: Record<string, unknown>): { zh: string; en: string } {
  const { expected, actual, count } = params as { expected?: unknown; actual?: unknown; count?: unknown };
  switch (rule) {
    case 'table3-row-total':
      return { zh: `表三“${at.row}”行：六类申请人之和为 ${expected}，总计却填 ${actual}`, en: `Table 三, row "${at.row}": the six applicant columns add up to ${expected}, but 总计 (total) says ${actual}` };
    case 'table3-outcome-total':
      return { zh: `表三“${at.col}”列：各项办理结果之和为 ${expected}，（七）总计却填 ${actual}`, en: `Table 三, column "${at.col}": the outcome rows add up to ${expected}, but （七）总计 says ${actual}` };
    case 'table3-balance':
      return { zh: `表三“${at.col}”列：一 + 二 − （七）总计 = ${expected}，四、结转下年度继续办理却填 ${actual}`, en: `Table 三, column "${at.col}": I + II − （七）总计 = ${expected}, but IV (carried forward) says ${actual}` };
    case 'table4-total': {
      const g = table4Group(at.col);
      return { zh: `表四“${g.zh}”：四项结果之和为 ${expected}，总计却填 ${actual}`, en: `Table 四, ${g.en}: the four outcomes add up to ${expected}, but the total says ${actual}` };
    }
    case 'blank-cells':
      return { zh: `${TABLE_ZH[table]}有 ${count} 个等式因总计或加数空白而未能核对`, en: `${TABLE_EN[table]}: ${count} equation(s) could not be checked because cells were left blank` };
    case 'cell-value':
      return { zh: `${TABLE_ZH[table]}“${at.row ?? ''}”行“${at.col}”列的“${at.cell?.text}”不是该列允许的数值（${expected ?? '非负整数'}）`, en: `${TABLE_EN[table]}, row "${at.row ?? ''}", column "${at.col}": "${at.cell?.text}" is not allowed here (expected ${expected ?? 'a count of 0 or more'})` };
    default:
      return { zh: `${TABLE_ZH[table]}结构不符`, en: `${TABLE_EN[table]} does not have the official shape` };
  }
}

export function issuesToProblems(report: Report, issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.map((issue) => {
    const table = issue.path[1] as TableId;
    const params = (issue.code === 'custom' ? issue.params : undefined) ?? {};
    const named = params.rule as RuleId | undefined;
    // Built-in issues come from the value schemas (a negative count, say).
    const rule: RuleId = named && RULE_IDS.includes(named) ? named : 'cell-value';
    const at = locate(report, table, issue.path);
    const expected = typeof params.expected === 'number' || typeof params.expected === 'string' ? params.expected : rule === 'cell-value' ? 'count' : null;
    const actual = typeof params.actual === 'number' || typeof params.actual === 'string' ? params.actual : at.cell?.text ?? null;
    const where = at.cell ? { line: at.cell.line, column: at.cell.column } : at.line ? { line: at.line, column: 1 } : null;
    const rowOrNull = rule === 'blank-cells' ? null : at.row;
    return problem(rule, { at: where, table, row: rowOrNull, col: rule === 'blank-cells' ? null : at.col, expected, actual }, message(rule, table, at, { ...params, expected, actual }));
  });
}
