// Writing content files: never over an existing file unless told to, and
// atomically (a temporary file renamed into place), so an interrupted write
// never leaves half a report.

import { stat } from 'node:fs/promises';
import { writeWhole } from '../util/write-whole.ts';

export class WriteRefused extends Error {}

export async function writeContentFile(path: string, text: string, options: { overwrite: boolean }): Promise<void> {
  const exists = await stat(path).then(() => true, () => false);
  if (exists && !options.overwrite) throw new WriteRefused(`${path} exists; give --force to overwrite it`);
  await writeWhole(path, text);
}
