// Everything the site shows, computed once from content/: every page of both
// languages with its HTML fragments ready, and every download. The templates
// only lay these out.

import { basename, dirname } from 'node:path';
import { z } from 'zod';
import type { Agency } from '../../schemas/agency.ts';
import type { Diagnostic } from '../../schemas/diagnostic.ts';
import { Report } from '../../schemas/report.ts';
import { RULES, RULE_IDS } from '../../schemas/rules.ts';
import { SECTIONS, TABLE3_COLUMNS, TABLE4_COLUMNS, nodeLabel, table3Leaves, type Table3Node } from '../../schemas/template.ts';
import type { Config } from '../../schemas/config.ts';
import { validateReduced } from '../check/validate-files.ts';
import { checkDefaults } from '../check/check-files.ts';
import type { CachedCheck } from '../cache/report-cache.ts';
import { checkedOf, publishedText, type WholeSource } from './whole-report.ts';
import { OUTCOME_NODES, YEAR_TOTALS, keptReducer, outcomeBars, sumOrNull, t3Total, t4Value, type ReportFacts } from './report-facts.ts';
import { reportFiles } from '../cli/files.ts';
import { loadRegistry } from '../edit/registry.ts';
import { barChartSvg, chartDataTableHtml, trendChartSvg, type BarChart, type TrendChart } from '../render/charts.ts';
import { DATASET_CSV, DATASET_JSON, datasetText, reportCsv, reportJson, type AgencyNames, type DatasetText } from '../render/data-export.ts';
import { ABOUT, HTML_LANG, LANGS, UI, other, sectionTitle, type Lang } from '../render/glossary.ts';
import { escapeHtml } from '../render/html.ts';
import { narrativeHtmlParts } from '../render/narrative-html.ts';
import { table2Html, table3Html, table4Html } from '../render/tables-html.ts';
import { readCompanion, type Companion } from './companion.ts';
import { fingerprint, siteVersion } from './incremental.ts';
import { folderSlug, urls } from './urls.ts';
import { searchBundles } from './search-index.ts';
import { MadeLastTime } from '../util/made-last-time.ts';
import { utf8Bytes } from '../util/utf8-bytes.ts';

type Link = { href: string; label: string };
type Chart = { title: string; svg: string; table: string };

/** What every page has: its language, its address and its twin's in the other language. */
export type PageBase = {
  lang: Lang;
  htmlLang: string;
  url: string;
  title: string;
  alternate: { lang: Lang; htmlLang: string; url: string; label: string; switchLabel: string };
  nav: (Link & { current: boolean })[];
  ui: { [K in keyof typeof UI]: (typeof UI)[K] extends { zh: string } ? string : never };
};

export type Published = {
  slug: string;
  year: number;
  agency: AgencyNames & { agency: Agency | null };
  file: string;
  facts: ReportFacts;
  /** Its diagnostics, its own and across the set, configured. */
  diagnostics: Diagnostic[];
  companion: Companion | null;
  /** Fingerprint of everything the report's pages are made from besides the site's code: its bytes, its companion's, its diagnostics. */
  source: string;
  /** The whole check and the text: loaded when a page or download that shows them is made. */
  whole: WholeSource;
};

/** The whole report of a published one (loaded, or kept: whole-report.ts). */
const reportOf = (p: Published) => checkedOf(p.whole).report!;

// ── Helpers ─────────────────────────────────────────────────────────────────

const uiStrings = (lang: Lang) => Object.fromEntries(Object.entries(UI).filter(([, v]) => 'zh' in v).map(([k, v]) => [k, (v as { zh: string; en: string })[lang]])) as PageBase['ui'];
/** The interface strings of a language: one object shared by every page. */
const UI_OF = { zh: uiStrings('zh'), en: uiStrings('en') };
const uiFor = (lang: Lang) => UI_OF[lang];

const navItems = (lang: Lang): Link[] => [
  { href: urls.home(lang), label: UI.home[lang] },
  { href: urls.agencies(lang), label: UI.agencies[lang] },
  { href: urls.years(lang), label: UI.years[lang] },
  { href: urls.search(lang), label: UI.search[lang] },
  { href: urls.data(lang), label: UI.data[lang] },
  { href: urls.about(lang), label: UI.about[lang] },
];
const navWith = (lang: Lang, current: string): PageBase['nav'] => navItems(lang).map((i) => ({ ...i, current: i.href === current }));
/** A language's navigation with no item current: that of every report and agency page, one object shared by them all. */
const NAV_ELSEWHERE = { zh: navWith('zh', ''), en: navWith('en', '') };

