// Narrative HTML written straight from the tree (src/render/mdast-html.ts)
// against the reference pipeline (remark-rehype, rehype-sanitize,
// rehype-stringify): wherever the fast writer answers, the bytes must be the
// reference's. Real narratives (the seed, the bundled content, the real
// reports in every input form) and thousands of generated ones.

import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../../src/parse/markdown.ts';
import { mdastHtml } from '../../src/render/mdast-html.ts';
import { narrativeHtml, referenceNarrativeHtml } from '../../src/render/narrative-html.ts';
import { checkReportText } from '../../src/report.ts';
import { blockDocument } from '../parse/generate-blocks.ts';
import { FIXTURES } from '../helpers.ts';
import { htmlHostileDocument } from './generate-narrative.ts';

const ROOT = join(import.meta.dirname, '..', '..');

const reportFiles = (dir: string) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(md|txt)$/.test(e.name) && !/README|gb18030/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();

const FILES = [...reportFiles(FIXTURES), ...reportFiles(join(ROOT, 'content'))];

/** Each section's narrative as the site renders it: its blocks, sub-headings as level-3 headings. */
function sectionNarratives(file: string): string[] {
  const { recognised } = checkReportText(readFileSync(file, 'utf8'), file);
  const bySection = new Map<number, string[]>();
  for (const b of recognised?.narrative.blocks ?? []) {
    bySection.set(b.section, [...(bySection.get(b.section) ?? []), b.kind === 'heading' ? `### ${b.markdown}` : b.markdown]);
  }
  return [...bySection.values()].map((blocks) => blocks.join('\n\n'));
}

/** Fast and reference output for each text the fast writer answers; the count it left to the reference. */
function compare(texts: Iterable<[string, string]>) {
  const different: { name: string; text: string; fast: string; reference: string }[] = [];
  let fast = 0;
  let left = 0;
  for (const [name, text] of texts) {
    const html = mdastHtml(fastParse(text));
    if (html === null) {
      left++;
      continue;
    }
    fast++;
    const reference = referenceNarrativeHtml(text);
    if (html !== reference) different.push({ name, text, fast: html, reference });
  }
  // On a difference, show the first in full.
  expect(different[0] ?? null).toBeNull();
  return { fast, left };
}

function* seeds(generate: (seed: number) => string, from: number, count: number): Generator<[string, string]> {
  for (let seed = from; seed < from + count; seed++) yield [`seed ${seed}`, generate(seed)];
}

describe('narrative HTML straight from the tree: the reference pipeline’s bytes', () => {
  it('writes every section of the seed, the bundled reports and the real reports itself, to the same bytes', () => {
    const sections = FILES.flatMap((f) => sectionNarratives(f).map((text, i): [string, string] => [`${relative(ROOT, f)} §${i}`, text]));
    expect(sections.length).toBeGreaterThan(50);
    // Real narratives use nothing the fast writer leaves to the pipeline.
    expect(compare(sections)).toEqual({ fast: sections.length, left: 0 });
  });

  it('whole files, tables and all: the same bytes where it answers, the pipeline where not', () => {
    const { fast, left } = compare(FILES.map((f) => [relative(ROOT, f), readFileSync(f, 'utf8')]));
    expect(fast + left).toBe(FILES.length);
    expect(left).toBeGreaterThan(0); // the tables
  });

  it.each([
    [1, 0.05],
    [1501, 0.15],
    [3001, 0.4],
  ])('generated narratives, seeds %i to +1499, hostile share %d', (from, hostile) => {
    const { fast, left } = compare(seeds((seed) => blockDocument(seed, hostile, true), from, 1500));
    expect(fast).toBeGreaterThan(left);
  }, 120_000);

  it('3000 generated narratives of escapes, hard breaks, raw HTML, links of every protocol, code, nested quotes and lists', () => {
    const { fast } = compare(seeds(htmlHostileDocument, 1, 3000));
    expect(fast).toBeGreaterThan(1000);
  }, 120_000);

  it('leaves to the pipeline what it does not write, and the result is still the reference’s', () => {
    for (const text of ['![图](a.png)', '脚注[^1]\n\n[^1]: 注', '- [x] 已办', '[a](u "标题")', '[门户](javascript:alert(1))', '[a][b]\n\n[b]: /u', '```js\nx\n```', '| a |\n| - |\n| 1 |']) {
      expect(mdastHtml(fastParse(text)), text).toBeNull();
      expect(narrativeHtml(text)).toBe(referenceNarrativeHtml(text));
    }
    expect(referenceNarrativeHtml('[门户](javascript:alert(1))')).toBe('<p><a>门户</a></p>');
  });
});
