// A file written whole or not at all: a temporary file beside it, renamed
// into place, so a reader (or a build killed meanwhile) never sees half of it.
// The temporary name is hidden and carries the process id: two processes
// writing the same file do not share one, and a watcher of the folder's
// reports does not take it for one.

import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** `text` written to `path`: one string (or its bytes), or parts in order (a site-wide dataset is larger than a string can be). */
export async function writeWhole(path: string, text: string | Uint8Array | Iterable<string | Uint8Array>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(temporary, text, 'utf8');
  await rename(temporary, path);
}