function navFor(lang: Lang, current: string): PageBase['nav'] {
  return NAV_ELSEWHERE[lang].some((i) => i.href === current) ? navWith(lang, current) : NAV_ELSEWHERE[lang];
}

function base(lang: Lang, url: (l: Lang) => string, title: (l: Lang) => string): PageBase {
  const alt = other(lang);
  return {
    lang,
    htmlLang: HTML_LANG[lang],
    url: url(lang),
    title: title(lang),
    alternate: { lang: alt, htmlLang: HTML_LANG[alt], url: url(alt), label: UI.switchLanguage[lang], switchLabel: UI.switchLanguageLabel[lang] },
    nav: navFor(lang, url(lang)),
    ui: uiFor(lang),
  };
}

const reportTitle = (p: Published, lang: Lang) => (lang === 'zh' ? `${p.agency.zh}${p.year}年政府信息公开工作年度报告` : `${p.agency.en}: ${p.year} ${UI.reportOf.en}`);
const agencyName = (p: { agency: AgencyNames }, lang: Lang) => p.agency[lang];

// ── Loading ─────────────────────────────────────────────────────────────────

/** English companions as read, by their text: the preview server loads the content again after every edit. */
const companions = new MadeLastTime<Companion>();

/**
 * The fingerprint of what a report's pages are made of besides the site's
 * code: its bytes (by its cache key, which hashes them, or its text),
 * its companion's, its diagnostics. Kept by report (the preview server
 * hands back the same report until its file changes), so that only what
 * changed is hashed again after an edit.
 */
const sources = new WeakMap<object, { companion: string | null; diagnostics: string; source: string }>();
function sourceFingerprint(whole: WholeSource, diagnosticList: Diagnostic[], companion: string | null): string {
  const diagnostics = JSON.stringify(diagnosticList);
  const report = whole.kept?.report;
  const known = report ? sources.get(report) : undefined;
  if (known && known.companion === companion && known.diagnostics === diagnostics) return known.source;
  const source = fingerprint(whole.key ?? whole.text ?? '', companion ?? '\0none', diagnostics);
  if (report) sources.set(report, { companion, diagnostics, source });
  return source;
}

/** The reports of content/, checked; a report with errors stops the build (the caller lists them). */
export async function loadPublished(contentDir: string, config: Config): Promise<{ published: Published[]; errors: Diagnostic[] }> {
  const registry = await loadRegistry(contentDir);
  // An agency's entry by its slug, else by its Chinese name: the first entry of each, as a search of the list would find.
  const entryBySlug = new Map<string, Agency>();
  const entryByName = new Map<string, Agency>();
  for (const a of [...registry].reverse()) {
    entryBySlug.set(a.slug, a);
    entryByName.set(a.name.zh, a);
  }
  const files = await reportFiles([contentDir]);
  const { cacheDir, remember } = checkDefaults();
  const results = await validateReduced(files, config, keptReducer({ cacheDir, remembered: Boolean(remember) }));
  const published: Published[] = [];
  const errors: Diagnostic[] = [];
  companions.round();
  for (const result of results) {
    const { facts, whole } = result.value;
    const mine = result.diagnostics.filter((d) => d.severity === 'error');
    errors.push(...mine);
    if (!facts || mine.length) continue;
    const entry = (facts.agencySlug != null ? entryBySlug.get(facts.agencySlug) : undefined) ?? (facts.agency != null ? entryByName.get(facts.agency) : undefined) ?? null;
    const slug = entry?.slug ?? folderSlug(basename(dirname(result.file)));
    const year = facts.year ?? Number(basename(result.file).slice(0, 4));
    const companionText = result.companion;
    published.push({
      slug,
      year,
      agency: { slug, zh: entry?.name.zh ?? facts.agency ?? slug, en: entry?.name.en ?? facts.agency ?? slug, agency: entry },
      file: result.file,
      facts,
      diagnostics: result.diagnostics,
      // Kept by text only where they are read again (a build would hold every companion's text to its end for nothing).
      companion: companionText === null ? null : remember ? companions.get(companionText, () => readCompanion(companionText)) : readCompanion(companionText),
      source: sourceFingerprint(whole, result.diagnostics, companionText),
      whole,
    });
  }
  // Newest first, then by agency: the order of every list on the site.
  published.sort((a, b) => b.year - a.year || a.slug.localeCompare(b.slug));
  return { published, errors };
}

// ── Report pages ────────────────────────────────────────────────────────────

/** The narrative of section `n` (0: the preamble) as Markdown, sub-headings included. */
function sectionMarkdown(checked: CachedCheck, n: number): string {
  return (checked.narrative?.blocks ?? [])
    .filter((b) => b.section === n)
    .map((b) => (b.kind === 'heading' ? `### ${b.markdown}` : b.markdown))
    .join('\n\n');
}

