// Each output is written as made, into the folders it needs, unless kept.
// A large build shares its reports with a helper thread: the files it writes
// are those one thread writes alone, byte for byte, the datasets' pieces in
// the order of the reports whoever made them; and a report changed after the
// build read it stops the build.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../../bench/generate.ts';
import { setCheckDefaults, whenACoreIsFree } from '../../src/check/check-files.ts';
import { buildSite, loadPublished, schemaJson } from '../../src/site/site-data.ts';
import { outputFile, record, stampOf } from '../../src/site/incremental.ts';
import { RENDERED_IN_BULK } from '../../src/site/render-pages.ts';
import { ChangedDuringBuild } from '../../src/site/whole-report.ts';
import { outputWriter, pagesAfterReports, spawnHelper, startHelperEarly, writeOutputs, type SpawnedHelper } from '../../src/site/write-outputs.ts';
import { files } from './build-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-outputs-'));
const content = join(dir, 'content');
const cacheDir = join(dir, 'cache');
const config = { rules: {} };

async function site(remember = false) {
  setCheckDefaults({ cacheDir, threads: 1, remember });
  const { published, errors } = await loadPublished(content, config);
  expect(errors).toEqual([]);
  return buildSite(published, schemaJson());
}

/** Both folders hold the same files, byte for byte; the second's files. */
function expectSameFiles(a: string, b: string) {
  const one = files(a);
  const two = files(b);
  expect([...two.keys()].sort()).toEqual([...one.keys()].sort());
  expect([...one].filter(([path, bytes]) => !bytes.equals(two.get(path)!)).map(([path]) => path)).toEqual([]);
  return two;
}

/** The file at `path` is the same in both folders, byte for byte (compared as bytes: Vitest's toEqual takes seconds a megabyte). */
const expectSameFile = (a: string, b: string, path: string) => expect(readFileSync(join(a, path)).equals(readFileSync(join(b, path))), path).toBe(true);

beforeAll(async () => {
  await generateCorpus({ reports: 40, seed: 5, out: content });
}, 60_000);
afterEach(() => setCheckDefaults({ cacheDir: null, threads: 1, remember: false }));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writing the outputs', () => {
  it('writes a download given as its text or as its parts in order, into folders it makes, and leaves out what is kept', () => {
    const out = join(dir, 'writer');
    const writer = outputWriter(new Set(['/kept/report.json']), out);
    writer.download({ url: '/a/b/report.json', content: '{"名称":"一"}\n' });
    writer.download({ url: '/a/c/parts.csv', content: ['甲,1\n', '', '乙,2\n'] });
    writer.download({ url: '/kept/report.json', content: 'not written' });
    expect(readFileSync(join(out, 'a/b/report.json'), 'utf8')).toBe('{"名称":"一"}\n');
    expect(readFileSync(join(out, 'a/c/parts.csv'), 'utf8')).toBe('甲,1\n乙,2\n');
    expect(existsSync(join(out, 'kept'))).toBe(false);
  });
});

