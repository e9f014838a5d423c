// The build renders report and agency pages in bulk, the preview server has
// Eleventy render them: the same bytes either way, for the seed, for content
// carrying markup everywhere a name or text can, and for a generated corpus
// (English companions, several years an agency).

import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateCorpus } from '../../bench/generate.ts';
import { ROOT } from './build-helpers.ts';
import { hostileContent } from './hostile-content.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function renderBothWays(content: string, name: string) {
  const { stdout } = await promisify(execFile)('node', ['--import', 'tsx', 'tests/site/render-both-ways.ts', content, join(dir, name)], { cwd: ROOT, env: { ...process.env, GONGKAI_NO_CACHE: '1' } });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { pages: number; kinds: string[]; differ: string[] };
}

describe('pages rendered in bulk', () => {
  it('are those Eleventy renders, byte for byte: the seed', async () => {
    const result = await renderBothWays(join(ROOT, 'content'), 'seed');
    expect(result.kinds).toEqual(expect.arrayContaining(['report', 'agency']));
    expect(result.differ).toEqual([]);
  }, 60_000);

  it('are those Eleventy renders, byte for byte: hostile names and narrative', async () => {
    const result = await renderBothWays(hostileContent(join(dir, 'hostile')), 'hostile');
    expect(result.pages).toBeGreaterThan(20);
    expect(result.differ).toEqual([]);
  }, 60_000);

  it('are those Eleventy renders, byte for byte: a generated corpus', async () => {
    const content = join(dir, 'generated');
    await generateCorpus({ reports: 12, seed: 11, out: content });
    const result = await renderBothWays(content, 'generated');
    expect(result.pages).toBeGreaterThan(24);
    expect(result.differ).toEqual([]);
  }, 60_000);
});