function chart(c: BarChart | TrendChart, kind: 'bar' | 'trend'): Chart {
  return { title: c.title, svg: kind === 'bar' ? barChartSvg(c as BarChart) : trendChartSvg(c as TrendChart), table: chartDataTableHtml(c) };
}

function notesFor(p: Published, report: Report, lang: Lang) {
  const warnings = p.diagnostics.filter((d) => d.severity === 'warning' && d.file === p.file);
  // Only a report with reconstructed figures names table 三's rows here.
  const leaves = new Map(report.tables.table3 && report.reconstructed.length ? table3Leaves(report.tables.table3.layout).map((l) => [l.label, l]) : []);
  const columnName = (zh: string) => (lang === 'zh' ? zh : TABLE3_COLUMNS.find((x) => x.label.zh === zh)?.label.en ?? TABLE4_COLUMNS.find((x) => x.label.zh === zh)?.label.en ?? zh);
  const reconstructed = report.reconstructed.map((r) => {
    const table = r.table === 'table3' ? (lang === 'zh' ? '表三' : 'Table 3') : lang === 'zh' ? '表四' : 'Table 4';
    const row = r.row ? (lang === 'zh' ? r.row : (leaves.get(r.row)?.en ?? r.row)) : '';
    const width = r.table === 'table3' ? TABLE3_COLUMNS.length : TABLE4_COLUMNS.length;
    // Where any cell of the row may be the lost one, say so rather than list them all.
    const where = r.columns.length === width ? UI.anyCell[lang] : `${UI.oneOf[lang]} ${r.columns.map(columnName).join(lang === 'zh' ? '、' : ', ')}`;
    return escapeHtml(`${table}${row ? ` · ${row}` : ''}: ${where} = ${r.value}`);
  });
  return { warnings: warnings.map((d: Diagnostic) => escapeHtml(`${d.message[lang]} (${d.rule})`)), reconstructed };
}

/** The heavy part of a report page, made when the page is rendered (and then let go): thousands of pages never sit in memory at once. */
function reportBody(p: Published, lang: Lang) {
  const checked = checkedOf(p.whole);
  const report = checked.report!;
  const present = SECTIONS.filter((s) => report.sections.some((x) => x.number === s.number));
  const english = (n: number) => p.companion?.sections.get(n)?.trim() || null;
  const translated = (n: number) => lang === 'zh' || english(n) !== null;
  // The preamble and every section's narrative in one rendering pass.
  const preambleMarkdown = lang === 'en' ? (p.companion?.preamble ?? '') : sectionMarkdown(checked, 0);
  const [preambleHtml, ...sectionHtml] = narrativeHtmlParts([preambleMarkdown, ...present.map((s) => (lang === 'en' && translated(s.number) ? english(s.number)! : sectionMarkdown(checked, s.number)))]);
  const sections = present.map((s, i) => {
    const html = sectionHtml[i]!;
    const table = s.number === 2 && report.tables.table2 ? table2Html(report.tables.table2, lang) : s.number === 3 && report.tables.table3 ? table3Html(report.tables.table3, lang) : s.number === 4 && report.tables.table4 ? table4Html(report.tables.table4, lang) : '';
    return { number: s.number, id: `section-${s.number}`, title: sectionTitle(s.number, lang), html, table, translated: translated(s.number), fallbackLang: HTML_LANG.zh };
  });
  const preamble = preambleHtml || null;
  const charts: Chart[] = report.tables.table3
    ? [chart({ id: 'r-outcomes', lang: HTML_LANG[lang] as 'zh-CN' | 'en', title: UI.outcomesChart[lang], description: UI.outcomesChartDesc[lang], bars: outcomeBars(report, lang), unit: UI.requests[lang] }, 'bar')]
    : [];
  return { preamble, sections, charts, notes: notesFor(p, report, lang) };
}

/**
 * A report page, its body made when it is rendered. Its fingerprint is made
 * from `key`, the key it is kept by from one round of the preview server to
 * the next (buildSite): the report's source (its bytes, companion and
 * diagnostics), its agency's names and years, and the language, all a report
 * page and its body are made of besides the site's code. Hashing the key, not
 * the page's data, took the main thread's site data at 10,000 reports (twenty
 * thousand report pages) from ~3.0 s to ~2.4 s (three runs each, alternating).
 */
function reportPage(p: Published, lang: Lang, sameAgency: readonly Published[], key: string) {
  const page = withLazyFingerprint(reportPageData(p, lang, sameAgency), () => fingerprint(siteVersion(), key));
  return withLazyParts(page, { body: () => reportBody(p, lang) });
}

