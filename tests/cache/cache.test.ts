// The cache never serves a stale result, and checking on worker threads
// gives exactly what checking on the main thread gives.

import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkReportFiles } from '../../src/check/check-files.ts';
import { reportFiles } from '../../src/cli/files.ts';
import { generateCorpus } from '../../bench/generate.ts';
import { ENTRY_ENCODING, ReportCache, cacheKey, toCached } from '../../src/cache/report-cache.ts';
import { importReport } from '../../src/edit/canonicalise.ts';
import { checkReportText } from '../../src/report.ts';
import { FORMS, REAL_DIR, REAL_REPORTS, SEED_FILE } from '../helpers.ts';

const strip = (results: Awaited<ReturnType<typeof checkReportFiles>>) => results.map((r) => ({ file: r.file, report: r.report, diagnostics: r.diagnostics, narrative: r.recognised?.narrative ?? null }));

describe('the report cache', () => {
  it('serves the same result from the cache as a fresh check', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'gongkai-cache-'));
    const files = [SEED_FILE, join(REAL_DIR, '05-pingtan-2022', 'html.md')];
    const fresh = strip(await checkReportFiles(files, { cacheDir: null, threads: 1 }));
    expect(strip(await checkReportFiles(files, { cacheDir, threads: 1 }))).toEqual(fresh);
    expect(readdirSync(cacheDir).length).toBeGreaterThan(0);
    expect(strip(await checkReportFiles(files, { cacheDir, threads: 1 }))).toEqual(fresh);
  });

  it('never serves a stale result: one byte changed, the new result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-cache-'));
    const cacheDir = join(dir, 'cache');
    const file = join(dir, 'report.md');
    cpSync(join(REAL_DIR, '02-pingtan-2019', 'one-label-column.md'), file);
    const [before] = await checkReportFiles([file], { cacheDir, threads: 1 });
    expect(before!.diagnostics).toEqual([]);
    // 予以公开 自然人 7 → 8: one byte.
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('| （一）予以公开 | 7 |', '| （一）予以公开 | 8 |'));
    const [after] = await checkReportFiles([file], { cacheDir, threads: 1 });
    expect(after!.diagnostics.map((d) => d.rule)).toEqual(['table3-row-total', 'table3-outcome-total']);
    writeFileSync(file, text);
    const [again] = await checkReportFiles([file], { cacheDir, threads: 1 });
    expect(again!.diagnostics).toEqual([]);
  });

  it("keys entries by path and bytes (and gongkai's code version)", () => {
    const bytes = readFileSync(SEED_FILE);
    expect(cacheKey('a.md', bytes)).toBe(cacheKey('a.md', bytes));
    expect(cacheKey('b.md', bytes)).not.toBe(cacheKey('a.md', bytes));
    const changed = Buffer.from(bytes);
    changed.writeUInt8(changed.at(-1)! ^ 1, changed.length - 1);
    expect(cacheKey('a.md', changed)).not.toBe(cacheKey('a.md', bytes));
  });

  it('treats a damaged entry as a miss', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'gongkai-cache-'));
    const fresh = strip(await checkReportFiles([SEED_FILE], { cacheDir, threads: 1 }));
    const key = cacheKey(SEED_FILE, readFileSync(SEED_FILE));
    const entry = join(cacheDir, key.slice(0, 2), `${key}.json`);
    const whole = readFileSync(entry);
    // Entries are written in place: a write cut short leaves a part of one, which is a miss and is written again.
    for (const cut of [1, 2]) {
      writeFileSync(entry, whole.subarray(0, whole.length - cut));
      expect(strip(await checkReportFiles([SEED_FILE], { cacheDir, threads: 1 }))).toEqual(fresh);
      expect(readFileSync(entry).equals(whole)).toBe(true);
    }
    writeFileSync(entry, '{"report": {"trunc', ENTRY_ENCODING);
    expect(strip(await checkReportFiles([SEED_FILE], { cacheDir, threads: 1 }))).toEqual(fresh);
    // An entry in another encoding (an older gongkai's UTF-8) does not read as one either.
    writeFileSync(entry, whole.toString(ENTRY_ENCODING), 'utf8');
    expect(strip(await checkReportFiles([SEED_FILE], { cacheDir, threads: 1 }))).toEqual(fresh);
    expect(readFileSync(entry).equals(whole)).toBe(true);
    expect(strip(await checkReportFiles([SEED_FILE], { cacheDir, threads: 1 }))).toEqual(fresh);
  });

  it('checks all the same when its entries cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-cache-'));
    const cacheDir = join(dir, 'not-a-folder');
    writeFileSync(cacheDir, 'a file where the cache would be');
    const fresh = strip(await checkReportFiles([SEED_FILE], { cacheDir: null, threads: 1 }));
    expect(strip(await checkReportFiles([SEED_FILE], { cacheDir, threads: 1 }))).toEqual(fresh);
    expect(strip(await checkReportFiles([SEED_FILE], { cacheDir, threads: 1 }))).toEqual(fresh);
  });
});

