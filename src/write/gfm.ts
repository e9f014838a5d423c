// GFM table text: one place that knows how to write a row.

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

export function gfmRow(cells: readonly string[]): string {
  return `| ${cells.map(escapeCell).join(' | ')} |`.replace(/ {2,}\|/g, ' |');
}

/** The delimiter row: labels left-aligned, numbers right-aligned. */
export function gfmDelimiter(labelColumns: number, valueColumns: number): string {
  return gfmRow([...Array(labelColumns).fill(':--'), ...Array(valueColumns).fill('--:')]);
}