function reportPageData(p: Published, lang: Lang, sameAgency: readonly Published[]) {
  const facts = p.facts;
  const meta = [
    { term: UI.agency[lang], detail: `<a href="${urls.agency(lang, p.slug)}">${escapeHtml(agencyName(p, lang))}</a>` },
    { term: UI.year[lang], detail: `<a href="${urls.year(lang, p.year)}">${p.year}</a>` },
    facts.published ? { term: UI.published[lang], detail: escapeHtml(facts.published) } : null,
    facts.period ? { term: UI.period[lang], detail: `${facts.period.from} – ${facts.period.to}` } : null,
    facts.format ? { term: UI.format[lang], detail: UI.formats[facts.format][lang] } : null,
  ].filter(Boolean);
  return {
    ...base(lang, (l) => urls.report(l, p.slug, p.year), (l) => reportTitle(p, l)),
    kind: 'report',
    heading: { agency: agencyName(p, lang), year: p.year, title: lang === 'zh' ? `${p.year}年政府信息公开工作年度报告` : `${p.year} ${UI.reportOf.en}` },
    meta,
    preambleLang: lang === 'en' && !p.companion?.preamble ? HTML_LANG.zh : HTML_LANG[lang],
    otherYears: sameAgency.filter((x) => x !== p).map((x) => ({ href: urls.report(lang, x.slug, x.year), label: String(x.year) })),
    downloads: [
      { href: urls.download(p.slug, p.year, 'json'), label: UI.downloadJson[lang] },
      { href: urls.download(p.slug, p.year, 'csv'), label: UI.downloadCsv[lang] },
      { href: urls.download(p.slug, p.year, 'md'), label: UI.downloadSource[lang] },
      { href: urls.schema(), label: UI.schema[lang] },
    ],
  };
}

// ── Agency and year pages ───────────────────────────────────────────────────

function agencyPage(slug: string, series: Published[], lang: Lang) {
  const years = [...series].sort((a, b) => a.year - b.year);
  const first = years[0]!;
  const categories = years.map((p) => String(p.year));
  const id = (n: string) => `a-${n}`;
  const chartLang = HTML_LANG[lang] as 'zh-CN' | 'en';
  const outcomeNames = OUTCOME_NODES('2019').map((n) => (lang === 'zh' ? nodeLabel(n) : n.en));
  const bars = years.map((p) => p.facts.outcomes ?? []);
  // The charts' data goes into the page (and its fingerprint); their SVG is drawn when the page is rendered.
  const chartSpecs: TrendChart[] = [
    ({ id: id('received'), lang: chartLang, title: UI.trendReceived[lang], description: UI.trendDesc[lang], categories, series: [{ name: UI.trendReceived[lang], values: years.map((p) => figureOf(p, 'received')) }], unit: UI.requests[lang] }),
    ({
      id: id('outcomes'), lang: chartLang, title: UI.trendOutcomes[lang], description: UI.trendDesc[lang], categories, unit: UI.requests[lang],
      series: outcomeNames.map((name, i) => ({ name, values: bars.map((b) => b[i] ?? null) })),
    }),
    ({
      id: id('review'), lang: chartLang, title: UI.trendReview[lang], description: UI.trendDesc[lang], categories, unit: UI.cases[lang],
      series: [
        { name: lang === 'zh' ? '行政复议' : 'Administrative reconsideration', values: years.map((p) => figureOf(p, 'review')) },
        { name: lang === 'zh' ? '行政诉讼' : 'Administrative litigation', values: years.map((p) => figureOf(p, 'litigation')) },
      ],
    }),
  ];
  const carryOver = years.slice(1).flatMap((p, i) => {
    const previous = years[i]!;
    if (previous.year !== p.year - 1) return [];
    const forward = figureOf(previous, 'carriedForward');
    const over = figureOf(p, 'carriedOver');
    return [{ from: previous.year, to: p.year, forward, over, matches: forward === over }];
  });
  const page = {
    ...base(lang, (l) => urls.agency(l, slug), (l) => agencyName(first, l)),
    kind: 'agency',
    agency: first.agency.agency ? { region: first.agency.agency.region[lang], website: first.agency.agency.website ?? null } : null,
    reports: [...series].map((p) => ({ href: urls.report(lang, p.slug, p.year), label: reportTitle(p, lang), year: p.year })),
    chartSpecs,
    carryOver,
  };
  // Its fingerprint is its data's (the charts are drawn from it): an edit that changes none of the figures it shows keeps it.
  return withLazyParts(withFingerprint(page), { charts: () => chartSpecs.map((c) => chart(c, 'trend')) });
}

