// Eleventy's file watcher (chokidar 4) can say it is ready before it watches
// every file: each watch target that does not exist (Eleventy's own
// templates/_data and .eleventyignore, here) is counted twice towards its
// readiness. An edit made in that window is never seen, and its page never
// changes. The preview server says it is serving only once every file it reads
// is watched.

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { reportFiles } from '../cli/files.ts';
import { companionOf } from '../check/validate-files.ts';
import { REGISTRY_FILE } from '../edit/registry.ts';

/** What of a chokidar watcher this needs: the files it watches, by folder (relative to its `cwd`, if it has one). */
export type FileWatcher = { getWatched(): Record<string, string[]>; options?: { cwd?: string } };

/** The files of `content` whose edits the preview shows: the reports, their English companions, the registry. */
export async function filesToWatch(content: string): Promise<string[]> {
  const reports = await reportFiles([content]);
  const others = [...reports.map(companionOf), join(content, REGISTRY_FILE)].filter((f): f is string => f !== null && existsSync(f));
  return [...reports, ...others];
}

/** Those of `files` that `watcher` does not watch. */
export function unwatched(watcher: FileWatcher, files: string[]): string[] {
  const base = watcher.options?.cwd ?? process.cwd();
  const watched = new Set<string>();
  for (const [dir, names] of Object.entries(watcher.getWatched())) for (const name of names) watched.add(resolve(base, dir, name));
  return files.filter((file) => !watched.has(resolve(file)));
}

/**
 * Resolves once `watcher` watches every one of `files`, or, once it has
 * watched no more of them for `stallMs`, with those it still does not (a
 * large site takes seconds: 3.4–3.9 s at 10,000 reports). It looks again
 * after ten times as long as the last look took (at least 25 ms): the
 * watcher lists every file it watches each time (35 ms at 10,000 reports),
 * on the thread that is watching them.
 */
export async function untilWatched(watcher: FileWatcher, files: string[], stallMs = 10_000): Promise<string[]> {
  let progressed = Date.now();
  for (let missing = files; ; ) {
    const before = performance.now();
    const left = unwatched(watcher, missing);
    if (left.length < missing.length) progressed = Date.now();
    missing = left;
    if (missing.length === 0 || Date.now() - progressed >= stallMs) return missing;
    await sleep(Math.max(25, 10 * (performance.now() - before)));
  }
}

/** What the preview says of files it could not watch: how many, and the first few. */
export function notWatchedNotice(files: string[]): string {
  const shown = files.slice(0, 5).join(', ');
  return `${files.length} file(s) not watched, so their edits will not show until the server restarts: ${shown}${files.length > 5 ? ', …' : ''}`;
}