describe('copying the datasets’ pieces from the last build', () => {
  /** A site written from nothing and its manifest, as a next build finds them. */
  async function lastBuild(name: string) {
    const made = await site();
    const last = join(dir, name);
    const { pieces } = await writeOutputs(made, new Set(), last);
    const manifest = await record([...made.pages, ...made.downloads], last, pieces);
    // Every page and download kept, the datasets to write again (as after an edit, whose pages are the edited report's).
    const datasetUrls = made.datasets.map((d) => d.url);
    const allButDatasets = new Set([...made.pages, ...made.downloads].map((o) => o.url).filter((url) => !datasetUrls.includes(url)));
    return { made, last, manifest, allButDatasets, datasetUrls };
  }

  /** `write` run with the report cache moved away: a report whose check is loaded stops it. */
  async function withoutCache<T>(write: () => Promise<T>): Promise<T> {
    renameSync(cacheDir, `${cacheDir}.away`);
    try {
      return await write();
    } finally {
      renameSync(`${cacheDir}.away`, cacheDir);
    }
  }

  /** The reports, in order, of a JSON dataset written into `out`. */
  const reportsIn = (out: string, url: string) => (JSON.parse(readFileSync(join(out, outputFile(url)), 'utf8')) as { agencySlug: string; year: number }[]).map((r) => `${r.agencySlug}/${r.year}`);

  it('records where each report’s pieces lie, and copies them: the same datasets, no report’s check loaded', async () => {
    const { made, last, manifest, allButDatasets, datasetUrls } = await lastBuild('last-all');
    for (const url of datasetUrls) expect(Object.keys(manifest[outputFile(url)]!.pieces!).sort()).toEqual(made.byReport.map((r) => r.pieceKey).sort());
    // Without the last build, the pieces are made from the reports' checks, which cannot be loaded now.
    await expect(withoutCache(() => writeOutputs(made, allButDatasets, join(dir, 'not-copied')))).rejects.toBeInstanceOf(ChangedDuringBuild);
    const out = join(dir, 'copied-all');
    const result = await withoutCache(() => writeOutputs(made, allButDatasets, out, null, { manifest, dir: last }));
    for (const url of datasetUrls) expectSameFile(out, last, outputFile(url));
    // Recorded again where they now lie: the same places.
    for (const url of datasetUrls) expect(result.pieces.get(url)).toEqual(manifest[outputFile(url)]!.pieces);
  }, 120_000);

  it('copies a piece from where the manifest says it lies, and makes those it does not know', async () => {
    const { made, last, manifest, allButDatasets } = await lastBuild('last-some');
    const [first, second, third] = made.byReport.map((r) => r.pieceKey);
    const json = made.datasets.find((d) => d.url.endsWith('.json'))!.url;
    for (const d of made.datasets) {
      const table = manifest[outputFile(d.url)]!.pieces!;
      [table[first!], table[third!]] = [table[third!]!, table[first!]!]; // the first and third reports' pieces trade places
      delete table[second!]; // the second report's is made again
    }
    const names = made.byReport.map((r) => `${r.published.slug}/${r.published.year}`);
    for (const source of [null, { cacheDir, from: 0, mainTakes: false }]) {
      const out = join(dir, source ? 'copied-by-helper' : 'copied-some');
      await writeOutputs(made, allButDatasets, out, source, { manifest, dir: last });
      expect(reportsIn(out, json)).toEqual([names[2], names[1], names[0], ...names.slice(3)]);
    }
  }, 120_000);

  it('makes every piece again when the last build’s dataset is not the file it recorded', async () => {
    const { made, last, manifest, allButDatasets, datasetUrls } = await lastBuild('last-changed');
    appendFileSync(join(last, outputFile(datasetUrls[0]!)), '\n');
    await expect(withoutCache(() => writeOutputs(made, allButDatasets, join(dir, 'changed-last'), null, { manifest, dir: last }))).rejects.toBeInstanceOf(ChangedDuringBuild);
    const out = join(dir, 'remade');
    await writeOutputs(made, allButDatasets, out, null, { manifest, dir: last });
    const expected = join(dir, 'last-all');
    for (const url of datasetUrls) expectSameFile(out, expected, outputFile(url));
  }, 120_000);
});

