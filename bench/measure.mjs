// Runs the gongkai command line in this process, as `npm run gongkai` runs it
// (src/cli/gongkai.mjs), and, at exit, reports the process's peak memory:
// how the benchmark measures each step on its own.

process.on('exit', () => {
  process.stderr.write(`\n@@measure ${JSON.stringify({ peak_mb: process.resourceUsage().maxRSS / 1024 })}\n`);
});
await import('../src/cli/gongkai.mjs');
