// The report's narrative: every top-level block that is not the title, a
// section heading or one of the report's tables, as the Markdown it was
// written in, with the section it stands in. Nothing is dropped but page
// footers, and those are listed.

import type { Root, RootContent } from 'mdast';
import type { Section } from '../../schemas/report.ts';
import type { GridRow } from './grid.ts';
import { plainLine } from './sections.ts';
import type { SourceText } from './source.ts';
import { isPageFooter } from './text-rows.ts';

export type NarrativeBlock = {
  /** 0 for the preamble before section 一. */
  section: number;
  line: number;
  /** `heading`: a sub-heading, written at the level under the sections; `stray`: a line read with a table that belongs to none. */
  kind: 'heading' | 'text' | 'stray';
  markdown: string;
};

export type Narrative = {
  blocks: NarrativeBlock[];
  /** Lines of page footers ("- 5 -") left in by PDF extraction, dropped. */
  footers: number[];
};

const sectionAt = (sections: readonly Section[], line: number) => sections.filter((s) => s.line <= line).at(-1)?.number ?? 0;

function strayText(row: GridRow, source: SourceText): string {
  return row.form === 'text' ? source.line(row.line).trim() : row.cells.map((c) => c.text).filter(Boolean).join(' ');
}

export function recogniseNarrative(root: Root, source: SourceText, sections: readonly Section[], titleLine: number | null, consumed: ReadonlySet<RootContent>, stray: readonly GridRow[]): Narrative {
  const blocks: NarrativeBlock[] = [];
  const footers: number[] = [];
  const headingLines = new Set(sections.map((s) => s.line));
  for (const node of root.children) {
    if (!node.position || node.type === 'yaml' || consumed.has(node)) continue;
    let from = node.position.start.line;
    const to = node.position.end.line;
    if (from === titleLine || headingLines.has(from)) {
      // A heading, or a plain-line heading with its paragraph following on the next lines.
      if (node.type === 'heading' || from === to) continue;
      from++;
    }
    const lines = source.lines.slice(from - 1, to);
    if (lines.every((l) => l.trim() === '' || isPageFooter(l))) {
      footers.push(...lines.map((l, i) => (isPageFooter(l) ? from + i : 0)).filter(Boolean));
      continue;
    }
    const section = sectionAt(sections, from);
    if (node.type === 'heading') {
      blocks.push({ section, line: from, kind: 'heading', markdown: plainLine(source.line(from)) });
    } else {
      const start = from === node.position.start.line ? node.position.start.offset! : source.offsetOf(from, 1);
      blocks.push({ section, line: from, kind: 'text', markdown: source.text.slice(start, node.position.end.offset).replace(/\s+$/, '') });
    }
  }
  for (const row of stray) blocks.push({ section: sectionAt(sections, row.line), line: row.line, kind: 'stray', markdown: strayText(row, source) });
  blocks.sort((a, b) => a.line - b.line);
  return { blocks, footers };
}

const ENDS_SENTENCE = /[。！？；：…”’）)\]】》」』.!?;:]$/;
const STARTS_NUMBERED = /^(\*\*)?\s*([（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．])/;
/** Shorter lines without a full stop are signatures, dates or headings, not sentences cut by a page. */
const MIN_BROKEN_LENGTH = 20;

/**
 * Joins paragraphs that PDF extraction cut mid-sentence: a text paragraph
 * that does not end a sentence, followed in the same section by another text
 * paragraph, is one paragraph. Returns the lines where joins were made.
 */
export function joinBrokenParagraphs(blocks: NarrativeBlock[]): { blocks: NarrativeBlock[]; joined: number[] } {
  const out: NarrativeBlock[] = [];
  const joined: number[] = [];
  for (const block of blocks) {
    const previous = out[out.length - 1];
    const text = previous?.markdown.trim() ?? '';
    if (
      previous && previous.kind === 'text' && block.kind === 'text' && previous.section === block.section &&
      !text.includes('\n') && [...text].length >= MIN_BROKEN_LENGTH && !ENDS_SENTENCE.test(text) && !STARTS_NUMBERED.test(block.markdown) &&
      /^[^\s#>|*+\-<]/.test(block.markdown)
    ) {
      previous.markdown = text + block.markdown.trim();
      joined.push(block.line);
      continue;
    }
    out.push({ ...block });
  }
  return { blocks: out, joined };
}
