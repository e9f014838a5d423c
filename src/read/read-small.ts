// Reading many small files: synchronously, because for thousands of files
// that the system has cached a plain loop is several times faster than as
// many promises (measured: 2,667 reports read and hashed in 171 ms against
// 443 ms 64 at a time).

import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

/** A file's bytes, or null if it cannot be read. */
export function readSmallFile(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

/** The buffer readSmallFileBorrowed reads into, grown to the largest file read. */
let borrowed = Buffer.allocUnsafe(1 << 16);

/**
 * A file's bytes in a buffer that the next call reads into (copy them to
 * keep them), or null if it cannot be read: a warm validate reads and
 * hashes thousands of files it needs nothing else of, and allocating a
 * buffer for each was most of its garbage.
 */
export function readSmallFileBorrowed(file: string): Buffer | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    let length = 0;
    for (;;) {
      if (length === borrowed.length) {
        const bigger = Buffer.allocUnsafe(borrowed.length * 2);
        borrowed.copy(bigger, 0, 0, length);
        borrowed = bigger;
      }
      const read = readSync(fd, borrowed, length, borrowed.length - length, null);
      if (read === 0) return borrowed.subarray(0, length);
      length += read;
    }
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
