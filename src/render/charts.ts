// Static SVG charts drawn at build time: no client JavaScript, no external
// resources. Text widths are estimated (CJK 1 em, other 0.6 em) and the
// viewBox is grown to cover everything drawn, so no label is ever clipped.
// Each chart has an accessible name and description, and its data can be
// given beside it as an HTML table (chartDataTableHtml).

import { escapeHtml, escapeQuotedAttribute } from './html.ts';

export type Lang = 'zh-CN' | 'en';
/** A bar whose value is null is "not reported": drawn as "—", never as 0. */
export type Bar = { label: string; value: number | null };
export type BarChart = { id: string; lang: Lang; title: string; description: string; bars: Bar[]; /** label of the value axis / unit, e.g. "件" or "requests" */ unit: string };
export type Series = { name: string; values: (number | null)[] };
export type TrendChart = { id: string; lang: Lang; title: string; description: string; /** x-axis categories in order, e.g. years ["2019","2020","2021"] */ categories: string[]; series: Series[]; unit: string };

export const FONT_SIZE = 14;
export const FONT_FAMILY = "system-ui, 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
/** Labels wider than this (in em) are wrapped onto two lines. */
export const WRAP_EM = 16;
const LINE = 18; // line height at FONT_SIZE
const PAD = 16; // empty margin around everything drawn
const GAP = 6; // between a label and what it labels
const TEXT = '#1a1a1a'; // 17:1 on white
const MUTED = '#595959'; // 7:1 on white: axis labels, "—"
const GRID = '#d9d9d9';
// Okabe–Ito (colour-blind safe), ordered so that the first five reach 3:1
// against white; the paler ones after them get a dark outline.
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#000000', '#E69F00', '#56B4E9'];
const PALE_FROM = 5;

const WORDS = {
  'zh-CN': { notReported: '未填报', unit: (u: string) => `单位：${u}`, item: '项目', value: '数值', colon: '：', comma: '，', unitSep: '', captionUnit: (u: string) => `（单位：${u}）` },
  en: { notReported: 'not reported', unit: (u: string) => `Unit: ${u}`, item: 'Item', value: 'Value', colon: ': ', comma: ', ', unitSep: ' ', captionUnit: (u: string) => ` (unit: ${u})` },
} as const;

// ---- text ---------------------------------------------------------------


/** Full-width characters are 1 em. "—" and "…" are counted wide too: they are about 1 em in every font. */
/** Inclusive ranges of wide code points (CJK, Hangul, full-width forms). */
const WIDE_RANGES = [[0x2e80, 0x9fff], [0xac00, 0xd7af], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x20000, 0x3ffff]] as const;

export function isWide(codePoint: number): boolean {
  if (codePoint < 0x2014) return false; // Latin, digits and most punctuation: the common case, answered first
  if (codePoint === 0x2014 || codePoint === 0x2026) return true;
  for (const [from, to] of WIDE_RANGES) if (codePoint >= from && codePoint <= to) return true;
  return false;
}

/** Estimated width in px of `text` at `fontSize`. */
export function textWidth(text: string, fontSize = FONT_SIZE): number {
  let em = 0;
  for (const ch of text) em += isWide(ch.codePointAt(0)!) ? 1 : 0.6;
  return em * fontSize;
}

// A line may not begin with closing punctuation (Chinese line-breaking rule).
const NO_LINE_START = new Set(Array.from('，。、；：？！）》」』】,.;:?!)'));

/**
 * One line, or two of about equal width if wider than WRAP_EM (the widest line
 * sets the margin): broken at the last space in the first half, else between characters.
 */
function wrapOnce(label: string): string[] {
  const total = textWidth(label);
  if (total <= WRAP_EM * FONT_SIZE) return [label];
  const limit = total / 2;
  const chars = Array.from(label);
  let fit = 0;
  for (let width = 0; fit < chars.length; fit++) {
    width += textWidth(chars[fit]!);
    if (width > limit) break;
  }
  const space = chars.lastIndexOf(' ', fit);
  let cut = space > 0 ? space : fit;
  while (space <= 0 && cut < chars.length && NO_LINE_START.has(chars[cut]!)) cut++;
  const second = chars.slice(cut).join('').trim();
  return second ? [chars.slice(0, cut).join('').trimEnd(), second] : [label];
}

/** Labels wrapped so far: charts show the same few dozen labels on every report's page. */
const wrapped = new Map<string, readonly string[]>();
export function wrapLabel(label: string): readonly string[] {
  let lines = wrapped.get(label);
  if (lines === undefined) {
    if (wrapped.size >= 4096) wrapped.clear();
    wrapped.set(label, (lines = Object.freeze(wrapOnce(label))));
  }
  return lines;
}

