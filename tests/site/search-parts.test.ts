// The search index in parts (src/site/search-index.ts), with parts of three
// pages so that eight reports need three per language: every report is found
// from its language's search page whichever part holds it, no search page
// shows the other language's pages, and an edit re-indexes only the part of
// each language that holds the edited report.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { generateCorpus } from '../../bench/generate.ts';
import { readYaml } from '../../src/read/yaml.ts';
import { launchBrowser } from './browser.ts';
import { build as buildSite } from './build-helpers.ts';
import { serveSite } from './static-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-search-parts-'));
const content = join(dir, 'content');
const out = join(dir, '_site');
const env = { GONGKAI_SEARCH_PART: '3', GONGKAI_CACHE_DIR: join(dir, 'cache'), GONGKAI_TIMINGS: '1' };
let browser: Browser;
let site: { url: string; close: () => Promise<void> };

async function build(): Promise<{ search_parts: number; search_indexed: number }> {
  const { code, stderr } = await buildSite(content, out, env);
  expect(code, stderr).toBe(0);
  return JSON.parse(/\{"search_s".*\}/.exec(stderr)![0]) as { search_parts: number; search_indexed: number };
}

const reports = () => readdirSync(join(content, 'reports'), { recursive: true }).map(String).filter((f) => /\d{4}\.md$/.test(f)).sort();

/** The addresses the search page of `lang` lists for `query`. */
async function search(lang: 'zh' | 'en', query: string): Promise<string[]> {
  const page = await browser.newPage();
  await page.goto(`${site.url}${lang === 'en' ? '/en' : ''}/search/?q=${encodeURIComponent(query)}`);
  const links = page.locator('.pagefind-ui__result-link');
  await links.first().waitFor({ timeout: 15_000 });
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  await page.close();
  return hrefs;
}

beforeAll(async () => {
  await generateCorpus({ reports: 8, seed: 5, out: content });
  const first = await build();
  expect(first).toMatchObject({ search_parts: 6, search_indexed: 6 });
  site = await serveSite(out);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the search index in parts', () => {
  it('has three parts per language, and each search page loads its own', () => {
    for (const lang of ['zh', 'en']) for (const k of [0, 1, 2]) expect(existsSync(join(out, 'pagefind', `${lang}-${k}`, 'pagefind-entry.json'))).toBe(true);
    expect(readFileSync(join(out, 'search', 'index.html'), 'utf8')).toContain('mergeIndex: [{"bundlePath":"/pagefind/zh-1/"},{"bundlePath":"/pagefind/zh-2/"}]');
    expect(readFileSync(join(out, 'en', 'search', 'index.html'), 'utf8')).toContain('src="/pagefind/en-0/pagefind-ui.js"');
  });

  it("finds every report by its agency's name, in either language, whichever part holds it", async () => {
    const registry = readYaml(readFileSync(join(content, 'agencies.yaml'), 'utf8')) as { slug: string; name: { zh: string; en: string } }[];
    for (const report of reports()) {
      const [slug, file] = report.split('/');
      const agency = registry.find((a) => a.slug === slug)!;
      const path = `/reports/${slug}/${file!.slice(0, 4)}/`;
      const zh = await search('zh', agency.name.zh);
      expect(zh, agency.name.zh).toContain(path);
      expect(zh.filter((href) => href.startsWith('/en/'))).toEqual([]);
      const en = await search('en', agency.name.en);
      expect(en, agency.name.en).toContain(`/en${path}`);
      expect(en.filter((href) => !href.startsWith('/en/'))).toEqual([]);
    }
  }, 240_000);

  it('re-indexes, after an edit, only the part of each language that holds the edited report', async () => {
    const report = reports()[5]!;
    const file = join(content, 'reports', report);
    writeFileSync(file, readFileSync(file, 'utf8').replace('## 五、存在的主要问题及改进情况\n', '## 五、存在的主要问题及改进情况\n\n档案数字化试点工作顺利推进。\n'));
    expect(await build()).toMatchObject({ search_parts: 6, search_indexed: 2 });
    const [slug, name] = report.split('/');
    expect(await search('zh', '档案数字化试点')).toContain(`/reports/${slug}/${name!.slice(0, 4)}/`);
  }, 240_000);
});
