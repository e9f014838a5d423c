// The data downloads: a report's model as JSON, and tables 三 and 四 in long
// form as CSV (one value a line, with Chinese and English labels), per
// report and for the whole site.

import type { Report } from '../../schemas/report.ts';
import { TABLE3_COLUMNS, TABLE4_COLUMNS, table3Leaves } from '../../schemas/template.ts';

export type AgencyNames = { slug: string; zh: string; en: string };

export const CSV_COLUMNS = [
  'agency_slug', 'agency_zh', 'agency_en', 'year', 'format', 'table',
  'row_key', 'row_zh', 'row_en', 'column_key', 'column_zh', 'column_en', 'value', 'status',
] as const;

const quoted = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
/** Fields repeat (labels, keys, agency names) thousands of times over a site: each is quoted once. */
const quotedFields = new Map<string, string>();
const csvField = (value: string | number) => {
  if (typeof value === 'number') return String(value);
  let field = quotedFields.get(value);
  if (field === undefined) {
    field = quoted(value);
    if (quotedFields.size < 100_000) quotedFields.set(value, field);
  }
  return field;
};
const csvLine = (fields: (string | number)[]) => fields.map(csvField).join(',');

/** Each value's status: `reported`, `not_reported` (blank, which is not 0) or `reconstructed`. */
const status = (value: number | null, reconstructed: boolean | undefined) => (value === null ? 'not_reported' : reconstructed ? 'reconstructed' : 'reported');

/** A column's three fields (key, Chinese, English), quoted once. */
const columnFields = (columns: readonly { key: string; label: { zh: string; en: string } }[]) => columns.map((c) => csvLine([c.key, c.label.zh, c.label.en]));
const TABLE3_FIELDS = columnFields(TABLE3_COLUMNS);
const TABLE4_FIELDS = columnFields(TABLE4_COLUMNS);

/** Table 三's leaves by key, in each layout. */
const LEAVES_BY_KEY = { '2019': new Map(table3Leaves('2019').map((l) => [l.key, l])), '2021': new Map(table3Leaves('2021').map((l) => [l.key, l])) } as const;

/** A report's CSV lines: one a value of tables 三 and 四, each line joined from parts that repeat made once. */
function csvRows(report: Report, agency: AgencyNames): string {
  const lines: string[] = [];
  const lead = csvLine([agency.slug, agency.zh, agency.en, report.year ?? '', report.format ?? '']);
  const line = (row: string, columns: string[], c: number, value: number | null, reconstructed: boolean | undefined) =>
    lines.push(`${row},${columns[c]},${csvField(value ?? '')},${status(value, reconstructed)}\n`);
  const t3 = report.tables.table3;
  if (t3) {
    const leaves = LEAVES_BY_KEY[t3.layout];
    for (const row of t3.rows) {
      if (row.shape !== 'complete') continue;
      const start = `${lead},table3,${csvLine([row.key, row.label, leaves.get(row.key)!.en])}`;
      row.values.forEach((value, c) => line(start, TABLE3_FIELDS, c, value, row.cells[c]?.reconstructed));
    }
  }
  const t4 = report.tables.table4;
  if (t4?.shape === 'complete') {
    const start = `${lead},table4,,,`;
    t4.values.forEach((value, c) => line(start, TABLE4_FIELDS, c, value, t4.cells[c]?.reconstructed));
  }
  // Joined, not appended to: one flat string, quick to turn into bytes.
  return lines.join('');
}

/**
 * A site-wide dataset, a report at a time (at ten thousand reports it is
 * larger than a string can be): its head, each report's piece with `between`
 * two pieces, and its tail. The build makes the pieces on two threads and
 * writes them in order (src/site/write-outputs.ts); it has them as bytes
 * (`Piece` Uint8Array, UTF-8), encoded once with the report's downloads.
 */
export type DatasetText<R, Piece extends string | Uint8Array = string> = { head: string; piece: (report: R) => Piece; between: string; tail: (reports: number) => string };

/** The whole site's CSV: one header, then each report's rows as in its own download. */
export const DATASET_CSV: DatasetText<{ report: Report; agency: AgencyNames }> = {
  head: csvLine([...CSV_COLUMNS]) + '\n',
  piece: (r) => csvRows(r.report, r.agency),
  between: '',
  tail: () => '',
};

/**
 * The whole site's JSON, an array with one report to a line, each as in its
 * download: compact, not indented, since indenting made the JSON downloads
 * 2.5 times larger (44 KB a report against 18) and is what a reader's
 * JSON viewer does anyway; a line at a time is how a dataset this large is
 * read in a stream.
 */
export const DATASET_JSON: DatasetText<string> = {
  head: '[',
  piece: (json) => `\n${json}`,
  between: ',',
  tail: (reports) => (reports ? '\n]\n' : ']\n'),
};

/** A dataset's text in order: the head, each report's piece (after `between`, from the second on), the tail. A piece of bytes is given as it is, `between` apart. */
export function* datasetText<R, Piece extends string | Uint8Array>(dataset: DatasetText<R, Piece>, reports: Iterable<R>): Generator<string | Piece> {
  yield dataset.head;
  let count = 0;
  for (const r of reports) {
    const piece = dataset.piece(r);
    const gap = count++ ? dataset.between : '';
    if (typeof piece === 'string') yield gap + piece;
    else {
      if (gap) yield gap;
      yield piece;
    }
  }
  yield dataset.tail(count);
}

/** A report's CSV: the dataset's header and the report's rows. */
export const reportCsv = (report: Report, agency: AgencyNames): string => DATASET_CSV.head + DATASET_CSV.piece({ report, agency });

export const datasetCsv = (reports: Iterable<{ report: Report; agency: AgencyNames }>) => datasetText(DATASET_CSV, reports);

export function datasetJson(reports: Iterable<{ report: Report; agency: AgencyNames }>): Generator<string> {
  return datasetText(DATASET_JSON, (function* () {
    for (const r of reports) yield reportJson(r.report, r.agency);
  })());
}

/** A report's data as its JSON download has it (and its line of the site's JSON): compact. */
export const reportJson = (report: Report, agency: AgencyNames): string => JSON.stringify(reportData(report, agency));

/** A report's data for download: the model, with the agency's registry names and no local file path. */
export function reportData(report: Report, agency: AgencyNames) {
  const { file: _file, ...rest } = report;
  return { agencySlug: agency.slug, agencyNames: { zh: agency.zh, en: agency.en }, ...rest };
}
