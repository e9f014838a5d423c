// The six sections, recognised by their numeral and words whatever the
// heading depth, or as a bold or plain line opening a paragraph.

import type { Root } from 'mdast';
import { SECTIONS } from '../../schemas/template.ts';
import type { Section } from '../../schemas/report.ts';
import { problem, type Problem } from '../check/diagnostic.ts';
import type { SourceText } from './source.ts';

const MAX_HEADING_LENGTH = 60;
const NUMERALS = SECTIONS.map((s) => s.numeral).join('');
const HEADING = new RegExp(`^([${NUMERALS}])\\s*[、.,]\\s*(.+)$`);

/** A source line without Markdown heading and emphasis marks. */
export function plainLine(line: string): string {
  return line.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\s+#+\s*$/, '').replace(/\*\*|__/g, '').trim();
}

/** Marks plainLine may take off before a heading's numeral. */
const LEADING_MARKS = /^[\s#*_]*/;

export function sectionOfLine(line: string): (typeof SECTIONS)[number] | undefined {
  // Most lines are narrative or sub-headings: one whose first character after any marks is ASCII, a full-width form
  // of it or a CJK ideograph other than a section's numeral cannot be a heading (normalising leaves ASCII and
  // ideographs as they are and makes full-width forms ASCII), and is not normalised whole.
  const first = line.codePointAt(LEADING_MARKS.exec(line)![0].length) ?? 0;
  const neverNumeral = first < 0x80 || (first >= 0xff01 && first <= 0xff5e) || (first >= 0x4e00 && first <= 0x9fff && !NUMERALS.includes(String.fromCodePoint(first)));
  if (neverNumeral) return undefined;
  const text = plainLine(line).normalize('NFKC');
  if (text.length > MAX_HEADING_LENGTH) return undefined;
  const match = HEADING.exec(text);
  if (!match) return undefined;
  const section = SECTIONS.find((s) => s.numeral === match[1]);
  return section && section.keywords.some((k) => match[2]!.includes(k)) ? section : undefined;
}

export function recogniseSections(root: Root, source: SourceText): { sections: Section[]; problems: Problem[] } {
  const sections: Section[] = [];
  for (const node of root.children) {
    if ((node.type !== 'heading' && node.type !== 'paragraph') || !node.position) continue;
    const line = node.position.start.line;
    const section = sectionOfLine(source.line(line));
    // Sections come in order: a later "二、…" line inside section 五 is not section 二.
    if (section && section.number > (sections[sections.length - 1]?.number ?? 0)) {
      sections.push({ number: section.number, title: plainLine(source.line(line)), line });
    }
  }
  const problems = SECTIONS.filter((s) => !sections.some((found) => found.number === s.number)).map((s) => {
    const next = sections.find((found) => found.number > s.number);
    const line = next?.line ?? source.lines.length;
    return problem('section-missing', { at: { line, column: 1 }, expected: s.title.zh }, {
      zh: `缺少第${s.numeral}部分“${s.title.zh}”（按编号“${s.numeral}、”和关键词识别）`,
      en: `Section ${s.number} "${s.title.zh}" (${s.title.en}) is missing: no heading or line starting "${s.numeral}、" with its words was found`,
    });
  });
  return { sections, problems };
}
