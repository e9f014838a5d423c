// Table 三 from its grid rows: rows split into label and value cells, labels
// cut by a page break joined again, labels matched to the template, values
// read. The layout (2019 or 2021) is the one the rows fit best.

import type { CellSource } from '../../schemas/cells.ts';
import type { Table3, Table3Row } from '../../schemas/table3.ts';
import { TABLE3_COLUMNS, TABLE3_HEADINGS, TABLE3_WIDTH, nodeLabel, table3Leaves, type Table3Node } from '../../schemas/template.ts';
import { problem, type Problem } from '../check/diagnostic.ts';
import { invalidValue, labelVariant } from './cell-problems.ts';
import { distinctCells, trimTrailingEmpty, type GridCell, type GridRow } from './grid.ts';
import { normaliseLabel } from './normalise.ts';
import { isExact, isLeaf, matchRowLabels, splitLevels, type RowMatch } from './table3-labels.ts';
import { looksLikeValue, parseCount } from './values.ts';

type Parts = { row: GridRow; labels: GridCell[]; values: GridCell[] };

/** Labels are the cells before the values: by column in real tables, up to the first value in text rows. */
export function splitRow(row: GridRow, valueCount: number): Parts {
  const cells = row.cells;
  let split: number;
  if (row.form === 'text') {
    split = cells.findIndex((c) => looksLikeValue(c.text));
    if (split < 0) split = cells.length;
  } else {
    split = Math.max(0, (row.width ?? cells.length) - valueCount);
  }
  // A merged label spread over several columns appears once.
  const labels = distinctCells(cells.slice(0, split)).filter((c) => c.text !== '');
  const values = cells.slice(split);
  return { row, labels, values: row.form === 'text' ? trimTrailingEmpty(values) : values };
}

/** Words of the column headings, and the "table continued" line a page break may repeat above them. */
const HEADER_WORDS = [...TABLE3_COLUMNS.map((c) => c.label.zh), TABLE3_HEADINGS.applicants.zh, TABLE3_HEADINGS.organisations.zh, normaliseLabel(TABLE3_HEADINGS.corner.zh), '续表', '续上表', '接上表'];
const HEADER_TEXT = HEADER_WORDS.join('|');

/** Column headings, or pieces of them broken across lines. */
function isHeaderText(text: string): boolean {
  const label = normaliseLabel(text);
  return label !== '' && (HEADER_TEXT.includes(label) || HEADER_WORDS.some((w) => label.includes(w)) || label.includes('勾稽'));
}

const labelTexts = (parts: Parts) => parts.labels.map((c) => c.text);
const hasValues = (parts: Parts) => parts.values.some((c) => c.text !== '');

/**
 * Joins label cells cut by a page break: pairwise when both halves have as
 * many cells, else onto the last; a half written as one space-separated cell
 * ("不予处理 请") is first split into its levels.
 */
function joinLabels(first: GridCell[], second: GridCell[]): GridCell[] | null {
  if (!first.length || !second.length) return null;
  const pairwise = (a: GridCell[], b: GridCell[]) => a.map((c, i) => ({ ...c, text: c.text + b[i]!.text }));
  if (first.length === second.length) {
    const direct = pairwise(first, second);
    if (first.length > 1 || second[0]!.text.trim().split(/\s+/).length === 1) return direct;
    const levels = splitLevels(first[0]!.text);
    const words = second[0]!.text.trim().split(/\s+/);
    return levels.length === words.length ? levels.map((text, i) => ({ ...first[0]!, text: text + words[i] })) : direct;
  }
  if (second.length === 1 && first.length > 0) return [...first.slice(0, -1), ...pairwise(first.slice(-1), second)];
  return null;
}

type Matched = Parts & { match: RowMatch | null };

/**
 * Rejoins rows that a page break cut in two: a row of labels only that does
 * not match cleanly, next to a row whose labels do not either, is joined to
 * it when the joined labels match exactly. Values cut from their row are
 * joined back to a short row the same way.
 */
