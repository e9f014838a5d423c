// Static SVG charts: accessible, deterministic, escaped, and nothing drawn
// outside the viewBox by the same width estimate the charts are laid out with.

import { describe, expect, it } from 'vitest';
import {
  FONT_FAMILY, FONT_SIZE, WRAP_EM, barChartSvg, chartDataTableHtml, formatNumber, niceScale, textWidth, trendChartSvg, wrapLabel,
  type BarChart, type TrendChart,
} from '../../src/render/charts.ts';

// ---- a tiny XML reader, enough for our own output --------------------------

type Node = { name: string; attrs: Record<string, string>; children: Node[]; text: string };

const unescape = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);

/** Parses well-formed XML without comments or CDATA; throws on unbalanced tags, bare "&" or "<" in text. */
function parseXml(xml: string): Node {
  const root: Node = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (/&(?!(amp|lt|gt|quot|#39);)/.test(text) || text.includes('>')) throw new Error(`bad text: ${text}`);
    stack.at(-1)!.text += unescape(text);
    if (lt === -1) break;
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    if (!m) throw new Error(`bad tag at ${lt}: ${xml.slice(lt, lt + 60)}`);
    const [, close, name, attrText, selfClose] = m as unknown as [string, string, string, string, string];
    if (close) {
      const open = stack.pop()!;
      if (open.name !== name) throw new Error(`</${name}> closes <${open.name}>`);
    } else {
      const attrs: Record<string, string> = {};
      for (const [, k, v] of attrText.matchAll(/([\w:-]+)="([^"]*)"/g)) {
        if (k! in attrs) throw new Error(`duplicate attribute ${k}`);
        attrs[k!] = unescape(v!);
      }
      const node: Node = { name, attrs, children: [], text: '' };
      stack.at(-1)!.children.push(node);
      if (!selfClose) stack.push(node);
    }
    i = tag.lastIndex;
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  if (root.children.length !== 1) throw new Error('not exactly one root element');
  return root.children[0]!;
}

const all = (node: Node, name?: string): Node[] =>
  node.children.flatMap((c) => [...(name === undefined || c.name === name ? [c] : []), ...all(c, name)]);
const num = (node: Node, attr: string) => Number(node.attrs[attr] ?? 0);

/** Every text and rect lies inside the viewBox, by the charts' own width estimate. */
function expectInsideViewBox(svg: string) {
  const root = parseXml(svg);
  const [x0, y0, width, height] = root.attrs.viewBox!.split(' ').map(Number) as [number, number, number, number];
  expect([x0, y0, width, height]).toEqual([0, 0, num(root, 'width'), num(root, 'height')]);
  for (const t of all(root, 'text')) {
    const w = textWidth(t.text, Number(t.attrs['font-size'] ?? FONT_SIZE));
    const anchor = t.attrs['text-anchor'] ?? 'start';
    const left = num(t, 'x') - (anchor === 'end' ? w : anchor === 'middle' ? w / 2 : 0);
    const where = `text "${t.text}" [${left}, ${left + w}] in width ${width}`;
    expect(left, where).toBeGreaterThanOrEqual(0);
    expect(left + w, where).toBeLessThanOrEqual(width);
    expect(num(t, 'y') - FONT_SIZE, where).toBeGreaterThanOrEqual(0); // ascent
    expect(num(t, 'y') + 0.3 * FONT_SIZE, where).toBeLessThanOrEqual(height); // descent
  }
  for (const r of all(root, 'rect')) {
    const where = `rect ${JSON.stringify(r.attrs)}`;
    expect(num(r, 'x'), where).toBeGreaterThanOrEqual(0);
    expect(num(r, 'y'), where).toBeGreaterThanOrEqual(0);
    expect(num(r, 'width'), where).toBeGreaterThanOrEqual(0);
    expect(num(r, 'x') + num(r, 'width'), where).toBeLessThanOrEqual(width);
    expect(num(r, 'y') + num(r, 'height'), where).toBeLessThanOrEqual(height);
  }
}

function contrast(hex: string): number {
  const channel = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (l + 0.05);
}

// ---- fixtures ---------------------------------------------------------------

const LONG = '（二）部分公开（区分处理的，只计这一情形，不计其他情形）';

const outcomes: BarChart = {
  id: 'outcomes-2023', lang: 'zh-CN', title: '本年度办理结果', description: '按办理结果分类的申请件数。', unit: '件',
  bars: [
    { label: '（一）予以公开', value: 1234 },
    { label: LONG, value: 56 },
    { label: '（三）不予公开 1. 属于国家秘密', value: null },
    { label: '（四）无法提供', value: 0 },
  ],
};

const trend: TrendChart = {
  id: 'trend', lang: 'en', title: 'Requests by year', description: 'New requests and those granted, 2019–2021.', unit: 'requests',
  categories: ['2019', '2020', '2021'],
  series: [{ name: 'Received', values: [120, null, 340] }, { name: 'Granted in full', values: [80, 95, 210] }],
};

const bars = (values: (number | null)[], extra: Partial<BarChart> = {}): BarChart => ({
  ...outcomes, bars: values.map((value, i) => ({ label: `第${i + 1}项`, value })), ...extra,
});

const barCharts: Record<string, BarChart> = {
  outcomes,
  english: {
    ...outcomes, lang: 'en', unit: 'requests',
    bars: [
      { label: 'Partly disclosed (counted here only when information was separated, not under any other outcome)', value: 987_654_321 },
      { label: 'WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW', value: 5 },
    ],
  },
  veryLong: { ...outcomes, bars: [{ label: LONG.repeat(3), value: 9999 }] },
  allNull: bars([null, null, null]),
  allZero: bars([0, 0]),
  single: bars([7]),
  singleNull: bars([null]),
  empty: bars([]),
  fractions: bars([0.3, 0.0004]),
  noUnit: bars([3, 4], { unit: '' }),
  nonFinite: bars([Number.NaN, Number.POSITIVE_INFINITY, -5, 2]),
};

const trendCharts: Record<string, TrendChart> = {
  trend,
  zh: {
    ...trend, lang: 'zh-CN', unit: '件', categories: ['2019年', '2020年', LONG],
    series: [{ name: '本年新收政府信息公开申请数量', values: [1, 2, 3] }, { name: LONG, values: [null, 4, 5] }],
  },
  allNull: { ...trend, series: [{ name: 'A', values: [null, null, null] }] },
  allZero: { ...trend, series: [{ name: 'A', values: [0, 0, 0] }, { name: 'B', values: [0, 0, 0] }] },
  single: { ...trend, categories: ['2021'], series: [{ name: 'A', values: [42] }] },
  shortValues: { ...trend, series: [{ name: 'A', values: [1] }] },
  noSeries: { ...trend, series: [] },
  noCategories: { ...trend, categories: [], series: [{ name: 'A', values: [] }] },
  manySeries: { ...trend, series: Array.from({ length: 9 }, (_, i) => ({ name: `Series number ${i + 1}`, values: [i, i * 100, null] })) },
};

const allSvgs = [...Object.values(barCharts).map(barChartSvg), ...Object.values(trendCharts).map(trendChartSvg)];
const allTables = [...Object.values(barCharts), ...Object.values(trendCharts)].map(chartDataTableHtml);

// ---- tests --------------------------------------------------------------------

describe('text width and wrapping', () => {
  it('counts CJK and full-width characters as 1 em, others as 0.6 em', () => {
    expect(textWidth('公开')).toBe(2 * FONT_SIZE);
    expect(textWidth('（）')).toBe(2 * FONT_SIZE);
    expect(textWidth('ab1')).toBeCloseTo(1.8 * FONT_SIZE);
    expect(textWidth('한', 10)).toBe(10);
  });

  it('wraps a label longer than 16 em onto two lines of about equal width', () => {
    expect(wrapLabel(LONG)).toEqual(['（二）部分公开（区分处理的，', '只计这一情形，不计其他情形）']);
    const veryLong = wrapLabel(LONG.repeat(3));
    expect(veryLong).toHaveLength(2);
    expect(veryLong.join('')).toBe(LONG.repeat(3));
    for (const line of veryLong) expect(textWidth(line)).toBeLessThanOrEqual(textWidth(LONG.repeat(3)) / 2 + 2 * FONT_SIZE);
    expect(wrapLabel('（一）予以公开')).toEqual(['（一）予以公开']);
    expect(wrapLabel('一二三四五六七八九十一二三四五六')).toHaveLength(1); // exactly 16 em
  });

  it('does not start a line with closing punctuation, and breaks English at a space', () => {
    expect(wrapLabel('一二三四五六七八九，一二三四五六七八')).toEqual(['一二三四五六七八九，', '一二三四五六七八']);
    expect(wrapLabel('一二三四五六七八九）一二三四五六七八')).toEqual(['一二三四五六七八九）', '一二三四五六七八']);
    const english = wrapLabel('Partly disclosed (counted here only when information was separated)');
    expect(english).toHaveLength(2);
    expect(english[0]!.endsWith(' ')).toBe(false);
    expect(english.join(' ')).toBe('Partly disclosed (counted here only when information was separated)');
  });
});

describe('numbers', () => {
  it('are grouped as Intl groups them in en-US, whole or not, at every size and sign', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
    const values = [0, -0, 1, -1, 999, 1000, -1000, 1234567, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 1.5, -2.25, 1e21, Infinity];
    // Seeded: every digit count from 1 to 16, both signs.
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let digits = 1; digits <= 16; digits++) for (let k = 0; k < 50; k++) values.push(Math.floor((next() - 0.5) * 2 * 10 ** digits));
    for (const v of values) expect(formatNumber(v), String(v)).toBe(intl.format(v));
  });
});

