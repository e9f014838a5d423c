// A report in gongkai's canonical layout: YAML front matter, the title, the
// preamble, then the six sections under their standard titles, each with its
// narrative as written and its table in the canonical GFM layout. Reading the
// result gives the same model back; writing it again gives the same text.

import { Document, isSeq, visit } from 'yaml';
import type { ReconstructedCell } from '../../schemas/front-matter.ts';
import type { Report } from '../../schemas/report.ts';
import { SECTIONS, type TableId } from '../../schemas/template.ts';
import type { NarrativeBlock } from '../recognise/narrative.ts';
import { normaliseLabel } from '../recognise/normalise.ts';
import { table2Markdown, table3Markdown, table4Markdown } from './tables.ts';

/** The front matter keys gongkai writes, in the order it writes them; others the file had follow, kept. */
const KEY_ORDER = ['agency', 'agencySlug', 'year', 'format', 'source', 'published', 'period', 'contact', 'sectionTitles', 'reconstructed'] as const;

export type CanonicalInput = {
  report: Report;
  title: string | null;
  blocks: readonly NarrativeBlock[];
  /** What the file's front matter held before, kept where gongkai has nothing newer. */
  previousFrontMatter: Record<string, unknown> | null;
  reconstructed: readonly ReconstructedCell[];
};

/** Section headings as written, where they differ from the standard ones. */
export function originalTitles(report: Report, previous: Record<string, unknown> | null): Record<string, string> | undefined {
  const titles: Record<string, string> = { ...((previous?.sectionTitles as Record<string, string> | undefined) ?? {}) };
  for (const section of report.sections) {
    const standard = SECTIONS[section.number - 1]!.title.zh;
    if (normaliseLabel(section.title) !== normaliseLabel(standard)) titles[String(section.number)] = section.title;
  }
  return Object.keys(titles).length ? titles : undefined;
}

function frontMatter(input: CanonicalInput): string {
  const { report, previousFrontMatter: previous } = input;
  const derived: Record<string, unknown> = {
    agency: report.agency ?? undefined,
    agencySlug: previous?.agencySlug,
    year: report.year ?? undefined,
    format: report.format ?? undefined,
    source: report.source ?? previous?.source,
    published: report.published ?? undefined,
    period: report.period ?? undefined,
    contact: report.contact ?? undefined,
    sectionTitles: originalTitles(report, previous),
    reconstructed: input.reconstructed.length ? input.reconstructed : undefined,
  };
  const ordered: Record<string, unknown> = {};
  for (const key of KEY_ORDER) if (derived[key] !== undefined) ordered[key] = derived[key];
  for (const [key, value] of Object.entries(previous ?? {})) if (!(key in ordered) && !(KEY_ORDER as readonly string[]).includes(key)) ordered[key] = value;
  const doc = new Document(ordered);
  // Lists of column names stay on one line.
  visit(doc, { Seq: (_, node) => { if (node.items.every((item) => !isSeq(item) && typeof (item as { value?: unknown }).value === 'string')) node.flow = true; } });
  return `---\n${doc.toString({ lineWidth: 0 })}---`;
}

const TABLE_SECTION: Record<TableId, number> = { table2: 2, table3: 3, table4: 4 };

type Item = { section: number; line: number; markdown: string };

export function writeCanonical(input: CanonicalInput): string {
  const { report } = input;
  const found = new Set(report.sections.map((s) => s.number));
  const sectionAt = (line: number) => report.sections.filter((s) => s.line <= line).at(-1)?.number ?? 0;
  const items: Item[] = input.blocks.map((b) => ({ section: b.section, line: b.line, markdown: b.kind === 'heading' ? `### ${b.markdown}` : b.markdown }));
  const tables = report.tables;
  const render = { table2: tables.table2 && table2Markdown(tables.table2), table3: tables.table3 && table3Markdown(tables.table3), table4: tables.table4 && table4Markdown(tables.table4) };
  for (const id of ['table2', 'table3', 'table4'] as const) {
    const markdown = render[id];
    const line = tables[id]?.line;
    if (!markdown || !line) continue;
    const own = TABLE_SECTION[id];
    // A table stands where it was, unless that is outside its own section: then at that section's end.
    const inPlace = sectionAt(line) === own || !found.has(own);
    items.push({ section: inPlace ? sectionAt(line) : own, line: inPlace ? line : Infinity, markdown });
  }
  items.sort((a, b) => a.section - b.section || a.line - b.line);
  const parts = [frontMatter(input)];
  if (input.title) parts.push(`# ${input.title}`);
  parts.push(...items.filter((i) => i.section === 0).map((i) => i.markdown));
  for (const section of SECTIONS) {
    if (!found.has(section.number)) continue;
    parts.push(`## ${section.title.zh}`, ...items.filter((i) => i.section === section.number).map((i) => i.markdown));
  }
  return parts.join('\n\n') + '\n';
}
