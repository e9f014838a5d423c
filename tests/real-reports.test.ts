// Every published report of the corpus, in each input form real reports come
// in: extraction equals the published figures, and validation is clean.

import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkReportBytes } from '../src/report.ts';
import { FORMS, REAL_DIR, REAL_REPORTS, errors } from './helpers.ts';
import type { Published } from './fixtures/real/published.ts';


/** The fixture with the planted label typo (see tests/fixtures/real/README.md). */
const LABEL_TYPO = { report: '04-pingtan-2021', form: 'three-label-columns.md', actual: '2.其他法律行政止公开' };

describe.each(REAL_REPORTS)('%s', (name) => {
  const published = JSON.parse(readFileSync(join(REAL_DIR, name, 'published.json'), 'utf8')) as Published;

  it.each(FORMS)('%s: extraction equals the published figures', (form) => {
    const result = checkReportBytes(readFileSync(join(REAL_DIR, name, form)), form);
    const report = result.report!;
    expect(report.agency).toBe(published.agency);
    expect(report.year).toBe(published.year);
    expect(report.format).toBe(published.template.slice(0, 4));
    expect(report.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);

    const table3 = report.tables.table3!;
    expect(Object.fromEntries(table3.rows.map((r) => [r.label, r.values]))).toEqual(published.table3);

    expect(report.tables.table4!.values).toEqual(published.table4);

    // Table 二: every published figure, money as the exact string written (its unit in the cell or the heading).
    const table2: Published['table2'] = {};
    for (const block of report.tables.table2!.blocks) {
      table2[block.clause] = Object.fromEntries(
        block.rows.map((row) => [row.label, Object.fromEntries(block.columns.map((col, c) => {
          const value = row.values[c]!;
          if (typeof value !== 'string') return [col, value];
          // The corpus writes money as printed: with its unit when the cell carried one.
          const unitInCell = row.units[c] && row.cells[c]!.text.endsWith(row.units[c]!) ? row.units[c] : '';
          return [col, value + unitInCell];
        }))]),
      );
    }
    const figures = (t: Published['table2']) =>
      Object.fromEntries(Object.entries(t).map(([clause, rows]) => [clause, Object.fromEntries(Object.entries(rows).map(([label, cols]) => [label, Object.fromEntries(Object.entries(cols).filter(([k]) => !k.startsWith('raw_')))]))]));
    expect(table2).toEqual(figures(published.table2));
  });

  it.each(FORMS)('%s: validation is clean', (form) => {
    const result = checkReportBytes(readFileSync(join(REAL_DIR, name, form)), form);
    expect(errors(result)).toEqual([]);
    const warnings = result.diagnostics.map((d) => [d.rule, d.actual]);
    expect(warnings).toEqual(name === LABEL_TYPO.report && form === LABEL_TYPO.form ? [['label-variant', LABEL_TYPO.actual]] : []);
  });
});

it('covers every report of the shared corpus, with its figures copied verbatim', () => {
  const corpus = join(REAL_DIR, '..', '..', '..', '..', 'shared', 'corpus', 'real');
  const files = readdirSync(corpus).filter((f) => f.endsWith('.json')).sort();
  expect(files.map((f) => f.replace(/\.json$/, ''))).toEqual(REAL_REPORTS);
  for (const file of files) {
    expect(readFileSync(join(REAL_DIR, file.replace(/\.json$/, ''), 'published.json'), 'utf8')).toBe(readFileSync(join(corpus, file), 'utf8'));
  }
});
