// Seeded documents shaped like report narratives (front matter, headings,
// paragraphs, lists, tables, blank lines) with every near-miss the line-based
// block path must either get right or hand back: indentation, tabs, lazy
// lines, setext underlines, thematic breaks, list markers of every kind,
// trailing whitespace, inline syntax. For the differential tests.

import { CELL_POOLS, random, simpleTableDocument } from './generate-tables.ts';

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const chance = (r: Rand, p: number) => r() < p;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const WORDS = ['本机关', '政府信息公开', '主动公开', '2021年', '予以公开', '共计', '12件', 'Total', 'open data', '（一）', '一、', '1.5', '—', '｜', '|', '#', '-5', '2021.', '3)', '=', '*', '_', 'a_b', '\u3000'];
const LINE_STARTS = ['', '', '', '', ' ', '  ', '    ', '\t', '#', '## ', '####### ', '# ', '> ', '- ', '-', '* ', '**', '+ ', '1. ', '2) ', '10. ', '1.', '= ', '===', '---', '***', '___', '- - -', '<div>', '<!-- ', '```', '~~~', '[a]: /u', '[^1]: n', '[x]', '![i](a.png) ', '|'];
const LINE_ENDS = ['', '', '', '', ' ', '  ', '\t', '\\', ' #', ' ##', '#'];

/** Inline links and their near misses: images, titles, spaces, parentheses, escapes, references, footnotes, syntax and addresses in the text. */
const LINK_PIECES = ['[中国政府网](https://www.gov.cn/)', '[the portal](https://www.anhui.gov.cn/)', '[a](b)', '[a](b_c*d)', '[a](http://x.cn/?q=1&r=2)', '[a](u "t")', '[a](<u>)', '[a](u(1))', '[a]( u )', '[ a ](u)', '[a\\](u)', '![i](a.png)', '[^1](u)', '[**b**](u)', '[*e*](u)', '[www.gov.cn](u)', '[a_b](u)', '[a](u)[b](v)', '[a][b](u)', '[a]', '[', ']', '](u)', '(https://x.cn/)', '[a]()', '[链接](http://a.b/c?d=1)', '[http://a.cn](u)', '[a@b.cn](u)', '[**www.a.cn**](u)'];

/** Pieces of inline text around `*` runs: CJK and Western letters and punctuation, spaces, autolinks, links and bare addresses (literal autolinks, some spelled with character references), surrogates, variation selectors. */
const INLINE_PIECES = ['**', '**', '*', '*', '***', '一是', '编制', '。', '，', '“', '”', '（', '）', 'abc', 'Total', ' ', ' ', '.', ',', '!', '?', '(', ')', '"', "'", '-', '5', '３', '<https://www.gov.cn/>', '<http://a.b/c?d=1>', '<https://例子.cn>', '<a@b.cn>', 'www.gov.cn', ' HTTP://A.CN/x ', 'gk@x.gov.cn', 'mailto:a@b.cn', '&#64;', '&#119;ww.a.cn', '&amp;', '\n', '😀', '\ufe0e', '葛\udb40\udd00', '\u3000', '>', '…'];

/** Inline text made of `*` runs and what surrounds them in real reports. */
export function inlineText(r: Rand): string {
  let s = '';
  const n = int(r, 1, 12);
  for (let i = 0; i < n; i++) s += chance(r, 0.15) ? pick(r, LINK_PIECES) : pick(r, INLINE_PIECES);
  return s.trim() || '文字';
}

function words(r: Rand): string {
  let s = '';
  const n = int(r, 1, 6);
  for (let i = 0; i < n; i++) s += pick(r, WORDS) + (chance(r, 0.3) ? ' ' : '');
  if (chance(r, 0.25)) s += pick(r, CELL_POOLS.INLINE);
  return s.trim() || '文字';
}

function line(r: Rand, hostile: number): string {
  const start = chance(r, hostile) ? pick(r, LINE_STARTS) : '';
  const end = chance(r, hostile) ? pick(r, LINE_ENDS) : '';
  return start + words(r) + end;
}

function block(r: Rand, hostile: number, tables: boolean): string {
  switch (int(r, 0, hostile > 0 ? 6 : 5)) {
    case 0:
      return `${'#'.repeat(int(r, 1, 3))} ${words(r)}`;
    case 1:
    case 2: {
      const lines = [line(r, hostile)];
      const more = int(r, 0, 3);
      for (let i = 0; i < more; i++) lines.push((chance(r, 0.2) ? ' '.repeat(int(r, 1, 5)) : '') + line(r, hostile));
      return lines.join('\n');
    }
    case 3: {
      const ordered = chance(r, 0.5);
      const first = ordered ? int(r, 0, 12) : 0;
      const marker = hostile === 0 ? (ordered ? '.' : '-') : ordered ? pick(r, ['.', '.', ')']) : pick(r, ['-', '-', '*', '+']);
      const n = int(r, 1, 5);
      const loose = chance(r, 0.3);
      const items: string[] = [];
      for (let i = 0; i < n; i++) {
        const m = ordered ? `${first + i}${chance(r, hostile / 3) ? pick(r, ['.', ')']) : marker}` : chance(r, hostile / 3) ? pick(r, ['-', '*', '+']) : marker;
        let item = `${m}${chance(r, hostile / 2) ? pick(r, ['  ', '\t', '']) : ' '}${line(r, hostile / 2)}`;
        if (chance(r, hostile / 2)) item += `\n${pick(r, ['', '  ', '   ', '    '])}${words(r)}`;
        items.push(item);
      }
      return items.join(loose ? pick(r, ['\n\n', '\n \n', '\n\n\n']) : '\n');
    }
    case 4:
      return tables ? simpleTableDocument(int(r, 1, 1_000_000)).trim() : inlineText(r);
    case 5:
      if (hostile === 0 || chance(r, 0.5)) return inlineText(r);
      return `${words(r)}\n${pick(r, ['===', '---', '- x', '1. x', '2. x', '# h', '> q', '| a | b |\n| - | - |', '    code', '```'])}`;
    default:
      return line(r, hostile);
  }
}

/**
 * A narrative-like document; `hostile` is the share of lines given a
 * near-miss start or end. `narrative`: as a report section's narrative is,
 * without front matter or tables.
 */
export function blockDocument(seed: number, hostile = 0.15, narrative = false): string {
  const r = random(seed);
  const parts: string[] = [];
  if (!narrative && chance(r, 0.5)) parts.push(`---\nagency: ${words(r)}\nyear: 2021\n---`);
  const n = int(r, 1, 12);
  for (let i = 0; i < n; i++) parts.push(block(r, hostile, !narrative));
  const separator = () => (chance(r, hostile) ? pick(r, ['\n', '\n  \n', '\n\t\n']) : '\n\n');
  let doc = parts[0]!;
  for (let i = 1; i < parts.length; i++) doc += separator() + parts[i];
  return doc + pick(r, ['\n', '\n', '', '\n\n']);
}
