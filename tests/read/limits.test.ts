// Inputs beyond the documented limits get one clear error each.

import { expect, it } from 'vitest';
import { join } from 'node:path';
import { LIMITS } from '../../src/read/limits.ts';
import { checkReportBytes } from '../../src/report.ts';
import { REAL_DIR, lineOf, readText } from '../helpers.ts';

it('refuses a file over the size limit with one error', () => {
  const result = checkReportBytes(Buffer.alloc(LIMITS.fileBytes + 1, 'a'), 'huge.md');
  expect(result.diagnostics.map((d) => [d.rule, d.actual])).toEqual([['file-unreadable', `${LIMITS.fileBytes + 1} bytes`]]);
});

it('refuses a table with an absurd number of rows, and says so rather than calling it missing', () => {
  const text = readText(join(REAL_DIR, '02-pingtan-2019', 'one-label-column.md'));
  const line = '| 2.重复申请 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |';
  const huge = text.replace(line, Array(10_000).fill(line).join('\n'));
  const result = checkReportBytes(Buffer.from(huge), 'rows.md');
  expect(result.diagnostics.map((d) => [d.rule, d.table, d.line])).toEqual([['table-shape', 'table3', lineOf(text, '勾稽')]]);
  expect(result.diagnostics[0]!.message.en).toMatch(/too large \(10\d{3} rows/);
});

it('refuses a row with an absurd number of cells', () => {
  const text = readText(join(REAL_DIR, '02-pingtan-2019', 'tab-separated.txt'));
  const line = text.split('\n').find((l) => l.startsWith('四、结转下年度继续办理'))!;
  const result = checkReportBytes(Buffer.from(text.replace(line, line + '\t0'.repeat(100))), 'cells.txt');
  expect(result.diagnostics.map((d) => [d.rule, d.table])).toEqual([['table-shape', 'table3']]);
});
