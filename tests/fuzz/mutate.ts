// The fuzz suite's cases: the inputs (the seed and the corpus fixtures), the
// mutations, and the property that every mutated report ends in a result
// with diagnostics, never an exception. The cases are split into shards, each
// run on a worker thread of its own (shard-worker.ts), since vitest runs one
// test file at a time on a 2-core machine. Plain node:assert, not vitest's
// expect: a worker thread is outside vitest.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { join } from 'node:path';
import { checkReportBytes } from '../../src/report.ts';
import { formatReport, importReport } from '../../src/edit/canonicalise.ts';
import { FORMS, REAL_DIR, REAL_REPORTS, SEED_FILE, readText } from '../helpers.ts';

/** Mutated reports in all, over every shard; FUZZ_RUNS raises it. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
/** Fixed, not the number of cores, so that the cases are the same on every machine. */
export const SHARDS = 2;
export const SEED = Number(process.env.FUZZ_SEED ?? 20261128);

export const inputs = [readText(SEED_FILE), ...REAL_REPORTS.flatMap((name) => FORMS.map((form) => readText(join(REAL_DIR, name, form))))];

/** Things real and hostile input holds. */
export const noise = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('\u0000', '\t', '\r', '\u200b', '\ufeff', '|', '| --- |', '<table><tr><td rowspan="999999">', '</td></tr></table>', '**', '>'.repeat(200), '- '.repeat(200), '99999999999999999999999', '-0', '１２３', '—', '（三）', '第二十条第（一）项', '---\nagency: [\n---', '<script>alert(1)</script>', '[x](javascript:alert(1))'),
);

export const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), keep: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), column: fc.nat(), text: noise }),
  fc.record({ kind: fc.constant('cell' as const), at: fc.nat(), text: noise }),
);
export type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

export function mutate(text: string, mutations: Mutation[]): string {
  const lines = text.split('\n');
  for (const m of mutations) {
    const i = m.at % Math.max(1, lines.length);
    if (m.kind === 'delete') lines.splice(i, 1);
    else if (m.kind === 'duplicate') lines.splice(i, 0, lines[i] ?? '');
    else if (m.kind === 'swap') {
      const j = m.with % Math.max(1, lines.length);
      [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
    } else if (m.kind === 'truncate') lines[i] = (lines[i] ?? '').slice(0, m.keep % 40);
    else if (m.kind === 'insert') {
      const line = lines[i] ?? '';
      const c = m.column % (line.length + 1);
      lines[i] = line.slice(0, c) + m.text + line.slice(c);
    } else {
      // Replace one cell of a table row, whatever separates its cells.
      const line = lines[i] ?? '';
      const sep = line.includes('\t') ? '\t' : '|';
      const cells = line.split(sep);
      cells[m.at % cells.length] = m.text;
      lines[i] = cells.join(sep);
    }
  }
  return lines.join('\n');
}

/**
 * The property: check, then import and fmt of what was checked (as the
 * command line does: the input is parsed once), each end in a result.
 */
export function checkImportFormat(which: number, mutations: Mutation[]): void {
  const text = mutate(inputs[which]!, mutations);
  const result = checkReportBytes(Buffer.from(text), 'fuzzed.md');
  assert.ok(Array.isArray(result.diagnostics));
  for (const d of result.diagnostics) assert.ok(d.message.en.length > 0, `a ${d.rule} diagnostic without a message`);
  if (result.report) {
    assert.notEqual(importReport(result.text!, 'fuzzed.md', { checked: result }).text, null, 'import wrote nothing');
    assert.notEqual(formatReport(result.text!, 'fuzzed.md', { checked: result }).text, null, 'fmt wrote nothing');
  }
}

/** Shard `shard` of the mutated-report cases (its share of RUNS, under its own seed): null, or fast-check's report of the case that failed, shrunk. */
export function runShard(shard: number): string | null {
  try {
    fc.assert(fc.property(fc.nat({ max: inputs.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 }), checkImportFormat), {
      numRuns: Math.ceil(RUNS / SHARDS),
      seed: SEED + shard,
    });
    return null;
  } catch (error) {
    return `shard ${shard + 1} of ${SHARDS}: ${(error as Error).message}`;
  }
}