const FIGURE_AT = new Map(YEAR_TOTALS.map((t, i) => [t.key, i]));
/** One of a report's year-page figures (read once, when it was checked: ReportFacts). */
const figureOf = (p: Published, key: 'received' | 'carriedOver' | 'carriedForward' | 'review' | 'litigation') => p.facts.figures[FIGURE_AT.get(key)!] ?? null;

function yearPage(year: number, reports: Published[], lang: Lang) {
  const figures = reports.map((p) => p.facts.figures);
  const totals = YEAR_TOTALS.map((t, i) => ({ label: t.label[lang], value: sumOrNull(figures.map((f) => f[i]!)) }));
  return {
    ...base(lang, (l) => urls.year(l, year), (l) => (l === 'zh' ? `${year}年度报告` : `${year} reports`)),
    kind: 'year',
    year,
    reports: reports.map((p) => ({ href: urls.report(lang, p.slug, p.year), label: agencyName(p, lang) })),
    totals: totals.map((t) => ({ label: t.label, value: t.value === null ? null : t.value.toLocaleString('en-US') })),
  };
}

// ── The site ────────────────────────────────────────────────────────────────

/**
 * Whether fingerprints are made only when read: in a helper thread, which
 * makes the same site's data only to render from and reads none
 * (write-outputs.ts). The build reads every one (to keep what has not
 * changed, and to record what it made), sooner made at once than through
 * a getter each (measured on 10,000 reports: 3.1 s against 4.0 s).
 */
let fingerprintsWhenRead = false;
export const makeFingerprintsWhenRead = () => void (fingerprintsWhenRead = true);

/** `object` with its `fingerprint`, made now or when first read (fingerprintsWhenRead). */
function withLazyFingerprint<T extends object>(object: T, make: () => string): T & { fingerprint: string } {
  if (!fingerprintsWhenRead) return Object.assign(object, { fingerprint: make() });
  return Object.defineProperty(object, 'fingerprint', {
    get() {
      const value = make();
      Object.defineProperty(this, 'fingerprint', { value, enumerable: true });
      return value;
    },
    enumerable: true,
    configurable: true,
  }) as T & { fingerprint: string };
}

/** A page's fingerprint: everything it shows (and, for a report, what its body is made of) and the site's code. */
function withFingerprint<T extends object>(page: T, ...more: string[]): T & { fingerprint: string } {
  // The interface strings and navigation follow from the language and address, and the code.
  // (Left out by taking them off the top, not with a replacer: JSON.stringify is several times faster without one.)
  const { ui: _ui, nav: _nav, ...rest } = page as T & Partial<PageBase>;
  return withLazyFingerprint({ ...page }, () => fingerprint(siteVersion(), JSON.stringify(rest), ...more));
}

/** The lazy part made last, kept until another is made: Nunjucks reads a member twice (`typeof obj[key]`, then `obj[key]`). */
let lastPart: { page: object; name: string; value: unknown } | null = null;

/**
 * A page (with its fingerprint) with parts made only when it is rendered
 * (then let go): thousands of pages never hold their HTML in memory at once.
 */
function withLazyParts<T extends { fingerprint: string }, L extends Record<string, () => unknown>>(out: T, lazy: L) {
  for (const [name, make] of Object.entries(lazy)) {
    const get = () => {
      if (lastPart?.page === out && lastPart.name === name) return lastPart.value;
      lastPart = null; // the last part let go before this one is made
      const value = make();
      lastPart = { page: out, name, value };
      return value;
    };
    Object.defineProperty(out, name, { get, enumerable: false });
  }
  return out as typeof out & { readonly [K in keyof L]: ReturnType<L[K]> };
}

/** A download's content, made when it is written: its text (or its bytes, UTF-8), or its parts in order (the site-wide datasets, too large for one string). */
export type Download = { url: string; fingerprint: string; readonly content: DownloadContent };
export type DownloadContent = string | Uint8Array | Iterable<string | Uint8Array>;

const download = (url: string, inputs: string[], make: () => DownloadContent): Download =>
  withLazyFingerprint({ url, get content() { return make(); } }, () => fingerprint(siteVersion(), url, ...inputs));

/**
 * The report, agency and year pages of the last site made, by everything
 * they are made of: the preview server makes the site again after every
 * edit, and only the pages that show what changed need making again.
 */
const madePages = new MadeLastTime<unknown>();
/** The fingerprint of an agency's names, by its registry entry. */
const entryPrints = new WeakMap<Agency, { zh: string; en: string; print: string }>();
const madeDownloads = new MadeLastTime<Download[]>();

