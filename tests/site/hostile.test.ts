// Hostile content on the built site, in a real browser (Debian's chromium):
// raw HTML, <script>, event handlers, javascript: and data: links and images
// in the narrative (Chinese and English), HTML in table cells, in front-matter
// fields, in the agency registry's names and in a report folder's name.
// Every page is loaded, and the search pages with results: no dialog opens,
// no payload runs, and neither the live DOM nor the built file holds a script
// the site did not write, an on* attribute or a dangerous URL; names show the
// hostile text as text. What the build must refuse, it refuses with a clear
// diagnostic.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browseSite } from './browser.ts';
import { build, files } from './build-helpers.ts';
import { hazards } from './hazards.ts';
import { IMG_TEXT, SCRIPT_TEXT, SLUG, hostileContent } from './hostile-content.ts';

const REPORT = `reports/${SLUG}/2021/`;
let out: string;
let pages: string[];
let site: Awaited<ReturnType<typeof browseSite>>;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-hostile-'));
  out = join(dir, '_site');
  const built = await build(hostileContent(dir), out);
  expect(built.code, built.stderr).toBe(0);
  pages = [...files(out).keys()].filter((f) => f.endsWith('.html')).map((f) => f.replace(/index\.html$/, '')).sort();
  site = await browseSite(out);
}, 180_000);

afterAll(() => site?.close());

type Visit = { page: Page; dialogs: string[]; errors: string[] };

/** Opens a page, recording every dialog (dismissed) and uncaught error. */
async function visit(path: string): Promise<Visit> {
  const page = await site.browser.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.url}/${path}`, { waitUntil: 'load' });
  return { page, dialogs, errors };
}

/** Nothing ran and nothing that could run is in the page as the browser has it. */
async function expectInert({ page, dialogs, errors }: Visit, path: string) {
  // Images that fail to load fire onerror after `load`: give them the time.
  await page.waitForTimeout(200);
  expect(dialogs, path).toEqual([]);
  expect(errors, path).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), path).toBeUndefined();
  expect(hazards(await page.content(), { searchPage: path.includes('search/') }), path).toEqual([]);
}

describe('a site built from hostile content', () => {
  it('has every page it should', () => {
    for (const p of ['', 'en/', REPORT, `en/${REPORT}`, `agencies/${SLUG}/`, `en/agencies/${SLUG}/`, 'years/2021/', 'search/', 'en/search/']) expect(pages).toContain(p);
  });

  it('gives a report whose folder name is markup a slug made of its words, never the markup', () => {
    expect(pages.filter((p) => p.startsWith('reports/x-'))).toEqual([expect.stringMatching(/^reports\/x-img-src-x-onerror-window-pwned-1-alert-1-[0-9a-f]{8}\/2021\/$/)]);
    for (const p of pages) expect(p).toMatch(/^[a-z0-9\-/.]*$/);
  });

  it('holds no script, event handler or dangerous URL in any built HTML file', () => {
    for (const path of pages) {
      const html = readFileSync(join(out, path.endsWith('.html') ? path : `${path}index.html`), 'utf8');
      expect(hazards(html, { searchPage: path.includes('search/') }), path).toEqual([]);
      // Not even a fragment of a payload reaches a page as markup.
      expect(html, path).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
      expect(html, path).not.toMatch(/<[a-z][^>]*=\s*["']?\s*(javascript|data|vbscript):/i);
    }
  });

  it('runs nothing on any page in the browser', async () => {
    for (const path of pages) {
      const v = await visit(path);
      await expectInert(v, path);
      await v.page.close();
    }
  }, 120_000);

  it('shows hostile names as text, on the report and agency pages of both languages', async () => {
    for (const [path, selector, text] of [
      [REPORT, '.report-agency', IMG_TEXT],
      [`en/${REPORT}`, '.report-agency', SCRIPT_TEXT],
      [`agencies/${SLUG}/`, 'h1', IMG_TEXT],
      [`agencies/${SLUG}/`, '.report-meta dd', '<svg onload="window.__pwned=1;alert(1)"></svg>'],
      [`en/agencies/${SLUG}/`, '.report-meta dd', IMG_TEXT],
      ['years/2021/', 'main li', IMG_TEXT],
    ] as const) {
      const v = await visit(path);
      expect(await v.page.locator(selector).first().innerText(), path).toContain(text);
      await v.page.close();
    }
  });

  it('drops raw HTML from the narrative and keeps Markdown links and images without their dangerous URLs', async () => {
    for (const path of [REPORT, `en/${REPORT}`]) {
      const v = await visit(path);
      const narrative = await v.page.locator('#section-1 .narrative').innerText();
      expect(narrative).toContain('HOSTILEMARK');
      expect(narrative).not.toContain('RAWBLOCK');
      expect(narrative).toContain('js link');
      // Each link keeps its words; any href it keeps is the site's own or http(s).
      const hrefs = await v.page.locator('#section-1 .narrative a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const href of hrefs) expect(href).toMatch(/^(https?:|mailto:|#|\/)/);
      // A value cell with HTML after its number shows the number, nothing else.
      expect(await v.page.locator('table.t3 tr', { has: v.page.locator('th', { hasText: /^(二、上年结转|II\. Requests carried over)/ }) }).locator('td').first().innerText()).toBe('0');
      await v.page.close();
    }
  });

  it('lists the hostile label in the data notes as text', async () => {
    const v = await visit(REPORT);
    expect(await v.page.locator('.data-notes').innerText()).toContain('二、上年结转政府信息公开申请数');
    await v.page.close();
  });

  it.each([
    ['search/?q=pwned', 'zh'],
    ['en/search/?q=pwned', 'en'],
  ])('%s shows results with the payload text inert', async (path) => {
    const v = await visit(path);
    await v.page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    await expectInert(v, path);
    await v.page.close();
  });
});

describe('hostile content the build refuses', () => {
  const refuse = async (change: (content: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-hostile-'));
    const content = hostileContent(dir);
    change(content);
    const result = await build(content, join(dir, '_site'));
    expect(result.stderr).not.toMatch(/\n\s+at /);
    return result;
  };
  const editFile = (path: string, from: string | RegExp, to: string) => writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));

  it('a <script> in a table cell, and script in the published date and the period: each a located error', async () => {
    const result = await refuse((content) => {
      const report = join(content, 'reports', SLUG, '2021.md');
      editFile(report, '| 一、本年新收政府信息公开申请数量 | 2 |', '| 一、本年新收政府信息公开申请数量 | <script>window.__pwned=1</script> |');
      editFile(report, /^published: .*$/m, `published: "2022-01${SCRIPT_TEXT}"`);
      editFile(report, /^  from: .*$/m, `  from: "2021-01-01${SCRIPT_TEXT}"`);
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/2021\.md:\d+:\d+  cell-value  "window.__pwned=1" is not a valid value/);
    expect(result.stderr).toMatch(/2021\.md:\d+:\d+  front-matter .*published/);
    expect(result.stderr).toMatch(/2021\.md:\d+:\d+  front-matter .*period/);
    expect(result.stderr).toMatch(/not built: 3 error\(s\)/);
  }, 120_000);

  it.each(['javascript:window.__pwned=1', 'data:text/html,<script>window.__pwned=1</script>'])('an agency website %s', async (website) => {
    const result = await refuse((content) => editFile(join(content, 'agencies.yaml'), /website: .*/, `website: "${website}"`));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('agencies.yaml: 0.website: an http:// or https:// address');
  }, 120_000);
});