/** The text of small whole numbers, made once: a chart writes hundreds of coordinates and values, mostly the same few. */
const WHOLE_TEXT: string[] = [];
const wholeText = (n: number): string => (n >= 0 && n < 4096 ? (WHOLE_TEXT[n] ??= String(n)) : String(n));

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
/** "1,234" in both languages; whole numbers (nearly every figure) grouped here, as Intl would, several times faster. */
export function formatNumber(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return numberFormat.format(n);
  if (n >= 0 && n < 1000) return wholeText(n); // nothing to group
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${digits}` : digits;
}

const known = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function valueText(value: number | null, unit: string, lang: Lang): string {
  const w = WORDS[lang];
  if (value === null) return w.notReported;
  return unit ? `${formatNumber(value)}${w.unitSep}${unit}` : formatNumber(value);
}

// ---- scale --------------------------------------------------------------

// Drop float noise such as 0.30000000000000004; a whole number below 10^12 has none (and 12 digits hold it exactly).
const tidy = (n: number) => (Number.isInteger(n) && Math.abs(n) < 1e12 ? n : Number(n.toPrecision(12)));

/** 0 to the smallest 1, 2 or 5 × 10^n at or above `dataMax` (1 when there is nothing above 0), with 4 or 5 gridlines above 0. */
/** With `whole`, the data are counts: only whole-number ticks are labelled. */
export function niceScale(dataMax: number, whole = false): { max: number; ticks: number[] } {
  const top = dataMax > 0 && Number.isFinite(dataMax) ? dataMax : 1;
  const power = 10 ** Math.floor(Math.log10(top));
  const [mantissa, steps] = ([[1, 4], [2, 4], [5, 5], [10, 4]] as const).find(([m]) => tidy(m * power) >= top)!;
  const max = tidy(mantissa * power);
  const ticks = Array.from({ length: steps + 1 }, (_, i) => tidy((max * i) / steps));
  return { max, ticks: whole ? ticks.filter(Number.isInteger) : ticks };
}

// ---- drawing ------------------------------------------------------------

type Attrs = Record<string, string | number | undefined>;
/** A coordinate to two decimals; a whole one (most of them) as it is. */
const px = (n: number) => (Number.isInteger(n) ? wholeText(n) : String(Math.round(n * 100) / 100));

/** An element; attributes in the order given, those undefined left out. A plain loop: a chart draws hundreds of elements, and every report page has one. */
function el(name: string, attrs: Attrs, content?: string): string {
  let a = '';
  for (const k in attrs) {
    const v = attrs[k];
    if (v !== undefined) a += ` ${k}="${typeof v === 'number' ? px(v) : escapeQuotedAttribute(v)}"`;
  }
  return content === undefined ? `<${name}${a}/>` : `<${name}${a}>${content}</${name}>`;
}

type Anchor = 'start' | 'middle' | 'end';
const NUMERIC = 'font-variant-numeric: tabular-nums';

/** Draws elements and keeps the extent of everything drawn, for the viewBox. */
class Canvas {
  private right = 0;
  private bottom = 0;
  private extend(x: number, y: number) {
    this.right = Math.max(this.right, x);
    this.bottom = Math.max(this.bottom, y);
  }
  /** `y` is the baseline; descenders reach about 0.3 em below it. */
  text(x: number, y: number, s: string, anchor: Anchor, attrs: Attrs = {}): string {
    const w = textWidth(s);
    this.extend((anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2) + w, y + 0.3 * FONT_SIZE);
    return el('text', { x, y, 'text-anchor': anchor === 'start' ? undefined : anchor, fill: TEXT, ...attrs }, escapeHtml(s));
  }
  number(x: number, y: number, s: string, anchor: Anchor, attrs: Attrs = {}): string {
    return this.text(x, y, s, anchor, { style: NUMERIC, ...attrs });
  }
  rect(x: number, y: number, width: number, height: number, attrs: Attrs): string {
    this.extend(x + width, y + height);
    return el('rect', { x, y, width, height, ...attrs });
  }
  line(x1: number, y1: number, x2: number, y2: number, stroke: string): string {
    this.extend(Math.max(x1, x2), Math.max(y1, y2));
    return el('line', { x1, y1, x2, y2, stroke, 'stroke-width': 1 });
  }
  svg(chart: { id: string; lang: Lang; title: string; description: string }, kind: string, body: string[]): string {
    const id = idOf(chart);
    const width = Math.ceil(this.right + PAD);
    const height = Math.ceil(this.bottom + PAD);
    return el('svg', {
      xmlns: 'http://www.w3.org/2000/svg', role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`,
      viewBox: `0 0 ${width} ${height}`, width, height, lang: chart.lang, class: `chart chart-${kind}`,
      'font-family': FONT_FAMILY, 'font-size': FONT_SIZE, style: 'max-width: 100%; height: auto',
    }, el('title', { id: `${id}-title` }, escapeHtml(chart.title)) + el('desc', { id: `${id}-desc` }, escapeHtml(chart.description)) + body.join(''));
  }
}

