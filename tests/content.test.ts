// What the repository publishes: content/ validates, is in the canonical
// layout, and the workflow that guards it runs the documented commands.

import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runCli } from './helpers.ts';

const root = join(import.meta.dirname, '..');
const content = join(root, 'content');

const run = runCli;

it('content/ validates with no errors and no warnings', async () => {
  const { code, stdout } = await run('validate', '--format', 'json', content);
  expect(code).toBe(0);
  const json = JSON.parse(stdout);
  expect(json.summary).toEqual({ reports: 1, errors: 0, warnings: 0 });
  expect(json.reports[0]).toMatchObject({ agency: '北京市西城区中关村科技园区西城园管理委员会', year: 2021, format: '2019' });
});

it('content/ is in the canonical layout', async () => {
  expect(await run('fmt', '--check', content)).toMatchObject({ code: 0, stdout: '' });
});

it('the GitHub workflow validates with annotations and checks the layout', () => {
  const workflow = parse(readFileSync(join(root, '.github', 'workflows', 'validate.yml'), 'utf8')) as { jobs: { validate: { steps: { run?: string }[] } } };
  const commands = workflow.jobs.validate.steps.map((s) => s.run).filter(Boolean);
  expect(commands).toEqual(['npm ci', 'npm run --silent gongkai -- validate --format github content', 'npm run --silent gongkai -- fmt --check content']);
});
