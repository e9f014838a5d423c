// A check worker reduces the checks it makes itself (src/check/reducer.ts)
// and sends back only what is kept: the values are those the main thread
// makes from the same checks, whichever thread checked a report, and a warm
// run from the cache gives them again.

import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.ts';
import { checkFilesReduced, checkReportFiles } from '../../src/check/check-files.ts';
import { reducer } from '../../src/check/reducer.ts';
import type { makeTagged } from './tagged-reducer.ts';

type Tagged = ReturnType<ReturnType<typeof makeTagged>>;
const tagged = (tag: string) => reducer<{ tag: string }, Tagged>(new URL('./tagged-reducer.ts', import.meta.url).href, 'makeTagged', { tag });

describe('checkFilesReduced on worker threads', () => {
  it('reduces each check on the thread that made it, to what the main thread makes of it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-reducer-'));
    await generateCorpus({ reports: 64, seed: 5, out: join(dir, 'content') });
    const files = readdirSync(join(dir, 'content', 'reports'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.md'))
      .map((e) => join(e.parentPath, e.name))
      .sort();
    expect(files.length).toBeGreaterThan(64); // with English companions
    const cacheDir = join(dir, 'cache');

    const cold = await checkFilesReduced(files, tagged('cold'), { cacheDir, threads: 2 });
    // Both threads checked some: the worker's values came back reduced.
    expect(cold.some((v) => v.thread === 0)).toBe(true);
    expect(cold.some((v) => v.thread !== 0)).toBe(true);
    expect(cold.every((v) => v.tag === 'cold' && v.key !== null)).toBe(true);

    // The same values as reduced on the main thread from the whole results (no cache, one thread)...
    const whole = await checkReportFiles(files, { cacheDir: null, threads: 1 });
    const expected = whole.map((r) => ({ file: r.file, agency: r.report?.agency ?? null, received: r.report?.tables.table3?.rows.find((x) => x.key === 'received')?.values ?? null }));
    const kept = (values: Tagged[]) => values.map(({ file, agency, received }) => ({ file, agency, received }));
    expect(kept(cold)).toEqual(expected);
    expect(expected.some((e) => e.received !== null)).toBe(true);

    // ...and again from the cache, on the main thread alone.
    const warm = await checkFilesReduced(files, tagged('warm'), { cacheDir, threads: 2 });
    expect(warm.every((v) => v.thread === 0 && v.tag === 'warm')).toBe(true);
    expect(kept(warm)).toEqual(expected);
    expect(warm.map((v) => v.key)).toEqual(cold.map((v) => v.key));
  }, 120_000);
});