// aria-labelledby is a space-separated list, so an id may not contain spaces.
const idOf = (chart: { id: string }) => chart.id.trim().replace(/\s+/g, '-');
/** A text's baseline that centres it vertically on `y`. */
const middle = (y: number) => y + 0.35 * FONT_SIZE;

function barTitle(label: string, value: number | null, unit: string, lang: Lang): string {
  return el('title', {}, escapeHtml(`${label}${WORDS[lang].colon}${valueText(value, unit, lang)}`));
}

// ---- horizontal bar chart ------------------------------------------------

const PLOT_WIDTH = 320;
const BAR_HEIGHT = 18;

/** Horizontal bars: category labels on the left, value labels at the bar ends, value axis below. */
export function barChartSvg(chart: BarChart): string {
  const c = new Canvas();
  const rows = chart.bars.map((b) => ({ label: b.label, lines: wrapLabel(b.label), value: known(b.value) }));
  const labelWidth = Math.max(0, ...rows.flatMap((r) => r.lines.map((l) => textWidth(l))));
  const left = PAD + labelWidth + GAP * 2;
  const scale = niceScale(Math.max(0, ...rows.map((r) => r.value ?? 0)), true);
  // Wide enough that the tick labels under the axis never touch.
  const plotWidth = Math.max(PLOT_WIDTH, ...scale.ticks.map((t) => (scale.ticks.length - 1) * (textWidth(formatNumber(t)) + GAP * 2)));
  const x = (v: number) => left + (Math.max(0, v) / scale.max) * plotWidth;
  const top = PAD;

  const bars: string[] = [];
  let y = top;
  for (const row of rows) {
    const height = Math.max(BAR_HEIGHT + 10, row.lines.length * LINE + 10);
    const centre = y + height / 2;
    row.lines.forEach((line, i) => bars.push(c.text(left - GAP * 2, middle(centre + (i - (row.lines.length - 1) / 2) * LINE), line, 'end', { class: 'label' })));
    const title = barTitle(row.label, row.value, chart.unit, chart.lang);
    bars.push(row.value === null
      // Not reported: no bar at all, only a muted "—" where the bar would start.
      ? el('g', { class: 'bar blank' }, title + c.text(left + GAP, middle(centre), '—', 'start', { fill: MUTED, class: 'value' }))
      : el('g', { class: 'bar' }, title
        + c.rect(left, centre - BAR_HEIGHT / 2, x(row.value) - left, BAR_HEIGHT, { fill: PALETTE[0] })
        + c.number(x(row.value) + GAP, middle(centre), formatNumber(row.value), 'start', { class: 'value' })));
    y += height;
  }
  const bottom = Math.max(y, top + BAR_HEIGHT + 10);

  const axis: string[] = [];
  for (const t of scale.ticks) {
    axis.push(c.line(x(t), top, x(t), bottom, t === 0 ? MUTED : GRID));
    axis.push(c.number(x(t), bottom + GAP + FONT_SIZE, formatNumber(t), 'middle', { fill: MUTED, class: 'tick' }));
  }
  if (chart.unit) axis.push(c.text(left, bottom + GAP + FONT_SIZE + LINE, WORDS[chart.lang].unit(chart.unit), 'start', { fill: MUTED, class: 'unit' }));
  return c.svg(chart, 'bar', [...axis, ...bars]);
}

// ---- grouped vertical bar chart -----------------------------------------

const PLOT_HEIGHT = 200;
const COLUMN_WIDTH = 16;
const COLUMN_GAP = 2;
const SWATCH = 12;