/**
 * What the site's data is made from, each piece made when first asked for:
 * the whole site's data (buildSite) asks for all of it, a helper thread
 * (bulkSite) only for the reports and agencies it renders. `remember`: the
 * pages and downloads are kept from one round to the next (the preview
 * server makes the site again after every edit); a helper makes each once.
 */
function siteParts(published: Published[], schemaJson: string, remember: boolean) {
  const bySlug = new Map<string, Published[]>();
  for (const p of published) {
    const series = bySlug.get(p.slug);
    if (series) series.push(p);
    else bySlug.set(p.slug, [p]);
  }
  const agencies = [...bySlug.entries()].sort(([a], [b]) => a.localeCompare(b));
  // What a report's pages are made of besides gongkai's code: its source and its agency's names.
  // Keys stay short (a fingerprint each) however long the agency's names: they are built and looked up for every page after every edit.
  const agencyPrints = new Map<string, string>();
  const agencyPrint = (p: Published) => {
    // A registry entry gives the names (and is the same object while the registry's text is): its print is kept with it.
    const entry = p.agency.agency;
    const known = entry && p.agency.slug === entry.slug ? entryPrints.get(entry) : undefined;
    if (known !== undefined && known.zh === p.agency.zh && known.en === p.agency.en) return known.print;
    const names = JSON.stringify(p.agency); // by the names themselves: reports of one folder may name their agency differently
    let print = agencyPrints.get(names);
    if (print === undefined) agencyPrints.set(names, (print = fingerprint(names)));
    if (entry && p.agency.slug === entry.slug) entryPrints.set(entry, { zh: p.agency.zh, en: p.agency.en, print });
    return print;
  };
  const printOf = memoised(agencyPrint);
  const inputsOf = memoised((p: Published) => `${p.slug}\0${p.year}\0${p.source}\0${printOf(p)}`);
  if (remember) {
    madePages.round();
    madeDownloads.round();
  }
  const remembered = <T>(key: string, make: () => T): T => (remember ? (madePages.get(key, make) as T) : make());
  const seriesKey = (series: readonly Published[]) => fingerprint(...series.map(inputsOf));
  const yearsOfAgency = memoised((slug: string) => bySlug.get(slug)!.map((x) => x.year).join());
  // A report's two pages one after the other: the English page reuses the Chinese text it shows untranslated as just rendered (narrativeHtmlParts).
  const reportPages = (p: Published) => {
    const reportKey = `${inputsOf(p)}\0${yearsOfAgency(p.slug)}`;
    return LANGS.map((lang) => {
      const key = `report\0${lang}\0${reportKey}`;
      return remembered(key, () => reportPage(p, lang, bySlug.get(p.slug)!, key));
    });
  };
  // Each agency's key made once for both languages.
  const agencyKey = memoised((slug: string) => seriesKey(bySlug.get(slug)!));
  const agencyPages = (lang: Lang, [slug, series]: [string, Published[]]) =>
    remembered(`agency\0${lang}\0${slug}\0${agencyKey(slug)}`, () => agencyPage(slug, series, lang));
  const reportInputs = (p: Published) => [inputsOf(p)];
  // A report's downloads, kept from the last round while what they are made of is the same.
  const makeDownloads = (p: Published) => [
    download(urls.download(p.slug, p.year, 'json'), reportInputs(p), () => exportsOf(p).jsonDownload),
    download(urls.download(p.slug, p.year, 'csv'), reportInputs(p), () => exportsOf(p).csvDownload),
    download(urls.download(p.slug, p.year, 'md'), reportInputs(p), () => publishedText(p.whole)),
  ];
  const reportDownloads = (p: Published) => (remember ? madeDownloads.get(inputsOf(p), () => makeDownloads(p)) : makeDownloads(p));
  // The datasets load each report as they come to it: a site's reports are never all in memory.
  const allInputs = () => published.map(inputsOf);
  const datasets: Dataset[] = [
    withLazyFingerprint({ url: urls.dataset('json'), text: { ...DATASET_JSON, piece: (p: Published) => exportsOf(p).jsonPiece } }, () => fingerprint(siteVersion(), urls.dataset('json'), ...allInputs())),
    withLazyFingerprint({ url: urls.dataset('csv'), text: { ...DATASET_CSV, piece: (p: Published) => exportsOf(p).csvPiece } }, () => fingerprint(siteVersion(), urls.dataset('csv'), ...allInputs())),
  ];
  const downloadsAfterReports: Download[] = [
    ...datasets.map((d) => withLazyFingerprint({ url: d.url, get content() { return datasetText(d.text, published); } }, () => d.fingerprint)),
    download(urls.schema(), [], () => schemaJson),
  ];
  const reportOutputs = (p: Published) => ({ published: p, pages: reportPages(p), downloads: reportDownloads(p) });
  return { agencies, printOf, inputsOf, seriesKey, remembered, agencyPages, reportOutputs, datasets, downloadsAfterReports };
}

