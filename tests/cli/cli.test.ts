// The command line as editors and CI use it: output formats, exit codes,
// and nothing but the output on stdout.

import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { REAL_DIR, SEED_FILE, runCli } from '../helpers.ts';

const run = runCli;

const CLEAN = join(REAL_DIR, '02-pingtan-2019', 'tab-separated.txt');

describe('validate', () => {
  it('exits 0 on a clean report and 1 on the seed, whose 14 short rows are errors', async () => {
    expect((await run('validate', CLEAN)).code).toBe(0);
    const seed = await run('validate', SEED_FILE);
    expect(seed.code).toBe(1);
    expect(seed.stdout).toMatch(/1 report checked: 14 errors, 0 warnings$/);
  });

  it('text: location, rule, both languages, the source line and a caret under the cell', async () => {
    const { stdout } = await run('validate', SEED_FILE);
    const lines = stdout.split('\n');
    const at = lines.findIndex((l) => l.endsWith(':99:1  error  table-shape'));
    expect(lines[at + 1]).toContain('表三“三、本年度办理结果/（五）不予处理/1.信访举报投诉类申请”行应有 7 个数值，实有 6 个');
    expect(lines[at + 2]).toContain('7 values are due, 6 found');
    expect(lines[at + 3]).toBe('  99 | （五）→1. 信访举报投诉类申→0→0→0→0→0→0→');
    expect(lines[at + 4]).toBe('     | ^');
    expect(stdout).not.toMatch(/\x1b\[/);
  });

  it('json: the documented contract', async () => {
    const { stdout, code } = await run('validate', '--format', 'json', SEED_FILE, CLEAN);
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json.summary).toEqual({ reports: 2, errors: 14, warnings: 0 });
    expect(json.reports.map((r: { file: string; format: string; year: number }) => [r.file, r.format, r.year])).toEqual([[SEED_FILE, '2019', 2021], [CLEAN, '2019', 2019]]);
    expect(Object.keys(json.reports[0].diagnostics[0]).sort()).toEqual(['actual', 'col', 'column', 'expected', 'file', 'line', 'message', 'row', 'rule', 'severity', 'table']);
    expect(json.reports[0].diagnostics[0]).toMatchObject({ rule: 'table-shape', severity: 'error', line: 86, table: 'table3', row: '三、本年度办理结果/（一）予以公开', expected: 7, actual: 6 });
  });

  it('github: one workflow annotation per problem', async () => {
    const { stdout } = await run('validate', '--format', 'github', SEED_FILE);
    const lines = stdout.split('\n');
    expect(lines).toHaveLength(14);
    expect(lines[0]).toMatch(/^::error file=.*000_cd059c58cf603bf2\.txt,line=86,col=1,title=table-shape::表三/);
  });

  it('walks directories, and skips English companions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-'));
    writeFileSync(join(dir, '2021.md'), '# x');
    writeFileSync(join(dir, '2021.en.md'), '# x');
    const json = JSON.parse((await run('validate', '--format', 'json', dir)).stdout);
    expect(json.reports.map((r: { file: string }) => relative(dir, r.file))).toEqual(['2021.md']);
  });

  it('reports an undecodable file with its byte offset, without stopping the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-'));
    writeFileSync(join(dir, 'bad.txt'), Buffer.from([0x41, 0x0a, 0x81, 0x20]));
    const json = JSON.parse((await run('validate', '--format', 'json', join(dir, 'bad.txt'), CLEAN)).stdout);
    expect(json.summary).toEqual({ reports: 2, errors: 1, warnings: 0 });
    expect(json.reports[0].diagnostics[0]).toMatchObject({ rule: 'file-unreadable', actual: 'byte 2' });
  });

  it('exits 2 when it cannot run: no such path, bad option, no paths, unknown command', async () => {
    expect((await run('validate', 'no/such/file.md')).code).toBe(2);
    expect((await run('validate', '--format', 'xml', CLEAN)).code).toBe(2);
    expect((await run('validate', '--frmat', 'json', CLEAN)).code).toBe(2);
    expect((await run('validate')).code).toBe(2);
    const unknown = await run('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command');
  });
});

describe('extract', () => {
  it('prints the typed model as JSON in the documented shape', async () => {
    const { stdout, code } = await run('extract', join(REAL_DIR, '11-huaian-city-2024', 'html.md'));
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ agency: '淮安市人民政府', year: 2024, format: '2021' });
    expect(report.sections.map((s: { number: number }) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(report.tables.table3.columns).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    expect(report.tables.table3.rows[0]).toMatchObject({ key: 'received', label: '一、本年新收政府信息公开申请数量' });
    expect(report.tables.table4.values).toHaveLength(15);
    expect(report.tables.table2.blocks[3]).toMatchObject({ clause: '第二十条第（八）项', rows: [{ label: '行政事业性收费', values: ['96171.6'], units: ['万元'] }] });
  });

  it('every command explains itself with --help, in both languages', async () => {
    for (const command of ['validate', 'extract', 'import', 'fmt', 'new', 'schema', 'build']) {
      const { stdout, code } = await run(command, '--help');
      expect(code).toBe(0);
      expect(stdout).toMatch(/用法 Usage/);
    }
  });
});

describe('as a process', () => {
  it('`npm run --silent gongkai -- validate --format json` prints only the JSON', async () => {
    const result = await promisify(execFile)('npm', ['run', '--silent', 'gongkai', '--', 'validate', '--format', 'json', CLEAN], { cwd: join(import.meta.dirname, '..', '..') });
    expect(JSON.parse(result.stdout).summary).toEqual({ reports: 1, errors: 0, warnings: 0 });
  });

  it('exits 1 with errors', async () => {
    const failed = await promisify(execFile)('npm', ['run', '--silent', 'gongkai', '--', 'validate', SEED_FILE], { cwd: join(import.meta.dirname, '..', '..') }).catch((e: { code: number }) => e);
    expect((failed as { code: number }).code).toBe(1);
  });
});
