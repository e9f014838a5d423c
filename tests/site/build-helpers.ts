// Building the site as a user does, in a child process (Eleventy loads
// .eleventy.ts through the CLI's TypeScript loader), and reading what it wrote.

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

export const ROOT = join(import.meta.dirname, '..', '..');

const argv = (content: string, out: string) => ['run', '--silent', 'gongkai', '--', 'build', '--content', content, '--out', out];

/** One build to its end: its exit code and what it printed on stderr. */
export async function build(content: string, out: string, env: Record<string, string> = {}) {
  return promisify(execFile)('npm', argv(content, out), { cwd: ROOT, env: { ...process.env, ...env } })
    .then((r) => ({ code: 0, stderr: r.stderr }))
    .catch((e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }));
}

/** A build started and left running, in a process group of its own so that it can be killed whole (npm, tsx and node). */
export function startBuild(content: string, out: string): ChildProcess {
  return spawn('npm', argv(content, out), { cwd: ROOT, detached: true, stdio: 'ignore' });
}

/** Every file under `dir`, by its path relative to it. */
export function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}
