// The preview server looks at every English companion again after each
// edit: a missing file is found without an error, and any change to one
// (even one of the same size) is read.

import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTextIfAny } from '../../src/read/read-stamped.ts';

const COMPANION = join(import.meta.dirname, '..', '..', 'content', 'reports', 'beijing-xicheng-zgc-xicheng-park', '2021.en.md');

describe('readTextIfAny', () => {
  it('reads a companion, says null for none, and follows every change to it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-stamped-'));
    try {
      const file = join(dir, '2021.en.md');
      expect(readTextIfAny(file, true)).toBeNull();
      copyFileSync(COMPANION, file);
      const text = readFileSync(COMPANION, 'utf8');
      expect(readTextIfAny(file, true)).toBe(text);
      // Same size, another time: read again.
      const changed = text.replace('Zhongguancun', 'ZHONGGUANCUN');
      expect(changed).not.toBe(text);
      writeFileSync(file, changed);
      utimesSync(file, new Date(), new Date(Date.now() + 5000));
      expect(readTextIfAny(file, true)).toBe(changed);
      rmSync(file);
      expect(readTextIfAny(file, true)).toBeNull();
      // A folder of that name is not a companion.
      expect(readTextIfAny(dir, false)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
