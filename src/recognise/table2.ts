// Table 二 from its grid rows: blocks headed by their clause row
// ("第二十条第（一）项"), a "信息内容" row of column headings, then the rows of
// the block. The layout (2019 or 2021) is the one the headings and labels
// fit best.

import type { Table2, Table2Block, Table2Row } from '../../schemas/table2.ts';
import { TABLE2, TABLE2_CONTENT_HEADING, type Table2BlockTemplate } from '../../schemas/template.ts';
import { problem, type Problem } from '../check/diagnostic.ts';
import { invalidValue, labelVariant } from './cell-problems.ts';
import { distinctCells, trimTrailingEmpty, type GridCell, type GridRow } from './grid.ts';
import { closest, normaliseLabel } from './normalise.ts';
import { looksLikeValue, parseCount, parseMoney } from './values.ts';

type RawRow = { row: GridRow; label: GridCell; values: GridCell[] };
type RawBlock = { item: string; clause: GridCell; headings: GridCell[]; rows: RawRow[] };

const CLAUSE = /^第二十条第?\(([一二三四五六七八九十]+)\)项?/;

/** The clause item (一, 五, …) whose block has a row with this label, in either layout. */
function itemOfLabel(label: string): string | null {
  const normal = normaliseLabel(label);
  for (const layout of ['2021', '2019'] as const) {
    const block = TABLE2[layout].find((b) => b.rows.some((r) => normaliseLabel(r.label.zh) === normal));
    if (block) return block.item;
  }
  return null;
}

/**
 * Reads the blocks. A block usually starts at its clause row; where a report
 * leaves clause rows out (or puts the clause in the heading row), a block
 * starts at its "信息内容" heading row or at a row that belongs to another
 * clause, and its clause is told from its row labels.
 */
function readBlocks(rows: GridRow[], problems: Problem[], unplaced: GridRow[]): RawBlock[] {
  const blocks: RawBlock[] = [];
  for (const row of rows) {
    const cells = distinctCells(row.cells);
    const filled = cells.filter((c) => c.text !== '');
    const first = filled[0];
    if (!first) continue;
    const clauseAt = filled.findIndex((c) => CLAUSE.test(normaliseLabel(c.text)));
    const headingAt = filled.findIndex((c) => normaliseLabel(c.text).startsWith(TABLE2_CONTENT_HEADING.zh));
    if (clauseAt >= 0) {
      const clause = filled[clauseAt]!;
      // The column headings may follow the clause on its own row (gongkai's canonical layout).
      const headings = headingAt > clauseAt ? filled.slice(headingAt + 1) : filled.slice(clauseAt + 1);
      blocks.push({ item: CLAUSE.exec(normaliseLabel(clause.text))![1]!, clause, headings, rows: [] });
      continue;
    }
    let block = blocks[blocks.length - 1];
    if (headingAt === 0) {
      if (!block || block.rows.length) blocks.push((block = { item: '', clause: first, headings: [], rows: [] }));
      block.headings = filled.slice(1);
      continue;
    }
    const rest = cells.slice(cells.indexOf(first) + 1);
    const values = row.form === 'text' ? trimTrailingEmpty(rest) : rest;
    const item = itemOfLabel(first.text);
    if (!looksLikeValue(first.text) && item && (!block || (block.item && block.item !== item))) {
      blocks.push((block = { item, clause: first, headings: [], rows: [] }));
    }
    if (block && !looksLikeValue(first.text)) {
      block.item ||= item ?? '';
      block.rows.push({ row, label: first, values });
    } else if (!filled.some((c) => looksLikeValue(c.text))) {
      unplaced.push(row); // a caption or a unit line above the table
    } else {
      unplaced.push(row);
      const text = filled.map((c) => c.text).join(' ');
      problems.push(problem('table-shape', { at: first, table: 'table2', actual: text }, { zh: `表二中有不属于任何条款的行：“${text}”`, en: `Table 二 has a row outside any clause block: "${text}"` }));
    }
  }
  return blocks;
}

const matches = (cell: GridCell, official: string) => normaliseLabel(cell.text) === normaliseLabel(official);

/** How well the blocks fit a layout: matching headings and labels count, missing blocks count against. */
function fit(blocks: RawBlock[], layout: '2019' | '2021'): number {
  let score = 0;
  for (const template of TABLE2[layout]) {
    const block = blocks.find((b) => b.item === template.item);
    if (!block) { score -= 2; continue; }
    score += block.headings.filter((h, i) => template.columns[i] && matches(h, template.columns[i]!.label.zh)).length * 2;
    score += block.rows.filter((r) => template.rows.some((t) => matches(r.label, t.label.zh))).length;
  }
  score -= blocks.filter((b) => !TABLE2[layout].some((t) => t.item === b.item)).length * 2;
  return score;
}

