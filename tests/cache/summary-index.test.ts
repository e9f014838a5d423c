// `validate` reads its reports' summaries from one file of the cache: the
// diagnostics must be exactly those of validating the whole reports, cold
// and warm, across reports and English companions too, and an edit of one
// byte must give the new result.

import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateFiles, validateSummaries } from '../../src/check/validate-files.ts';
import { reportFiles } from '../../src/cli/files.ts';
import { REAL_DIR, lineOf, setValue } from '../helpers.ts';

const config = { rules: {} };

/** A folder of reports: the bundled seed with its companion and the 平潭 series, 2022's carry-over changed so that rules across reports fire. */
function content(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-summaries-'));
  cpSync(join(import.meta.dirname, '..', '..', 'content'), join(dir, 'content'), { recursive: true });
  const pingtan = join(dir, 'content', 'reports', 'pingtan');
  mkdirSync(pingtan, { recursive: true });
  cpSync(join(REAL_DIR, '04-pingtan-2021', 'one-label-column.md'), join(pingtan, '2021.md'));
  const text2022 = readFileSync(join(REAL_DIR, '05-pingtan-2022', 'one-label-column.md'), 'utf8');
  writeFileSync(join(pingtan, '2022.md'), setValue(text2022, lineOf(text2022, '二、上年结转'), 0, '2').text);
  return join(dir, 'content');
}

async function both(dir: string, cacheDir: string) {
  const files = await reportFiles([dir]);
  const whole = (await validateFiles(files, config, { cacheDir: null, threads: 1 })).map((r) => ({ file: r.file, agency: r.report?.agency ?? null, year: r.report?.year ?? null, format: r.report?.format ?? null, diagnostics: r.diagnostics }));
  const summaries = await validateSummaries(files, config, { cacheDir, threads: 1 });
  return { whole, summaries };
}

describe('the summary index behind validate', () => {
  it('gives the diagnostics of whole reports, cold and warm, across reports and companions', async () => {
    const dir = content();
    const cacheDir = join(dir, '..', 'cache');
    const cold = await both(dir, cacheDir);
    expect(cold.summaries).toEqual(cold.whole);
    expect(cold.whole.flatMap((r) => r.diagnostics.map((d) => d.rule))).toContain('carry-over');
    expect(readdirSync(join(cacheDir, 'summaries'))).toHaveLength(1);
    // The companion's translation diagnostics are kept in the index too, by its bytes and its report.
    const [index] = readdirSync(join(cacheDir, 'summaries'));
    const stored = JSON.parse(readFileSync(join(cacheDir, 'summaries', index!), 'utf8')) as { translations: Record<string, unknown[]> };
    expect(Object.keys(stored.translations)).toHaveLength(1);
    const warm = await both(dir, cacheDir);
    expect(warm.summaries).toEqual(cold.whole);
  });

  it('never serves a stale result: one byte of a report or its companion changed, the new result', async () => {
    const dir = content();
    const cacheDir = join(dir, '..', 'cache');
    await both(dir, cacheDir);
    const file = join(dir, 'reports', 'pingtan', '2021.md');
    const text = readFileSync(file, 'utf8');
    // One figure of 予以公开 (自然人) changed: its row and column no longer add up.
    const line = lineOf(text, '（一）予以公开');
    writeFileSync(file, setValue(text, line, 0, '9').text);
    const edited = await both(dir, cacheDir);
    expect(edited.summaries).toEqual(edited.whole);
    expect(edited.summaries.find((r) => r.file === file)!.diagnostics.map((d) => d.rule)).toEqual(expect.arrayContaining(['table3-row-total']));
    const companion = join(dir, 'reports', 'beijing-xicheng-zgc-xicheng-park', '2021.en.md');
    writeFileSync(companion, readFileSync(companion, 'utf8').replace('## II.', '## X.'));
    const translated = await both(dir, cacheDir);
    expect(translated.summaries).toEqual(translated.whole);
    expect(translated.summaries.flatMap((r) => r.diagnostics.map((d) => d.rule))).toContain('translation-structure');
    // The companion removed: its diagnostics go with it.
    rmSync(companion);
    const removed = await both(dir, cacheDir);
    expect(removed.summaries).toEqual(removed.whole);
    expect(removed.summaries.flatMap((r) => r.diagnostics.map((d) => d.rule))).not.toContain('translation-structure');
  });

  it('is filled by validating whole reports too (as a build does): a validate after a build checks nothing again', async () => {
    const dir = content();
    const cacheDir = join(dir, '..', 'cache');
    const files = await reportFiles([dir]);
    const whole = await validateFiles(files, config, { cacheDir, threads: 1 });
    // Only the index is left: whatever validate needs must come from it.
    for (const entry of readdirSync(cacheDir)) if (entry !== 'summaries') rmSync(join(cacheDir, entry), { recursive: true });
    const summaries = await validateSummaries(files, config, { cacheDir, threads: 1 });
    expect(summaries).toEqual(whole.map((r) => ({ file: r.file, agency: r.report?.agency ?? null, year: r.report?.year ?? null, format: r.report?.format ?? null, diagnostics: r.diagnostics })));
    expect(readdirSync(cacheDir)).toEqual(['summaries']);
  });

  it('treats a damaged index as empty', async () => {
    const dir = content();
    const cacheDir = join(dir, '..', 'cache');
    const { whole } = await both(dir, cacheDir);
    const [index] = readdirSync(join(cacheDir, 'summaries'));
    writeFileSync(join(cacheDir, 'summaries', index!), '{"version": "x", "entr');
    expect((await both(dir, cacheDir)).summaries).toEqual(whole);
  });
});
