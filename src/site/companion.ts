// An English companion's narrative, section by section.

import { companionSections } from '../check/translation.ts';

export type Companion = { title: string | null; preamble: string; sections: Map<number, string> };

/** Splits a companion at its `## I.` … `## VI.` headings; what precedes section I (after the title) is its preamble. */
export function readCompanion(text: string): Companion {
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, (front) => '\n'.repeat(front.split('\n').length - 1));
  const lines = body.split('\n');
  const found = companionSections(body);
  const titleIndex = lines.findIndex((l) => /^#\s+\S/.test(l));
  const firstSection = found[0]?.line ?? lines.length + 1;
  const preambleStart = titleIndex >= 0 && titleIndex + 1 < firstSection ? titleIndex + 1 : 0;
  const sections = new Map<number, string>();
  found.forEach((s, i) => {
    const end = found[i + 1]?.line ?? lines.length + 1;
    sections.set(s.number, lines.slice(s.line, end - 1).join('\n').trim());
  });
  return {
    title: titleIndex >= 0 ? lines[titleIndex]!.replace(/^#\s+/, '').trim() : null,
    preamble: lines.slice(preambleStart, firstSection - 1).join('\n').trim(),
    sections,
  };
}
