// What a killed build leaves beside the site: `<out>.building-<pid>` (a site
// half written) and `<out>.old-<pid>` (the last good site, moved aside just
// before the new one was moved in). The next build tidies them up, so that
// neither piles up nor is ever served, and puts the old site back if the kill
// came between the two renames and left no site at all.

import { readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

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
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(building|old)-(\\d+)$`);
  const entries = await readdir(parent).catch(() => [] as string[]);
  const stale = entries
    .map((entry) => ({ entry, match: pattern.exec(entry) }))
    .filter((x) => x.match && Number(x.match[2]) !== process.pid && !alive(Number(x.match[2])))
    .map((x) => ({ path: join(parent, x.entry), kind: x.match![1] as 'building' | 'old' }));
  const outExists = await stat(out).then(() => true, () => false);
  const old = stale.find((s) => s.kind === 'old');
  if (!outExists && old) await rename(old.path, out);
  for (const s of stale) if (s !== old || outExists) await rm(s.path, { recursive: true, force: true });
}
