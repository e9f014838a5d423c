// Incremental builds: a build keeps every page and download whose inputs did
// not change and makes the rest; the site it leaves is byte for byte the one
// a build from nothing makes, after no change, after an edit, and after a
// file of the last site was changed by hand.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../../bench/generate.ts';
import { build as buildSite, files } from './build-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-incremental-'));
const content = join(dir, 'content');
const cache = join(dir, 'cache');

/** A build that must succeed; how many outputs it made and kept (its GONGKAI_TIMINGS line). */
async function build(out: string, env: Record<string, string>): Promise<{ rendered: number; kept: number; phases: Record<string, number> }> {
  const { code, stderr } = await buildSite(content, out, { GONGKAI_TIMINGS: '1', ...env });
  expect(code, stderr).toBe(0);
  return JSON.parse(/\{"search_s".*\}/.exec(stderr)![0]) as { rendered: number; kept: number; phases: Record<string, number> };
}
const incremental = (out: string) => build(out, { GONGKAI_CACHE_DIR: cache });
const fromNothing = (out: string) => build(out, { GONGKAI_NO_CACHE: '1' });

function expectSameSite(a: string, b: string) {
  const x = files(a);
  const y = files(b);
  expect([...x.keys()].sort()).toEqual([...y.keys()].sort());
  const different = [...x].filter(([path, bytes]) => !bytes.equals(y.get(path)!)).map(([path]) => path);
  expect(different).toEqual([]);
}

const site = join(dir, '_site');
let total = 0;

beforeAll(async () => {
  await generateCorpus({ reports: 10, seed: 7, out: content });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('incremental build', () => {
  it('makes everything the first time, the same site as a build without a cache', async () => {
    const first = await incremental(site);
    expect(first.kept).toBe(0);
    // What the check made is indexed for the next run: the build's reductions, and the summaries a validate reads.
    expect(readdirSync(join(cache, 'reduced')).length).toBe(1);
    expect(readdirSync(join(cache, 'summaries')).length).toBe(1);
    total = first.rendered;
    expect(total).toBeGreaterThan(50);
    await fromNothing(join(dir, 'scratch-1'));
    expectSameSite(site, join(dir, 'scratch-1'));
  }, 240_000);

  it("writes every report's data into the site-wide datasets, in the order of the site's lists", () => {
    const written = files(site);
    const reportFiles = (ending: string) => [...written.keys()].filter((path) => path.startsWith('reports/') && path.endsWith(ending));
    const dataset = JSON.parse(written.get('data/gongkai.json')!.toString()) as { agencySlug: string; year: number }[];
    const own = reportFiles('/report.json').map((path) => JSON.parse(written.get(path)!.toString()) as { agencySlug: string; year: number });
    expect(dataset).toHaveLength(10);
    expect(new Set(dataset.map((r) => JSON.stringify(r)))).toEqual(new Set(own.map((r) => JSON.stringify(r))));
    // Newest first, then by agency.
    expect(dataset.map((r) => [r.year, r.agencySlug])).toEqual(dataset.map((r) => [r.year, r.agencySlug]).sort(([y1, a1], [y2, a2]) => Number(y2) - Number(y1) || String(a1).localeCompare(String(a2))));
    const csv = written.get('data/gongkai.csv')!.toString().split('\n');
    const rows = reportFiles('/report.csv').flatMap((path) => written.get(path)!.toString().split('\n').slice(1, -1));
    expect(csv[0]).toBe(written.get(reportFiles('/report.csv')[0]!)!.toString().split('\n')[0]);
    expect(csv.slice(1, -1).sort()).toEqual(rows.sort());
  });

  it('keeps everything when nothing changed, and the site stays the same', async () => {
    const before = files(site);
    const again = await incremental(site);
    expect(again).toMatchObject({ rendered: 0, kept: total });
    // The site in place is already this build's: no fresh folder made and swapped in.
    expect(Object.keys(again.phases)).toContain('unchanged');
    expect(files(site)).toEqual(before);
  }, 240_000);

  it('after an edit, makes only what the edited report shows up in, and the site is the one a full build makes', async () => {
    const reports = readdirSync(join(content, 'reports'), { recursive: true }).map(String).filter((f) => /\d{4}\.md$/.test(f)).sort();
    const edited = join(content, 'reports', reports[3]!);
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('## 五、存在的主要问题及改进情况\n', '## 五、存在的主要问题及改进情况\n\n这一段是编辑新加的。\n'));
    const folder = statSync(site).ino;
    writeFileSync(join(site, 'assets', 'gone.css'), 'an asset no longer among the templates');
    const after = await incremental(site);
    // Updated where it is (update-in-place.ts): the same folder, not a fresh one swapped in, as a site made whole would be.
    expect(statSync(site).ino).toBe(folder);
    expect(existsSync(join(site, 'assets', 'gone.css'))).toBe(false);
    // Its two pages, its three downloads, the two whole-site datasets; nothing else shows its narrative.
    expect(after.rendered).toBe(7);
    expect(after.kept).toBe(total - 7);
    await fromNothing(join(dir, 'scratch-2'));
    expectSameSite(site, join(dir, 'scratch-2'));
    const [slug, file] = reports[3]!.split('/');
    expect(readFileSync(join(site, 'reports', slug!, file!.slice(0, 4), 'index.html'), 'utf8')).toContain('这一段是编辑新加的。');
  }, 240_000);

  it('makes again a file of the last site that was changed by hand', async () => {
    const page = join(site, 'about', 'index.html');
    writeFileSync(page, 'changed by hand');
    const after = await incremental(site);
    expect(after.rendered).toBe(1);
    expectSameSite(site, join(dir, 'scratch-2'));
  }, 240_000);

  it('puts back a copied asset deleted by hand, though no page changed', async () => {
    rmSync(join(site, 'assets', 'site.css'));
    const after = await incremental(site);
    expect(after.rendered).toBe(0);
    expect(Object.keys(after.phases)).not.toContain('unchanged');
    expectSameSite(site, join(dir, 'scratch-2'));
  }, 240_000);
});
