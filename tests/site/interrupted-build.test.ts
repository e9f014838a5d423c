// A build killed part-way, or one that fails, leaves the last good site
// byte for byte as it was; the next build tidies up what the killed one left
// (its half-written folder, or the old site moved aside) and completes.

import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT, build, files, startBuild } from './build-helpers.ts';

const REPORT = join('reports', 'beijing-xicheng-zgc-xicheng-park', '2021.md');
const PAGE = join('reports', 'beijing-xicheng-zgc-xicheng-park', '2021', 'index.html');
/** A pid no process can have (Linux pids stay below 2^22). */
const DEAD_PID = 4_999_999;

/** A copy of content/ and a site built from it, in a fresh temporary folder. */
async function builtSite() {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-kill-'));
  const content = join(dir, 'content');
  cpSync(join(ROOT, 'content'), content, { recursive: true });
  const out = join(dir, '_site');
  expect((await build(content, out)).code).toBe(0);
  return { dir, content, out, before: files(out) };
}

/** Changes the report's narrative, so that a finished build would change the site. */
function edit(content: string) {
  const path = join(content, REPORT);
  writeFileSync(path, readFileSync(path, 'utf8').replace('## 一、总体情况', '## 一、总体情况\n\n改过的一段话。'));
}

const leftovers = (dir: string) => readdirSync(dir).filter((name) => /^_site\.((building|old)-\d+|commit-\d+\.json(\.tmp)?)$/.test(name));

/** Every file of the site touched: none is as the last build recorded it, so the next build makes the whole site in a fresh folder. */
const touchAll = (out: string) => {
  const now = new Date();
  for (const path of files(out).keys()) utimesSync(join(out, path), now, now);
};

/** Polls until `ready()` holds (or the build ends, which fails the test), then kills the build's whole process group. */
async function killWhen(content: string, out: string, ready: () => boolean): Promise<void> {
  const child = startBuild(content, out);
  let exited = false;
  child.on('exit', () => (exited = true));
  while (!ready()) {
    if (exited) throw new Error('the build ended before it could be killed');
    await new Promise((r) => setTimeout(r, 10));
  }
  process.kill(-child.pid!, 'SIGKILL');
  await new Promise((r) => (exited ? r(null) : child.on('exit', r)));
}

/** The folder the running build writes into, once it has one. */
const building = (dir: string) => readdirSync(dir).find((name) => name.startsWith('_site.building-'));

describe('an interrupted build', () => {
  it.each([
    ['while Eleventy writes the pages of a site made whole', (folder: string) => existsSync(join(folder, 'index.html')), touchAll],
    ['while the pages of an update are written, before they are moved in', (folder: string) => existsSync(join(folder, PAGE)), () => {}],
    ['while Pagefind writes the search index', (folder: string) => existsSync(join(folder, 'pagefind')), () => {}],
  ])('killed %s leaves the old site intact, and the next build tidies up and completes', async (_, stage, prepare) => {
    const { dir, content, out, before } = await builtSite();
    edit(content);
    prepare(out);
    await killWhen(content, out, () => {
      const name = building(dir);
      return name !== undefined && stage(join(dir, name));
    });
    expect(files(out)).toEqual(before);
    expect(leftovers(dir)).toHaveLength(1);

    expect((await build(content, out)).code).toBe(0);
    expect(leftovers(dir)).toEqual([]);
    expect(readFileSync(join(out, PAGE), 'utf8')).toContain('改过的一段话。');
  }, 180_000);

  it('killed between moving the old site aside and moving the new one in: the next build puts the old one back', async () => {
    const { dir, content, out, before } = await builtSite();
    // What such a kill leaves: no site, the old one moved aside, perhaps a half-written one.
    renameSync(out, `${out}.old-${DEAD_PID}`);
    mkdirSync(`${out}.building-${DEAD_PID}`);
    writeFileSync(join(`${out}.building-${DEAD_PID}`, 'index.html'), 'half');
    // Even a build that is then refused (a report with errors) restores it.
    writeFileSync(join(content, REPORT), readFileSync(join(content, REPORT), 'utf8').replace('| （七）总计 |', '| （七）总计 | x |'));
    const refused = await build(content, out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not built: \d+ error\(s\)/);
    expect(files(out)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  }, 180_000);
});

describe('an update killed while its files are moved in', () => {
  it('is completed by the next build, even one that is then refused', async () => {
    const { dir, content, out, before } = await builtSite();
    // What such a kill leaves: the journal, the staged files not yet moved in (the first was), a removal not yet made.
    const staging = `${out}.building-${DEAD_PID}`;
    const moved = join('reports', 'moved.html');
    const stagedPage = join(staging, PAGE);
    mkdirSync(dirname(stagedPage), { recursive: true });
    writeFileSync(stagedPage, 'the new page');
    writeFileSync(join(out, moved), 'moved in before the kill');
    const removed = [...before.keys()].find((path) => path.startsWith('data/'))!;
    writeFileSync(`${out}.commit-${DEAD_PID}.json`, JSON.stringify({ staging, moves: [moved, PAGE], removals: [removed] }));
    writeFileSync(join(content, REPORT), readFileSync(join(content, REPORT), 'utf8').replace('| （七）总计 |', '| （七）总计 | x |'));
    const refused = await build(content, out);
    expect(refused.code).toBe(1);
    const expected = new Map(before);
    expected.set(PAGE, Buffer.from('the new page'));
    expected.set(moved, Buffer.from('moved in before the kill'));
    expected.delete(removed);
    expect(files(out)).toEqual(expected);
    expect(leftovers(dir)).toEqual([]);
  }, 180_000);
});

describe('a failed build', () => {
  it('an agency registry that cannot be read is refused with its reason, the old site left as it was', async () => {
    const { content, out, before } = await builtSite();
    edit(content);
    writeFileSync(join(content, 'agencies.yaml'), readFileSync(join(content, 'agencies.yaml'), 'utf8').replace('level: district', 'level: galactic'));
    const refused = await build(content, out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('agencies.yaml: 0.level');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(files(out)).toEqual(before);
  }, 180_000);
});
