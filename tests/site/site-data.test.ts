// What the English pages show where a section has no translation, and the
// pairs of pages the language switch and hreflang links are built from.

import { expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RENDERED_IN_BULK } from '../../src/site/render-pages.ts';
import { pagesAfterReports } from '../../src/site/write-outputs.ts';
import { buildSite, bulkSite, loadPublished } from '../../src/site/site-data.ts';

const CONTENT = join(import.meta.dirname, '..', '..', 'content');
const COMPANION = join('reports', 'beijing-xicheng-zgc-xicheng-park', '2021.en.md');

async function site(edit?: (companion: string) => string) {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-site-data-'));
  cpSync(CONTENT, dir, { recursive: true });
  if (edit) writeFileSync(join(dir, COMPANION), edit(readFileSync(join(dir, COMPANION), 'utf8')));
  const { published } = await loadPublished(dir, { rules: {} });
  return buildSite(published, '{}');
}

type ReportPage = { kind: string; lang: string; body: { sections: { number: number; translated: boolean; html: string }[] } };

it('says plainly when a section has no English translation, and shows the Chinese text', async () => {
  const built = await site((text) => text.replace(/## V\. Main problems and improvements[\s\S]*?(?=## VI\.)/, ''));
  const page = built.pages.find((p) => p.kind === 'report' && p.lang === 'en') as unknown as ReportPage;
  const five = page.body.sections.find((s) => s.number === 5)!;
  expect(five.translated).toBe(false);
  expect(five.html).toContain('西城园管委会坚决落实政务公开的各项工作要求');
  expect(page.body.sections.filter((s) => !s.translated).map((s) => s.number)).toEqual([5]);
});

it('pairs every page with its twin in the other language', async () => {
  const built = await site();
  const byUrl = new Map(built.pages.map((p) => [p.url, p]));
  for (const page of built.pages) {
    const twin = byUrl.get(page.alternate.url)!;
    expect(twin.lang, page.url).not.toBe(page.lang);
    expect(twin.alternate.url).toBe(page.url);
    expect(twin.kind).toBe(page.kind);
  }
  expect(new Set(built.pages.map((p) => p.url)).size).toBe(built.pages.length);
});

it('makes a page body once for the two reads Nunjucks gives it, and does not keep it after', async () => {
  const built = await site();
  const [first, second] = built.pages.filter((p) => p.kind === 'report') as unknown as ReportPage[];
  const body = first!.body;
  // Nunjucks' memberLookup reads `typeof p.body`, then `p.body`: the second read is the body made by the first.
  expect(first!.body).toBe(body);
  expect(second!.body).not.toBe(body);
  // Once another page's body is made, this one's is let go: read again, it is made again, the same.
  const again = first!.body;
  expect(again).not.toBe(body);
  expect(again).toEqual(body);
});

it("gives a helper thread the pages rendered in bulk, made only as it asks for them, the same as the site's", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-site-data-'));
  cpSync(CONTENT, dir, { recursive: true });
  const { published } = await loadPublished(dir, { rules: {} });
  const whole = buildSite(published, '{}');
  const bulk = bulkSite(published, '{}');
  expect(bulk.reports).toBe(whole.byReport.length);
  const reports = whole.byReport.map((_, i) => bulk.report(i));
  const afterReports = Array.from({ length: bulk.afterReports }, (_, i) => bulk.afterReport(i));
  // The reports' pages, then the agencies': every page rendered in bulk, in the site's order, and none other.
  expect([...reports.flatMap((r) => r.pages), ...afterReports].map((p) => p.url)).toEqual(whole.pages.filter((p) => RENDERED_IN_BULK.has(p.kind)).map((p) => p.url));
  expect(afterReports.map((p) => p.url)).toEqual(pagesAfterReports(whole).map((p) => p.url));
  expect(reports.map((r) => r.published)).toEqual(whole.byReport.map((r) => r.published));
  expect(reports.flatMap((r) => r.downloads).map((d) => d.url)).toEqual(whole.byReport.flatMap((r) => r.downloads).map((d) => d.url));
  // The same data (and, read, the same fingerprints): a report page with its body, an agency page, a download.
  const [page, wholePage] = [reports[0]!.pages[1]!, whole.byReport[0]!.pages[1]!] as { body: unknown; fingerprint: string }[];
  expect(page).toEqual(wholePage);
  expect(page!.body).toEqual(wholePage!.body);
  expect(afterReports.at(-1)).toEqual(pagesAfterReports(whole).at(-1));
  expect(reports[0]!.downloads[1]!.content).toEqual(whole.byReport[0]!.downloads[1]!.content);
  expect(bulk.datasets.map((d) => d.fingerprint)).toEqual(whole.datasets.map((d) => d.fingerprint));
  // Made when asked for: asked again, made again.
  expect(bulk.report(0).pages[0]).not.toBe(reports[0]!.pages[0]);
});
