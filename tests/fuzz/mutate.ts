// No crash on any input: the seed and the corpus fixtures, mutated line by
// line and character by character, always end in a result with diagnostics,
// never an exception. FUZZ_RUNS raises the number of cases.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { checkReportBytes } from '../../src/report.ts';
import { formatReport, importReport } from '../../src/edit/canonicalise.ts';
import { FORMS, REAL_DIR, REAL_REPORTS, SEED_FILE, readText } from '../helpers.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const inputs = [readText(SEED_FILE), ...REAL_REPORTS.flatMap((name) => FORMS.map((form) => readText(join(REAL_DIR, name, form))))];

/** Things real and hostile input holds. */
const noise = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('\u0000', '\t', '\r', '\u200b', '\ufeff', '|', '| --- |', '<table><tr><td rowspan="999999">', '</td></tr></table>', '**', '>'.repeat(200), '- '.repeat(200), '99999999999999999999999', '-0', '１２３', '—', '（三）', '第二十条第（一）项', '---\nagency: [\n---', '<script>alert(1)</script>', '[x](javascript:alert(1))'),
);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(), keep: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), column: fc.nat(), text: noise }),
  fc.record({ kind: fc.constant('cell' as const), at: fc.nat(), text: noise }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, mutations: Mutation[]): string {
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

describe('fuzz', () => {
  it(`check, import and fmt end in a result on ${RUNS} mutated reports`, () => {
    fc.assert(
      fc.property(fc.nat({ max: inputs.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 }), (which, mutations) => {
        const text = mutate(inputs[which]!, mutations);
        const result = checkReportBytes(Buffer.from(text), 'fuzzed.md');
        expect(Array.isArray(result.diagnostics)).toBe(true);
        for (const d of result.diagnostics) expect(d.message.en.length).toBeGreaterThan(0);
        if (result.report) {
          expect(importReport(text, 'fuzzed.md').text).not.toBeNull();
          expect(formatReport(text, 'fuzzed.md').text).not.toBeNull();
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261128) },
    );
  }, 600_000);

  it('survives whole files of noise', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => {
        expect(Array.isArray(checkReportBytes(bytes, 'noise.bin').diagnostics)).toBe(true);
      }),
      { numRuns: Math.ceil(RUNS / 3), seed: 7 },
    );
  });
});

describe('crashes the fuzz suite found, kept as regressions', () => {
  it('a table row cut to a lone "|" after a row that is only a pipe', () => {
    const text = mutate(inputs[6]!, [{ kind: 'truncate', at: 77359704, keep: 1693585321 }, { kind: 'duplicate', at: 0 }]);
    expect(checkReportBytes(Buffer.from(text), 'fuzzed.md').report).not.toBeNull();
  });
});
