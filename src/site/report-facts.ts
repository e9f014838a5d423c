// What the site keeps of every report while the whole check is not kept
// (whole-report.ts): the facts its lists, agency and year pages show, read
// from the check as it is made. Small and free of rendering, so that a
// check worker can load it and reduce each check itself (check-files.ts):
// the facts cross to the main thread, not the whole check.

import type { Report } from '../../schemas/report.ts';
import { TABLE3, nodeLabel, table3Leaves, type Table3Node } from '../../schemas/template.ts';
import type { CachedCheck } from '../cache/report-cache.ts';
import type { CheckedFrom } from '../check/check-files.ts';
import { reducer } from '../check/reducer.ts';
import type { Lang } from '../render/glossary.ts';
import { wholeSource } from './whole-report.ts';

/** What the lists, agency and year pages show of a report: kept for every report while the whole check is not (whole-report.ts). */
export type ReportFacts = {
  agency: string | null;
  year: number | null;
  /** The agency named by the front matter. */
  agencySlug: string | null;
  published: string | null;
  period: Report['period'];
  format: Report['format'];
  /** The report's figures for its year page (YEAR_TOTALS). */
  figures: (number | null)[];
  /** Requests by outcome group (outcomeBars), or null without a table 三. */
  outcomes: (number | null)[] | null;
};

export const sumOrNull = (values: (number | null)[]) => (values.every((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0));

const outcomeNodes = (layout: '2019' | '2021') => Object.freeze(TABLE3[layout].find((n) => n.key === 'outcomes')!.children!.filter((n) => n.key !== 'outcomeTotal'));
const OUTCOME_NODES_OF = { '2019': outcomeNodes('2019'), '2021': outcomeNodes('2021') } as const;
/** Table 三's outcome groups but the total, the bars of a report's outcome chart. */
export const OUTCOME_NODES = (layout: '2019' | '2021'): readonly Table3Node[] => OUTCOME_NODES_OF[layout];
const leafKeys = (node: Table3Node): string[] => (node.children ? node.children.flatMap(leafKeys) : [node.key]);
/** The leaf keys under a node of the template, found once: every report's facts and outcome chart ask for them. */
const leavesUnder = new Map<Table3Node, readonly string[]>();
const leavesOf = (node: Table3Node): readonly string[] => {
  let keys = leavesUnder.get(node);
  if (!keys) leavesUnder.set(node, (keys = Object.freeze(leafKeys(node))));
  return keys;
};

/** Requests by outcome (the 总计 column): one bar per outcome group. */
export const t3Total = (report: Report, key: string) => report.tables.table3?.rows.find((r) => r.key === key)?.values[6] ?? null;

export function outcomeBars(report: Report, lang: Lang) {
  return OUTCOME_NODES(report.tables.table3!.layout).map((node) => ({ label: lang === 'zh' ? nodeLabel(node) : node.en, value: sumOrNull(leavesOf(node).map((key) => t3Total(report, key))) }));
}
export const t4Value = (report: Report, col: number) => report.tables.table4?.values[col] ?? null;

/** What a year page totals, and how to read each figure from one report. */
export const YEAR_TOTALS: { key: string; label: Record<Lang, string>; of: (report: Report) => number | null }[] = [
  ...['received', 'carriedOver', 'outcomeTotal', 'carriedForward'].map((key) => {
    const leaf = table3Leaves('2019').find((l) => l.key === key)!.node;
    return { key, label: { zh: nodeLabel(leaf), en: leaf.en }, of: (report: Report) => t3Total(report, key) };
  }),
  ...OUTCOME_NODES('2019').map((node) => {
    const leaves = leavesOf(node);
    return { key: node.key, label: { zh: nodeLabel(node), en: node.en }, of: (report: Report) => sumOrNull(leaves.map((k) => t3Total(report, k))) };
  }),
  { key: 'review', label: { zh: '行政复议（总计）', en: 'Administrative reconsideration (total)' }, of: (report) => t4Value(report, 4) },
  { key: 'litigation', label: { zh: '行政诉讼（总计）', en: 'Administrative litigation (total)' }, of: (report) => sumOrNull([t4Value(report, 9), t4Value(report, 14)]) },
];

/** What is kept of each report as it is checked: its facts and how to have the whole check again. */
export function keptOf(checked: CachedCheck, from: CheckedFrom, cacheDir: string | null, remembered: boolean) {
  const report = checked.report;
  const facts: ReportFacts | null = report && {
    agency: report.agency,
    year: report.year,
    agencySlug: checked.metadata?.frontMatter?.agencySlug ?? null,
    published: report.published,
    period: report.period,
    format: report.format,
    figures: YEAR_TOTALS.map((t) => t.of(report)),
    outcomes: report.tables.table3 ? outcomeBars(report, 'zh').map((b) => b.value) : null,
  };
  return { facts, whole: wholeSource(checked, from, cacheDir, remembered) };
}

export type Kept = ReturnType<typeof keptOf>;
export type KeptOptions = { cacheDir: string | null; remembered: boolean };

/** keptOf as a reducer any thread can make from its options (see reducer.ts). */
export const keptReducer = (options: KeptOptions) => reducer<KeptOptions, Kept>(import.meta.url, 'makeKept', options);
export const makeKept = ({ cacheDir, remembered }: KeptOptions) => (checked: CachedCheck, from: CheckedFrom): Kept => keptOf(checked, from, cacheDir, remembered);
