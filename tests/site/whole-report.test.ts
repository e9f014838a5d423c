// A build keeps only a report's facts and loads its whole check again from
// the cache when its pages and downloads are made: the site it makes is the
// one made from results kept in memory, and a report that changed (or whose
// cache entry went) meanwhile stops the build rather than publish other text.

import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../../bench/generate.ts';
import { setCheckDefaults } from '../../src/check/check-files.ts';
import { buildSite, loadPublished, type Published, type Site } from '../../src/site/site-data.ts';
import { urls } from '../../src/site/urls.ts';
import { ChangedDuringBuild, changedDuringBuild } from '../../src/site/whole-report.ts';

const SEED = join(import.meta.dirname, '..', '..', 'content');

/** The seed and generated reports (some with English companions) in a fresh folder. */
async function corpus(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-whole-'));
  cpSync(SEED, join(dir, 'content'), { recursive: true });
  await generateCorpus({ reports: 24, seed: 11, out: join(dir, 'generated') });
  cpSync(join(dir, 'generated', 'reports'), join(dir, 'content', 'reports'), { recursive: true });
  // Two reports whose bytes are not their text: one with Windows line endings, one with a byte-order mark.
  const reports = readdirSync(join(dir, 'generated', 'reports'), { recursive: true }).map(String).filter((f) => /\d{4}\.md$/.test(f)).sort();
  const [crlf, bom] = reports.map((f) => join(dir, 'content', 'reports', f));
  writeFileSync(crlf!, readFileSync(crlf!, 'utf8').replaceAll('\n', '\r\n'));
  writeFileSync(bom!, `\uFEFF${readFileSync(bom!, 'utf8')}`);
  return join(dir, 'content');
}

async function load(content: string, cacheDir: string | null, threads = 1) {
  setCheckDefaults({ cacheDir, threads });
  const { published, errors } = await loadPublished(content, { rules: {} });
  expect(errors).toEqual([]);
  return published;
}

/**
 * Everything the site shows, made: every page with its body and charts,
 * every download's text (paths relative to the content). Not the pages'
 * fingerprints: a report's bytes are fingerprinted by its cache key when
 * it has one, by its text when not.
 */
function made(site: Site, content: string): string {
  const pages = site.pages.map(({ fingerprint: _, ...p }) => JSON.stringify({ ...p, body: 'body' in p ? p.body : null, charts: 'charts' in p ? p.charts : null }));
  const downloads = site.downloads.map((d) => `${d.url}\n${textOf(d.content)}`);
  return [...pages, ...downloads].join('\n').replaceAll(content, '<content>');
}

/** A download's content as text: its string, its bytes decoded, or its parts joined. */
const textOf = (content: Site['downloads'][number]['content']) => (typeof content === 'string' ? content : content instanceof Uint8Array ? new TextDecoder().decode(content) : [...content].join(''));

afterEach(() => setCheckDefaults({ cacheDir: null, threads: 1 }));

describe('reports loaded again from the cache', () => {
  it('make the same site as reports kept in memory, checked on threads or served from the cache', async () => {
    const content = await corpus();
    const cacheDir = mkdtempSync(join(tmpdir(), 'gongkai-whole-cache-'));
    const kept = await load(content, null);
    expect(kept.length).toBe(25);
    expect(kept.every((p) => p.whole.kept !== null)).toBe(true);
    const expected = made(buildSite(kept, '{}'), content);
    expect(expected).toContain('西城园管委会'); // the seed's narrative, in its page

    // Checked cold on two threads, then warm from the cache: only the facts kept, the rest loaded when made.
    for (const threads of [2, 1]) {
      const lean = await load(content, cacheDir, threads);
      expect(lean.every((p) => p.whole.kept === null && p.whole.text === null)).toBe(true);
      expect(made(buildSite(lean, '{}'), content)).toBe(expected);
    }
    // A report's source is published as the bytes read where they are its text already, decoded where not.
    const sources = buildSite(await load(content, cacheDir), '{}').downloads.filter((d) => d.url.endsWith('/report.md'));
    const asBytes = sources.filter((d) => d.content instanceof Uint8Array);
    expect(asBytes.length).toBe(sources.length - 2);
    expect(sources.filter((d) => typeof d.content === 'string').map((d) => textOf(d.content).includes('\r') || textOf(d.content).startsWith('\uFEFF'))).toEqual([false, false]);
  }, 120_000);

  it('stop the build when a report changed after it was checked, or its cache entry went', async () => {
    const content = await corpus();
    const cacheDir = mkdtempSync(join(tmpdir(), 'gongkai-whole-cache-'));
    const published = await load(content, cacheDir);
    const site = buildSite(published, '{}');
    const [first, second] = published as [Published, Published];
    const source = (p: Published) => site.downloads.find((d) => d.url === urls.download(p.slug, p.year, 'md'))!;

    // One byte more: the text checked is no longer the file's.
    writeFileSync(first.file, `${readFileSync(first.file, 'utf8')}\n`);
    expect(() => source(first).content).toThrow(ChangedDuringBuild);
    expect(() => source(first).content).toThrow(`${first.file} changed while the site was built; build again`);

    rmSync(cacheDir, { recursive: true });
    const page = site.pages.find((p) => p.url === urls.report('zh', second.slug, second.year))!;
    expect(() => (page as unknown as { body: unknown }).body).toThrow(`${second.file}: its cached check went missing while the site was built`);
  }, 120_000);

  it('are told apart from the rendering error Eleventy wraps them in', () => {
    const changed = new ChangedDuringBuild('content/reports/x/2021.md changed while the site was built; build again');
    // As Eleventy's errors keep the error they caught (EleventyBaseError's originalError), twice over.
    const wrapped = Object.assign(new Error('Having trouble writing to "_site/…" from "./templates/pages.njk"'), {
      originalError: Object.assign(new Error('Having trouble rendering njk template ./templates/pages.njk'), { originalError: changed }),
    });
    expect(changedDuringBuild(wrapped)).toBe(changed);
    expect(changedDuringBuild(new Error('another', { cause: changed }))).toBe(changed);
    expect(changedDuringBuild(Object.assign(new Error('a bug'), { originalError: new TypeError('x is undefined') }))).toBeNull();
  });
});
