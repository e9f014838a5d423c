// The README documents every rule, with the severity the code gives it.

import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, RULE_IDS } from '../schemas/rules.ts';

const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');

it('the README rule table lists exactly the rules, with their severities', () => {
  const rows = [...readme.matchAll(/^\| `([a-z0-9-]+)` \| (error|warning|info) \|/gm)].map((m) => [m[1], m[2]]);
  expect(rows).toEqual(RULE_IDS.map((id) => [id, RULES[id].severity]));
});

it('the README opens with the two set-up commands', () => {
  expect(readme.split('\n').slice(2, 6)).toEqual([
    '```sh',
    'npm ci && npm start   # build the site from content/ and serve it at http://localhost:8080',
    'npm ci && npm test    # run every test',
    '```',
  ]);
});
