// Expands the paths given on the command line into report files.

import { readdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';

const REPORT_FILE = /\.(md|txt)$/i;
/** English companions (<year>.en.md) translate a report; they are not reports themselves. */
const COMPANION = /\.en\.md$/i;

export class UsageError extends Error {}

// Synchronously, like reading small files (src/read/read-small.ts): thousands of
// folders are listed faster in a plain loop than one awaited call at a time, and
// the preview server lists them again after every edit.
function walk(dir: string, out: string[] = []): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (REPORT_FILE.test(entry.name) && !COMPANION.test(entry.name)) out.push(path);
  }
  return out;
}

export async function reportFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) throw new UsageError(`no such file or directory: ${path}`);
    files.push(...(info.isDirectory() ? walk(path) : [path]));
  }
  return files;
}
