// Reads a report file from disk into text.

import { readFile } from 'node:fs/promises';
import { decode, type Decoded } from './decode.ts';

export async function readReportFile(path: string): Promise<Decoded> {
  return decode(await readFile(path));
}