function buildBlock(template: Table2BlockTemplate, block: RawBlock | undefined, tableLine: number, problems: Problem[], unplaced: GridRow[]): Table2Block {
  const columns = template.columns.map((c) => c.label.zh);
  const missingRow = (t: Table2BlockTemplate['rows'][number]): Table2Row => ({
    key: t.key, label: t.label.zh, values: Array(columns.length).fill(null), units: Array(columns.length).fill(null), shape: 'missing', line: null, cells: [],
  });
  if (!block) {
    problems.push(problem('table-shape', { at: { line: tableLine, column: 1 }, table: 'table2', row: template.clause.zh }, { zh: `表二缺少“${template.clause.zh}”部分`, en: `Table 二 is missing the block "${template.clause.zh}"` }));
    return { clause: template.clause.zh, columns, line: null, rows: template.rows.map(missingRow) };
  }
  checkHeadings(template, block, problems);
  const taken = new Set<RawRow>();
  const rows = template.rows.map((t): Table2Row => {
    let raw = block.rows.find((r) => !taken.has(r) && matches(r.label, t.label.zh));
    if (!raw) {
      const near = closest(normaliseLabel(t.label.zh), block.rows.filter((r) => !taken.has(r)), (r) => [normaliseLabel(r.label.text)]);
      raw = near?.item;
      if (raw) {
        problems.push(labelVariant(raw.label, t.label.zh, { table: 'table2', row: t.label.zh }));
      }
    }
    if (!raw) {
      problems.push(problem('table-shape', { at: block.clause, table: 'table2', row: t.label.zh }, { zh: `表二“${template.clause.zh}”缺少“${t.label.zh}”行`, en: `Table 二, ${template.clause.zh}: the row "${t.label.zh}" is missing` }));
      return missingRow(t);
    }
    taken.add(raw);
    return buildRow(template, t, raw, problems);
  });
  for (const raw of block.rows.filter((r) => !taken.has(r))) {
    unplaced.push(raw.row);
    problems.push(problem('table-shape', { at: raw.label, table: 'table2', row: raw.label.text, actual: raw.label.text }, {
      zh: `表二“${template.clause.zh}”中有无法识别的行：“${raw.label.text}”`,
      en: `Table 二, ${template.clause.zh}: the row "${raw.label.text}" matches no official row`,
    }));
  }
  return { clause: template.clause.zh, columns, line: block.clause.line, rows };
}

function checkHeadings(template: Table2BlockTemplate, block: RawBlock, problems: Problem[]): void {
  const headings = trimTrailingEmpty(block.headings);
  headings.forEach((cell, i) => {
    const official = template.columns[i]?.label.zh;
    if (official && matches(cell, official)) return;
    if (official && closest(normaliseLabel(cell.text), [official], (o) => [normaliseLabel(o)])) {
      problems.push(labelVariant(cell, official, { table: 'table2', row: template.clause.zh, col: official }));
      return;
    }
    problems.push(problem('table-shape', { at: cell, table: 'table2', row: template.clause.zh, expected: official ?? null, actual: cell.text }, {
      zh: `表二“${template.clause.zh}”的列标题“${cell.text}”不是本格式的标准列${official ? `（应为“${official}”）` : ''}`,
      en: `Table 二, ${template.clause.zh}: the column heading "${cell.text}" is not one of this format's${official ? ` (expected "${official}")` : ''}`,
    }));
  });
}

function buildRow(template: Table2BlockTemplate, t: Table2BlockTemplate['rows'][number], raw: RawRow, problems: Problem[]): Table2Row {
  const width = template.columns.length;
  // Empty cells past the block's columns are the wider table's padding.
  const cells = raw.values.length > width ? trimTrailingEmpty(raw.values, width) : raw.values;
  const at = { line: raw.row.line, column: raw.label.column };
  if (cells.length !== width) {
    problems.push(problem('table-shape', { at, table: 'table2', row: t.label.zh, expected: width, actual: cells.length }, {
      zh: `表二“${t.label.zh}”行应有 ${width} 个数值，实有 ${cells.length} 个`,
      en: `Table 二, row "${t.label.zh}": ${width} values are due, ${cells.length} found`,
    }));
  }
  const read = cells.map((cell, c) => {
    const column = template.columns[c];
    if (column?.kind === 'money') return { cell, ...parseMoney(cell.text, column.unit ?? null) };
    return { cell, ...parseCount(cell.text), unit: null };
  });
  const complete = cells.length === width;
  if (complete) {
    read.forEach((r, c) => {
      if (r.state === 'invalid') problems.push(invalidValue(r.cell, template.columns[c]!.kind, { table: 'table2', row: t.label.zh, col: template.columns[c]!.label.zh }));
    });
  }
  return {
    key: t.key,
    label: t.label.zh,
    values: complete ? read.map((r) => r.value) : Array(width).fill(null),
    units: complete ? read.map((r) => r.unit) : Array(width).fill(null),
    shape: complete ? 'complete' : cells.length < width ? 'short' : 'long',
    line: raw.row.line,
    cells: read.map((r) => ({ line: r.cell.line, column: r.cell.column, text: r.cell.text, state: r.state })),
  };
}

export function recogniseTable2(rows: GridRow[]): { table: Table2; problems: Problem[]; unplaced: GridRow[] } {
  const problems: Problem[] = [];
  const unplaced: GridRow[] = [];
  const blocks = readBlocks(rows, problems, unplaced);
  const layout = fit(blocks, '2021') > fit(blocks, '2019') ? '2021' : '2019';
  const line = rows[0]?.line ?? 1;
  for (const block of blocks.filter((b) => !TABLE2[layout].some((t) => t.item === b.item))) {
    problems.push(problem('table-shape', { at: block.clause, table: 'table2', actual: block.clause.text }, {
      zh: `表二的“${block.clause.text}”部分不属于${layout}年格式`,
      en: `Table 二: the block "${block.clause.text}" is not part of the ${layout} format`,
    }));
  }
  const built = TABLE2[layout].map((template) => buildBlock(template, blocks.find((b) => b.item === template.item), line, problems, unplaced));
  return { table: { layout, line, blocks: built } as Table2, problems, unplaced };
}
