// The placeholder site builds from content/ and lists its reports.

import { expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(import.meta.dirname, '..');

it('`gongkai build` writes _site/index.html in Chinese and English', async () => {
  await promisify(execFile)('npm', ['run', '--silent', 'gongkai', '--', 'build'], { cwd: root });
  const html = readFileSync(join(root, '_site', 'index.html'), 'utf8');
  expect(html).toContain('<html lang="zh-CN">');
  expect(html).toContain('政府信息公开工作年度报告');
  expect(html).toContain('<span lang="en">Government information-disclosure annual reports</span>');
});
