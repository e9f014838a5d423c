// The site's data for Eleventy: the pages it is to render, as the global
// `site`, and the downloads written next to them once it has rendered.
//
// A build (src/site/build.ts) checks the content, keeps what has not changed
// and hands over the rest. When Eleventy rebuilds on its own (the preview
// server, after an edit), the content is read again (from the cache, but for
// the edited file) and only the pages and downloads whose fingerprints
// changed since the last render are made again.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../../schemas/diagnostic.ts';
import { loadConfig } from '../check/config.ts';
import { mapLimited } from '../util/map-limited.ts';
import { writeWhole } from '../util/write-whole.ts';
import { folderMaker, outputFile, type Output } from './incremental.ts';
import { urls } from './urls.ts';
import { buildSite, loadPublished, schemaJson, type Download, type Site } from './site-data.ts';

export const errorLine = (d: Diagnostic) => `${d.file}:${d.line ?? ''}:${d.column ?? ''}  ${d.rule}  ${d.message.en}`;

export const contentDir = () => process.env.GONGKAI_CONTENT ?? 'content';

export type Plan = { pages: Site['pages']; downloads: Download[] };

const seconds = (ms: number) => Math.round(ms) / 1000;

let handedOver: Plan | null = null;
let pendingDownloads: Download[] = [];
/** Preview server: the fingerprint of everything rendered so far, by address. */
const rendered = new Map<string, string>();

/** What the next render is to make (the build's choice). */
export function handOver(plan: Plan): void {
  handedOver = plan;
}

/** The preview server starts from a site already built: what it holds need not be rendered again. */
export function markRendered(outputs: readonly Output[]): void {
  for (const o of outputs) rendered.set(o.url, o.fingerprint);
}

const changed = <T extends Output>(outputs: T[]): T[] => outputs.filter((o) => rendered.get(o.url) !== o.fingerprint);

export async function siteData(): Promise<Plan> {
  let plan = handedOver;
  handedOver = null;
  if (!plan) {
    const start = performance.now();
    const { published, errors } = await loadPublished(contentDir(), await loadConfig(undefined));
    const loaded = performance.now();
    if (errors.length) console.error(`${errors.map(errorLine).join('\n')}\n${errors.length} error(s): the preview leaves the reports that have them out until they are fixed`);
    const site = buildSite(published, schemaJson());
    plan = { pages: changed(site.pages), downloads: changed(site.downloads) };
    for (const o of [...plan.pages, ...plan.downloads]) rendered.set(o.url, o.fingerprint);
    if (process.env.GONGKAI_TIMINGS) console.error(JSON.stringify({ preview_round: { at: Date.now(), load_s: seconds(loaded - start), site_data_s: seconds(performance.now() - loaded), pages: plan.pages.length, downloads: plan.downloads.length } }));
  }
  pendingDownloads = plan.downloads;
  return plan;
}

/** The preview's site-wide datasets, written a moment after the round that changed them (see writeDownloads). */
let datasetsLater: { timer: NodeJS.Timeout; downloads: Download[]; outputDir: string } | null = null;
/** Writes of the datasets under way: one at a time, so that two rounds never write one file at once. */
let datasetsWritten: Promise<void> = Promise.resolve();
const SITE_WIDE = new Set([urls.dataset('json'), urls.dataset('csv')]);
/** How long the preview waits after an edit before writing the site-wide datasets. */
const DATASETS_AFTER_MS = 1500;

/** Writes downloads; `whole`: each to a temporary file renamed into place, so that one is never seen (or left, if the server stops) half written. */
async function writeDownloadsInto(downloads: readonly Download[], outputDir: string, whole = false): Promise<void> {
  const folderOf = folderMaker();
  await mapLimited(downloads, async (d) => {
    const path = join(outputDir, outputFile(d.url));
    await folderOf(path);
    return whole ? writeWhole(path, d.content) : writeFile(path, d.content);
  });
}

/**
 * Downloads are data, not pages: written as they are, after Eleventy has
 * rendered the pages. In the preview, the site-wide datasets (hundreds of
 * megabytes for a large site, changed by every edit) are written a moment
 * later, once edits pause: the edited page shows first.
 */
export async function writeDownloads(outputDir: string): Promise<void> {
  if (process.env.GONGKAI_TIMINGS && rendered.size) console.error(JSON.stringify({ preview_pages_written: { at: Date.now() } }));
  const downloads = pendingDownloads;
  pendingDownloads = [];
  // The preview server is the one that starts from a site already built (markRendered).
  const previewing = rendered.size > 0;
  const siteWide = previewing ? downloads.filter((d) => SITE_WIDE.has(d.url)) : [];
  await writeDownloadsInto(downloads.filter((d) => !siteWide.includes(d)), outputDir);
  if (siteWide.length === 0) return;
  if (datasetsLater) clearTimeout(datasetsLater.timer);
  const later = { downloads: siteWide, outputDir, timer: setTimeout(() => {
    if (datasetsLater === later) datasetsLater = null;
    datasetsWritten = datasetsWritten.then(() => writeDownloadsInto(later.downloads, later.outputDir, true)).catch((error: unknown) => console.error(`the site-wide datasets were not written: ${String(error)}`));
  }, DATASETS_AFTER_MS) };
  datasetsLater = later;
}
