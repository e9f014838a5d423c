// The rules across reports, on the 平潭 series built from the corpus: they
// hold where the published figures hold, and fire, only where they should,
// on copies with one figure changed.

import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crossInputOf, crossReportDiagnostics } from '../../src/check/cross-report.ts';
import { validateFiles } from '../../src/check/validate-files.ts';
import { REAL_DIR, check, lineOf, readText, setValue } from '../helpers.ts';

const pingtan2021 = readText(join(REAL_DIR, '04-pingtan-2021', 'one-label-column.md'));
const pingtan2022 = readText(join(REAL_DIR, '05-pingtan-2022', 'one-label-column.md'));

const cross = (...reports: [string, string][]) =>
  crossReportDiagnostics(reports.map(([file, text]) => {
    const r = check(text, file);
    return { file, cross: r.report ? crossInputOf(r.report, r.recognised!.narrative.blocks) : null };
  })).map((d) => ({ file: d.file, rule: d.rule, line: d.line, column: d.column, expected: d.expected, actual: d.actual }));

describe('平潭 2021 → 2022, as published', () => {
  it('holds: carry-over, in-force continuity, narrative figures', () => {
    expect(cross(['2021.md', pingtan2021], ['2022.md', pingtan2022])).toEqual([]);
  });
});

describe('with one figure changed', () => {
  it('carry-over (R5): 2022 二 no longer equal to 2021 四, per column, at the 2022 cell', () => {
    const line = lineOf(pingtan2022, '二、上年结转');
    const changed = setValue(pingtan2022, line, 0, '2');
    expect(cross(['2021.md', pingtan2021], ['2022.md', changed.text]).filter((d) => d.rule === 'carry-over')).toEqual([
      { file: '2022.md', rule: 'carry-over', line, column: changed.column, expected: 1, actual: 2 },
    ]);
  });

  it('carry-over is not checked across a gap of years, or across agencies', () => {
    const line = lineOf(pingtan2022, '二、上年结转');
    const changed = setValue(pingtan2022, line, 0, '2').text;
    expect(cross(['2021.md', pingtan2021], ['2023.md', changed.replaceAll('2022', '2023')]).filter((d) => d.rule === 'carry-over')).toEqual([]);
    expect(cross(['2021.md', pingtan2021], ['2022.md', changed.replaceAll('平潭综合实验区（管委会）', '平潭县人民政府')]).filter((d) => d.rule === 'carry-over')).toEqual([]);
  });

  it('in-force-continuity (H1): 现行有效 that last year and this year\'s changes do not explain', () => {
    const line = lineOf(pingtan2022, '| 行政规范性文件 |');
    const changed = setValue(pingtan2022, line, 2, '700');
    expect(cross(['2021.md', pingtan2021], ['2022.md', changed.text])).toEqual([
      { file: '2022.md', rule: 'in-force-continuity', line, column: changed.column, expected: 698, actual: 700 },
    ]);
  });

  it('narrative-mismatch (H2): a stated figure the tables contradict, at the figure', () => {
    const sentence = '全年共收到政府信息公开申请99件，结转下年度继续办理0件。';
    const text = pingtan2022.replace('做到登记、审核、答复全程留痕。', `做到登记、审核、答复全程留痕。${sentence}`);
    const line = lineOf(text, sentence);
    expect(cross(['2022.md', text])).toEqual([
      { file: '2022.md', rule: 'narrative-mismatch', line, column: text.split('\n')[line - 1]!.indexOf('99') + 1, expected: '74 / 75', actual: 99 },
    ]);
    // 75 counts 新收 and 上年结转 together, as the published 2022 narrative does: accepted.
    expect(cross(['2022.md', text.replace('申请99件', '申请75件')])).toEqual([]);
  });

  it('narrative-mismatch (H2): each kind of figure a narrative states, in a paragraph of its own', () => {
    const sentences = ['全年受理政府信息公开申请99件。', '结转下年度继续办理98件。', '本年度发生行政复议97件。', '发生行政诉讼96起。'];
    const text = pingtan2022.replace('做到登记、审核、答复全程留痕。', `做到登记、审核、答复全程留痕。\n\n${sentences.join('\n\n')}`);
    const found = cross(['2022.md', text]);
    expect(found.map((d) => [d.rule, d.line, d.actual])).toEqual(sentences.map((s, i) => ['narrative-mismatch', lineOf(text, s), 99 - i]));
  });

  it('duplicate-report: one agency and year twice', () => {
    expect(cross(['a/2022.md', pingtan2022], ['b/2022.md', pingtan2022])).toEqual([
      { file: 'b/2022.md', rule: 'duplicate-report', line: 1, column: 1, expected: 'a/2022.md', actual: 'b/2022.md' },
    ]);
  });
});

describe('English companions and the configuration file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-series-'));
  mkdirSync(join(dir, 'pingtan'));
  const report = join(dir, 'pingtan', '2022.md');
  const companion = join(dir, 'pingtan', '2022.en.md');
  writeFileSync(report, pingtan2022);
  const english = ['---', 'translationOf: 2022.md', '---', '', '# Pingtan 2022', '', '## I. Overall situation', '', 'Text.', '', '## II. Proactive disclosure of government information', '', '## III. Requests for disclosure received and handled', '', '## IV. Administrative reconsideration and litigation', '', '## V. Main problems and improvements', '', '## VI. Other matters to report', ''];

  it('translation-structure: quiet when the sections match, a warning per missing section', async () => {
    writeFileSync(companion, english.join('\n'));
    expect((await validateFiles([report], { rules: {} }))[0]!.diagnostics).toEqual([]);
    writeFileSync(companion, english.filter((l) => !l.startsWith('## V.')).join('\n'));
    const [result] = await validateFiles([report], { rules: {} });
    expect(result!.diagnostics.map((d) => [d.file, d.rule, d.expected])).toEqual([[companion, 'translation-structure', '## V. Main problems and improvements']]);
  });

  it('severities follow .gongkairc.json: raised, lowered, or off', async () => {
    writeFileSync(companion, english.filter((l) => !l.startsWith('## V.')).join('\n'));
    expect((await validateFiles([report], { rules: { 'translation-structure': 'error' } }))[0]!.diagnostics.map((d) => d.severity)).toEqual(['error']);
    expect((await validateFiles([report], { rules: { 'translation-structure': 'off' } }))[0]!.diagnostics).toEqual([]);
  });
});
