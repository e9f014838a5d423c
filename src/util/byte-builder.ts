// UTF-8 bytes assembled from parts encoded once and reused, and integers.
// A text of many short repeated parts (a report's CSV: ~180 lines of the same
// labels) is quicker made this way than as a string: joining the parts makes
// a string of two-byte characters (the labels are Chinese) that must then be
// flattened and encoded as a whole (measured on 1,500 reports: ~0.28 ms a
// report as a string, then bytes; ~0.07 ms as bytes).

/** Appends into a buffer of its own, kept from one text to the next (grown, never shrunk): keep one for texts made one after the other. */
export class ByteBuilder {
  private scratch = Buffer.allocUnsafeSlow(1 << 16);
  private length = 0;

  /** Empty again, whatever was appended and not taken (a text whose making failed half-way). */
  clear(): this {
    this.length = 0;
    return this;
  }

  /** The bytes appended. */
  bytes(part: Uint8Array): this {
    this.room(part.length);
    this.scratch.set(part, this.length);
    this.length += part.length;
    return this;
  }

  /** A text of ASCII characters only (digits, a sign, keys), appended as it is. */
  ascii(text: string): this {
    this.room(text.length);
    this.length += this.scratch.write(text, this.length, 'latin1');
    return this;
  }

  /** An integer's digits, and its sign, as String(n) writes them. */
  integer(n: number): this {
    if (!Number.isSafeInteger(n)) return this.ascii(String(n));
    this.room(17);
    const bytes = this.scratch;
    if (n < 0) {
      bytes[this.length++] = 0x2d;
      n = -n;
    }
    // Digits from the last, then turned round.
    let end = this.length;
    do {
      bytes[end++] = 0x30 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
    for (let i = this.length, j = end - 1; i < j; i++, j--) [bytes[i], bytes[j]] = [bytes[j]!, bytes[i]!];
    this.length = end;
    return this;
  }

  /** What was appended, in a buffer of its own; the builder is empty again. */
  take(): Buffer {
    const out = Buffer.allocUnsafeSlow(this.length);
    this.scratch.copy(out, 0, 0, this.length);
    this.length = 0;
    return out;
  }

  private room(more: number): void {
    if (this.length + more <= this.scratch.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(this.scratch.length * 2, this.length + more));
    this.scratch.copy(grown, 0, 0, this.length);
    this.scratch = grown;
  }
}