describe("the cache's packed cells", () => {
  const reports = [SEED_FILE, ...REAL_REPORTS.flatMap((name) => FORMS.map((form) => join(REAL_DIR, name, form)))].map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  // The seed imported: 14 rows reconstructed, their cells marked.
  reports.push({ file: 'imported.md', text: importReport(readFileSync(SEED_FILE, 'utf8'), SEED_FILE).text! });
  // Cell texts with the codec's separator in them, a blank and an invalid cell.
  const pingtan = readFileSync(join(REAL_DIR, '02-pingtan-2019', 'one-label-column.md'), 'utf8');
  reports.push({ file: 'odd-cells.md', text: pingtan.replace('| （一）予以公开 | 7 |', '| （一）予以公开 | 7:1:v:x |').replace('不计其他情形） | 1 |', '不计其他情形） | — |').replace('申请数量 | 23 |', '申请数量 | 1:2 |') });

  it('give back exactly the check stored: every real report in every form, reconstructed and odd cells', () => {
    const cache = new ReportCache(mkdtempSync(join(tmpdir(), 'gongkai-cells-')));
    const states = new Set<string>();
    let reconstructed = 0;
    for (const [i, { file, text }] of reports.entries()) {
      const checked = toCached(checkReportText(text, file));
      const before = JSON.stringify(checked);
      const key = `${String(i).padStart(2, '0')}${'0'.repeat(62)}`;
      cache.set(key, checked);
      expect(JSON.stringify(checked), `${file}: stored as it was`).toBe(before);
      expect(cache.get(key), file).toEqual(checked);
      const cells = [...(checked.report?.tables.table3?.rows ?? []), ...(checked.report?.tables.table2?.blocks ?? []).flatMap((b) => b.rows)].flatMap((r) => r.cells);
      for (const cell of cells) states.add(cell.state);
      reconstructed += cells.filter((c) => c.reconstructed).length;
    }
    // The cases the codec has to tell apart were all there.
    expect([...states].sort()).toEqual(['blank', 'invalid', 'value']);
    expect(reconstructed).toBeGreaterThan(0);
  });

  it('store a row\'s cells as strings, a third smaller than objects', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'gongkai-cells-'));
    const checked = toCached(checkReportText(reports[0]!.text, reports[0]!.file));
    const key = 'ab'.repeat(32);
    new ReportCache(cacheDir).set(key, checked);
    const stored = readFileSync(join(cacheDir, 'ab', `${key}.json`), ENTRY_ENCODING);
    const row = (JSON.parse(stored) as { report: { tables: { table3: { rows: { cells: unknown[] }[] } } } }).report.tables.table3.rows[0]!;
    expect(row.cells.every((c) => typeof c === 'string')).toBe(true);
    expect(stored.length).toBeLessThan(JSON.stringify(checked).length * 0.8);
  });
});

describe('worker threads', () => {
  it('give the same results as the main thread, in the same order', async () => {
    const files = [SEED_FILE, ...REAL_REPORTS.flatMap((name) => FORMS.map((form) => join(REAL_DIR, name, form)))];
    const main = strip(await checkReportFiles(files, { cacheDir: null, threads: 1 }));
    expect(strip(await checkReportFiles(files, { cacheDir: null, threads: 2 }))).toEqual(main);
  });

  it('share out many reports (two batches in hand each), write their cache entries, and agree with the main thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-threads-'));
    await generateCorpus({ reports: 60, seed: 5, out: join(dir, 'content') });
    const files = await reportFiles([join(dir, 'content')]);
    expect(files.length).toBe(60);
    const main = strip(await checkReportFiles(files, { cacheDir: null, threads: 1 }));
    const cacheDir = join(dir, 'cache');
    expect(strip(await checkReportFiles(files, { cacheDir, threads: 3 }))).toEqual(main);
    // What the workers wrote is what the main thread would have: served from the cache, the same.
    const entries = readdirSync(cacheDir, { recursive: true }).filter((f) => String(f).endsWith('.json'));
    expect(entries.length).toBe(60);
    expect(strip(await checkReportFiles(files, { cacheDir, threads: 1 }))).toEqual(main);
  }, 120_000);
});
