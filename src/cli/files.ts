// Expands the paths given on the command line into report files.

import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const REPORT_FILE = /\.(md|txt)$/i;
/** English companions (<year>.en.md) translate a report; they are not reports themselves. */
const COMPANION = /\.en\.md$/i;

export class UsageError extends Error {}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (REPORT_FILE.test(entry.name) && !COMPANION.test(entry.name)) out.push(path);
  }
  return out;
}

export async function reportFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) throw new UsageError(`no such file or directory: ${path}`);
    files.push(...(info.isDirectory() ? await walk(path) : [path]));
  }
  return files;
}
