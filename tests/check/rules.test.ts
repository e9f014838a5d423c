// Each rule, made to fire by changing a real report: exactly that rule fires,
// at the right line and cell, with the right expected and actual values.
// Where arithmetic ties two rules to one cell (a count sits in a row sum and
// a column sum), a second, compensating change keeps the others holding.

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { REAL_DIR, SEED_FILE, check, lineOf, readText, rulesOf, setValue } from '../helpers.ts';

const pingtan2019 = (form: string) => readText(join(REAL_DIR, '02-pingtan-2019', form));
const problemsOf = (text: string) => check(text).diagnostics.map((d) => ({ rule: d.rule, severity: d.severity, line: d.line, column: d.column, expected: d.expected, actual: d.actual }));

// The two forms where a value can be edited in place as text.
const EDITABLE = ['one-label-column.md', 'tab-separated.txt'] as const;
const TOTAL = 6; // the 总计 value of a table 三 row

describe.each(EDITABLE)('reconciliation rules on 02-pingtan-2019 %s', (form) => {
  const original = pingtan2019(form);
  const granted = lineOf(original, '予以公开');
  const notHeld = lineOf(original, '本机关不掌握相关政府信息');
  const outcomeTotal = lineOf(original, /[（(]七[）)]\s*总计/);
  const received = lineOf(original, '一、本年新收');
  const carriedForward = lineOf(original, '四、结转下年度继续办理');

  it('starts clean', () => {
    expect(problemsOf(original)).toEqual([]);
  });

  it('table3-row-total (R1): a row whose applicants do not add up to its 总计', () => {
    // 予以公开 自然人 7 → 8, and 本机关不掌握 自然人 7 → 6 so that every column still adds up.
    const a = setValue(original, granted, 0, '8');
    const b = setValue(a.text, notHeld, 0, '6');
    const totalAt = (line: number) => setValue(b.text, line, TOTAL, 'x').column;
    expect(problemsOf(b.text)).toEqual([
      { rule: 'table3-row-total', severity: 'error', line: granted, column: totalAt(granted), expected: 8, actual: 7 },
      { rule: 'table3-row-total', severity: 'error', line: notHeld, column: totalAt(notHeld), expected: 6, actual: 7 },
    ]);
  });

  it('table3-outcome-total (R2): outcomes that do not add up to （七）总计', () => {
    // 予以公开 自然人 and 总计 both 7 → 8: the row holds, the columns do not.
    const a = setValue(original, granted, 0, '8');
    const b = setValue(a.text, granted, TOTAL, '8');
    expect(problemsOf(b.text)).toEqual([
      { rule: 'table3-outcome-total', severity: 'error', line: outcomeTotal, column: setValue(b.text, outcomeTotal, 0, 'x').column, expected: 24, actual: 23 },
      { rule: 'table3-outcome-total', severity: 'error', line: outcomeTotal, column: setValue(b.text, outcomeTotal, TOTAL, 'x').column, expected: 24, actual: 23 },
    ]);
  });

  it('table3-balance (R3): 一 + 二 not equal to （七）总计 + 四, reported at 四', () => {
    const a = setValue(original, received, 0, '24');
    const b = setValue(a.text, received, TOTAL, '24');
    expect(problemsOf(b.text)).toEqual([
      { rule: 'table3-balance', severity: 'error', line: carriedForward, column: setValue(b.text, carriedForward, 0, 'x').column, expected: 1, actual: 0 },
      { rule: 'table3-balance', severity: 'error', line: carriedForward, column: setValue(b.text, carriedForward, TOTAL, 'x').column, expected: 1, actual: 0 },
    ]);
  });

  it('table4-total (R4): a group whose outcomes do not add up to its 总计', () => {
    const valueRow = lineOf(original, form.endsWith('.txt') ? '0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0' : '| 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
    const changed = setValue(original, valueRow, 5, '1'); // 未经复议直接起诉 · 结果维持
    expect(problemsOf(changed.text)).toEqual([
      { rule: 'table4-total', severity: 'error', line: valueRow, column: setValue(changed.text, valueRow, 9, 'x').column, expected: 1, actual: 0 },
    ]);
  });

  it('cell-value: text that is not a count, at its cell, and no sum is checked with it', () => {
    const changed = setValue(original, granted, 2, '1O');
    expect(problemsOf(changed.text)).toEqual([{ rule: 'cell-value', severity: 'error', line: granted, column: changed.column, expected: 'count', actual: '1O' }]);
  });

  it('blank-cells: a blank total leaves its equation unchecked, counted once per table', () => {
    const carriedOver = lineOf(original, '二、上年结转');
    const changed = setValue(original, carriedOver, TOTAL, form.endsWith('.txt') ? '/' : '');
    // Reported where table 三 starts: its corner heading.
    expect(problemsOf(changed.text)).toEqual([{ rule: 'blank-cells', severity: 'warning', line: lineOf(original, '勾稽'), column: 1, expected: null, actual: null }]);
    expect(check(changed.text).diagnostics[0]!.message.en).toMatch(/1 equation/);
    expect(check(changed.text).report!.tables.table3!.rows[1]!.values[TOTAL]).toBeNull();
  });
});

describe('structure rules', () => {
  it('table-shape: a row that lost a value in tab-separated text', () => {
    const text = pingtan2019('tab-separated.txt');
    const line = lineOf(text, '予以公开');
    const lines = text.split('\n');
    lines[line - 1] = lines[line - 1]!.replace('\t0\t', '\t');
    expect(problemsOf(lines.join('\n'))).toEqual([{ rule: 'table-shape', severity: 'error', line, column: 1, expected: 7, actual: 6 }]);
  });

  it('table-shape: an unknown row and a repeated row', () => {
    const text = pingtan2019('one-label-column.md');
    const line = lineOf(text, '（一）予以公开');
    const lines = text.split('\n');
    lines.splice(line, 0, '| （一）予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| （八）另行处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
    const problems = problemsOf(lines.join('\n'));
    expect(problems.map((p) => [p.rule, p.line])).toEqual([['table-shape', line + 1], ['table-shape', line + 2]]);
  });

  it('label-variant: a near-miss label is read as the official row, with a warning', () => {
    const text = pingtan2019('one-label-column.md').replace('1.属于国家秘密', '1.属于国家密秘');
    const result = check(text);
    expect(rulesOf(result.diagnostics)).toEqual(['label-variant']);
    expect(result.diagnostics[0]).toMatchObject({ severity: 'warning', line: lineOf(text, '国家密秘'), expected: '1.属于国家秘密', actual: '1.属于国家密秘' });
    expect(result.report!.tables.table3!.rows.find((r) => r.key === 'denied.stateSecret')!.shape).toBe('complete');
  });

  it('section-missing: a section heading that is not there', () => {
    const text = pingtan2019('one-label-column.md');
    const heading = text.split('\n').find((l) => l.includes('五、'))!;
    const result = check(text.replace(heading, ''));
    expect(result.diagnostics.map((d) => [d.rule, d.expected])).toEqual([['section-missing', '五、存在的主要问题及改进情况']]);
  });

  it('table-missing: table 四 taken out', () => {
    const text = pingtan2019('one-label-column.md');
    const lines = text.split('\n');
    const from = lineOf(text, '| 行政复议');
    const kept = lines.filter((_, i) => i + 1 < from || i + 1 > lineOf(text, '| 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |'));
    const result = check(kept.join('\n'));
    expect(result.diagnostics.map((d) => [d.rule, d.table, d.line])).toEqual([['table-missing', 'table4', lineOf(text, '四、政府信息公开行政复议')]]);
  });

  it('cell-value: a negative count where only 本年增/减 may be negative', () => {
    const text = pingtan2019('one-label-column.md');
    const rules = lineOf(text, '| 规章 |');
    const licensing = lineOf(text, '| 行政许可 |');
    const negativeCount = setValue(text, rules, 0, '-1');
    const negativeChange = setValue(negativeCount.text, licensing, 1, '-3');
    expect(problemsOf(negativeChange.text)).toEqual([{ rule: 'cell-value', severity: 'error', line: rules, column: negativeCount.column, expected: 'count', actual: -1 }]);
    expect(check(negativeChange.text).report!.tables.table2!.blocks[1]!.rows[0]!.values).toEqual([396, -3, 181]);
  });

  it('front-matter: YAML that does not parse, while a good one sets agency and year', () => {
    const body = pingtan2019('one-label-column.md');
    expect(check(`---\nagency: 测试机关\nyear: 2020\n---\n${body}`).report).toMatchObject({ agency: '测试机关', year: 2020, metadataSource: 'front-matter' });
    expect(rulesOf(check(`---\nagency: [unclosed\n---\n${body}`).diagnostics)).toEqual(['front-matter']);
  });
});

describe('R1 with a single change, on the seed', () => {
  it('fires alone where the seed\'s short rows leave R2 unchecked', () => {
    const text = readText(SEED_FILE);
    const line = lineOf(text, '2. 重复申请');
    const changed = setValue(text, line, 0, '1');
    const r1 = problemsOf(changed.text).filter((p) => p.rule !== 'table-shape');
    expect(r1).toEqual([{ rule: 'table3-row-total', severity: 'error', line, column: setValue(text, line, TOTAL, 'x').column, expected: 1, actual: 0 }]);
  });
});
