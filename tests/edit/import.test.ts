// import: the seed to a clean, published-ready report; reconstruction only
// where exactly one completion satisfies every rule; no narrative lost.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importReport } from '../../src/edit/canonicalise.ts';
import { FORMS, REAL_DIR, REAL_REPORTS, SEED_FILE, check, errors, lineOf, readText } from '../helpers.ts';

const seed = readText(SEED_FILE);
const CONTENT_FILE = join(import.meta.dirname, '..', '..', 'content', 'reports', 'beijing-xicheng-zgc-xicheng-park', '2021.md');

describe('the seed through import', () => {
  const imported = importReport(seed, SEED_FILE);
  const result = check(imported.text!, 'seed.md');
  const table3 = result.report!.tables.table3!;
  const row = (key: string) => table3.rows.find((r) => r.key === key)!;

  it('validates clean: no errors, no warnings', () => {
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(imported.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('fills the 14 short rows with the only values under which the tables reconcile', () => {
    expect(row('granted').values).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row('unavailable.notHeld').values).toEqual([1, 0, 0, 0, 0, 0, 1]);
    const zeroRows = table3.rows.filter((r) => r.key !== 'granted' && r.key !== 'unavailable.notHeld' && !['received', 'outcomeTotal'].includes(r.key));
    for (const r of zeroRows) expect(r.values).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(result.report!.reconstructed).toHaveLength(14);
    // 1,0,0,0,0,1 read: the lost 0 was one of the five organisation columns; the row is the same whichever.
    expect(result.report!.reconstructed[0]).toMatchObject({ table: 'table3', row: '三、本年度办理结果/（一）予以公开', columns: ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'], value: 0 });
    expect(result.report!.reconstructed[1]).toMatchObject({ row: '三、本年度办理结果/（二）部分公开（区分处理的，只计这一情形，不计其他情形）', columns: table3.columns, value: 0 });
  });

  it('marks exactly the reconstructed cells, and says so for each', () => {
    expect(row('granted').cells.map((c) => c.reconstructed ?? false)).toEqual([false, true, true, true, true, true, false]);
    expect(row('received').cells.some((c) => c.reconstructed)).toBe(false);
    expect(result.diagnostics.filter((d) => d.rule === 'reconstructed')).toHaveLength(14);
  });

  it('keeps what the seed says about itself in the front matter', () => {
    expect(result.report).toMatchObject({
      agency: '北京市西城区中关村科技园区西城园管理委员会', year: 2021, format: '2019', source: '000_cd059c58cf603bf2.txt', published: '2022-01',
      period: { from: '2021-01-01', to: '2021-12-31' }, contact: { postcode: '100037', phone: '010-82205151' },
    });
    expect(imported.text).toContain('sectionTitles:\n  "5": 五、信息工作工作存在的不足以及改进情况');
  });

  it('is what content/ publishes', () => {
    expect(importReport(seed, SEED_FILE, { agencySlug: 'beijing-xicheng-zgc-xicheng-park' }).text).toBe(readFileSync(CONTENT_FILE, 'utf8'));
  });
});

/** The pingtan 2019 report with two rows that lost a value such that either could have lost it from the other's column. */
function ambiguous(): string {
  let text = readText(join(REAL_DIR, '02-pingtan-2019', 'one-label-column.md'));
  const set = (label: string, cells: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`| ${label} |`))!;
    text = text.replace(line, `| ${label} | ${cells} |`);
  };
  set('一、本年新收政府信息公开申请数量', '24 | 1 | 0 | 0 | 0 | 0 | 25');
  set('（七）总计', '24 | 1 | 0 | 0 | 0 | 0 | 25');
  // True rows 1,0,0,0,0,0,1 and 0,1,0,0,0,0,1; each lost the 1 of its own column: both now read 0,0,0,0,0,1.
  set('1.属于国家秘密', '0 | 0 | 0 | 0 | 0 | 1');
  set('2.其他法律行政法规禁止公开', '0 | 0 | 0 | 0 | 0 | 1');
  return text;
}

describe('reconstruction that cannot decide', () => {
  it('leaves the rows as read and lists both completions', () => {
    const imported = importReport(ambiguous(), 'ambiguous.md');
    const result = check(imported.text!, 'ambiguous.md');
    expect(result.report!.reconstructed).toEqual([]);
    expect(result.report!.tables.table3!.rows.find((r) => r.key === 'denied.stateSecret')!.shape).toBe('short');
    const listed = imported.diagnostics.find((d) => d.rule === 'table-shape' && d.actual === 2)!;
    expect(listed.message.en).toMatch(/^2 completions of the short rows satisfy every rule, so none was written: \(1\) .*1\.属于国家秘密 = 1, 0, 0, 0, 0, 0, 1; .*2\.其他法律行政法规禁止公开 = 0, 1, 0, 0, 0, 0, 1 \(2\) .*1\.属于国家秘密 = 0, 1, 0, 0, 0, 0, 1; .*= 1, 0, 0, 0, 0, 0, 1$/);
    expect(errors(result).map((d) => d.rule)).toEqual(['table-shape', 'table-shape']);
  });

  it('reconstructs nothing when a complete row already breaks a rule', () => {
    const text = ambiguous().replace('| 2.重复申请 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |', '| 2.重复申请 | 3 | 0 | 0 | 0 | 0 | 0 | 4 |');
    expect(check(importReport(text, 'broken.md').text!, 'broken.md').report!.reconstructed).toEqual([]);
  });
});

/** The narrative paragraphs of a report: its text blocks as Markdown, whitespace folded. */
const paragraphs = (text: string) => check(text).recognised!.narrative.blocks.filter((b) => b.kind === 'text').map((b) => b.markdown.replace(/\s+/g, ''));
const folded = (text: string) => text.replace(/\s+/g, '');

describe('import keeps every narrative paragraph', () => {
  const inputs = [['seed', seed] as const, ...REAL_REPORTS.flatMap((name) => FORMS.map((form) => [`${name}/${form}`, readText(join(REAL_DIR, name, form))] as const))];
  it.each(inputs)('%s', (_, text) => {
    const output = folded(importReport(text, 'input.md').text!);
    const missing = paragraphs(text).filter((p) => !output.includes(p));
    expect(missing).toEqual([]);
    expect(paragraphs(text).length).toBeGreaterThan(5);
  });

  it('keeps a caption read along with a table, with a warning, and drops page footers', () => {
    const text = readText(join(REAL_DIR, '02-pingtan-2019', 'tab-separated.txt')).replace('（本列数据', '单位：件\n（本列数据');
    const imported = importReport(text, 'caption.txt');
    expect(imported.text).toContain('\n单位：件\n');
    expect(imported.text).not.toMatch(/^- 3 -$/m);
    expect(imported.diagnostics.filter((d) => d.rule === 'unplaced-text').map((d) => [d.line, d.actual])).toEqual([[lineOf(text, '单位：件'), '单位：件']]);
  });
});
