// What a report says about itself: agency, year, statistics period, date of
// publication and contact details. YAML front matter, where present, wins
// over what the text says.

import type { Root } from 'mdast';
import { readYaml as parseYaml } from '../read/yaml.ts';
import { FrontMatter, type Contact } from '../../schemas/front-matter.ts';
import type { SourceText } from './source.ts';
import { plainLine } from './sections.ts';

export type Metadata = {
  agency: string | null;
  year: number | null;
  period: { from: string; to: string } | null;
  published: string | null;
  contact: Contact | null;
  /** Where agency and year came from. */
  source: 'front-matter' | 'title' | 'none';
  /** The title line, where there is one: "某机关2021年政府信息公开工作年度报告". */
  title: { line: number; text: string } | null;
  /** The front matter as read, when it is valid. */
  frontMatter: FrontMatter | null;
  /** Problems with the front matter, each with its line. */
  frontMatterErrors: { line: number; message: string }[];
};

// Matched on the title as written (the agency keeps its own brackets), digits full- or half-width.
const TITLE = /^(.*?)\s*([0-9０-９]{4})\s*年\s*度?\s*(?:政府信息公开|政务公开|信息公开)/;
/** The year first: "2021年度某局政府信息公开工作年度报告". */
const TITLE_YEAR_FIRST = /^([0-9０-９]{4})\s*年\s*度?\s*(?!政府信息公开|政务公开|信息公开)(.+?)\s*(?:政府信息公开|政务公开|信息公开)工作年度?报告/;
const DATE = String.raw`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`;
const PERIOD = new RegExp(String.raw`统计期限?\D{0,8}?${DATE}\s*起?\s*[,，]?\s*(?:至|到|—|-|~)\s*${DATE}`);
/** A line that is only a date: the report's date of publication ("2022 年 1 月"). */
const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?$/;

const pad = (n: string) => n.padStart(2, '0');

function readPeriod(text: string): Metadata['period'] {
  const m = PERIOD.exec(text.normalize('NFKC'));
  return m ? { from: `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`, to: `${m[4]}-${pad(m[5]!)}-${pad(m[6]!)}` } : null;
}

/** The first line before section 一 that is only a date, else the last such line of the report (under the signature). */
function readPublished(source: SourceText, firstSectionLine: number): string | null {
  const dates = source.lines
    .map((line, i) => ({ line: i + 1, m: DATE_LINE.exec(plainLine(line).normalize('NFKC')) }))
    .filter((d) => d.m);
  const chosen = dates.find((d) => d.line < firstSectionLine) ?? dates[dates.length - 1];
  if (!chosen?.m) return null;
  const [, y, mo, d] = chosen.m;
  return d ? `${y}-${pad(mo!)}-${pad(d)}` : `${y}-${pad(mo!)}`;
}

/** Contact details as reports give them: "地址：…；邮编：100037；联系电话：010-82205151". */
function readContact(text: string): Contact | null {
  const plain = text.normalize('NFKC');
  const grab = (pattern: RegExp) => pattern.exec(plain)?.[1]?.trim();
  const contact: Contact = {};
  const address = grab(/(?:通信|通讯|联系)?地址\s*[:：]\s*([^；;，,。)）\n]+)/);
  const postcode = grab(/邮(?:政)?编(?:码)?\s*[:：]?\s*(\d{6})/);
  const phone = grab(/(?:联系)?电话\s*[:：]\s*([\d\-—()（） ]{7,}\d)/);
  const email = grab(/(?:电子邮箱|电子邮件|邮箱|E-?mail)\s*[:：]\s*([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/i);
  if (address) contact.address = address;
  if (postcode) contact.postcode = postcode;
  if (phone) contact.phone = phone;
  if (email) contact.email = email;
  return Object.keys(contact).length ? contact : null;
}

type Title = { agency: string | null; year: number | null; line: number | null; text: string | null };

function readTitle(root: Root, source: SourceText, firstSectionLine: number): Title {
  let previous: string | null = null;
  for (const node of root.children) {
    if (!node.position || node.position.start.line >= firstSectionLine) break;
    if (node.type !== 'heading' && node.type !== 'paragraph') continue;
    const line = node.position.start.line;
    const text = plainLine(source.line(line));
    const yearFirst = TITLE_YEAR_FIRST.exec(text);
    if (yearFirst) return { agency: yearFirst[2]!.trim(), year: Number(yearFirst[1]!.normalize('NFKC')), line, text };
    const m = TITLE.exec(text);
    if (m) {
      // The agency may stand on the line above a title that starts with the year.
      const agency = m[1]!.replace(/^关于/, '').trim() || previous;
      return { agency: agency || null, year: Number(m[2]!.normalize('NFKC')), line, text };
    }
    previous = text;
  }
  return { agency: null, year: null, line: null, text: null };
}

function readFrontMatter(root: Root): { data: FrontMatter | null; errors: Metadata['frontMatterErrors'] } {
  const node = root.children[0];
  if (node?.type !== 'yaml') return { data: null, errors: [] };
  const line = node.position?.start.line ?? 1;
  let raw: unknown;
  try {
    raw = parseYaml(node.value);
  } catch (error) {
    return { data: null, errors: [{ line, message: (error as Error).message.split('\n')[0]! }] };
  }
  if (raw === null || raw === undefined) return { data: null, errors: [] };
  const parsed = FrontMatter.safeParse(raw);
  if (parsed.success) return { data: parsed.data, errors: [] };
  return { data: null, errors: parsed.error.issues.map((issue) => ({ line, message: `${issue.path.join('.') || 'front matter'}: ${issue.message}` })) };
}

export function recogniseMetadata(root: Root, source: SourceText, firstSectionLine: number): Metadata {
  const front = readFrontMatter(root);
  const fm = front.data;
  const title = readTitle(root, source, firstSectionLine);
  const preamble = source.lines.slice(0, Math.min(firstSectionLine, source.lines.length + 1) - 1).join('\n');
  const period = fm?.period ?? readPeriod(source.text);
  const agency = fm?.agency ?? title.agency;
  const year = fm?.year ?? title.year ?? (period ? Number(period.to.slice(0, 4)) : null);
  return {
    agency,
    year,
    period,
    published: fm?.published ?? readPublished(source, firstSectionLine),
    contact: fm?.contact ?? readContact(preamble),
    source: fm?.agency || fm?.year ? 'front-matter' : title.agency || title.year ? 'title' : 'none',
    title: title.line && title.text ? { line: title.line, text: title.text } : null,
    frontMatter: fm,
    frontMatterErrors: front.errors,
  };
}