/** `make` of each argument made once. */
function memoised<A, V>(make: (a: A) => V): (a: A) => V {
  const made = new Map<A, V>();
  return (a) => {
    let value = made.get(a);
    if (value === undefined) made.set(a, (value = make(a)));
    return value;
  };
}

/** The site's data: every page and download, each report's in `byReport` (in the order of `published`), the site-wide datasets. */
export function buildSite(published: Published[], schemaJson: string) {
  const { agencies, printOf, inputsOf, seriesKey, remembered, agencyPages, reportOutputs, datasets, downloadsAfterReports } = siteParts(published, schemaJson, true);
  const years = [...new Set(published.map((p) => p.year))].sort((a, b) => b - a);
  const byYear = new Map(years.map((year) => [year, published.filter((p) => p.year === year)]));
  const yearKeys = new Map(years.map((year) => [year, seriesKey(byYear.get(year)!)]));
  // The lists and the pages every site has show the reports' addresses, years and agencies, not what they say:
  // an edit of a report's text does not make them again.
  const listKey = fingerprint(...published.map((p) => `${p.slug}\0${p.year}\0${printOf(p)}`));
  const listPage = <T extends PageBase & { kind: string }>(lang: Lang, kind: T['kind'], make: () => T) =>
    remembered(`${kind}\0${lang}\0${listKey}`, () => withFingerprint(make()));
  // Each report's pages and downloads, in the order of `published` (the order of the datasets' pieces), and the key of what
  // its pieces of the datasets are made of (those of the last build are copied while it is the same: dataset-pieces.ts).
  // Every page has its fingerprint, made with it (and kept with it from round to round).
  const byReport = published.map((p) => ({ ...reportOutputs(p), pieceKey: fingerprint(siteVersion(), 'datasets', inputsOf(p)) }));
  const pages = [...byReport.flatMap((r) => r.pages), ...LANGS.flatMap((lang) => [
    ...agencies.map((agency) => agencyPages(lang, agency)),
    ...years.map((year) => remembered(`year\0${lang}\0${year}\0${yearKeys.get(year)}`, () => withFingerprint(yearPage(year, byYear.get(year)!, lang)))),
    listPage(lang, 'home', () => ({
      ...base(lang, urls.home, (l) => UI.siteName[l]),
      kind: 'home',
      latest: published.slice(0, 10).map((p) => ({ href: urls.report(lang, p.slug, p.year), label: reportTitle(p, lang), year: p.year })),
      agencies: agencies.map(([slug, series]) => ({ href: urls.agency(lang, slug), label: agencyName(series[0]!, lang), count: series.length })),
      years: years.map((y) => ({ href: urls.year(lang, y), label: String(y) })),
    })),
    listPage(lang, 'agencies', () => ({
      ...base(lang, urls.agencies, (l) => UI.agencies[l]),
      kind: 'agencies',
      agencies: agencies.map(([slug, series]) => ({ href: urls.agency(lang, slug), label: agencyName(series[0]!, lang), count: series.length })),
    })),
    listPage(lang, 'years', () => ({ ...base(lang, urls.years, (l) => UI.years[l]), kind: 'years', years: years.map((y) => ({ href: urls.year(lang, y), label: String(y), count: byYear.get(y)!.length })) })),
    listPage(lang, 'data', () => ({
      ...base(lang, urls.data, (l) => UI.data[l]),
      kind: 'data',
      dataset: [
        { href: urls.dataset('json'), label: UI.datasetJson[lang] },
        { href: urls.dataset('csv'), label: UI.datasetCsv[lang] },
        { href: urls.schema(), label: UI.schema[lang] },
      ],
      reports: published.map((p) => ({ label: reportTitle(p, lang), json: urls.download(p.slug, p.year, 'json'), csv: urls.download(p.slug, p.year, 'csv') })),
    })),
    listPage(lang, 'about', () => ({
      ...base(lang, urls.about, (l) => ABOUT.title[l]),
      kind: 'about',
      paragraphs: ABOUT.paragraphs.map((p) => p[lang]),
      rules: RULE_IDS.map((id) => ({ id, severity: UI.severities[RULES[id].severity][lang], reference: 'reference' in RULES[id] ? (RULES[id] as { reference: string }).reference : '', summary: RULES[id].summary[lang] })),
      glossary: [
        ...SECTIONS.map((s) => ({ zh: s.title.zh, en: s.title.en })),
        ...TABLE3_COLUMNS.map((c) => ({ zh: c.label.zh, en: c.label.en })),
        ...OUTCOME_NODES('2021').flatMap(function entries(n: Table3Node): { zh: string; en: string }[] { return [{ zh: nodeLabel(n), en: n.en }, ...(n.children ?? []).flatMap(entries)]; }),
      ],
    })),
    // Its language's parts of the search index (src/site/search-index.ts): one report page of the language per report.
    listPage(lang, 'search', () => ({ ...base(lang, urls.search, (l) => UI.search[l]), kind: 'search', bundles: searchBundles(lang, published.length) })),
    listPage(lang, 'notFound', () => ({ ...base(lang, urls.notFound, (l) => UI.notFoundTitle[l]), kind: 'notFound' })),
  ])];
  const downloads: Download[] = [...byReport.flatMap((r) => r.downloads), ...downloadsAfterReports];
  return { pages, downloads, byReport, datasets };
}