/** Grouped vertical bars, one group per category and one bar per series, with a legend above. */
export function trendChartSvg(chart: TrendChart): string {
  const c = new Canvas();
  const w = WORDS[chart.lang];
  const n = chart.series.length;
  const categories = chart.categories.map((label) => ({ label, lines: wrapLabel(label) }));
  const groupWidth = Math.max(0, n * COLUMN_WIDTH + (n - 1) * COLUMN_GAP);
  const slot = Math.max(groupWidth + 16, ...categories.flatMap((k) => k.lines.map((l) => textWidth(l) + 12)));
  const scale = niceScale(Math.max(0, ...chart.series.flatMap((s) => s.values.map((v) => known(v) ?? 0))), true);
  const tickWidth = Math.max(...scale.ticks.map((t) => textWidth(formatNumber(t))));
  const left = PAD + tickWidth + GAP;
  const plotWidth = Math.max(categories.length * slot, 160);

  // Legend: swatch and name per series, flowing onto more rows when wider than the plot.
  const legend: string[] = [];
  let lx = PAD;
  let ly = PAD;
  chart.series.forEach((s, i) => {
    const itemWidth = SWATCH + GAP + textWidth(s.name);
    if (lx > PAD && lx + itemWidth > left + plotWidth) [lx, ly] = [PAD, ly + LINE + 4];
    legend.push(el('g', { class: 'legend-item' },
      c.rect(lx, ly + (LINE - SWATCH) / 2, SWATCH, SWATCH, colour(i)) + c.text(lx + SWATCH + GAP, middle(ly + LINE / 2), s.name, 'start')));
    lx += itemWidth + 16;
  });
  let y = n > 0 ? ly + LINE + 8 : PAD;
  if (chart.unit) {
    legend.push(c.text(PAD, middle(y + LINE / 2), w.unit(chart.unit), 'start', { fill: MUTED, class: 'unit' }));
    y += LINE + 4;
  }
  const top = y + FONT_SIZE / 2; // room for the top tick label, centred on its gridline
  const bottom = top + PLOT_HEIGHT;
  const yOf = (v: number) => bottom - (Math.max(0, v) / scale.max) * PLOT_HEIGHT;

  const axis: string[] = [];
  for (const t of scale.ticks) {
    axis.push(c.line(left, yOf(t), left + plotWidth, yOf(t), t === 0 ? MUTED : GRID));
    axis.push(c.number(left - GAP, middle(yOf(t)), formatNumber(t), 'end', { fill: MUTED, class: 'tick' }));
  }

  const bars: string[] = [];
  categories.forEach((k, ci) => {
    const slotLeft = left + ci * slot;
    k.lines.forEach((line, li) => axis.push(c.text(slotLeft + slot / 2, bottom + GAP + FONT_SIZE + li * LINE, line, 'middle', { class: 'label' })));
    chart.series.forEach((s, si) => {
      const value = known(s.values[ci]);
      const x = slotLeft + (slot - groupWidth) / 2 + si * (COLUMN_WIDTH + COLUMN_GAP);
      const title = barTitle(`${s.name}${w.comma}${k.label}`, value, chart.unit, chart.lang);
      bars.push(value === null
        // Not reported: a gap with a "—" on the baseline, not a zero bar.
        ? el('g', { class: 'bar blank' }, title + c.text(x + COLUMN_WIDTH / 2, bottom - 4, '—', 'middle', { fill: MUTED }))
        : el('g', { class: 'bar' }, title + c.rect(x, yOf(value), COLUMN_WIDTH, bottom - yOf(value), colour(si))));
    });
  });
  return c.svg(chart, 'trend', [...legend, ...axis, ...bars]);
}

function colour(series: number): Attrs {
  const i = series % PALETTE.length;
  return i < PALE_FROM ? { fill: PALETTE[i] } : { fill: PALETTE[i], stroke: TEXT, 'stroke-width': 0.5 };
}

// ---- data table ---------------------------------------------------------

/** The chart's data as an HTML table with caption and row and column headers; "not reported" is said, not shown as 0. */
export function chartDataTableHtml(chart: BarChart | TrendChart): string {
  const w = WORDS[chart.lang];
  const cell = (v: number | null | undefined) => {
    const value = known(v);
    return value === null
      ? `<td class="num blank"><span aria-hidden="true" title="${w.notReported}">—</span><span class="visually-hidden">${w.notReported}</span></td>`
      : `<td class="num">${formatNumber(value)}</td>`;
  };
  const th = (scope: 'col' | 'row', s: string) => `<th scope="${scope}">${escapeHtml(s)}</th>`;
  const columns = 'bars' in chart ? [w.value] : chart.categories;
  const rows = 'bars' in chart
    ? chart.bars.map((b) => th('row', b.label) + cell(b.value))
    : chart.series.map((s) => th('row', s.name) + chart.categories.map((_, i) => cell(s.values[i])).join(''));
  const caption = escapeHtml(chart.title + (chart.unit ? w.captionUnit(chart.unit) : ''));
  return `<table class="chart-data" id="${escapeQuotedAttribute(idOf(chart))}-data" lang="${chart.lang}"><caption>${caption}</caption>`
    + `<thead><tr>${th('col', w.item)}${columns.map((k) => th('col', k)).join('')}</tr></thead>`
    + `<tbody>${rows.map((r) => `<tr>${r}</tr>`).join('')}</tbody></table>`;
}
