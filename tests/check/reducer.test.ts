// A check worker reduces the checks it makes itself (src/check/reducer.ts)
// and sends back only what is kept: the values are those the main thread
// makes from the same checks, whichever thread checked a report, and a warm
// run from the cache gives them again.

import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.ts';
import { checkFilesReduced, checkReportFiles } from '../../src/check/check-files.ts';
import { reducer } from '../../src/check/reducer.ts';
import type { makeTagged } from './tagged-reducer.ts';

type Tagged = ReturnType<ReturnType<typeof makeTagged>>;
/** What a value says of its report (not which thread or reduction made it). */
const kept = (values: Tagged[]) => values.map(({ file, agency, received }) => ({ file, agency, received }));
const tagged = (tag: string) => reducer<{ tag: string }, Tagged>(new URL('./tagged-reducer.ts', import.meta.url).href, 'makeTagged', { tag });

/** A generated corpus's report files (English companions included), and a cache folder for it. */
async function corpus(reports: number, seed: number) {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-reducer-'));
  await generateCorpus({ reports, seed, out: join(dir, 'content') });
  const files = readdirSync(join(dir, 'content', 'reports'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  return { files, cacheDir: join(dir, 'cache') };
}

describe('checkFilesReduced on worker threads', () => {
  it('reduces each check on the thread that made it, to what the main thread makes of it', async () => {
    const { files, cacheDir } = await corpus(64, 5);
    expect(files.length).toBeGreaterThan(64); // with English companions

    const cold = await checkFilesReduced(files, tagged('cold'), { cacheDir, threads: 2 });
    // Both threads checked some: the worker's values came back reduced.
    expect(cold.some((v) => v.thread === 0)).toBe(true);
    expect(cold.some((v) => v.thread !== 0)).toBe(true);
    expect(cold.every((v) => v.tag === 'cold' && v.key !== null)).toBe(true);

    // The same values as reduced on the main thread from the whole results (no cache, one thread)...
    const whole = await checkReportFiles(files, { cacheDir: null, threads: 1 });
    const expected = whole.map((r) => ({ file: r.file, agency: r.report?.agency ?? null, received: r.report?.tables.table3?.rows.find((x) => x.key === 'received')?.values ?? null }));
    expect(kept(cold)).toEqual(expected);
    expect(expected.some((e) => e.received !== null)).toBe(true);

    // ...and again from the cache, on the main thread alone.
    const warm = await checkFilesReduced(files, tagged('warm'), { cacheDir, threads: 2 });
    expect(warm.every((v) => v.thread === 0 && v.tag === 'warm')).toBe(true);
    expect(kept(warm)).toEqual(expected);
    expect(warm.map((v) => v.key)).toEqual(cold.map((v) => v.key));

    // Misses among hits (their cache entries gone) are found as the files are read and checked on both threads: the same values, in order.
    const entries = readdirSync(cacheDir, { recursive: true }).map(String).filter((f) => f.endsWith('.json') && /^[0-9a-f]{2}\//.test(f));
    const gone = entries.filter((_, i) => i % 3 !== 0);
    for (const f of gone) rmSync(join(cacheDir, f));
    const mixed = await checkFilesReduced(files, tagged('mixed'), { cacheDir, threads: 2 });
    expect(kept(mixed)).toEqual(expected);
    // The worker checked only misses, and some of them.
    const missed = new Set(gone.map((f) => f.slice(3, -'.json'.length)));
    const onWorker = mixed.filter((v) => v.thread !== 0);
    expect(onWorker.length).toBeGreaterThan(0);
    expect(onWorker.every((v) => missed.has(v.key!))).toBe(true);
  }, 120_000);

  it("says why when a worker's check fails, once every file is read", async () => {
    const { files, cacheDir } = await corpus(48, 6);
    const failing = reducer<{ tag: string; failOnWorker: boolean }, Tagged>(new URL('./tagged-reducer.ts', import.meta.url).href, 'makeTagged', { tag: 'fails', failOnWorker: true });
    await expect(checkFilesReduced(files, failing, { cacheDir, threads: 2 })).rejects.toThrow("a worker's reduction failed on");
  }, 120_000);
});

describe('the index of reductions', () => {
  it('gives back what was made of each check while the check is in the cache as it was, without loading it', async () => {
    const { files, cacheDir } = await corpus(12, 6);
    const entry = (key: string | null) => join(cacheDir, key!.slice(0, 2), `${key}.json`);
    const first = await checkFilesReduced(files, tagged('index'), { cacheDir, threads: 1 });
    // Each value as made then (the reduction counts what it makes: none made again).
    expect(await checkFilesReduced(files, tagged('index'), { cacheDir, threads: 1 })).toEqual(first);

    // One check gone from the cache, another of another size: those two are made again, the others given back.
    rmSync(entry(first[0]!.key));
    appendFileSync(entry(first[1]!.key), ' ');
    const third = await checkFilesReduced(files, tagged('index'), { cacheDir, threads: 1 });
    expect(third.slice(2)).toEqual(first.slice(2));
    expect(third.slice(0, 2).map((v) => v.made)).not.toEqual(first.slice(0, 2).map((v) => v.made));
    expect(kept(third)).toEqual(kept(first));

    // Another reduction (other options) is made from the checks, not taken from this one's index.
    const other = await checkFilesReduced(files, tagged('other'), { cacheDir, threads: 1 });
    expect(other.every((v) => v.tag === 'other')).toBe(true);
    expect(kept(other)).toEqual(kept(first));
  }, 120_000);
});
