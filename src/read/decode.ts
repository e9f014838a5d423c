// Bytes to text. The only module that knows files have encodings: strict
// UTF-8 (with or without BOM) first, UTF-16 when it carries a BOM, then
// strict GB18030 (which covers GBK); newlines become LF. Anything else is
// refused with the byte offset where decoding failed.

import { isUtf8 } from 'node:buffer';

export class DecodeError extends Error {
  constructor(
    message: string,
    /** Byte offset of the first byte that could not be decoded. */
    readonly offset: number,
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
export type Decoded = { text: string; encoding: Encoding; bom: boolean };

const decoders = new Map<Encoding, TextDecoder>();
/** A strict decoder per encoding, made once: decoding without `stream` keeps no state between calls. */
const strict = (encoding: Encoding) => {
  let decoder = decoders.get(encoding);
  if (!decoder) decoders.set(encoding, (decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true })));
  return decoder;
};

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Offset of the first byte that does not start a valid GB18030 sequence, or -1. */
export function firstInvalidGb18030(bytes: Uint8Array): number {
  const four = strict('gb18030');
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b <= 0x80) { i++; continue; }
    if (b === 0xff) return i;
    const b2 = bytes[i + 1];
    if (b2 === undefined) return i;
    if ((b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0x80 && b2 <= 0xfe)) { i += 2; continue; }
    if (b2 >= 0x30 && b2 <= 0x39) {
      const b3 = bytes[i + 2];
      const b4 = bytes[i + 3];
      if (b3 === undefined || b4 === undefined || b3 < 0x81 || b3 > 0xfe || b4 < 0x30 || b4 > 0x39) return i;
      try { four.decode(bytes.subarray(i, i + 4)); } catch { return i; }
      i += 4;
      continue;
    }
    return i;
  }
  return -1;
}

const normaliseNewlines = (text: string) => (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);

/** Strict UTF-8, or null: the native decoder is the fast check, the byte scan only finds where it failed. */
function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return strict('utf-8').decode(bytes);
  } catch {
    return null;
  }
}

const hasUtf8Bom = (bytes: Uint8Array) => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/** Bytes that `decode` gives back as they are, in UTF-8: valid UTF-8 with no byte-order mark, carriage return or NUL. */
export const decodesToItself = (bytes: Uint8Array): boolean => !hasUtf8Bom(bytes) && bytes.indexOf(13) < 0 && bytes.indexOf(0) < 0 && isUtf8(bytes);

export function decode(bytes: Uint8Array): Decoded {
  if (hasUtf8Bom(bytes)) {
    const bad = firstInvalidUtf8(bytes.subarray(3));
    if (bad >= 0) throw new DecodeError(`starts with a UTF-8 byte-order mark but is not valid UTF-8 at byte ${bad + 3}`, bad + 3);
    return { text: normaliseNewlines(strict('utf-8').decode(bytes.subarray(3))), encoding: 'utf-8', bom: true };
  }
  for (const [encoding, bom] of [['utf-16le', [0xff, 0xfe]], ['utf-16be', [0xfe, 0xff]]] as const) {
    if (bytes[0] === bom[0] && bytes[1] === bom[1]) {
      try {
        return { text: normaliseNewlines(strict(encoding).decode(bytes.subarray(2))), encoding, bom: true };
      } catch {
        throw new DecodeError(`starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}`, 2);
      }
    }
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new DecodeError(`has a NUL byte at offset ${nul}: not a text file`, nul);
  const utf8 = utf8OrNull(bytes);
  if (utf8 !== null) return { text: normaliseNewlines(utf8), encoding: 'utf-8', bom: false };
  const utf8Bad = firstInvalidUtf8(bytes);
  const gbBad = firstInvalidGb18030(bytes);
  if (gbBad < 0) return { text: normaliseNewlines(strict('gb18030').decode(bytes)), encoding: 'gb18030', bom: false };
  const offset = Math.max(utf8Bad, gbBad);
  throw new DecodeError(
    `is neither UTF-8 (invalid byte at offset ${utf8Bad}) nor GB18030 (invalid byte at offset ${gbBad})`,
    offset,
  );
}