function rejoin(layout: '2019' | '2021', rows: Parts[]): Matched[] {
  const out: Matched[] = [];
  let context: Table3Node | undefined;
  const match = (parts: Parts) => matchRowLabels(layout, labelTexts(parts), context);
  for (let i = 0; i < rows.length; i++) {
    let parts = rows[i]!;
    let m = match(parts);
    const previous = out[out.length - 1];
    if (!hasValues(parts) && !isExact(m) && previous && !isExact(previous.match) && previous.labels.length) {
      const joined = joinLabels(previous.labels, parts.labels);
      const jm = joined ? matchRowLabels(layout, joined.map((c) => c.text), context) : null;
      if (joined && isExact(jm)) {
        previous.labels = joined;
        previous.match = jm;
        continue;
      }
    }
    const next = rows[i + 1];
    if (!hasValues(parts) && !isExact(m) && next && hasValues(next)) {
      const joined = joinLabels(parts.labels, next.labels);
      const jm = joined ? matchRowLabels(layout, joined.map((c) => c.text), context) : null;
      if (joined && isExact(jm) && !isExact(match(next))) {
        parts = { ...next, labels: joined };
        m = jm;
        i++;
      }
    }
    if (!parts.labels.length && hasValues(parts) && previous && isLeaf(previous.match) && previous.values.length + parts.values.length === TABLE3_WIDTH) {
      previous.values = [...previous.values, ...parts.values];
      continue;
    }
    out.push({ ...parts, match: m });
    if (m) {
      const last = m.path[m.path.length - 1]!;
      context = last.children ? last : m.path[m.path.length - 2];
    }
  }
  return out;
}

/** `unplaced`: rows that are none of the table's (a caption, say), kept by import as text. */
export type Table3Result = { table: Table3; problems: Problem[]; unplaced: GridRow[]; fit: number };

function cellSource(cell: GridCell, state: CellSource['state']): CellSource {
  return { line: cell.line, column: cell.column, text: cell.text, state };
}