describe('writing the outputs with a helper thread', () => {
  it('writes the same files as one thread, the datasets in order', async () => {
    const made = await site();
    const alone = await writeOutputs(made, new Set(), join(dir, 'alone'));
    expect(alone.helped).toBe(0);
    const shared = await writeOutputs(made, new Set(), join(dir, 'shared'), { cacheDir, from: 0 });
    // How many the helper makes depends on how soon it has loaded the site again (the next test makes sure it does).
    expect(shared.helped).toBeLessThan(made.byReport.length);
    const two = expectSameFiles(join(dir, 'alone'), join(dir, 'shared'));
    const dataset = JSON.parse(two.get('data/gongkai.json')!.toString()) as { agencySlug: string; year: number }[];
    expect(dataset.map((r) => `${r.agencySlug}/${r.year}`)).toEqual(made.byReport.map((r) => `${r.published.slug}/${r.published.year}`));
  }, 120_000);

  it('has the helper make reports, and the same files as one thread', async () => {
    const made = await site();
    const out = join(dir, 'helped');
    const result = await writeOutputs(made, new Set(), out, { cacheDir, from: 0, first: true });
    expect(result.helped).toBeGreaterThan(0);
    expectSameFiles(join(dir, 'alone'), out);
    // Each file either thread wrote is stamped as it is on disk, for the manifest: every page rendered in bulk and every download but the datasets (appended to to the end).
    const bulk = [...made.pages.filter((p) => RENDERED_IN_BULK.has(p.kind)), ...made.downloads].filter((o) => !made.datasets.some((d) => d.url === o.url));
    expect([...result.stamps.keys()].sort()).toEqual(bulk.map((o) => o.url).sort());
    for (const [url, stamp] of result.stamps) expect(stamp).toEqual(stampOf(statSync(join(out, outputFile(url)))));
  }, 120_000);

  it('has the helper make every output when the main thread takes none, the agencies’ pages after the reports, the same files as one thread', async () => {
    const made = await site();
    expect(pagesAfterReports(made).map((p) => p.kind)).toEqual(made.pages.filter((p) => p.kind === 'agency').map((p) => p.kind));
    expect(pagesAfterReports(made).length).toBeGreaterThan(0);
    const out = join(dir, 'helper-alone');
    const result = await writeOutputs(made, new Set(), out, { cacheDir, from: 0, mainTakes: false });
    expect(result).toMatchObject({ helped: made.byReport.length, helperFailed: false });
    expectSameFiles(join(dir, 'alone'), out);
  }, 120_000);

  it('makes the pages a helper that stopped short among them left', async () => {
    const made = await site();
    const out = join(dir, 'stopped-in-pages');
    // Its outputs number `made.byReport.length` and on are the agencies' pages: it makes every report and one page, then stops.
    const result = await writeOutputs(made, new Set(), out, { cacheDir, from: 0, mainTakes: false, stopAt: made.byReport.length + 1 });
    expect(result).toMatchObject({ helped: made.byReport.length, helperFailed: true });
    expectSameFiles(join(dir, 'alone'), out);
  }, 120_000);

  /** A helper started as a first build starts it (build.ts): once the reports are checked, before the site data is made. */
  async function startedEarly(out: string) {
    setCheckDefaults({ cacheDir, threads: 1 });
    const { published } = await loadPublished(content, config);
    const early = startHelperEarly(published, out, cacheDir, 0);
    expect(early).not.toBeNull();
    return { early: early!, made: buildSite(published, schemaJson()) };
  }

  it('uses a helper started before the site data was made, and makes the same files', async () => {
    const out = join(dir, 'early');
    const { early, made } = await startedEarly(out);
    const result = await writeOutputs(made, new Set(), out, { cacheDir, early, from: 0, first: true });
    expect(result.helped).toBeGreaterThan(0);
    expectSameFiles(join(dir, 'alone'), out);
  }, 120_000);

  it('uses a helper spawned as soon as a core is free of checking (a first build\'s), given the reports once they are checked', async () => {
    const out = join(dir, 'spawned');
    // A cache of its own: every report is checked, on two threads.
    setCheckDefaults({ cacheDir: join(dir, 'spawned-cache'), threads: 2 });
    const spawned: SpawnedHelper[] = [];
    whenACoreIsFree(() => spawned.push(spawnHelper(256)));
    const { published, errors } = await loadPublished(content, config);
    whenACoreIsFree(null);
    expect(errors).toEqual([]);
    expect(spawned.length).toBe(1);
    const early = startHelperEarly(published, out, join(dir, 'spawned-cache'), 0, spawned[0]!);
    const result = await writeOutputs(buildSite(published, schemaJson()), new Set(), out, { cacheDir: join(dir, 'spawned-cache'), early, from: 0, first: true });
    expect(result.helped).toBeGreaterThan(0);
    expectSameFiles(join(dir, 'alone'), out);
  }, 120_000);

  it('has a helper started early make outputs before the main thread reaches them, its datasets\' pieces kept until it does', async () => {
    const out = join(dir, 'early-alone');
    const { early, made } = await startedEarly(out);
    // Done before anyone listens: it made every output on its own, however little there is to make.
    await early.done;
    expect(readdirSync(out).length).toBeGreaterThan(0);
    const result = await writeOutputs(made, new Set(), out, { cacheDir, early, from: 1_000_000 });
    expect(result).toMatchObject({ helped: made.byReport.length, helperFailed: false });
    expectSameFiles(join(dir, 'alone'), out);
  }, 120_000);

  it('refuses a helper started early where outputs are kept: it makes them all', async () => {
    const out = join(dir, 'early-kept');
    const { early, made } = await startedEarly(out);
    await expect(writeOutputs(made, new Set([made.pages[0]!.url]), out, { cacheDir, early })).rejects.toThrow(/started at once/);
    await expect(early.done).rejects.toThrow();
  }, 120_000);

  it('gives the helper the reports without their whole checks, which it loads from the cache, when the preview server keeps them in memory', async () => {
    const made = await site(true);
    expect(made.byReport.every((r) => r.published.whole.kept !== null)).toBe(true);
    const out = join(dir, 'remembered');
    const result = await writeOutputs(made, new Set(), out, { cacheDir, from: 0, first: true });
    expect(result.helped).toBeGreaterThan(0);
    expectSameFiles(join(dir, 'alone'), out);
  }, 120_000);

  it('makes what a helper that stopped short left: the same files, the datasets in order', async () => {
    const made = await site();
    const out = join(dir, 'stopped');
    const result = await writeOutputs(made, new Set(), out, { cacheDir, from: 0, first: true, stopAt: 3 });
    expect(result).toMatchObject({ helped: 3, helperFailed: true });
    expectSameFiles(join(dir, 'alone'), out);
  }, 120_000);

  it('stops with ChangedDuringBuild when a report changed after the build read it', async () => {
    const made = await site();
    const file = made.byReport[5]!.published.file;
    writeFileSync(file, readFileSync(file, 'utf8').replace('## 一、总体情况', '## 一、总体情况\n\n改过的一段话。'));
    await expect(writeOutputs(made, new Set(), join(dir, 'changed'), { cacheDir, from: 0 })).rejects.toBeInstanceOf(ChangedDuringBuild);
  }, 120_000);
});
