// A site-wide dataset is each report's piece in the order of the reports
// (data-export.ts). The manifest keeps where each piece lies in the dataset
// last written, by a key of what the piece is made of, so that a build after
// an edit copies the unchanged reports' pieces from the last build's file
// instead of loading every report's whole check again to make them: at
// 10,000 reports that took ~25 s for one edited report.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { asRecorded, outputFile, type Manifest } from './incremental.ts';

/** Where each report's piece lies in a dataset's file, by its key: byte offset and length (without the text `between` pieces). */
export type PieceTable = Record<string, [start: number, length: number]>;

/** A dataset's file as the last build wrote it, to copy pieces from. */
export type LastPieces = { has(key: string): boolean; read(key: string): Uint8Array; close(): void };

/**
 * The last build's file of the dataset at `url` in `dir`, if the manifest
 * says where its pieces lie and it is still the file it recorded (same
 * inode, size and time: looked at once open, so it cannot change under us);
 * null if not, and every piece is made again.
 */
export function lastPieces(manifest: Manifest, dir: string, url: string): LastPieces | null {
  const was = manifest[outputFile(url)];
  if (!was?.pieces) return null;
  let fd: number;
  try {
    fd = openSync(join(dir, outputFile(url)), 'r');
  } catch {
    return null;
  }
  if (!asRecorded(fstatSync(fd), was)) {
    closeSync(fd);
    return null;
  }
  const table = was.pieces;
  return {
    has: (key) => Object.hasOwn(table, key),
    read(key) {
      const [start, length] = table[key]!;
      const bytes = new Uint8Array(length);
      for (let at = 0; at < length; ) {
        const read = readSync(fd, bytes, at, length - at, start + at);
        if (read === 0) throw new Error(`${outputFile(url)} of the last build ended before its recorded piece ${key}`);
        at += read;
      }
      return bytes;
    },
    close: () => closeSync(fd),
  };
}