function build(layout: '2019' | '2021', gridRows: GridRow[]): Table3Result {
  const leaves = table3Leaves(layout);
  const matched = rejoin(layout, gridRows.map((row) => splitRow(row, TABLE3_WIDTH)));
  const problems: Problem[] = [];
  const unplaced: GridRow[] = [];
  const byKey = new Map<string, Table3Row>();
  let dataStarted = false;
  let misfits = 0;
  const label = (m: RowMatch) => m.path.map(nodeLabel).join('/');

  for (const parts of matched) {
    const at = { line: parts.row.line, column: (parts.labels[0] ?? parts.values[0] ?? parts.row.cells[0])?.column ?? 1 };
    const m = parts.match;
    if (!m || !isLeaf(m) || m.unmatched.length) {
      const groupRow = m && !isLeaf(m) && !m.unmatched.length;
      if (groupRow && !hasValues(parts)) continue; // （三）不予公开 and the like: heads the rows below
      const texts = [...parts.labels, ...parts.values].filter((c) => c.text !== '');
      const noValues = !parts.values.some((c) => looksLikeValue(c.text));
      if (noValues && texts.every((c) => isHeaderText(c.text))) continue; // column headings
      unplaced.push(parts.row);
      if (noValues && !dataStarted) continue; // a caption or a unit line above the table
      misfits++;
      const text = parts.row.cells.map((c) => c.text).filter(Boolean).join(' ');
      problems.push(
        problem('table-shape', { at, table: 'table3', row: text, actual: text }, groupRow
          ? { zh: `表三的分组行“${text}”不应填写数值`, en: `Table 三: the group row "${text}" should carry no values` }
          : { zh: `表三中有无法识别的行：“${text}”`, en: `Table 三 has a row that matches no official row: "${text}"` }),
      );
      continue;
    }
    dataStarted = true;
    const leafNode = m.path[m.path.length - 1]!;
    const leaf = leaves.find((l) => l.node === leafNode)!;
    for (const v of m.variants) {
      const cell = parts.labels[v.index]!;
      problems.push(labelVariant(cell, v.official, { table: 'table3', row: leaf.label }));
    }
    if (byKey.has(leaf.key)) {
      misfits++;
      problems.push(problem('table-shape', { at, table: 'table3', row: leaf.label }, { zh: `表三的“${label(m)}”行重复出现`, en: `Table 三: the row "${label(m)}" appears twice` }));
      continue;
    }
    const parsed = parts.values.map((cell) => ({ cell, ...parseCount(cell.text) }));
    const complete = parsed.length === TABLE3_WIDTH;
    if (!complete) {
      misfits++;
      const few = parsed.length < TABLE3_WIDTH;
      problems.push(
        problem('table-shape', { at, table: 'table3', row: leaf.label, expected: TABLE3_WIDTH, actual: parsed.length }, {
          zh: `表三“${leaf.label}”行应有 ${TABLE3_WIDTH} 个数值，实有 ${parsed.length} 个（${few ? '缺失' : '多出'}的是哪一列无法判断）`,
          en: `Table 三, row "${leaf.label}": ${TABLE3_WIDTH} values are due, ${parsed.length} found (which column ${few ? 'lost its value' : 'is extra'} cannot be told)`,
        }),
      );
    }
    parsed.forEach((p, c) => {
      if (p.state !== 'invalid' || !complete) return;
      problems.push(invalidValue(p.cell, 'count', { table: 'table3', row: leaf.label, col: TABLE3_COLUMNS[c]!.label.zh }));
    });
    byKey.set(leaf.key, {
      key: leaf.key,
      label: leaf.label,
      values: complete ? parsed.map((p) => p.value) : Array(TABLE3_WIDTH).fill(null),
      shape: complete ? 'complete' : parsed.length < TABLE3_WIDTH ? 'short' : 'long',
      line: parts.row.line,
      cells: parsed.map((p) => cellSource(p.cell, p.state)),
    });
  }

  const firstLine = gridRows[0]?.line ?? 1;
  const rows = leaves.map((leaf): Table3Row => {
    const found = byKey.get(leaf.key);
    if (found) return found;
    misfits++;
    problems.push(problem('table-shape', { at: { line: firstLine, column: 1 }, table: 'table3', row: leaf.label }, { zh: `表三缺少“${leaf.label}”行`, en: `Table 三 is missing the row "${leaf.label}"` }));
    return { key: leaf.key, label: leaf.label, values: Array(TABLE3_WIDTH).fill(null), shape: 'missing', line: null, cells: [] };
  });
  const table = { layout, columns: TABLE3_COLUMNS.map((c) => c.label.zh), line: firstLine, rows } as Table3;
  return { table, problems, unplaced, fit: misfits };
}

/** A row of the 2021 layout's （六）其他处理 (1. 申请人无正当理由逾期不补正…): where to try that layout first. */
const OTHER_HANDLING_2021 = /逾期不补正|缴纳费用/;

/**
 * Reads table 三 in whichever layout its rows fit with fewer misfits (2019
 * on a tie: its （六） is one row). A table that fits one layout without a
 * misfit cannot fit the other (their rows differ): the likelier layout is
 * read first, and the other only when the first does not fit.
 */
export function recogniseTable3(rows: GridRow[]): Table3Result {
  const first = rows.some((r) => r.cells.some((c) => OTHER_HANDLING_2021.test(c.text))) ? '2021' : '2019';
  const likelier = build(first, rows);
  if (likelier.fit === 0) return likelier;
  const other = build(first === '2019' ? '2021' : '2019', rows);
  const [as2019, as2021] = first === '2019' ? [likelier, other] : [other, likelier];
  return as2021.fit < as2019.fit ? as2021 : as2019;
}
