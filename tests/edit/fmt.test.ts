// fmt: the canonical layout, reached in one step, with no value changed.

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { formatReport } from '../../src/edit/canonicalise.ts';
import { newReport } from '../../src/edit/new-report.ts';
import { FORMS, REAL_DIR, REAL_REPORTS, SEED_FILE, check, errors, readText } from '../helpers.ts';

const fixtures = [['seed', readText(SEED_FILE)] as const, ...REAL_REPORTS.flatMap((name) => FORMS.map((form) => [`${name}/${form}`, readText(join(REAL_DIR, name, form))] as const))];

/** Everything a table says, without where it was said. */
const figures = (text: string) => JSON.stringify(check(text).report!.tables, (key, value) => (key === 'line' || key === 'column' ? undefined : key === 'cells' ? (value as { text: string; state: string }[]).map((c) => c.state) : value));

describe.each(fixtures)('fmt %s', (_, text) => {
  const once = formatReport(text, 'report.md').text!;

  it('is idempotent', () => {
    expect(formatReport(once, 'report.md').text).toBe(once);
  });

  it('changes no value, and no diagnostic but where it points (a label variant becomes the official label)', () => {
    expect(figures(once)).toBe(figures(text));
    const rules = (t: string) => check(t).diagnostics.map((d) => [d.rule, d.severity, d.expected, d.actual]);
    expect(rules(once)).toEqual(rules(text).filter(([rule]) => rule !== 'label-variant'));
  });
});

describe('new', () => {
  it.each(['2019', '2021'] as const)('writes a %s report with the six headings and blank tables that reads back clean', (format) => {
    const text = newReport({ agency: '某某区人民政府', year: 2025, format });
    const result = check(text);
    expect(errors(result)).toEqual([]);
    expect(result.report).toMatchObject({ agency: '某某区人民政府', year: 2025, format });
    expect(result.report!.sections.map((s) => s.title)).toEqual(['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
    expect(result.report!.tables.table3!.rows.every((r) => r.shape === 'complete' && r.values.every((v) => v === null))).toBe(true);
    expect(formatReport(text, 'new.md').text).toBe(text);
  });
});
