// The data downloads: a report's model as JSON, and tables 三 and 四 in long
// form as CSV (one value a line, with Chinese and English labels), per
// report and for the whole site.

import type { Report } from '../../schemas/report.ts';
import { TABLE3_COLUMNS, TABLE4_COLUMNS, table3Leaves } from '../../schemas/template.ts';
import { ByteBuilder } from '../util/byte-builder.ts';

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

/** The end of a value's line, after the value, by its status. */
const LINE_ENDS = { reported: Buffer.from(',reported\n'), not_reported: Buffer.from(',not_reported\n'), reconstructed: Buffer.from(',reconstructed\n') };
const HEAD = csvLine([...CSV_COLUMNS]) + '\n';
const HEAD_BYTES = Buffer.from(HEAD);
/** What comes between the report's fields and a table 四 value, by column: the table, no row, the column's fields. */
const TABLE4_PARTS = TABLE4_FIELDS.map((column) => Buffer.from(`table4,,,,${column},`));

type RowParts = { label: string; parts: Buffer[] };
/** What comes between the report's fields and a table 三 value, by layout and row, then column: made once a row. */
const TABLE3_PARTS = { '2019': new Map<string, RowParts>(), '2021': new Map<string, RowParts>() };
function table3Parts(layout: '2019' | '2021', row: { key: string; label: string }): Buffer[] {
  const made = TABLE3_PARTS[layout].get(row.key);
  if (made?.label === row.label) return made.parts;
  const fields = csvLine([row.key, row.label, LEAVES_BY_KEY[layout].get(row.key)!.en]);
  const parts = TABLE3_FIELDS.map((column) => Buffer.from(`table3,${fields},${column},`));
  // A row's label is the template's: one entry a row.
  if (!made) TABLE3_PARTS[layout].set(row.key, { label: row.label, parts });
  return parts;
}

/** One builder for this thread's CSVs, made one after the other. */
const builder = new ByteBuilder();

/**
 * A report's CSV rows as UTF-8 (after the header, with `head`): one line a
 * value of tables 三 and 四, each assembled from parts encoded once (the
 * report's agency, year and format; the row's and column's fields) and the
 * value's digits.
 */
function csvBytes(report: Report, agency: AgencyNames, head: boolean): Buffer {
  builder.clear();
  if (head) builder.bytes(HEAD_BYTES);
  const lead = Buffer.from(csvLine([agency.slug, agency.zh, agency.en, report.year ?? '', report.format ?? '']) + ',');
  const line = (part: Buffer, value: number | null, reconstructed: boolean | undefined) => {
    builder.bytes(lead).bytes(part);
    if (value !== null) builder.integer(value);
    builder.bytes(LINE_ENDS[status(value, reconstructed)]);
  };
  const t3 = report.tables.table3;
  if (t3) {
    for (const row of t3.rows) {
      if (row.shape !== 'complete') continue;
      const parts = table3Parts(t3.layout, row);
      row.values.forEach((value, c) => line(parts[c]!, value, row.cells[c]?.reconstructed));
    }
  }
  const t4 = report.tables.table4;
  if (t4?.shape === 'complete') t4.values.forEach((value, c) => line(TABLE4_PARTS[c]!, value, t4.cells[c]?.reconstructed));
  return builder.take();
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
export const DATASET_CSV: DatasetText<{ report: Report; agency: AgencyNames }, Uint8Array> = {
  head: HEAD,
  piece: (r) => csvBytes(r.report, r.agency, false),
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

/** A report's CSV download, as UTF-8: the dataset's header and the report's rows. */
export const reportCsv = (report: Report, agency: AgencyNames): Buffer => csvBytes(report, agency, true);

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
