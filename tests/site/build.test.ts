// The build: refuses a report with errors and keeps the old site; two builds
// of the same content are byte-identical, whatever the time zone or locale.

import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_FILE } from '../helpers.ts';
import { ROOT as root, build, files } from './build-helpers.ts';

describe('gongkai build', () => {
  it('writes the same bytes twice, under another time zone and locale', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-build-'));
    expect((await build('content', join(dir, 'a'))).code).toBe(0);
    expect((await build('content', join(dir, 'b'), { TZ: 'America/Los_Angeles', LANG: 'zh_CN.UTF-8', LC_ALL: 'C' })).code).toBe(0);
    const a = files(join(dir, 'a'));
    const b = files(join(dir, 'b'));
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [path, bytes] of a) expect(bytes.equals(b.get(path)!), path).toBe(true);
    expect(a.has('reports/beijing-xicheng-zgc-xicheng-park/2021/index.html')).toBe(true);
    expect(a.has('en/reports/beijing-xicheng-zgc-xicheng-park/2021/index.html')).toBe(true);
  });

  it('refuses to publish a report with validation errors, lists them, and leaves the last site as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-build-'));
    const content = join(dir, 'content');
    cpSync(join(root, 'content'), content, { recursive: true });
    const out = join(dir, '_site');
    const cache = { GONGKAI_CACHE_DIR: join(dir, 'cache') };
    expect((await build(content, out, cache)).code).toBe(0);
    const before = files(out);
    mkdirSync(join(content, 'reports', 'raw'), { recursive: true });
    writeFileSync(join(content, 'reports', 'raw', '2021.txt'), readFileSync(SEED_FILE));
    const refused = await build(content, out, cache);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('raw/2021.txt:86:1  table-shape');
    expect(refused.stderr).toMatch(/not built: 15 error\(s\)/);
    expect(files(out)).toEqual(before);
    // The check is kept all the same (a build holds the index saves until it has a helper, and this one never will): validate reads it warm.
    // (An index is kept by the folder the reports have in common, which the new one changed.)
    const indexes = readdirSync(join(dir, 'cache', 'summaries')).map((f) => JSON.parse(readFileSync(join(dir, 'cache', 'summaries', f), 'utf8')) as { entries: object });
    expect(indexes.map((index) => Object.keys(index.entries).length).sort()).toEqual([1, 2]);
  });
});