/**
 * What a helper thread renders (write-outputs.ts): each report's pages and
 * downloads, then the agencies' pages, each made only when asked for — the
 * helper makes those it takes, about half — and the datasets, whose pieces
 * it makes for its reports. The year pages and the site's own lists are
 * Eleventy's, on the main thread. (Made whole, as the main thread makes the
 * site's data, the helper spent ~1.5 s at 10,000 reports before its first
 * report, and held every page's data to its end.)
 */
export function bulkSite(published: Published[], schemaJson: string) {
  const { agencies, agencyPages, reportOutputs, datasets } = siteParts(published, schemaJson, false);
  const afterReports = LANGS.flatMap((lang) => agencies.map((agency) => () => agencyPages(lang, agency)));
  return {
    reports: published.length,
    report: (index: number) => reportOutputs(published[index]!),
    afterReports: afterReports.length,
    afterReport: (index: number) => afterReports[index]!(),
    datasets,
  };
}

export type Site = ReturnType<typeof buildSite>;

/** A site-wide dataset: its address, fingerprint, and text a report at a time (each report's piece in UTF-8). */
export type Dataset = { url: string; fingerprint: string; text: DatasetText<Published, Uint8Array> };

/**
 * A report's JSON and CSV downloads, and its pieces of the datasets, as
 * UTF-8: each text encoded once (it was twice, for the download and for the
 * piece: ~0.07 ms a report), the piece a view of the download's bytes.
 */
type Exports = { agency: Published['agency']; jsonDownload: Uint8Array; jsonPiece: Uint8Array; csvDownload: Uint8Array; csvPiece: Uint8Array };

/** What the JSON dataset's piece puts before a report's line (a line break), and the CSV download before its rows (the header), in bytes. */
const JSON_PIECE_LEAD = Buffer.byteLength(DATASET_JSON.piece(''));
const CSV_HEAD = Buffer.byteLength(DATASET_CSV.head);

function exportsMade(agency: Published['agency'], report: Report): Exports {
  // One buffer holds the JSON piece (the lead, then the report's line) and the download (the line, then a line break).
  const json = utf8Bytes(`${DATASET_JSON.piece(reportJson(report, agency))}\n`);
  const csv = reportCsv(report, agency);
  return { agency, jsonDownload: json.subarray(JSON_PIECE_LEAD), jsonPiece: json.subarray(0, json.length - 1), csvDownload: csv, csvPiece: csv.subarray(CSV_HEAD) };
}
/**
 * A report's data as JSON and its rows of the CSV, made once for its
 * downloads and its pieces of the datasets. Of a check kept in memory (the
 * preview server), kept as long as the check is; of one loaded from the
 * cache, only while it is the last made (its downloads and pieces are made
 * one after the other): a WeakMap keeps its entries through young-generation
 * collections, and every loaded check with them (measured: ~115 KB a report
 * promoted to the old generation, to be marked and swept there).
 */
const exportsKept = new WeakMap<Report, Exports>();
let lastMade: { report: Report; exports: Exports } | null = null;
function exportsOf(p: Published): Exports {
  const report = reportOf(p);
  const made = p.whole.kept ? exportsKept.get(report) : lastMade?.report === report ? lastMade.exports : undefined;
  // The agency's names are in them: made again in a new round (a new agency object), whose registry may differ.
  if (made?.agency === p.agency) return made;
  const fresh = exportsMade(p.agency, report);
  if (p.whole.kept) exportsKept.set(report, fresh);
  else lastMade = { report, exports: fresh };
  return fresh;
}

export function schemaJson(): string {
  return JSON.stringify(z.toJSONSchema(Report, { io: 'output', unrepresentable: 'any' }), null, 2) + '\n';
}
