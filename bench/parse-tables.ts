// Parse time per report: the reference parse (remark-parse + remark-gfm), the
// fast parse (src/parse/fast-gfm.ts, what parseMarkdown uses) and remark-parse
// alone without GFM.
//
//   npx tsx bench/parse-tables.ts [rounds]
//
// Two corpora: every .md / .txt under tests/fixtures, and 200 copies of the
// seed content report. Each round parses a whole corpus with each parser in
// turn (interleaved, so load on the machine hits all three alike); the
// numbers are medians over the rounds, after a warm-up.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { parseMarkdown, referenceParse } from '../src/parse/markdown.ts';
import { tryFastParse } from '../src/parse/fast-gfm.ts';

const root = join(import.meta.dirname, '..');
const rounds = Number(process.argv[2] ?? 15);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(md|txt)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const seed = readFileSync(join(root, 'content/reports/beijing-xicheng-zgc-xicheng-park/2021.md'), 'utf8');
const corpora: Record<string, string[]> = {
  fixtures: files(join(root, 'tests/fixtures')).map((f) => readFileSync(f, 'utf8')),
  'seed report x200': Array.from({ length: 200 }, () => seed),
};

const plain = unified().use(remarkParse);
const noGfm = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkCjkFriendly);

const parsers: Record<string, (text: string) => unknown> = {
  reference: referenceParse,
  fast: parseMarkdown,
  'plain (remark-parse alone)': (text) => plain.runSync(plain.parse(text)),
  'plain + front matter + CJK (the pipeline minus GFM)': (text) => noGfm.runSync(noGfm.parse(text)),
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
};

for (const [name, texts] of Object.entries(corpora)) {
  const fastPath = texts.filter((t) => tryFastParse(t) !== undefined).length;
  const same = texts.every((t) => isDeepStrictEqual(parseMarkdown(t), referenceParse(t)));
  // Warm-up.
  for (let i = 0; i < 3; i++) for (const parse of Object.values(parsers)) for (const t of texts) parse(t);
  const times: Record<string, number[]> = {};
  for (let r = 0; r < rounds; r++) {
    for (const [p, parse] of Object.entries(parsers)) {
      const start = performance.now();
      for (const t of texts) parse(t);
      (times[p] ??= []).push((performance.now() - start) / texts.length);
    }
  }
  const ms = Object.fromEntries(Object.entries(times).map(([p, xs]) => [p, median(xs)]));
  console.log(`\n${name}: ${texts.length} reports, ${fastPath} on the fast path, trees identical to the reference: ${same}`);
  for (const [p, v] of Object.entries(ms)) console.log(`  ${p.padEnd(52)} ${v.toFixed(2).padStart(7)} ms/report`);
  const fast = ms['fast']!;
  console.log(`  ratio fast / plain (remark-parse alone):            ${(fast / ms['plain (remark-parse alone)']!).toFixed(2)}`);
  console.log(`  ratio fast / pipeline minus GFM:                    ${(fast / ms['plain + front matter + CJK (the pipeline minus GFM)']!).toFixed(2)}`);
  console.log(`  ratio reference / fast:                             ${(ms['reference']! / fast).toFixed(2)}`);
}
