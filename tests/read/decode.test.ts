import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DecodeError, decode, firstInvalidGb18030, firstInvalidUtf8 } from '../../src/read/decode.ts';
import { SEED_FILE } from '../helpers.ts';

const seedBytes = readFileSync(SEED_FILE);
const seedText = seedBytes.toString('utf8');

describe('decode', () => {
  it('reads UTF-8 with and without a BOM to the same text', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), seedBytes]);
    expect(decode(seedBytes)).toEqual({ text: seedText, encoding: 'utf-8', bom: false });
    expect(decode(withBom).text).toBe(seedText);
  });

  it('reads the seed saved as GB18030 with CRLF to the same text', () => {
    const gb = readFileSync(SEED_FILE.replace('.txt', '.gb18030-crlf.txt'));
    expect(firstInvalidUtf8(gb)).toBeGreaterThanOrEqual(0);
    const decoded = decode(gb);
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toBe(seedText);
  });

  it('reads UTF-16 when it carries a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText, 'utf16le')]);
    expect(decode(le)).toMatchObject({ text: seedText, encoding: 'utf-16le' });
  });

  it('turns CR and CRLF newlines into LF', () => {
    expect(decode(Buffer.from('一\r\n二\r三\n')).text).toBe('一\n二\n三\n');
  });

  it('refuses bytes that are neither UTF-8 nor GB18030, naming the byte offset', () => {
    const bad = Buffer.concat([Buffer.from('第一行\n', 'utf8'), Buffer.from([0x81, 0x20, 0xff])]);
    expect(firstInvalidUtf8(bad)).toBe(10);
    expect(firstInvalidGb18030(bad)).toBeGreaterThanOrEqual(0);
    expect(() => decode(bad)).toThrow(DecodeError);
    try {
      decode(bad);
    } catch (error) {
      expect((error as DecodeError).offset).toBe(10);
      expect((error as DecodeError).message).toMatch(/offset 10/);
    }
  });

  it('refuses a file with NUL bytes as not text', () => {
    expect(() => decode(Buffer.from([0x61, 0x00, 0x62]))).toThrow(/NUL byte at offset 1/);
  });

  it('finds the first malformed UTF-8 sequence: overlong, surrogate, truncated', () => {
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0x42, 0xe4, 0xb8]))).toBe(2);
    expect(firstInvalidUtf8(Buffer.from('中文', 'utf8'))).toBe(-1);
  });
});
