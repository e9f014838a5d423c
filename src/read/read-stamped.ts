// Reading a file that may not exist, again and again: the preview server
// checks the content after every edit, companions included. A missing file
// costs one stat (no failed open, no exception), and with `remember` a file
// whose size, time and inode are unchanged since the last read is not read
// again.

import { readFileSync, type Stats } from 'node:fs';
import { statOrNull } from '../util/stat-or-null.ts';

/** What tells a file changed without reading it (as the preview server's check of reports uses). */
export const stampOf = (s: Pick<Stats, 'size' | 'mtimeMs' | 'ino'>) => `${s.size} ${s.mtimeMs} ${s.ino}`;

const lastRead = new Map<string, { stamp: string; text: string }>();

/** A file's text (UTF-8), or null if there is none. */
export function readTextIfAny(file: string, remember: boolean): string | null {
  const stats = statOrNull(file);
  if (!stats?.isFile()) {
    lastRead.delete(file);
    return null;
  }
  const stamp = stampOf(stats);
  const known = remember ? lastRead.get(file) : undefined;
  if (known?.stamp === stamp) return known.text;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  if (remember) lastRead.set(file, { stamp, text });
  return text;
}
