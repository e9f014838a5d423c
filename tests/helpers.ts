// Shared by the tests: fixture paths and small ways to edit a report's text.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkReportText, type ReportResult } from '../src/report.ts';
import { main } from '../src/cli/main.ts';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const SEED_FILE = join(FIXTURES, 'seed', '000_cd059c58cf603bf2.txt');
export const REAL_DIR = join(FIXTURES, 'real');

export const readText = (path: string) => readFileSync(path, 'utf8');

export const REAL_REPORTS = readdirSync(REAL_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

export const FORMS = ['one-label-column.md', 'three-label-columns.md', 'tab-separated.txt', 'html.md'] as const;

export const errors = (result: ReportResult) => result.diagnostics.filter((d) => d.severity === 'error');
export const rulesOf = (diagnostics: { rule: string }[]) => [...new Set(diagnostics.map((d) => d.rule))].sort();

/** The 1-based number of the only line containing `needle` (fails loudly if not exactly one). */
export function lineOf(text: string, needle: string | RegExp, from = 1): number {
  const lines = text.split('\n');
  const has = (l: string) => (typeof needle === 'string' ? l.includes(needle) : needle.test(l));
  const hits = lines.map((l, i) => (i + 1 >= from && has(l) ? i + 1 : 0)).filter(Boolean);
  if (hits.length !== 1) throw new Error(`expected one line with "${needle}" from line ${from}, found ${hits.length}`);
  return hits[0]!;
}

/** Splits a GFM row or a tab-separated line into cells with their 1-based columns. */
export function cellsOf(line: string): { text: string; column: number }[] {
  const sep = line.includes('\t') ? '\t' : '|';
  const out: { text: string; column: number }[] = [];
  let column = 1;
  for (const part of line.split(sep)) {
    const lead = part.length - part.trimStart().length;
    out.push({ text: part.trim(), column: column + lead });
    column += part.length + 1;
  }
  return out;
}

/**
 * Replaces the `n`th value cell (0-based, counted from the first cell that
 * reads as a number) of line `line`, returning the new text and the cell's
 * column.
 */
export function setValue(text: string, line: number, n: number, value: string): { text: string; column: number } {
  const lines = text.split('\n');
  const original = lines[line - 1]!;
  const sep = original.includes('\t') ? '\t' : '|';
  const parts = original.split(sep);
  const numeric = parts.map((p, i) => (/^\s*[0-9０-９,]+\s*$/.test(p) ? i : -1)).filter((i) => i >= 0);
  const index = numeric[n];
  if (index === undefined) throw new Error(`line ${line} has no value #${n}: ${original}`);
  const lead = parts[index]!.length - parts[index]!.trimStart().length;
  parts[index] = parts[index]!.replace(parts[index]!.trim(), value);
  const column = parts.slice(0, index).reduce((c, p) => c + p.length + 1, 1) + lead;
  lines[line - 1] = parts.join(sep);
  return { text: lines.join('\n'), column };
}

export const valueOn = (text: string, line: number, n: number) => {
  const cells = cellsOf(text.split('\n')[line - 1]!).filter((c) => /^[0-9０-９,]+$/.test(c.text));
  return Number(cells[n]!.text.normalize('NFKC').replaceAll(',', ''));
};

export const check = (text: string, file = 'report.md') => checkReportText(text, file);

/** Runs the command line in-process, capturing what it prints. */
export async function runCli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), colour: false });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
