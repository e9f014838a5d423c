// mdast to the parts of a report: metadata, sections and tables, with the
// problems found on the way. The only stage that knows what messy input
// looks like.

import type { Root } from 'mdast';
import type { Section } from '../../schemas/report.ts';
import type { Table2 } from '../../schemas/table2.ts';
import type { Table3 } from '../../schemas/table3.ts';
import type { Table4 } from '../../schemas/table4.ts';
import type { Problem } from '../check/diagnostic.ts';
import { problem } from '../check/diagnostic.ts';
import { findGrids } from './find-grids.ts';
import type { GridRow, TableKind } from './grid.ts';
import { recogniseMetadata, type Metadata } from './metadata.ts';
import { recogniseNarrative, type Narrative } from './narrative.ts';
import { recogniseSections } from './sections.ts';
import { SourceText } from './source.ts';
import { LIMITS } from '../read/limits.ts';
import { recogniseTable2 } from './table2.ts';
import { recogniseTable3 } from './table3.ts';
import { recogniseTable4 } from './table4.ts';

export type RecognisedReport = {
  metadata: Metadata;
  sections: Section[];
  tables: { table2: Table2 | null; table3: Table3 | null; table4: Table4 | null };
  narrative: Narrative;
  /** Tables found but not read, being beyond the limits: reported as such, not as missing. */
  refused: TableKind[];
  problems: Problem[];
};

export function recognise(root: Root, text: string): RecognisedReport {
  const source = new SourceText(text);
  const { sections, problems } = recogniseSections(root, source);
  const metadata = recogniseMetadata(root, source, sections[0]?.line ?? Infinity);
  for (const e of metadata.frontMatterErrors) {
    problems.push(problem('front-matter', { at: { line: e.line, column: 1 }, actual: e.message }, { zh: `YAML 前置元数据有误：${e.message}`, en: `The YAML front matter is not valid: ${e.message}` }));
  }
  // A table cut by a page break, or split over several Markdown tables, is read as one.
  const found = findGrids(root, source);
  const rowsOf: Record<TableKind, GridRow[]> = { table2: [], table3: [], table4: [] };
  for (const grid of found.grids) if (grid.kind) rowsOf[grid.kind].push(...grid.rows);
  const stray = [...found.stray];
  const refused: TableKind[] = [];
  const read = <T>(kind: TableKind, recogniser: (rows: GridRow[]) => { table: T; problems: Problem[]; unplaced: GridRow[] }): T | null => {
    const rows = rowsOf[kind];
    if (!rows.length) return null;
    const widest = Math.max(...rows.map((r) => r.cells.length));
    if (rows.length > LIMITS.tableRows || widest > LIMITS.rowCells) {
      refused.push(kind);
      problems.push(problem('table-shape', { at: { line: rows[0]!.line, column: 1 }, table: kind, expected: `≤ ${LIMITS.tableRows} × ${LIMITS.rowCells}`, actual: `${rows.length} × ${widest}` }, {
        zh: `表格过大（${rows.length} 行，最宽 ${widest} 格；上限 ${LIMITS.tableRows} 行、每行 ${LIMITS.rowCells} 格），未读取`,
        en: `The table is too large (${rows.length} rows, up to ${widest} cells a row; the limits are ${LIMITS.tableRows} rows and ${LIMITS.rowCells} cells) and was not read`,
      }));
      return null;
    }
    const result = recogniser(rows);
    problems.push(...result.problems);
    stray.push(...result.unplaced);
    return result.table;
  };
  const tables = { table2: read('table2', recogniseTable2), table3: read('table3', recogniseTable3), table4: read('table4', recogniseTable4) };
  const narrative = recogniseNarrative(root, source, sections, metadata.title?.line ?? null, found.consumed, stray);
  return { metadata, sections, tables, narrative, refused, problems };
}
