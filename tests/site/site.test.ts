// The built site in a real browser (Debian's chromium): every page type in
// both languages free of accessibility violations, the language switch,
// search, and the seed report with its figures, translation and
// reconstructed cells.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { launchBrowser } from './browser.ts';
import { serveSite } from './static-server.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SEED = 'reports/beijing-xicheng-zgc-xicheng-park/2021/';
const PAGES = ['', SEED, 'agencies/', 'agencies/beijing-xicheng-zgc-xicheng-park/', 'years/', 'years/2021/', 'data/', 'about/', 'search/', '404.html'];

let site: { url: string; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'gongkai-site-')), '_site');
  // As a user builds it: Eleventy loads .eleventy.ts through the CLI's TypeScript loader.
  await promisify(execFile)('npm', ['run', '--silent', 'gongkai', '--', 'build', '--out', out], { cwd: join(import.meta.dirname, '..', '..') });
  site = await serveSite(out);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  const outside: string[] = [];
  // No request may leave the site.
  page.on('request', (r) => { if (!r.url().startsWith(site.url)) outside.push(r.url()); });
  await page.goto(`${site.url}/${path}`);
  (page as Page & { outside: string[] }).outside = outside;
  return page;
}

describe.each(['zh', 'en'])('every page type in %s', (lang) => {
  it.each(PAGES)('/%s has no accessibility violations and requests nothing from elsewhere', async (path) => {
    const page = await open(lang === 'en' ? `en/${path}` : path);
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, rules: { 'td-headers-attr': { enabled: true }, 'th-has-data-cells': { enabled: true } } });
    });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(await page.getAttribute('html', 'lang')).toBe(lang === 'en' ? 'en' : 'zh-CN');
    expect((page as Page & { outside: string[] }).outside).toEqual([]);
    await page.close();
  });
});

describe('the language switch', () => {
  it.each(PAGES.filter((p) => p !== '404.html'))('leads from /%s to the same page in English and back', async (path) => {
    const page = await open(path);
    expect(await page.getAttribute(`link[rel="alternate"][hreflang="en"]`, 'href')).toBe(`/en/${path}`);
    expect(await page.getAttribute(`link[rel="alternate"][hreflang="zh-CN"]`, 'href')).toBe(`/${path}`);
    await page.click('a.lang-switch');
    expect(page.url()).toBe(`${site.url}/en/${path}`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.click('a.lang-switch');
    expect(page.url()).toBe(`${site.url}/${path}`);
    await page.close();
  });
});

describe('search', () => {
  it.each([
    ['search/?q=予以公开', 'zh'],
    ['search/?q=西城园管理委员会', 'zh'],
    ['en/search/?q=partially granted', 'en'],
    ['en/search/?q=Zhongguancun', 'en'],
  ])('%s finds the seed report', async (path, lang) => {
    const page = await open(path);
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 15_000 });
    expect(await result.getAttribute('href')).toBe(lang === 'en' ? `/en/${SEED}` : `/${SEED}`);
    await page.close();
  });
});

describe('the seed report page', () => {
  it('shows its figures in the official layout, blanks and reconstructed cells marked', async () => {
    const page = await open(SEED);
    const row = (label: string) => page.locator('table.t3 tr', { has: page.locator(`th:text-is("${label}")`) }).locator('td');
    expect(await row('一、本年新收政府信息公开申请数量').allInnerTexts()).toEqual(['2', '0', '0', '0', '0', '0', '2']);
    expect(await row('（七）总计').allInnerTexts()).toEqual(['2', '0', '0', '0', '0', '0', '2']);
    // 予以公开: 1 … 1 read; one of the five organisation cells was lost and reconstructed.
    expect(await row('（一）予以公开').evaluateAll((cells) => cells.map((c) => c.classList.contains('reconstructed')))).toEqual([false, true, true, true, true, true, false]);
    // 12 rows read as 0,0,0,0,0,0 (any cell may be the lost one) and 2 rows read as 1,0,0,0,0,1 (one of five).
    expect(await page.locator("td.reconstructed").count()).toBe(12 * 7 + 2 * 5);
    expect(await page.locator('.data-notes li').count()).toBe(14);
    expect(await page.locator('table.t2 td').filter({ hasText: '8840.00' }).count()).toBe(1);
    await page.close();
  });

  it('in English, shows the translated narrative and English table labels', async () => {
    const page = await open(`en/${SEED}`);
    expect(await page.locator('h1').innerText()).toBe('2021 Annual Report on Government Information Disclosure');
    expect(await page.locator('#section-1 .narrative').innerText()).toContain('First, continuing to step up information disclosure.');
    expect(await page.locator('.untranslated').count()).toBe(0);
    expect(await page.locator('table.t3 caption').innerText()).toBe('Table 3: Requests received and handled');
    expect(await page.locator('table.t3 th:text-is("(1) Granted")').count()).toBe(1);
    await page.close();
  });

  it('reads without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/${SEED}`);
    expect(await page.locator("table.t3 td.num").count()).toBe(23 * 7);
    await context.close();
  });

  it('lets its tables scroll in their own frame on a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/${SEED}`);
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, frame: document.querySelector('.t3')!.closest('.table-frame')!.scrollWidth, viewport: window.innerWidth }));
    expect(widths.page).toBe(widths.viewport);
    expect(widths.frame).toBeGreaterThan(widths.viewport);
    await context.close();
  });

  it('links its data, which downloads', async () => {
    const page = await open(SEED);
    const hrefs = await page.locator('#downloads a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual([`/${SEED}report.json`, `/${SEED}report.csv`, `/${SEED}report.md`, '/data/report.schema.json']);
    const json = await (await fetch(`${site.url}/${SEED}report.json`)).json();
    expect(json).toMatchObject({ agencySlug: 'beijing-xicheng-zgc-xicheng-park', year: 2021, format: '2019' });
    const csv = await (await fetch(`${site.url}/${SEED}report.csv`)).text();
    expect(csv.split('\n')[0]).toBe('agency_slug,agency_zh,agency_en,year,format,table,row_key,row_zh,row_en,column_key,column_zh,column_en,value,status');
    expect(csv).toContain(',table3,granted,三、本年度办理结果/（一）予以公开,III. Outcomes this year / (1) Granted,commercial,商业企业,Commercial enterprises,0,reconstructed');
    await page.close();
  });
});

describe('print', () => {
  it('prints a report as a clean document: no navigation, charts or downloads', async () => {
    const page = await open(SEED);
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) => page.locator(selector).first().evaluate((e) => getComputedStyle(e).display !== 'none');
    expect(await shown('.site-nav')).toBe(false);
    expect(await shown('#charts')).toBe(false);
    expect(await shown('#downloads')).toBe(false);
    expect(await shown('table.t3')).toBe(true);
    await page.close();
  });
});
