// The preview server (`build --serve`), as an editor uses it: it serves the
// site, and shows each edit — to a report's narrative, to the registry's
// names — on every page it touches; an edit that breaks a report prints the
// error, and the report's last good page stays until it is fixed. (The time an edit
// takes to show is measured in bench/, not here.)

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../../bench/generate.ts';
import { ROOT } from './build-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-preview-'));
const content = join(dir, 'content');
let server: ChildProcess;
let log = '';
let port = 0;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Polls `path` until `test` holds of its text (or fails after a minute with what it last saw). */
async function until(path: string, test: (page: string, status: number) => boolean): Promise<string> {
  let last = '';
  for (const start = Date.now(); Date.now() - start < 60_000; await new Promise((r) => setTimeout(r, 100))) {
    const response = await fetch(`http://localhost:${port}${path}`).catch(() => null);
    if (!response) continue;
    last = await response.text();
    if (test(last, response.status)) return last;
  }
  throw new Error(`${path} never became what was expected; server log:\n${log.slice(-3000)}`);
}

const reports = () => readdirSync(join(content, 'reports'), { recursive: true }).map(String).filter((f) => /\d{4}\.md$/.test(f)).sort();
const pageOf = (report: string) => {
  const [slug, file] = report.split('/');
  return `/reports/${slug}/${file!.slice(0, 4)}/`;
};

beforeAll(async () => {
  await generateCorpus({ reports: 6, seed: 11, out: content });
  port = await freePort();
  server = spawn('npm', ['run', '--silent', 'gongkai', '--', 'build', '--serve', '--port', String(port), '--content', content, '--out', join(dir, '_site')], {
    cwd: ROOT,
    env: { ...process.env, GONGKAI_CACHE_DIR: join(dir, 'cache') },
    detached: true,
  });
  server.stderr!.on('data', (d) => (log += d));
  server.stdout!.on('data', (d) => (log += d));
  for (const start = Date.now(); !log.includes('serving '); await new Promise((r) => setTimeout(r, 200))) {
    if (Date.now() - start > 120_000 || server.exitCode !== null) throw new Error(`the preview server did not start:\n${log}`);
  }
}, 180_000);

afterAll(() => {
  if (server.pid) process.kill(-server.pid, 'SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('the preview server', () => {
  it('shows an edit to a report on its page, in both languages', async () => {
    const report = reports()[2]!;
    const file = join(content, 'reports', report);
    writeFileSync(file, readFileSync(file, 'utf8').replace('## 五、存在的主要问题及改进情况\n', '## 五、存在的主要问题及改进情况\n\n预览时新加的一段。\n'));
    await until(pageOf(report), (page) => page.includes('预览时新加的一段。'));
    // The English page shows the Chinese text of a section it has no translation of, or its translation: either way it was made again from the edited report.
    expect(await until(`/en${pageOf(report)}`, (_, status) => status === 200)).toContain('<html lang="en"');
    // Its source download follows the edit too.
    await until(`${pageOf(report)}report.md`, (text) => text.includes('预览时新加的一段。'));
  }, 90_000);

  it("shows a new agency name from the registry on the agency's pages, the report pages and the lists", async () => {
    const registry = join(content, 'agencies.yaml');
    const report = reports()[0]!;
    const slug = report.split('/')[0]!;
    const yaml = readFileSync(registry, 'utf8');
    const name = new RegExp(`- slug: ${slug}\\n  name:\\n    zh: (.+)`).exec(yaml)![1]!;
    expect(await until(pageOf(report), (_, status) => status === 200)).toContain(name);
    writeFileSync(registry, yaml.replace(`zh: ${name}\n`, `zh: ${name}（新名）\n`));
    await until(pageOf(report), (text) => text.includes(`${name}（新名）`));
    await until(`/agencies/${slug}/`, (text) => text.includes(`${name}（新名）`));
    await until('/agencies/', (text) => text.includes(`${name}（新名）`));
    // The site-wide datasets are written once edits pause (a moment after the pages): they follow too.
    await until('/data/gongkai.json', (text) => text.includes(`${name}（新名）`));
    await until('/data/gongkai.csv', (text) => text.includes(`${name}（新名）`));
  }, 90_000);

  it('prints the error of an edit that breaks a report and keeps its last good page until it is fixed', async () => {
    // A report whose table 三 has a plain 予以公开 row, one figure of which changes: the row no longer adds up.
    const row = /^(\| （一）予以公开 \| )(\d+)/m;
    const report = reports().find((r) => row.test(readFileSync(join(content, 'reports', r), 'utf8')))!;
    const file = join(content, 'reports', report);
    const good = readFileSync(file, 'utf8');
    const withText = (text: string, line: string) => text.replace('## 五、存在的主要问题及改进情况\n', `## 五、存在的主要问题及改进情况\n\n${line}\n`);
    const start = log.length;
    writeFileSync(file, withText(good.replace(row, (_, lead: string, n: string) => `${lead}${Number(n) + 5}`), '错误编辑里的一段。'));
    for (const begun = Date.now(); !/table3-row-total/.test(log.slice(start)); await new Promise((r) => setTimeout(r, 100))) {
      if (Date.now() - begun > 60_000) throw new Error(`no error printed:\n${log.slice(start)}`);
    }
    expect(log.slice(start)).toContain(report.split('/')[1]!);
    expect(await until(pageOf(report), (_, status) => status === 200)).not.toContain('错误编辑里的一段。');
    writeFileSync(file, withText(good, '改好以后的一段。'));
    await until(pageOf(report), (page) => page.includes('改好以后的一段。'));
  }, 90_000);
});
