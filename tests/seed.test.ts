// The report the project was created from, verbatim: what it says is read
// exactly, and its 14 rows that lost a value are reported, each at its line.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkReportBytes } from '../src/report.ts';
import { SEED_FILE, errors, lineOf, readText } from './helpers.ts';

const text = readText(SEED_FILE);
const result = checkReportBytes(readFileSync(SEED_FILE), 'seed.txt');
const report = result.report!;
const table3 = report.tables.table3!;
const row = (key: string) => table3.rows.find((r) => r.key === key)!;

describe('the seed report, verbatim', () => {
  it('reads agency, year, statistics period and format', () => {
    expect(report).toMatchObject({
      agency: '北京市西城区中关村科技园区西城园管理委员会',
      year: 2021,
      period: { from: '2021-01-01', to: '2021-12-31' },
      // A 2021 report in the 2019 layout: decided by its tables, not its year.
      format: '2019',
    });
  });

  it('finds the six sections at their headings, whatever their depth', () => {
    expect(report.sections.map((s) => [s.number, s.line])).toEqual([
      [1, lineOf(text, '## 一、总体情况')],
      [2, lineOf(text, '## 二、主动公开政府信息情况')],
      [3, lineOf(text, '### 三、收到和处理政府信息公开申请情况')],
      [4, lineOf(text, '#### 四、政府信息公开行政复议')],
      [5, lineOf(text, '#### 五、信息工作工作存在的不足以及改进情况')],
      [6, lineOf(text, '## 六、其他需要报告的事项')],
    ]);
  });

  it('reports exactly the 14 rows of table 三 that carry 6 of their 7 values, each at its own line', () => {
    const shortRows = [
      '（一）予以公开', '（二）部分公开', '1. 属于国家秘密', '2. 其他法律行政法规禁止公开', '3. 危及', '4. 保护第三方合法权益',
      '5. 属于三类内部事务信息', '6. 属于四类过程性信息', '7. 属于行政执法案卷', '8. 属于行政查询事项', '1. 本机关不掌握相关政府信息',
      '2. 没有现成信息需要另行制作', '3. 补正后申请内容仍不明确', '1. 信访举报投诉类申',
    ].map((label) => lineOf(text, label));
    expect(errors(result).map((d) => [d.rule, d.line, d.expected, d.actual])).toEqual(shortRows.map((line) => ['table-shape', line, 7, 6]));
    expect(result.diagnostics.filter((d) => d.severity !== 'error')).toEqual([]);
  });

  it('keeps the short rows unfilled: nothing is guessed', () => {
    const granted = row('granted');
    expect(granted).toMatchObject({ shape: 'short', values: [null, null, null, null, null, null, null] });
    expect(granted.cells.map((c) => c.text)).toEqual(['1', '0', '0', '0', '0', '1']);
  });

  it('extracts every full row of table 三 exactly', () => {
    const full = table3.rows.filter((r) => r.shape === 'complete');
    expect(Object.fromEntries(full.map((r) => [r.label, r.values]))).toEqual({
      '一、本年新收政府信息公开申请数量': [2, 0, 0, 0, 0, 0, 2],
      '二、上年结转政府信息公开申请数量': [0, 0, 0, 0, 0, 0, 0],
      '三、本年度办理结果/（五）不予处理/2.重复申请': [0, 0, 0, 0, 0, 0, 0],
      '三、本年度办理结果/（五）不予处理/3.要求提供公开出版物': [0, 0, 0, 0, 0, 0, 0],
      '三、本年度办理结果/（五）不予处理/4.无正当理由大量反复申请': [0, 0, 0, 0, 0, 0, 0],
      '三、本年度办理结果/（五）不予处理/5.要求行政机关确认或重新出具已获取信息': [0, 0, 0, 0, 0, 0, 0],
      '三、本年度办理结果/（六）其他处理': [0, 0, 0, 0, 0, 0, 0],
      '三、本年度办理结果/（七）总计': [2, 0, 0, 0, 0, 0, 2],
      '四、结转下年度继续办理': [0, 0, 0, 0, 0, 0, 0],
    });
    expect(row('received').line).toBe(lineOf(text, '一、本年新收政府信息公开申请数量'));
    expect(row('outcomeTotal').line).toBe(lineOf(text, '(七) 总计'));
  });

  it('rejoins the row label cut by the page break ("信访举报投诉类申" … "请")', () => {
    const complaints = row('notProcessed.complaints');
    expect(complaints.label).toBe('三、本年度办理结果/（五）不予处理/1.信访举报投诉类申请');
    expect(complaints.line).toBe(lineOf(text, '1. 信访举报投诉类申'));
  });

  it('extracts table 四 exactly', () => {
    expect(report.tables.table4).toMatchObject({ values: Array(15).fill(0), shape: 'complete', line: lineOf(text, '0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0') });
  });

  it('extracts table 二 in the 2019 layout, money as written', () => {
    const blocks = report.tables.table2!.blocks;
    expect(blocks.map((b) => b.clause)).toEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '第二十条第（九）项']);
    expect(blocks[0]!.rows.map((r) => r.values)).toEqual([[0, 0, 0], [2, 2, 2]]);
    expect(blocks[3]!.rows[0]).toMatchObject({ label: '行政事业性收费', values: [0, 0], shape: 'complete' });
    expect(blocks[4]!.rows[0]).toMatchObject({ label: '政府集中采购', values: [1, '8840.00'], units: [null, null] });
  });

  it('gives the same result from a GB18030 copy with CRLF line endings', () => {
    const gb = checkReportBytes(readFileSync(SEED_FILE.replace('.txt', '.gb18030-crlf.txt')), 'seed.txt');
    expect(gb).toEqual(result);
  });
});
