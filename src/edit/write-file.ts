// Writing content files: never over an existing file unless told to, and
// atomically (a temporary file renamed into place), so an interrupted write
// never leaves half a report.

import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';

export class WriteRefused extends Error {}

export async function writeContentFile(path: string, text: string, options: { overwrite: boolean }): Promise<void> {
  const exists = await stat(path).then(() => true, () => false);
  if (exists && !options.overwrite) throw new WriteRefused(`${path} exists; give --force to overwrite it`);
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(temporary, text, 'utf8');
  await rename(temporary, path);
}
