// H2: figures the narrative states ("共收到政府信息公开申请 N 件") against the
// tables. Published reports often count differently (新收 alone, or with
// 上年结转), so any reading the tables support is accepted.

import type { Report } from '../../schemas/report.ts';
import type { NarrativeBlock } from '../recognise/narrative.ts';
import { problem, type Problem } from './diagnostic.ts';

type Claim = {
  pattern: RegExp;
  /** Words every match of `pattern` contains: a block without them is not searched (most are not, and searching is most of the check's cost here). */
  words: string;
  what: { zh: string; en: string };
  /** The figures the tables support, any of which the narrative may mean. */
  accepted: (report: Report) => number[];
};

const total = (report: Report, key: string) => report.tables.table3?.rows.find((r) => r.key === key && r.shape === 'complete')?.values[6] ?? null;
const table4 = (report: Report, col: number) => (report.tables.table4?.shape === 'complete' ? report.tables.table4.values[col] ?? null : null);
const sum = (...values: (number | null)[]) => (values.every((v) => v !== null) ? values.reduce<number>((a, v) => a + v!, 0) : null);
const defined = (values: (number | null)[]) => [...new Set(values.filter((v): v is number => v !== null))];

const CLAIMS: Claim[] = [
  {
    pattern: /(?:收到|受理|新收|办理)[^，。；,;\d]{0,16}?申请[^，。；,;\d]{0,4}?([0-9０-９]+)\s*件/g,
    words: '申请',
    what: { zh: '收到（办理）申请数', en: 'requests received or handled' },
    accepted: (r) => defined([total(r, 'received'), sum(total(r, 'received'), total(r, 'carriedOver')), total(r, 'outcomeTotal')]),
  },
  {
    pattern: /结转(?:至|到)?下一?年度?(?:继续办理)?[^，。；,;\d]{0,4}?([0-9０-９]+)\s*件/g,
    words: '结转',
    what: { zh: '结转下年度数', en: 'requests carried forward' },
    accepted: (r) => defined([total(r, 'carriedForward')]),
  },
  {
    pattern: /行政复议[^，。；,;\d]{0,6}?([0-9０-９]+)\s*(?:件|起|次)/g,
    words: '行政复议',
    what: { zh: '行政复议数', en: 'administrative reconsiderations' },
    accepted: (r) => defined([table4(r, 4)]),
  },
  {
    pattern: /行政诉讼[^，。；,;\d]{0,6}?([0-9０-９]+)\s*(?:件|起|次)/g,
    words: '行政诉讼',
    what: { zh: '行政诉讼数', en: 'lawsuits' },
    accepted: (r) => defined([sum(table4(r, 9), table4(r, 14))]),
  },
];

/** Line and column of an offset into a block's Markdown. */
function locate(block: NarrativeBlock, offset: number): { line: number; column: number } {
  const before = block.markdown.slice(0, offset).split('\n');
  return { line: block.line + before.length - 1, column: before.length === 1 ? offset + 1 : before[before.length - 1]!.length + 1 };
}

export function narrativeMismatches(report: Report, blocks: readonly NarrativeBlock[]): Problem[] {
  const problems: Problem[] = [];
  const claims = CLAIMS.map((claim) => ({ claim, accepted: claim.accepted(report) })).filter((c) => c.accepted.length > 0);
  for (const block of blocks.filter((b) => b.kind === 'text')) {
    for (const { claim, accepted } of claims) {
      if (!block.markdown.includes(claim.words)) continue;
      for (const match of block.markdown.matchAll(claim.pattern)) {
        const stated = Number(match[1]!.normalize('NFKC'));
        if (accepted.includes(stated)) continue;
        problems.push(problem('narrative-mismatch', { at: locate(block, match.index + match[0].lastIndexOf(match[1]!)), expected: accepted.join(' / '), actual: stated }, {
          zh: `正文称${claim.what.zh}为 ${stated}，表格为 ${accepted.join(' 或 ')}`,
          en: `The narrative states ${stated} ${claim.what.en}; the tables give ${accepted.join(' or ')}`,
        }));
      }
    }
  }
  return problems;
}
