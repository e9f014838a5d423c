// What a cached result depends on besides its file: gongkai's version and
// its own source, so that a changed rule or recogniser never serves an old
// result.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../util/root.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

let version: string | undefined;

export function codeVersion(): string {
  if (version) return version;
  const hash = createHash('sha256');
  hash.update(readFileSync(join(ROOT, 'package.json')));
  for (const file of [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'schemas'))]) hash.update(file).update(readFileSync(file));
  return (version = hash.digest('hex').slice(0, 16));
}
