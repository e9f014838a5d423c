// The command line as `npm run gongkai` runs it: compiled (src/cli/compile.mjs)
// once for each state of the sources, giving what the TypeScript gives.

import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../site/build-helpers.ts';
import { FIXTURES, SEED_FILE } from '../helpers.ts';

const run = (entry: string[], args: string[], cwd = ROOT) =>
  promisify(execFile)(process.execPath, [...entry, ...args], { cwd, env: { ...process.env, GONGKAI_NO_CACHE: '1' } })
    .then((r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }))
    .catch((e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));

const COMPILED = [join('src', 'cli', 'gongkai.mjs')];
const FROM_SOURCE = ['--import', 'tsx', join('src', 'cli', 'main.ts')];

/** gongkai's sources copied where a test may change them, its packages linked. */
function copyOfGongkai(): string {
  const copy = mkdtempSync(join(tmpdir(), 'gongkai-compiled-'));
  for (const part of ['package.json', 'src', 'schemas', 'templates', '.eleventy.ts']) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  return copy;
}

describe('the compiled command line', () => {
  const copies: string[] = [];
  const compiledDir = join(ROOT, 'node_modules', '.cache', 'gongkai-code');
  const treesBefore = new Set(existsSync(compiledDir) ? readdirSync(compiledDir) : []);
  afterAll(() => {
    copies.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
    // The copies' trees (their node_modules is this one's), whose sources are gone.
    for (const tree of readdirSync(compiledDir).filter((t) => !treesBefore.has(t))) {
      const root = join(compiledDir, tree, 'src', 'util', 'root.js');
      if (existsSync(root) && copies.some((copy) => readFileSync(root, 'utf8').includes(copy))) rmSync(join(compiledDir, tree), { recursive: true, force: true });
    }
  });

  it('prints what the TypeScript prints, for every command that reads reports', async () => {
    const files = [SEED_FILE, join(FIXTURES, 'real')];
    for (const args of [['validate', '--format', 'json', ...files], ['validate', ...files], ['extract', SEED_FILE], ['schema']]) {
      const [compiled, source] = await Promise.all([run(COMPILED, args), run(FROM_SOURCE, args)]);
      expect(compiled.stdout.length).toBeGreaterThan(0);
      expect(compiled).toEqual(source);
    }
  }, 120_000);

  it('is compiled again when a source changes, and runs the change; used as it is while none does', async () => {
    const copy = copyOfGongkai();
    copies.push(copy);
    const trees = () => readdirSync(join(copy, 'node_modules', '.cache', 'gongkai-code')).filter((name) => !name.includes('.making-'));
    const before = new Set(trees());
    const first = await run(COMPILED, ['--help'], copy);
    expect(first.stdout).toContain('gongkai — 政府信息公开工作年度报告工具');
    const made = trees().filter((t) => !before.has(t));
    expect(made).toHaveLength(1); // the copy's own: its sources are elsewhere
    expect(existsSync(join(copy, 'node_modules', '.cache', 'gongkai-code', made[0]!, 'src', 'cli', 'main.js'))).toBe(true);
    expect((await run(COMPILED, ['--help'], copy)).stdout).toBe(first.stdout);
    expect(trees().filter((t) => !before.has(t))).toEqual(made);

    const help = join(copy, 'src', 'cli', 'help.ts');
    writeFileSync(help, readFileSync(help, 'utf8').replace('gongkai — 政府信息公开工作年度报告工具', 'gongkai (changed) — 政府信息公开工作年度报告工具'));
    expect((await run(COMPILED, ['--help'], copy)).stdout).toContain('gongkai (changed) —');
    expect(trees().filter((t) => !before.has(t))).toHaveLength(2);
  }, 120_000);

  it('says which file does not compile, without a stack trace', async () => {
    const copy = copyOfGongkai();
    copies.push(copy);
    writeFileSync(join(copy, 'src', 'cli', 'help.ts'), 'export const HELP = {\n');
    const result = await run(COMPILED, ['--help'], copy);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/help\.ts/);
    expect(result.stderr).toMatch(/^gongkai: its TypeScript does not compile/m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