describe('scale', () => {
  it('runs from 0 to 1, 2 or 5 × 10^n with 4 or 5 gridlines above 0', () => {
    expect(niceScale(0)).toEqual({ max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] });
    expect(niceScale(1234)).toEqual({ max: 2000, ticks: [0, 500, 1000, 1500, 2000] });
    expect(niceScale(30).max).toBe(50);
    expect(niceScale(100).max).toBe(100);
    expect(niceScale(101).max).toBe(200);
    expect(niceScale(7).max).toBe(10);
    expect(niceScale(0.3)).toEqual({ max: 0.5, ticks: [0, 0.1, 0.2, 0.3, 0.4, 0.5] });
    // Counts get whole-number ticks only.
    expect(niceScale(2, true)).toEqual({ max: 2, ticks: [0, 1, 2] });
    expect(niceScale(0, true)).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceScale(Number.NaN).max).toBe(1);
  });

  it('labels the gridlines with thousands separators in tabular figures', () => {
    const root = parseXml(barChartSvg(outcomes));
    const ticks = all(root, 'text').filter((t) => t.attrs.class === 'tick').map((t) => t.text);
    expect(ticks).toEqual(['0', '500', '1,000', '1,500', '2,000']);
    const value = all(root, 'text').find((t) => t.text === '1,234')!;
    expect(value.attrs.style).toBe('font-variant-numeric: tabular-nums');
  });
});

