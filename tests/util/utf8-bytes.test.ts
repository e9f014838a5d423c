// The bulk writer's UTF-8 encoding (src/util/utf8-bytes.ts) must give the
// bytes Buffer.from gives, whatever the string: real reports, pages built
// piece by piece as templates build them, text larger than its buffer,
// characters outside the BMP, lone surrogates.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../../src/util/utf8-bytes.ts';
import { FIXTURES } from '../helpers.ts';

const texts = readdirSync(FIXTURES, { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile() && /\.(md|txt|json)$/.test(e.name))
  .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));

/** A string made as a template makes a page: many small pieces added one at a time. */
function pieced(text: string, size: number): string {
  let page = '';
  for (let at = 0; at < text.length; at += size) page += text.slice(at, at + size);
  return page;
}

describe('utf8Bytes', () => {
  it('gives Buffer.from’s bytes for every fixture, whole and built in pieces', () => {
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) {
      expect(utf8Bytes(text).equals(Buffer.from(text))).toBe(true);
      expect(utf8Bytes(pieced(text, 7)).equals(Buffer.from(text))).toBe(true);
    }
  });

  it('grows past its buffer, passes the largest strings to Buffer.from, and a short string after a long one has only its own bytes', () => {
    const long = texts.join('\n').repeat(3);
    expect(long.length * 3).toBeGreaterThan(1 << 16);
    expect(long.length).toBeLessThan(1 << 20); // encoded through the kept buffer, grown for it
    expect(utf8Bytes(long).equals(Buffer.from(long))).toBe(true);
    const longest = long.repeat(Math.ceil((1 << 21) / long.length));
    expect(utf8Bytes(longest).equals(Buffer.from(longest))).toBe(true);
    expect(utf8Bytes('表3').equals(Buffer.from('表3'))).toBe(true);
    expect(utf8Bytes('')).toHaveLength(0);
  });

  it('gives each string bytes of its own: one kept is not changed by the next', () => {
    const first = utf8Bytes('第一页');
    utf8Bytes('第二页');
    expect(first.toString()).toBe('第一页');
  });

  it('writes characters outside the BMP as four bytes and a lone surrogate as U+FFFD, as Buffer.from does', () => {
    for (const text of ['𠮷野家 😀', 'a\ud800b', '\udc00', 'x\ud83d', '\ud83d\ude00\ud83d']) {
      expect([...utf8Bytes(text)]).toEqual([...Buffer.from(text)]);
    }
  });
});
