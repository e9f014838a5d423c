// How large an input gongkai reads: a real report is about 12 KB with tables
// of a few dozen rows; these limits are far above that, and keep any input
// within bounded time and memory.

export const LIMITS = {
  /** Bytes in one report file. */
  fileBytes: 2 * 1024 * 1024,
  /** Rows in one table (table 三 has 25 at most, with headers a few more). */
  tableRows: 500,
  /** Cells in one table row (table 四 has 15 values, plus labels). */
  rowCells: 60,
} as const;
