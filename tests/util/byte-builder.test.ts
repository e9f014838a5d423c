// The CSV downloads are assembled as bytes (src/util/byte-builder.ts): what
// comes out must be the UTF-8 of the same parts joined as a string, whatever
// the parts, the integers (their digits as String writes them) and however
// large the text grows past the builder's first buffer.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ByteBuilder } from '../../src/util/byte-builder.ts';
import { SEED_FILE } from '../helpers.ts';

describe('ByteBuilder', () => {
  it('writes integers as String does: zero, negative zero, signs, every digit count, beyond safe integers', () => {
    const integers = [0, -0, 7, -7, 10, 99, 100, 1234567890, -1234567890, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 1e21, -1e21];
    for (let n = 1; n < 1e15; n *= 10) integers.push(n - 1, n, n + 1, -n);
    const builder = new ByteBuilder();
    for (const n of integers) expect(builder.integer(n).take().toString()).toBe(String(n));
    const all = integers.reduce((b, n) => b.integer(n).ascii(','), builder).take().toString();
    expect(all).toBe(integers.map((n) => `${String(n)},`).join(''));
  });

  it("gives the UTF-8 of its parts joined, past its first buffer's size, and is empty again after each take", () => {
    const text = readFileSync(SEED_FILE, 'utf8'); // Chinese, ~12 KB
    const part = Buffer.from(text);
    const builder = new ByteBuilder();
    let expected = '';
    for (let i = 0; i < 40; i++) {
      builder.bytes(part).integer(i).ascii('\n');
      expected += `${text}${i}\n`;
    }
    const bytes = builder.take();
    expect(bytes.length).toBeGreaterThan(1 << 16);
    expect(bytes.equals(Buffer.from(expected))).toBe(true);
    expect(builder.ascii('a').take().toString()).toBe('a');
    expect(builder.take().length).toBe(0);
    // What a failed text left behind is cleared.
    expect(builder.ascii('half').clear().ascii('whole').take().toString()).toBe('whole');
  });

});
