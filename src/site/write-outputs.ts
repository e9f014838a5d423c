// Writes a site's downloads and the pages the build renders itself
// (render-pages.ts), a report at a time: its two pages, its three downloads,
// then its pieces of the site-wide datasets, so that each report's whole
// check is loaded once (whole-report.ts keeps the last few loaded), not once
// for its pages, again for its downloads and twice more for the datasets.
// Then the other pages rendered in bulk (agencies) and the other downloads.
// Files are written while the next report is rendered.

import { open, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { FILE_CONCURRENCY } from '../util/map-limited.ts';
import { folderMaker, outputFile } from './incremental.ts';
import { RENDERED_IN_BULK, pageRenderer } from './render-pages.ts';
import type { Site } from './site-data.ts';

/** File writes under way, at most `limit`: adding one waits while the limit is reached; `settle` waits for all and throws the first failure. */
function writeQueue(limit = FILE_CONCURRENCY) {
  const pending = new Set<Promise<unknown>>();
  return {
    async add(write: () => Promise<unknown>): Promise<void> {
      const done: Promise<unknown> = write().finally(() => pending.delete(done));
      done.catch(() => {}); // seen by `add` or `settle`, not left unhandled meanwhile
      pending.add(done);
      if (pending.size >= limit) await Promise.race(pending);
    },
    async settle(): Promise<void> {
      const failed = (await Promise.allSettled(pending)).find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}

/** A site-wide dataset being written: its head first, then a piece per report in turn, then its tail (data-export.ts). */
type DatasetWriter = { pieces: Iterator<string>; file: FileHandle; written: Promise<unknown> };

/** How many reports' pieces a dataset may have waiting to be written. */
const PIECES_WAITING = 64;

/** Writes into `out` every download and every page of a kind RENDERED_IN_BULK, but those `kept`. */
export async function writeOutputs(site: Pick<Site, 'pages' | 'downloads' | 'byReport' | 'datasets'>, kept: ReadonlySet<string>, out: string): Promise<void> {
  const render = pageRenderer();
  const folderOf = folderMaker();
  const queue = writeQueue();
  const pathOf = (url: string) => join(out, outputFile(url));
  const write = (url: string, content: () => string | Iterable<string>) =>
    kept.has(url) ? undefined : queue.add(async () => {
      const path = pathOf(url);
      const text = content(); // made now, before the next report's is
      await folderOf(path);
      await writeFile(path, text);
    });
  const datasets: DatasetWriter[] = [];
  const append = (dataset: DatasetWriter, piece: string) => {
    if (piece) dataset.written = dataset.written.then(() => dataset.file.write(piece));
  };
  const step = (dataset: DatasetWriter) => {
    const next = dataset.pieces.next();
    if (!next.done) append(dataset, next.value);
  };
  try {
    for (const d of site.datasets.filter((x) => !kept.has(x.url))) {
      const path = pathOf(d.url);
      await folderOf(path);
      const content = d.content;
      datasets.push({ pieces: (typeof content === 'string' ? [content] : content)[Symbol.iterator](), file: await open(path, 'w'), written: Promise.resolve() });
    }
    datasets.forEach(step); // the heads
    let n = 0;
    for (const report of site.byReport) {
      for (const page of report.pages) await write(page.url, () => render(page));
      for (const download of report.downloads) await write(download.url, () => download.content);
      datasets.forEach(step);
      if (++n % PIECES_WAITING === 0) await Promise.all(datasets.map((d) => d.written));
    }
    for (const dataset of datasets) {
      for (let next = dataset.pieces.next(); !next.done; next = dataset.pieces.next()) append(dataset, next.value);
      await dataset.written;
    }
    const ofReports = new Set<object>([...site.byReport.flatMap((r) => [...r.pages, ...r.downloads]), ...site.datasets]);
    for (const page of site.pages) if (RENDERED_IN_BULK.has(page.kind) && !ofReports.has(page)) await write(page.url, () => render(page));
    for (const download of site.downloads) if (!ofReports.has(download)) await write(download.url, () => download.content);
  } catch (error) {
    // Nothing is left writing into a folder the caller is about to remove.
    await Promise.allSettled([...datasets.map((d) => d.written), queue.settle()]);
    throw error;
  } finally {
    await Promise.allSettled(datasets.map((d) => d.file.close()));
  }
  await queue.settle();
}
