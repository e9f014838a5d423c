// The site-wide datasets are written a report at a time (at ten thousand
// reports they are larger than a string can be): the parts must join into
// exactly the JSON of all reports, and the CSV of every report's rows under
// one header.

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DATASET_JSON, datasetCsv, datasetJson, datasetText, reportCsv, reportData, reportJson } from '../../src/render/data-export.ts';
import { FORMS, REAL_DIR, REAL_REPORTS, SEED_FILE, check, readText } from '../helpers.ts';

const reports = [SEED_FILE, ...REAL_REPORTS.flatMap((name) => FORMS.map((form) => join(REAL_DIR, name, form)))].map((file, i) => {
  const report = check(readText(file), file).report!;
  return { report, agency: { slug: `agency-${i}`, zh: report.agency ?? '机关', en: `Agency "${i}", Ltd` } };
});

describe('the site-wide datasets', () => {
  it('JSON: an array of every report, one to a line, each line the text of its download', () => {
    const text = [...datasetJson(reports)].join('');
    expect(JSON.parse(text)).toEqual(reports.map((r) => reportData(r.report, r.agency)));
    const lines = text.split('\n');
    expect(lines).toEqual(['[', ...reports.map((r, i) => reportJson(r.report, r.agency) + (i < reports.length - 1 ? ',' : '')), ']', '']);
    expect([...datasetJson([])].join('')).toBe('[]\n');
  });

  it('is a head, a piece per report and a tail: the build makes pieces on two threads and writes them in order', () => {
    expect([...datasetJson(reports)]).toHaveLength(reports.length + 2);
    expect([...datasetCsv(reports)]).toHaveLength(reports.length + 2);
    // A report with nothing to add has an empty piece; the CSV has no tail.
    const empty = { ...reports[0]!, report: { ...reports[0]!.report, tables: { table2: null, table3: null, table4: null } } };
    expect([...datasetCsv([empty, reports[0]!])]).toEqual([expect.any(String), '', expect.stringContaining('table3'), '']);
    // Pieces made apart, joined as datasetText joins them: the same text.
    const json = reports.map((r) => reportJson(r.report, r.agency));
    const apart = DATASET_JSON.head + json.map((j, i) => (i ? DATASET_JSON.between : '') + DATASET_JSON.piece(j)).join('') + DATASET_JSON.tail(json.length);
    expect(apart).toBe([...datasetJson(reports)].join(''));
    // Pieces given as bytes (the build encodes each once, with its download): the same bytes, `between` given apart.
    const asBytes = { ...DATASET_JSON, piece: (j: string) => Buffer.from(DATASET_JSON.piece(j)) };
    const parts = [...datasetText(asBytes, json)];
    expect(parts).toHaveLength(json.length * 2 + 1);
    expect(Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part))).toString()).toBe(apart);
  });

  it("CSV: one header, then each report's rows as in its own download (quotes where a field needs them)", () => {
    const text = [...datasetCsv(reports)].join('');
    const [header, ...rows] = reportCsv(reports[0]!.report, reports[0]!.agency).split('\n');
    expect(text.startsWith(`${header}\n${rows.join('\n')}`)).toBe(true);
    expect(text).toBe(header + '\n' + reports.map((r) => reportCsv(r.report, r.agency).split('\n').slice(1).join('\n')).join(''));
    expect(text).toContain('"Agency ""1"", Ltd"');
    expect([...datasetCsv([])].join('')).toBe(header + '\n');
  });
});
