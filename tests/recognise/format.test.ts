// The format is decided by the tables, not the year: 2019, 2021, or the
// hybrid of 2021 table 二 with the 2019 single （六） row.

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { REAL_DIR, check, errors, readText } from '../helpers.ts';

const pingtan2021 = readText(join(REAL_DIR, '04-pingtan-2021', 'one-label-column.md'));

/** The 2021 report with its three （六） sub-rows folded into the 2019 single row. */
function asHybrid(text: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('| （六）其他处理'));
  const subRows = lines.slice(start + 1, start + 4);
  const sums = [0, 1, 2, 3, 4, 5, 6].map((c) => subRows.reduce((sum, l) => sum + Number(l.split('|')[c + 2]!.trim()), 0));
  lines.splice(start, 4, `| （六）其他处理 | ${sums.join(' | ')} |`);
  return lines.join('\n');
}

describe('format detection', () => {
  it('reads a 2021 report as 2021, with three （六） sub-rows', () => {
    const report = check(pingtan2021).report!;
    expect(report.format).toBe('2021');
    expect(report.tables.table3!.rows.filter((r) => r.key.startsWith('otherHandling')).map((r) => r.label)).toEqual([
      '三、本年度办理结果/（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '三、本年度办理结果/（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '三、本年度办理结果/（六）其他处理/3.其他',
    ]);
  });

  it('reads 2021 table 二 with a single （六） row as hybrid, and still reconciles it', () => {
    const result = check(asHybrid(pingtan2021));
    expect(result.report!.format).toBe('hybrid');
    expect(result.report!.tables.table2!.layout).toBe('2021');
    expect(result.report!.tables.table3!.layout).toBe('2019');
    expect(result.report!.tables.table3!.rows.find((r) => r.key === 'otherHandling')!.values).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(result.diagnostics).toEqual([]);
  });

  it('decides by the tables when the year says otherwise (the seed is a 2021 report in the 2019 layout)', () => {
    const text = readText(join(REAL_DIR, '02-pingtan-2019', 'html.md')).replaceAll('2019年', '2023年');
    const report = check(text).report!;
    expect(report.year).toBe(2023);
    expect(report.format).toBe('2019');
  });

  it('without table 二, table 三 decides; without both, the format is unknown and both are reported missing', () => {
    const lines = pingtan2021.split('\n');
    const from = lines.findIndex((l) => l.includes('二、主动公开政府信息情况'));
    const to = lines.findIndex((l) => l.includes('三、收到和处理政府信息公开申请情况'));
    const noTable2 = lines.filter((l, i) => i < from || i > to || !l.startsWith('|')).join('\n');
    const result = check(noTable2);
    expect(result.report!.format).toBe('2021');
    expect(errors(result).map((d) => [d.rule, d.table])).toEqual([['table-missing', 'table2']]);
    const noTables = lines.filter((l) => !l.startsWith('|')).join('\n');
    const bare = check(noTables);
    expect(bare.report!.format).toBeNull();
    expect(errors(bare).map((d) => d.table).sort()).toEqual(['table2', 'table3', 'table4']);
  });
});
