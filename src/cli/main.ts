// The command line: argument parsing and printing only; every command calls
// into the modules that do the work.

import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../check/config.ts';
import { validateSummaries } from '../check/validate-files.ts';
import { setCheckDefaults } from '../check/check-files.ts';
import { DEFAULT_CACHE_DIR } from '../cache/report-cache.ts';
import { reportFiles, UsageError } from './files.ts';
import { decode } from '../read/decode.ts';
import { formatGithub } from './format-github.ts';
import { formatText, summaryLine, type Lang } from './format-text.ts';
import { HELP } from './help.ts';
import type { Io } from './io.ts';
import { WriteRefused } from '../edit/write-file.ts';
import { RegistryError } from '../edit/registry.ts';
import { ChangedDuringBuild } from '../site/whole-report.ts';


/** A file's lines as the checks read them (decoded, LF newlines); none if it cannot be read. */
async function sourceLines(file: string): Promise<string[]> {
  const bytes = await readFile(file).catch(() => null);
  try {
    return bytes ? decode(bytes).text.split('\n') : [];
  } catch {
    return [];
  }
}

const count = (results: readonly { diagnostics: readonly { severity: string }[] }[], severity: string) => results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === severity).length, 0);

async function validate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' }, lang: { type: 'string', default: 'both' }, config: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) return io.out(HELP.validate!), 0;
  if (!['text', 'json', 'github'].includes(values.format)) throw new UsageError(`--format must be text, json or github, not "${values.format}"`);
  if (!['zh', 'en', 'both'].includes(values.lang)) throw new UsageError(`--lang must be zh, en or both, not "${values.lang}"`);
  if (!positionals.length) throw new UsageError('validate needs at least one file or directory');
  const config = await loadConfig(values.config);
  const results = await validateSummaries(await reportFiles(positionals), config);
  const errors = count(results, 'error');
  const warnings = count(results, 'warning');
  const diagnostics = results.flatMap((r) => r.diagnostics);
  if (values.format === 'json') {
    io.out(JSON.stringify({
      reports: results.map((r) => ({ file: r.file, agency: r.agency, year: r.year, format: r.format, diagnostics: r.diagnostics })),
      summary: { reports: results.length, errors, warnings },
    }, null, 2));
  } else if (values.format === 'github') {
    if (diagnostics.length) io.out(formatGithub(diagnostics));
  } else {
    // The lines diagnostics point at, read only for the files that have any.
    const sources = new Map<string, string[]>();
    for (const file of new Set(diagnostics.map((d) => d.file))) sources.set(file, await sourceLines(file));
    if (diagnostics.length) io.out(formatText(diagnostics, sources, { colour: io.colour, lang: values.lang as Lang }));
    io.out(summaryLine(results.length, errors, warnings));
  }
  return errors ? 1 : 0;
}

async function extract(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { help: { type: 'boolean' } } });
  if (values.help) return io.out(HELP.extract!), 0;
  if (positionals.length !== 1) throw new UsageError('extract takes exactly one file');
  const [file] = await reportFiles(positionals);
  const { checkReportFile } = await import('../report.ts');
  const result = await checkReportFile(file!);
  if (!result.report) {
    io.err(result.diagnostics.map((d) => `${d.file}: ${d.message.en}`).join('\n'));
    return 2;
  }
  io.out(JSON.stringify(result.report, null, 2));
  const errors = count([result], 'error');
  if (errors) io.err(`${file}: ${errors} error(s); run validate for details`);
  return 0;
}

async function schema(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { help: { type: 'boolean' } } });
  if (values.help) return io.out(HELP.schema!), 0;
  const [{ z }, { Report }] = await Promise.all([import('zod'), import('../../schemas/report.ts')]);
  io.out(JSON.stringify(z.toJSONSchema(Report, { io: 'output', unrepresentable: 'any' }), null, 2));
  return 0;
}

async function build(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { content: { type: 'string', default: 'content' }, out: { type: 'string', default: '_site' }, serve: { type: 'boolean' }, port: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) return io.out(HELP.build!), 0;
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new UsageError(`--port must be a port number, not "${values.port}"`);
  const { buildSite, SITE_PORT } = await import('../site/build.ts');
  return buildSite({ content: values.content, out: values.out, serve: values.serve ?? false, port: port ?? SITE_PORT, log: io.err });
}

// Each command loads what it needs when it runs: start-up is a good part of a warm validate.
const editing = () => import('./edit-commands.ts');
const COMMANDS: Record<string, (args: string[], io: Io) => number | Promise<number>> = {
  validate,
  extract,
  import: async (args, io) => (await editing()).importCommand(args, io),
  fmt: async (args, io) => (await editing()).fmtCommand(args, io),
  new: async (args, io) => (await editing()).newCommand(args, io),
  schema,
  build,
};

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return io.out(HELP.main!), command ? 0 : 2;
  const run = COMMANDS[command];
  if (!run) {
    io.err(`gongkai: unknown command "${command}"\n\n${HELP.main}`);
    return 2;
  }
  try {
    return await run(args, io);
  } catch (error) {
    if (error instanceof WriteRefused || error instanceof RegistryError || error instanceof ConfigError || error instanceof ChangedDuringBuild) {
      io.err(`gongkai ${command}: ${error.message}`);
      return 2;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`gongkai ${command}: ${(error as Error).message}\n\n${HELP[command] ?? ''}`);
      return 2;
    }
    throw error;
  }
}

/** Runs the command the process was started with, and sets its exit code (src/cli/gongkai.mjs runs it compiled). */
export function runFromCommandLine(): void {
  // From the command line: results cached (GONGKAI_NO_CACHE=1 turns the cache off), checked on as many threads as pay (GONGKAI_THREADS=n to choose).
  setCheckDefaults({ cacheDir: process.env.GONGKAI_NO_CACHE ? null : (process.env.GONGKAI_CACHE_DIR ?? DEFAULT_CACHE_DIR), threads: process.env.GONGKAI_THREADS ? Number(process.env.GONGKAI_THREADS) : 'auto' });
  const io: Io = {
    out: (s) => process.stdout.write(s + '\n'),
    err: (s) => process.stderr.write(s + '\n'),
    colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };
  main(process.argv.slice(2), io).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      // A bug of ours, not a problem of the input: say so plainly, without a stack trace.
      process.stderr.write(`gongkai: internal error: ${(error as Error)?.message ?? String(error)}\nPlease report this with the file that caused it.\n`);
      process.exitCode = 2;
    },
  );
}

// Run as a script (`tsx src/cli/main.ts`), not imported.
if (import.meta.url === `file://${process.argv[1]}`) runFromCommandLine();
