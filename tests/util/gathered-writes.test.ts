// The datasets' writer (src/util/gathered-writes.ts) gathers pieces into few
// writes: the file must hold every byte pushed, in order, whatever the
// pieces' sizes, and however little of them each write takes.

import { closeSync, mkdtempSync, openSync, readFileSync, readdirSync, writevSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GatheredWrites } from '../../src/util/gathered-writes.ts';
import { FIXTURES } from '../helpers.ts';

/** The fixtures' bytes as a dataset's pieces: empty ones, commas between, a few larger than a gathering. */
function pieces(): Uint8Array[] {
  const files = readdirSync(FIXTURES, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && /\.md$/.test(e.name));
  const out: Uint8Array[] = [];
  for (const e of files) {
    const bytes = readFileSync(join(e.parentPath, e.name));
    out.push(new Uint8Array(0), Buffer.from(','), bytes, bytes.subarray(3, 40));
  }
  const large = Buffer.concat(out);
  return [...out, Buffer.concat(Array.from({ length: 16 }, () => large)), ...out];
}

function written(write?: (fd: number, parts: Uint8Array[]) => number): Buffer {
  const path = join(mkdtempSync(join(tmpdir(), 'gongkai-gathered-')), 'dataset');
  const fd = openSync(path, 'w');
  const file = new GatheredWrites(fd, write);
  for (const piece of pieces()) file.push(piece);
  file.flush();
  closeSync(fd);
  return readFileSync(path);
}

describe('GatheredWrites', () => {
  const expected = Buffer.concat(pieces());

  it('writes every piece in order, in fewer writes than pieces', () => {
    let calls = 0;
    const bytes = written((fd, parts) => (calls++, writevSync(fd, parts)));
    expect(expected.length).toBeGreaterThan(1 << 20);
    expect(bytes.equals(expected)).toBe(true);
    expect(calls).toBeGreaterThan(1);
    expect(calls).toBeLessThan(pieces().length / 8);
  });

  it('goes on where a write stopped short, mid-piece or between pieces', () => {
    let call = 0;
    // Each write takes part of what it is given: a few bytes, or up to the end of its first piece, or 1,000 bytes in.
    const short = (fd: number, parts: Uint8Array[]) => {
      const total = parts.reduce((n, p) => n + p.length, 0);
      const take = [3, parts[0]!.length, 1000][call++ % 3]!;
      return writevSync(fd, [Buffer.concat(parts).subarray(0, Math.min(take, total))]);
    };
    expect(written(short).equals(expected)).toBe(true);
    expect(call).toBeGreaterThan(50);
  });

  it('says so when a write takes nothing', () => {
    const fd = openSync(join(mkdtempSync(join(tmpdir(), 'gongkai-gathered-')), 'stuck'), 'w');
    const file = new GatheredWrites(fd, () => 0);
    file.push(Buffer.from('x'));
    expect(() => file.flush()).toThrow(/took none/);
    closeSync(fd);
  });
});
