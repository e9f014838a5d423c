// No crash on any input: the seed and the corpus fixtures, mutated line by
// line and character by character (mutate.ts), their shards run on worker
// threads side by side; whole files of noise; and the crashes the suite
// found, kept as regressions. FUZZ_RUNS raises the number of cases.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Worker } from 'node:worker_threads';
import { checkReportBytes } from '../../src/report.ts';
import { RUNS, SHARDS, inputs, mutate } from './mutate.ts';

function shardOnWorker(shard: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./shard-worker.mjs', import.meta.url), { workerData: shard });
    worker.once('message', (failure: string | null) => resolve(failure));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`shard ${shard + 1} exited (${code}) without a result`)));
  });
}

describe('fuzz', () => {
  it(`check, import and fmt end in a result on ${RUNS} mutated reports (${SHARDS} shards)`, async () => {
    const failures = await Promise.all(Array.from({ length: SHARDS }, (_, shard) => shardOnWorker(shard)));
    expect(failures.filter(Boolean).join('\n\n')).toBe('');
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