describe('SVG', () => {
  it('parses as XML with title and desc first, named by aria-labelledby', () => {
    for (const [chart, svg] of [[outcomes, barChartSvg(outcomes)], [trend, trendChartSvg(trend)]] as const) {
      const root = parseXml(svg);
      expect(root.name).toBe('svg');
      expect(root.attrs).toMatchObject({ xmlns: 'http://www.w3.org/2000/svg', role: 'img', 'aria-labelledby': `${chart.id}-title ${chart.id}-desc`, 'font-family': FONT_FAMILY });
      expect(root.children[0]).toMatchObject({ name: 'title', attrs: { id: `${chart.id}-title` }, text: chart.title });
      expect(root.children[1]).toMatchObject({ name: 'desc', attrs: { id: `${chart.id}-desc` }, text: chart.description });
      expect(root.attrs.viewBox).toBe(`0 0 ${root.attrs.width} ${root.attrs.height}`);
    }
    expect(barChartSvg(outcomes)).toContain(`font-family="system-ui, 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"`);
  });

  it('is deterministic', () => {
    expect(barChartSvg(structuredClone(outcomes))).toBe(barChartSvg(outcomes));
    expect(trendChartSvg(structuredClone(trend))).toBe(trendChartSvg(trend));
    expect(chartDataTableHtml(structuredClone(trend))).toBe(chartDataTableHtml(trend));
  });

  it('escapes text for XML', () => {
    const evil = `<b>&"'</b>`;
    const chart = { ...outcomes, id: 'x', title: evil, description: evil, unit: evil, bars: [{ label: evil, value: 1 }] };
    const trendChart = { ...trend, title: evil, categories: [evil], series: [{ name: evil, values: [1] }] };
    for (const out of [barChartSvg(chart), trendChartSvg(trendChart), chartDataTableHtml(chart), chartDataTableHtml(trendChart)]) {
      expect(out).not.toContain('<b>');
      expect(out).toContain('&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;');
      parseXml(out);
    }
    const root = parseXml(barChartSvg(chart));
    expect(root.children[0]!.text).toBe(evil);
    expect(all(root, 'text').some((t) => t.text === evil)).toBe(true);
  });

  it('keeps every id a single token', () => {
    const root = parseXml(barChartSvg({ ...outcomes, id: 'a b' }));
    expect(root.attrs['aria-labelledby']).toBe('a-b-title a-b-desc');
    expect(root.children[0]!.attrs.id).toBe('a-b-title');
  });

  it('draws nothing outside the viewBox, long CJK labels included', () => {
    for (const svg of allSvgs) expectInsideViewBox(svg);
  });

  it('never overlaps two texts on the same baseline', () => {
    for (const svg of allSvgs) {
      const spans = all(parseXml(svg), 'text').map((t) => {
        const w = textWidth(t.text);
        const anchor = t.attrs['text-anchor'] ?? 'start';
        const left = num(t, 'x') - (anchor === 'end' ? w : anchor === 'middle' ? w / 2 : 0);
        return { y: num(t, 'y'), left, right: left + w, text: t.text };
      });
      for (const a of spans) {
        for (const b of spans) {
          if (a !== b && a.y === b.y) expect(a.right <= b.left || b.right <= a.left, `"${a.text}" overlaps "${b.text}"`).toBe(true);
        }
      }
    }
  });

  it('makes room for the largest bar and its value label', () => {
    const root = parseXml(barChartSvg(barCharts.english!));
    const label = all(root, 'text').find((t) => t.text === '987,654,321')!;
    expect(num(label, 'x') + textWidth(label.text)).toBeLessThanOrEqual(num(root, 'width'));
  });

  it('never writes NaN or undefined, and uses no scripts or external resources', () => {
    for (const out of [...allSvgs, ...allTables]) {
      expect(out).not.toMatch(/NaN|undefined|Infinity|null/);
      expect(out).not.toMatch(/<script|<foreignObject|@import|url\(|<image|href=/i);
      expect(out.match(/https?:/g) ?? []).toEqual(out.startsWith('<svg') ? ['http:'] : []);
      parseXml(out);
    }
  });

  it('gives every bar a tooltip "label: value unit"', () => {
    const root = parseXml(barChartSvg(outcomes));
    const titles = all(root, 'g').filter((g) => g.attrs.class?.startsWith('bar')).map((g) => g.children[0]!);
    expect(titles.map((t) => [t.name, t.text])).toEqual([
      ['title', '（一）予以公开：1,234件'],
      ['title', `${LONG}：56件`],
      ['title', '（三）不予公开 1. 属于国家秘密：未填报'],
      ['title', '（四）无法提供：0件'],
    ]);
    const trendTitles = all(parseXml(trendChartSvg(trend)), 'g').filter((g) => g.attrs.class?.startsWith('bar')).map((g) => g.children[0]!.text);
    expect(trendTitles).toContain('Received, 2020: not reported');
    expect(trendTitles).toContain('Granted in full, 2021: 210 requests');
    expect(trendTitles).toHaveLength(6);
  });

  it('draws a not-reported bar differently from a zero bar', () => {
    const groups = all(parseXml(barChartSvg(outcomes)), 'g');
    const blank = groups.find((g) => g.children[0]!.text.endsWith('未填报'))!;
    const zero = groups.find((g) => g.children[0]!.text.endsWith('：0件'))!;
    expect(blank.attrs.class).toContain('blank');
    expect(zero.attrs.class).not.toContain('blank');
    expect(all(blank, 'text').map((t) => t.text)).toEqual(['—']);
    expect(all(zero, 'text').map((t) => t.text)).toEqual(['0']);
    expect(all(blank, 'rect').filter((r) => num(r, 'width') > 0)).toEqual([]);
  });

  it('leaves a "—" gap for a null in the trend chart, not a zero bar', () => {
    const root = parseXml(trendChartSvg(trend));
    const bars = all(root, 'g').filter((g) => g.attrs.class?.startsWith('bar'));
    const blank = bars.find((g) => g.children[0]!.text === 'Received, 2020: not reported')!;
    expect(all(blank, 'rect')).toEqual([]);
    expect(all(blank, 'text').map((t) => t.text)).toEqual(['—']);
    // One rect per reported value; the largest value has the tallest bar.
    const heights = new Map(bars.flatMap((g) => all(g, 'rect').map((r) => [g.children[0]!.text, num(r, 'height')] as const)));
    expect(heights.size).toBe(5);
    expect(heights.get('Received, 2021: 340 requests')).toBe(Math.max(...heights.values()));
    expect(heights.get('Received, 2019: 120 requests')).toBeLessThan(heights.get('Granted in full, 2021: 210 requests')!);
  });

  it('names each series in the legend beside a swatch of its colour', () => {
    const root = parseXml(trendChartSvg(trend));
    const items = all(root, 'g').filter((g) => g.attrs.class === 'legend-item');
    expect(items.map((g) => all(g, 'text')[0]!.text)).toEqual(['Received', 'Granted in full']);
    const fills = items.map((g) => all(g, 'rect')[0]!.attrs.fill);
    expect(new Set(fills).size).toBe(2);
    const barFill = (name: string) => all(root, 'g').find((g) => g.children[0]!.text.startsWith(`${name},`) && all(g, 'rect').length)!;
    expect(all(barFill('Granted in full'), 'rect')[0]!.attrs.fill).toBe(fills[1]);
  });

  it('flows a long legend onto more rows instead of widening the chart', () => {
    const root = parseXml(trendChartSvg(trendCharts.manySeries!));
    const rows = new Set(all(root, 'g').filter((g) => g.attrs.class === 'legend-item').map((g) => all(g, 'text')[0]!.attrs.y));
    expect(rows.size).toBeGreaterThan(1);
  });

  it('writes all text with at least 4.5:1 contrast against white', () => {
    for (const svg of allSvgs) {
      for (const t of all(parseXml(svg), 'text')) expect(contrast(t.attrs.fill!)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('data table', () => {
  it('has a caption, column and row headers, and says "not reported" for a null', () => {
    const table = parseXml(chartDataTableHtml(outcomes));
    expect(table.name).toBe('table');
    expect(table.attrs.lang).toBe('zh-CN');
    expect(all(table, 'caption')[0]!.text).toBe('本年度办理结果（单位：件）');
    expect(all(table, 'th').filter((th) => th.attrs.scope === 'col').map((th) => th.text)).toEqual(['项目', '数值']);
    expect(all(table, 'th').filter((th) => th.attrs.scope === 'row').map((th) => th.text)).toEqual(outcomes.bars.map((b) => b.label));
    expect(all(table, 'th').every((th) => th.attrs.scope)).toBe(true);
    const cells = all(table, 'td');
    expect(cells.map((td) => td.text)).toEqual(['1,234', '56', '', '0']);
    expect(cells[2]!.attrs.class).toContain('blank');
    expect(all(cells[2]!).map((s) => [s.attrs['aria-hidden'] ?? s.attrs.class, s.text])).toEqual([['true', '—'], ['visually-hidden', '未填报']]);
  });

  it('puts categories in columns and series in rows for a trend', () => {
    const table = parseXml(chartDataTableHtml(trend));
    expect(all(table, 'caption')[0]!.text).toBe('Requests by year (unit: requests)');
    expect(all(table, 'th').filter((th) => th.attrs.scope === 'col').map((th) => th.text)).toEqual(['Item', '2019', '2020', '2021']);
    const rows = all(table, 'tr').slice(1);
    expect(rows.map((r) => r.children[0]!.attrs.scope)).toEqual(['row', 'row']);
    expect(all(rows[0]!, 'td').map((td) => td.attrs.class)).toEqual(['num', 'num blank', 'num']);
    expect(chartDataTableHtml(trend)).toContain('<span class="visually-hidden">not reported</span>');
    // A series shorter than the categories is blank at the end, not "undefined".
    expect(all(parseXml(chartDataTableHtml(trendCharts.shortValues!)), 'td').map((td) => td.attrs.class)).toEqual(['num', 'num blank', 'num blank']);
  });
});
