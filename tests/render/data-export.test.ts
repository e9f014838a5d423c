// The site-wide datasets are written a report at a time (at ten thousand
// reports they are larger than a string can be): the parts must join into
// exactly the JSON of all reports, and the CSV of every report's rows under
// one header.

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { CSV_COLUMNS, DATASET_JSON, datasetCsv, datasetJson, datasetText, reportCsv, reportData, reportJson } from '../../src/render/data-export.ts';
import { TABLE3_COLUMNS, TABLE4_COLUMNS, table3Leaves } from '../../schemas/template.ts';
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
    const csvParts = [...datasetCsv([empty, reports[0]!])].map((part) => (typeof part === 'string' ? part : Buffer.from(part).toString()));
    expect(csvParts).toEqual([expect.any(String), '', expect.stringContaining('table3'), '']);
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
    const text = Buffer.concat([...datasetCsv(reports)].map((part) => (typeof part === 'string' ? Buffer.from(part) : part))).toString();
    const csvOf = (r: (typeof reports)[number]) => reportCsv(r.report, r.agency).toString();
    const [header, ...rows] = csvOf(reports[0]!).split('\n');
    expect(text.startsWith(`${header}\n${rows.join('\n')}`)).toBe(true);
    expect(text).toBe(header + '\n' + reports.map((r) => csvOf(r).split('\n').slice(1).join('\n')).join(''));
    expect(text).toContain('"Agency ""1"", Ltd"');
    expect([...datasetCsv([])].join('')).toBe(header + '\n');
  });

  it('CSV: each line the fields of one value, quoted where they need it, a blank cell not reported', () => {
    /** A line's fields as a CSV reader reads them: quoted fields unquoted, "" inside them a quote. */
    const fieldsOf = (line: string) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => (m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replaceAll('""', '"') : m[1]!));
    // A report with a cell left blank, as some reports leave one, and a figure reconstructed by import.
    const blank = structuredClone(reports[0]!);
    blank.report.tables.table3!.rows[0]!.values[1] = null;
    blank.report.tables.table3!.rows[0]!.cells[2]!.reconstructed = true;
    const statuses = new Set<string>();
    for (const { report, agency } of [...reports, blank]) {
      const expected: string[][] = [];
      const lead = [agency.slug, agency.zh, agency.en, String(report.year ?? ''), report.format ?? ''];
      const statusOf = (value: number | null, cell: { reconstructed?: true } | undefined) => (value === null ? 'not_reported' : cell?.reconstructed ? 'reconstructed' : 'reported');
      const t3 = report.tables.table3;
      for (const row of t3?.rows ?? []) {
        if (row.shape !== 'complete') continue;
        const en = table3Leaves(t3!.layout).find((l) => l.key === row.key)!.en;
        row.values.forEach((value, c) => {
          const column = TABLE3_COLUMNS[c]!;
          expected.push([...lead, 'table3', row.key, row.label, en, column.key, column.label.zh, column.label.en, value === null ? '' : String(value), statusOf(value, row.cells[c])]);
        });
      }
      const t4 = report.tables.table4;
      if (t4?.shape === 'complete') t4.values.forEach((value, c) => {
        const column = TABLE4_COLUMNS[c]!;
        expected.push([...lead, 'table4', '', '', '', column.key, column.label.zh, column.label.en, value === null ? '' : String(value), statusOf(value, t4.cells[c])]);
      });
      const [header, ...lines] = reportCsv(report, agency).toString().split('\n');
      expect(fieldsOf(header!)).toEqual([...CSV_COLUMNS]);
      expect(lines.pop()).toBe(''); // the last line ends with a line break
      expect(lines.map(fieldsOf)).toEqual(expected);
      for (const fields of expected) statuses.add(fields[13]!);
    }
    // A reconstructed figure is marked; a blank cell is "not reported", with no value (not 0).
    expect([...statuses].sort()).toEqual(['not_reported', 'reconstructed', 'reported']);
  });
});
