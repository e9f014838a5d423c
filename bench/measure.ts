// Runs the gongkai command line in this process and, at exit, reports the
// process's peak memory: how the benchmark measures each step on its own.

import { resolve } from 'node:path';

const main = resolve(import.meta.dirname, '..', 'src', 'cli', 'main.ts');
process.argv = [process.argv[0]!, main, ...process.argv.slice(2)];
process.on('exit', () => {
  process.stderr.write(`\n@@measure ${JSON.stringify({ peak_mb: process.resourceUsage().maxRSS / 1024 })}\n`);
});
await import(main);
