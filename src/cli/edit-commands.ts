// The editor's commands: import, fmt and new. Parsing and printing only;
// the work is in src/edit/.

import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { decode, DecodeError } from '../read/decode.ts';
import { formatReport, importReport } from '../edit/canonicalise.ts';
import { checkReportText } from '../report.ts';
import { newReport } from '../edit/new-report.ts';
import { findAgency, loadRegistry, reportPath, REGISTRY_FILE } from '../edit/registry.ts';
import { writeContentFile } from '../edit/write-file.ts';
import type { Diagnostic } from '../../schemas/diagnostic.ts';
import { reportFiles, UsageError } from './files.ts';
import { formatText } from './format-text.ts';
import { HELP } from './help.ts';
import type { Io } from './io.ts';

async function readText(path: string): Promise<string> {
  const bytes = await readFile(path).catch(() => {
    throw new UsageError(`cannot read ${path}`);
  });
  try {
    return decode(bytes).text;
  } catch (error) {
    if (error instanceof DecodeError) throw new UsageError(`${path} ${error.message}`);
    throw error;
  }
}

function printDiagnostics(io: Io, diagnostics: Diagnostic[], sources: Record<string, string>): void {
  if (!diagnostics.length) return;
  const lines = new Map(Object.entries(sources).map(([file, text]) => [file, text.split('\n')]));
  io.err(formatText(diagnostics, lines, { colour: io.colour, lang: 'both' }));
}

const errorsIn = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error').length;

/** Where a report goes: --out, else its folder in the content tree, found through the registry. */
async function destination(out: string | undefined, content: string, agency: string | null, year: number | null): Promise<{ path: string; slug?: string }> {
  const registry = await loadRegistry(content);
  const entry = agency ? findAgency(registry, agency) : undefined;
  if (out) return { path: out, ...(entry ? { slug: entry.slug } : {}) };
  if (!entry) throw new UsageError(`"${agency ?? '?'}" is not in ${content}/${REGISTRY_FILE}: add it there, or give --out <path> (or --out - for standard output)`);
  if (!year) throw new UsageError('the report states no year: give --out <path>');
  return { path: reportPath(content, entry.slug, year), slug: entry.slug };
}

async function emit(io: Io, path: string, text: string, force: boolean): Promise<void> {
  if (path === '-') io.out(text.replace(/\n$/, ''));
  else {
    await writeContentFile(path, text, { overwrite: force });
    io.err(`wrote ${path}`);
  }
}

export async function importCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' }, force: { type: 'boolean' }, content: { type: 'string', default: 'content' }, help: { type: 'boolean' } } });
  if (values.help) return io.out(HELP.import!), 0;
  if (positionals.length !== 1) throw new UsageError('import takes exactly one file');
  const input = positionals[0]!;
  const text = await readText(input);
  const checked = checkReportText(text, input);
  const { report } = checked;
  const target = await destination(values.out, values.content, report?.agency ?? null, report?.year ?? null);
  const result = importReport(text, input, { checked, outputFile: target.path === '-' ? input : target.path, ...(target.slug ? { agencySlug: target.slug } : {}) });
  if (result.text === null) throw new UsageError(`${input}: not a report that can be read`);
  await emit(io, target.path, result.text, values.force ?? false);
  printDiagnostics(io, result.diagnostics, { [input]: text, [target.path]: result.text });
  return errorsIn(result.diagnostics) ? 1 : 0;
}

export async function fmtCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { check: { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help) return io.out(HELP.fmt!), 0;
  if (!positionals.length) throw new UsageError('fmt needs at least one file or directory');
  let changed = 0;
  for (const file of await reportFiles(positionals)) {
    const text = await readText(file);
    const result = formatReport(text, file);
    if (result.text === null || result.text === text) continue;
    changed++;
    if (values.check) io.out(`${file}: not in the canonical layout (run gongkai fmt ${file})`);
    else {
      await writeContentFile(file, result.text, { overwrite: true });
      io.err(`formatted ${file}`);
    }
  }
  return values.check && changed ? 1 : 0;
}

export async function newCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { agency: { type: 'string' }, year: { type: 'string' }, format: { type: 'string', default: '2021' }, out: { type: 'string' }, force: { type: 'boolean' }, content: { type: 'string', default: 'content' }, help: { type: 'boolean' } } });
  if (values.help) return io.out(HELP.new!), 0;
  if (!values.agency) throw new UsageError('new needs --agency <name or slug>');
  if (!values.year || !/^\d{4}$/.test(values.year)) throw new UsageError('new needs --year <four digits>');
  if (values.format !== '2019' && values.format !== '2021') throw new UsageError('--format must be 2019 or 2021');
  const registry = await loadRegistry(values.content);
  const entry = findAgency(registry, values.agency);
  const agency = entry?.name.zh ?? values.agency;
  const year = Number(values.year);
  const target = await destination(values.out, values.content, agency, year);
  const text = newReport({ agency, year, format: values.format, ...(target.slug ? { agencySlug: target.slug } : {}) });
  await emit(io, target.path, text, values.force ?? false);
  return 0;
}

