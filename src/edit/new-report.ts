// A new, empty report in the canonical layout: the six standard headings and
// the three tables of the chosen format with every cell blank, to fill in.

import type { CellSource } from '../../schemas/cells.ts';
import type { Report } from '../../schemas/report.ts';
import { FORMAT_LAYOUTS, SECTIONS, TABLE2, TABLE3_COLUMNS, TABLE3_WIDTH, TABLE4_COLUMNS, TABLE4_WIDTH, table3Leaves } from '../../schemas/template.ts';
import { writeCanonical } from '../write/canonical.ts';

const blankCells = (n: number): CellSource[] => Array.from({ length: n }, () => ({ line: 1, column: 1, text: '', state: 'blank' as const }));
const blanks = (n: number): null[] => Array(n).fill(null);

export function newReport(options: { agency: string; agencySlug?: string; year: number; format: '2019' | '2021' }): string {
  const layouts = FORMAT_LAYOUTS[options.format];
  // Sections and tables are placed by line: each table sits just under its section's heading.
  const sectionLine = (n: number) => n * 10;
  const report = {
    file: '',
    agency: options.agency,
    year: options.year,
    period: { from: `${options.year}-01-01`, to: `${options.year}-12-31` },
    metadataSource: 'front-matter',
    published: null,
    source: null,
    contact: null,
    format: options.format,
    sections: SECTIONS.map((s) => ({ number: s.number, title: s.title.zh, line: sectionLine(s.number) })),
    reconstructed: [],
    tables: {
      table2: {
        layout: layouts.table2,
        line: sectionLine(2) + 1,
        blocks: TABLE2[layouts.table2].map((block) => ({
          clause: block.clause.zh,
          columns: block.columns.map((c) => c.label.zh),
          line: sectionLine(2) + 1,
          rows: block.rows.map((r) => ({ key: r.key, label: r.label.zh, values: blanks(block.columns.length), units: block.columns.map((c) => c.unit ?? null), shape: 'complete', line: 1, cells: blankCells(block.columns.length) })),
        })),
      },
      table3: {
        layout: layouts.table3,
        columns: TABLE3_COLUMNS.map((c) => c.label.zh),
        line: sectionLine(3) + 1,
        rows: table3Leaves(layouts.table3).map((leaf) => ({ key: leaf.key, label: leaf.label, values: blanks(TABLE3_WIDTH), shape: 'complete', line: 1, cells: blankCells(TABLE3_WIDTH) })),
      },
      table4: { columns: TABLE4_COLUMNS.map((c) => c.label.zh), values: blanks(TABLE4_WIDTH), shape: 'complete', line: sectionLine(4) + 1, cells: blankCells(TABLE4_WIDTH) },
    },
  } as Report;
  const previous = options.agencySlug ? { agencySlug: options.agencySlug } : null;
  return writeCanonical({ report, title: `${options.agency}${options.year}年政府信息公开工作年度报告`, blocks: [], previousFrontMatter: previous, reconstructed: [] });
}
