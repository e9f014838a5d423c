// Tab-separated lines (tables pulled out of PDFs) to grid rows, each cell
// at its exact column, and page footers such as "- 5 -" recognised so that
// a table cut by a page break reads as one.

import type { GridRow } from './grid.ts';

/** A page footer or page number line left in by PDF extraction: "- 5 -", "— 5 —", "第 5 页", "5/12". */
export function isPageFooter(line: string): boolean {
  const plain = line.normalize('NFKC').trim();
  return /^[-—–]\s*\d+\s*[-—–]$/.test(plain) || /^第\s*\d+\s*页(\s*[,/，]?\s*共\s*\d+\s*页)?$/.test(plain) || /^\d+\s*\/\s*\d+$/.test(plain);
}

export function gridRowFromTsvLine(text: string, line: number): GridRow {
  const cells = [];
  let column = 1;
  for (const part of text.split('\t')) {
    const lead = part.length - part.trimStart().length;
    cells.push({ text: part.trim(), line, column: column + lead });
    column += part.length + 1;
  }
  return { cells, line, form: 'tsv' };
}
