// What a killed build leaves beside the site: `<out>.building-<pid>` (a site
// half written, or the files of an update staged), `<out>.old-<pid>` (the
// last good site, moved aside just before the new one was moved in) and
// `<out>.commit-<pid>.json` (the journal of an update being moved in:
// update-in-place.ts). The next build tidies them up, so that none piles up
// nor is ever served: it completes an update whose journal was written,
// and puts the old site back if the kill came between the two renames of a
// swap and left no site at all.

import { readFileSync } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { applyJournal, type Journal } from './update-in-place.ts';

/** A build still running (another process) keeps its folders. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function tidyLeftovers(out: string): Promise<void> {
  const parent = dirname(out);
  const name = basename(out);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${escaped}\\.(building|old)-(\\d+)$`);
  const journals = new RegExp(`^${escaped}\\.commit-(\\d+)\\.json(\\.tmp)?$`);
  const entries = await readdir(parent).catch(() => [] as string[]);
  // A journal written whole is an update to complete (before its staged files are removed below); one half written, never begun.
  for (const entry of entries) {
    const match = journals.exec(entry);
    if (!match || Number(match[1]) === process.pid || alive(Number(match[1]))) continue;
    if (!match[2]) applyJournal(out, JSON.parse(readFileSync(join(parent, entry), 'utf8')) as Journal);
    await rm(join(parent, entry), { force: true });
  }
  const stale = entries
    .map((entry) => ({ entry, match: pattern.exec(entry) }))
    .filter((x) => x.match && Number(x.match[2]) !== process.pid && !alive(Number(x.match[2])))
    .map((x) => ({ path: join(parent, x.entry), kind: x.match![1] as 'building' | 'old' }));
  const outExists = await stat(out).then(() => true, () => false);
  const old = stale.find((s) => s.kind === 'old');
  if (!outExists && old) await rename(old.path, out);
  for (const s of stale) if (s !== old || outExists) await rm(s.path, { recursive: true, force: true });
}
