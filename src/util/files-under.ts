// The files of a folder tree, in one order whatever the file system's.

import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The files under `dir`, relative to it, sorted (none if there is no such folder). */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}
