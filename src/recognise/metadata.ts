// Agency, year and statistics period: from YAML front matter where present,
// else from the title line and the sentence stating the statistics period.

import type { Root } from 'mdast';
import { parse as parseYaml } from 'yaml';
import type { SourceText } from './source.ts';
import { plainLine } from './sections.ts';

export type Metadata = {
  agency: string | null;
  year: number | null;
  period: { from: string; to: string } | null;
  source: 'front-matter' | 'title' | 'none';
  /** A front matter block that is not a YAML mapping. */
  frontMatterError: { line: number; message: string } | null;
};

// Matched on the title as written (the agency keeps its own brackets), digits full- or half-width.
const TITLE = /^(.*?)\s*([0-9０-９]{4})\s*年\s*度?\s*(?:政府信息公开|政务公开|信息公开)/;
/** The year first: "2021年度某局政府信息公开工作年度报告". */
const TITLE_YEAR_FIRST = /^([0-9０-９]{4})\s*年\s*度?\s*(?!政府信息公开|政务公开|信息公开)(.+?)\s*(?:政府信息公开|政务公开|信息公开)工作年度?报告/;
const DATE = String.raw`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`;
const PERIOD = new RegExp(String.raw`统计期限?\D{0,8}?${DATE}\s*起?\s*[,，]?\s*(?:至|到|—|-|~)\s*${DATE}`);

const pad = (n: string) => n.padStart(2, '0');

function readPeriod(text: string): Metadata['period'] {
  const m = PERIOD.exec(text.normalize('NFKC'));
  return m ? { from: `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`, to: `${m[4]}-${pad(m[5]!)}-${pad(m[6]!)}` } : null;
}

function readTitle(root: Root, source: SourceText, firstSectionLine: number): { agency: string | null; year: number | null } {
  let previous: string | null = null;
  for (const node of root.children) {
    if (!node.position || node.position.start.line >= firstSectionLine) break;
    if (node.type !== 'heading' && node.type !== 'paragraph') continue;
    const text = plainLine(source.line(node.position.start.line));
    const yearFirst = TITLE_YEAR_FIRST.exec(text);
    if (yearFirst) return { agency: yearFirst[2]!.trim(), year: Number(yearFirst[1]!.normalize('NFKC')) };
    const m = TITLE.exec(text);
    if (m) {
      // The agency may stand on the line above a title that starts with the year.
      const agency = m[1]!.replace(/^关于/, '').trim() || previous;
      return { agency: agency || null, year: Number(m[2]!.normalize('NFKC')) };
    }
    previous = text;
  }
  return { agency: null, year: null };
}

function readFrontMatter(root: Root): { data: Record<string, unknown> | null; error: Metadata['frontMatterError'] } {
  const node = root.children[0];
  if (node?.type !== 'yaml') return { data: null, error: null };
  const line = node.position?.start.line ?? 1;
  try {
    const data: unknown = parseYaml(node.value);
    if (data === null || data === undefined) return { data: null, error: null };
    if (typeof data !== 'object' || Array.isArray(data)) return { data: null, error: { line, message: 'front matter is not a mapping of keys to values' } };
    return { data: data as Record<string, unknown>, error: null };
  } catch (error) {
    return { data: null, error: { line, message: (error as Error).message.split('\n')[0]! } };
  }
}

export function recogniseMetadata(root: Root, source: SourceText, firstSectionLine: number): Metadata {
  const front = readFrontMatter(root);
  const title = readTitle(root, source, firstSectionLine);
  const period = readPeriod(source.text);
  const frontAgency = typeof front.data?.agency === 'string' ? front.data.agency.trim() : null;
  const frontYear = front.data?.year !== undefined && /^\d{4}$/.test(String(front.data.year)) ? Number(front.data.year) : null;
  const agency = frontAgency || title.agency;
  const year = frontYear ?? title.year ?? (period ? Number(period.to.slice(0, 4)) : null);
  return {
    agency,
    year,
    period,
    source: frontAgency || frontYear ? 'front-matter' : title.agency || title.year ? 'title' : 'none',
    frontMatterError: front.error,
  };
}
