// After a small change (an edit) the site is updated where it is: the build
// writes the files it makes into a staging folder beside the site, then
// moves them in (each replacing its old file at once) and removes the files
// it no longer makes, under a journal written first, which the next build
// completes if this one is killed while moving (leftovers.ts). Linking
// every unchanged file of a 10,000-report site into a fresh folder, and
// removing the old folder after the swap, took 12–20 s of a 31 s build
// after one edit; the site as a whole is swapped only when most of it is
// made again (build.ts).

import { mkdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { filesUnder } from '../util/files-under.ts';

/** What a build moves into the site (from `staging`) and removes from it, relative to the site's folder. */
export type Journal = { staging: string; moves: string[]; removals: string[] };

/** Where a build's journal is kept while it updates the site at `out`. */
export const journalFile = (out: string, pid = process.pid) => `${out}.commit-${pid}.json`;

/** Removes `folder` and the folders above it (up to `root`) while they are empty. */
function removeEmpty(folder: string, root: string): void {
  for (let at = folder; at !== root && at.startsWith(root); at = dirname(at)) {
    try {
      rmdirSync(at);
    } catch {
      return; // not empty (or gone)
    }
  }
}

/**
 * Moves the journal's staged files into the site and removes its removals.
 * Each step may have been done already (a killed build's journal being
 * completed): a staged file no longer there was moved.
 */
export function applyJournal(out: string, journal: Journal): void {
  const folders = new Set<string>();
  for (const path of journal.moves) {
    const target = join(out, path);
    const folder = dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    try {
      renameSync(join(journal.staging, path), target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  for (const path of journal.removals) {
    rmSync(join(out, path), { force: true });
    removeEmpty(dirname(join(out, path)), out);
  }
}

/**
 * Moves every file staged in `staging` into the site at `out`, and removes
 * `removals` from it: the journal first (written whole or not at all), then
 * the moves, then the journal and the staging folder go.
 */
export function updateSite(out: string, staging: string, removals: readonly string[]): void {
  // The staging folder by its whole path: the build that completes a killed one's journal may run from another folder.
  const journal: Journal = { staging: resolve(staging), moves: filesUnder(staging), removals: [...removals] };
  const file = journalFile(out);
  writeFileSync(`${file}.tmp`, JSON.stringify(journal));
  renameSync(`${file}.tmp`, file);
  applyJournal(out, journal);
  rmSync(file, { force: true });
  rmSync(staging, { recursive: true, force: true });
}
