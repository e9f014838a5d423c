// import and fmt: a report, as read, to its canonical text. import also
// reconstructs lost values and records where the text came from; fmt only
// rewrites the layout and never changes a value.

import { basename } from 'node:path';
import type { FrontMatter } from '../../schemas/front-matter.ts';
import { problem, sortDiagnostics, type Diagnostic, type Problem } from '../check/diagnostic.ts';
import { joinBrokenParagraphs } from '../recognise/narrative.ts';
import { checkReportText, type ReportResult } from '../report.ts';
import { writeCanonical } from '../write/canonical.ts';
import { reconstructReport } from './reconstruct-report.ts';

export type Canonicalised = {
  /** The canonical text, or null when the input could not be read at all. */
  text: string | null;
  /** Notes on what the command did (lines of the input), then what remains to fix (lines of the output). */
  diagnostics: Diagnostic[];
};

/** What import did that the editor should know of: lines kept as text. */
function notes(read: ReportResult): Problem[] {
  const out: Problem[] = [];
  for (const block of read.recognised!.narrative.blocks.filter((b) => b.kind === 'stray')) {
    out.push(problem('unplaced-text', { at: { line: block.line, column: 1 }, actual: block.markdown }, {
      zh: `这一行随表格读入，但不属于任何表格行，已原样保留在所在部分：“${block.markdown}”`,
      en: `This line was read with a table but is none of its rows; it was kept, unchanged, in its section: "${block.markdown}"`,
    }));
  }
  return out;
}

export type CanonicaliseOptions = {
  /** Where the output will be written: the file its diagnostics name. */
  outputFile?: string;
  /** The agency's slug in the registry, recorded in the front matter. */
  agencySlug?: string;
  /** The input, already checked by the caller: not parsed again. */
  checked?: ReportResult;
};

function canonicalise(text: string, file: string, mode: 'import' | 'fmt', options: CanonicaliseOptions = {}): Canonicalised {
  const read = options.checked ?? checkReportText(text, file);
  if (!read.report || !read.recognised) return { text: null, diagnostics: read.diagnostics };
  const { report: asRead, recognised } = read;
  const fromFile = (recognised.metadata.frontMatter as FrontMatter | null) ?? null;
  const previous = options.agencySlug ? { ...fromFile, agencySlug: options.agencySlug } : fromFile;
  const { report, entries, problems } =
    mode === 'import' ? reconstructReport(asRead) : { report: asRead, entries: previous?.reconstructed ?? [], problems: [] as Problem[] };
  const { blocks } = joinBrokenParagraphs(recognised.narrative.blocks);
  const title = recognised.metadata.title?.text ?? (report.agency && report.year ? `${report.agency}${report.year}年政府信息公开工作年度报告` : null);
  const source = mode === 'import' && !previous?.source ? basename(file) : report.source;
  const output = writeCanonical({ report: { ...report, source }, title, blocks, previousFrontMatter: previous as Record<string, unknown> | null, reconstructed: entries });
  // Notes point into the input; what remains to fix points into the output.
  const remaining = checkReportText(output, options.outputFile ?? file).diagnostics;
  const noted = mode === 'import' ? [...notes(read), ...problems].map((p) => ({ file, ...p })) : [];
  return { text: output, diagnostics: [...sortDiagnostics(noted), ...remaining] };
}

/** The canonical file for a report as an editor has it, lost values reconstructed where certain. */
export const importReport = (text: string, file: string, options?: CanonicaliseOptions) => canonicalise(text, file, 'import', options);

/** The same report in the canonical layout: values, front matter and narrative unchanged. */
export const formatReport = (text: string, file: string, options?: CanonicaliseOptions) => canonicalise(text, file, 'fmt', options);
