// The editor's commands as an editor runs them, on a content folder of their own.

import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REAL_DIR, SEED_FILE, runCli } from '../helpers.ts';

const run = runCli;

function contentFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-content-'));
  cpSync(join(import.meta.dirname, '..', '..', 'content', 'agencies.yaml'), join(dir, 'agencies.yaml'));
  return dir;
}

describe('from the seed file to a published-ready report', () => {
  it('import writes the report where the registry says, validate passes, fmt --check agrees', async () => {
    const content = contentFolder();
    const imported = await run('import', SEED_FILE, '--content', content);
    const target = join(content, 'reports', 'beijing-xicheng-zgc-xicheng-park', '2021.md');
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain(`wrote ${target}`);
    expect(readFileSync(target, 'utf8')).toContain('agencySlug: beijing-xicheng-zgc-xicheng-park');
    expect((await run('validate', content)).code).toBe(0);
    expect(await run('fmt', '--check', content)).toMatchObject({ code: 0, stdout: '' });
  });

  it('import refuses to overwrite without --force, and leaves the file as it was', async () => {
    const content = contentFolder();
    await run('import', SEED_FILE, '--content', content);
    const target = join(content, 'reports', 'beijing-xicheng-zgc-xicheng-park', '2021.md');
    writeFileSync(target, 'edited by hand\n');
    const again = await run('import', SEED_FILE, '--content', content);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists; give --force');
    expect(readFileSync(target, 'utf8')).toBe('edited by hand\n');
    expect((await run('import', SEED_FILE, '--content', content, '--force')).code).toBe(0);
  });

  it('import needs --out for an agency not in the registry; --out - prints the report', async () => {
    const content = contentFolder();
    const input = join(REAL_DIR, '05-pingtan-2022', 'tab-separated.txt');
    const refused = await run('import', input, '--content', content);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is not in');
    const printed = await run('import', input, '--out', '-');
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/^---\nagency: 平潭综合实验区（管委会）\nyear: 2022\nformat: "2021"\nsource: tab-separated.txt\n/);
  });

  it('import exits 1 when the output still has errors to fix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-'));
    const input = join(dir, 'broken.md');
    writeFileSync(input, readFileSync(join(REAL_DIR, '02-pingtan-2019', 'one-label-column.md'), 'utf8').replace('| （一）予以公开 | 7 |', '| （一）予以公开 | 9 |'));
    const result = await run('import', input, '--out', join(dir, 'out.md'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('table3-row-total');
  });
});

describe('fmt and new', () => {
  it('fmt --check exits 1 on a file not in the canonical layout, and fmt rewrites it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-'));
    const file = join(dir, '2022.md');
    cpSync(join(REAL_DIR, '05-pingtan-2022', 'html.md'), file);
    const checked = await run('fmt', '--check', dir);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(`${file}: not in the canonical layout`);
    expect((await run('fmt', dir)).code).toBe(0);
    expect(await run('fmt', '--check', dir)).toMatchObject({ code: 0, stdout: '' });
  });

  it('new starts a report in the agency\'s folder, and refuses to overwrite it', async () => {
    const content = contentFolder();
    const created = await run('new', '--agency', 'beijing-xicheng-zgc-xicheng-park', '--year', '2022', '--content', content);
    expect(created.code).toBe(0);
    const target = join(content, 'reports', 'beijing-xicheng-zgc-xicheng-park', '2022.md');
    expect(readFileSync(target, 'utf8')).toMatch(/^---\nagency: 北京市西城区中关村科技园区西城园管理委员会\nagencySlug: beijing-xicheng-zgc-xicheng-park\nyear: 2022\nformat: "2021"\n/);
    expect((await run('new', '--agency', 'beijing-xicheng-zgc-xicheng-park', '--year', '2022', '--content', content)).code).toBe(2);
    expect((await run('new', '--agency', '无名机关', '--year', '2022', '--content', content)).code).toBe(2);
    expect(existsSync(join(content, 'reports', '无名机关'))).toBe(false);
  });

  it('new checks its arguments', async () => {
    expect((await run('new', '--agency', 'x', '--year', '22')).code).toBe(2);
    expect((await run('new', '--agency', 'x', '--year', '2022', '--format', '2020')).code).toBe(2);
  });
});

describe('validate --config', () => {
  it('raises a rule to an error as the configuration says', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-'));
    const config = join(dir, 'rc.json');
    writeFileSync(config, JSON.stringify({ rules: { 'label-variant': 'error' } }));
    const typo = join(REAL_DIR, '04-pingtan-2021', 'three-label-columns.md');
    expect((await run('validate', typo)).code).toBe(0);
    expect((await run('validate', '--config', config, typo)).code).toBe(1);
    writeFileSync(config, JSON.stringify({ rules: { 'no-such-rule': 'error' } }));
    const bad = await run('validate', '--config', config, typo);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('rc.json');
  });
});
