// An English companion (<year>.en.md) against its Chinese report: the same
// sections, numbered I–VI under `##` headings, and front matter naming the
// report it translates.

import { basename } from 'node:path';
import { readYaml as parseYaml } from '../read/yaml.ts';
import { SECTIONS } from '../../schemas/template.ts';
import { problem, type Diagnostic } from './diagnostic.ts';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;
const HEADING = /^(I|II|III|IV|V|VI)\.\s+\S/;

export type CompanionSection = { number: number; title: string; line: number };

/** The sections of an English companion: ATX headings outside code fences, by their Roman numerals. */
export function companionSections(text: string): CompanionSection[] {
  const out: CompanionSection[] = [];
  let fence: string | null = null;
  text.split('\n').forEach((raw, i) => {
    const fenceMark = /^\s{0,3}(```|~~~)/.exec(raw)?.[1];
    if (fenceMark) fence = fence === fenceMark ? null : (fence ?? fenceMark);
    if (fence || !/^\s{0,3}#{1,6}\s/.test(raw)) return;
    const line = raw.replace(/^\s*#+\s*/, '').replace(/\s+#+\s*$/, '').trim();
    const match = HEADING.exec(line);
    if (match) out.push({ number: ROMAN.indexOf(match[1] as (typeof ROMAN)[number]) + 1, title: line, line: i + 1 });
  });
  return out;
}

export function translationDiagnostics(companion: { file: string; text: string }, report: { file: string; sections: readonly { number: number }[] }): Diagnostic[] {
  const out: Diagnostic[] = [];
  const found = companionSections(companion.text);
  const numbers = found.map((s) => s.number);
  const add = (line: number, expected: string | null, actual: string | null, zh: string, en: string) =>
    out.push({ file: companion.file, ...problem('translation-structure', { at: { line, column: 1 }, expected, actual }, { zh, en }) });
  for (const section of report.sections) {
    if (numbers.includes(section.number)) continue;
    const heading = `## ${ROMAN[section.number - 1]}. ${SECTIONS[section.number - 1]!.title.en.replace(/^[IVX]+\.\s*/, '')}`;
    add(1, heading, null, `英文对照缺少第${SECTIONS[section.number - 1]!.numeral}部分（应有标题“${heading}”）`, `The English companion has no section ${ROMAN[section.number - 1]} (expected a heading "${heading}")`);
  }
  for (const s of found) {
    if (!report.sections.some((r) => r.number === s.number)) add(s.line, null, s.title, `英文对照的“${s.title}”在中文报告中没有对应部分`, `"${s.title}" has no matching section in the Chinese report`);
  }
  if (numbers.some((n, i) => i > 0 && n <= numbers[i - 1]!)) add(found[0]?.line ?? 1, ROMAN.join(', '), found.map((s) => ROMAN[s.number - 1]).join(', '), '英文对照各部分的顺序与中文报告不同', 'The English companion has its sections out of order');
  const front = /^---\n([\s\S]*?)\n---/.exec(companion.text)?.[1];
  const translationOf = front ? (parseYaml(front) as { translationOf?: unknown } | null)?.translationOf : undefined;
  if (translationOf !== basename(report.file)) {
    add(1, basename(report.file), typeof translationOf === 'string' ? translationOf : null, `英文对照的前置元数据应写明 translationOf: ${basename(report.file)}`, `The English companion's front matter should say translationOf: ${basename(report.file)}`);
  }
  return out;
}
