// Every word the site shows, in Chinese and English, in one place. Labels of
// the official layout (sections, clauses, rows and columns) come from the
// template in schemas/; rule names from schemas/rules.ts; the rest is here.

import { RULES, type RuleId } from '../../schemas/rules.ts';
import { SECTIONS, TABLE_NAMES, type Bilingual } from '../../schemas/template.ts';

export type Lang = 'zh' | 'en';
/** The value of `lang` attributes. */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };
export const LANGS: readonly Lang[] = ['zh', 'en'];
export const other = (lang: Lang): Lang => (lang === 'zh' ? 'en' : 'zh');

export const UI = {
  siteName: { zh: '政府信息公开工作年度报告', en: 'Government Information Disclosure Annual Reports' },
  siteTagline: {
    zh: '各机关政府信息公开工作年度报告，经逐表核对，中英文对照。',
    en: 'Annual reports on government information disclosure, every table checked, in Chinese and English.',
  },
  skipToContent: { zh: '跳到正文', en: 'Skip to content' },
  nav: { zh: '网站导航', en: 'Site navigation' },
  home: { zh: '首页', en: 'Home' },
  agencies: { zh: '按机关浏览', en: 'Browse by agency' },
  years: { zh: '按年度浏览', en: 'Browse by year' },
  data: { zh: '数据下载', en: 'Data' },
  about: { zh: '关于', en: 'About' },
  search: { zh: '搜索', en: 'Search' },
  searchLabel: { zh: '搜索报告', en: 'Search the reports' },
  searchNeedsScript: { zh: '搜索需要启用 JavaScript；也可按机关或年度浏览。', en: 'Search needs JavaScript; you can also browse by agency or by year.' },
  switchLanguage: { zh: 'English', en: '中文' },
  switchLanguageLabel: { zh: '切换到英文版', en: 'Switch to the Chinese version' },
  latestReports: { zh: '最新报告', en: 'Latest reports' },
  agency: { zh: '机关', en: 'Agency' },
  year: { zh: '年度', en: 'Year' },
  yearSuffix: { zh: '年度', en: '' },
  reportOf: { zh: '政府信息公开工作年度报告', en: 'Annual Report on Government Information Disclosure' },
  format: { zh: '格式', en: 'Format' },
  formats: {
    '2019': { zh: '2019 年格式（国办公开办函〔2019〕60号）', en: '2019 format (State Council Disclosure Office, 2019 No. 60)' },
    '2021': { zh: '2021 年格式（国办公开办函〔2021〕30号）', en: '2021 format (State Council Disclosure Office, 2021 No. 30)' },
    hybrid: { zh: '混合格式（2021 年表二，2019 年表三）', en: 'Mixed format (2021 table 2, 2019 table 3)' },
  },
  published: { zh: '发布时间', en: 'Published' },
  period: { zh: '统计期限', en: 'Statistics period' },
  source: { zh: '来源文件', en: 'Source file' },
  region: { zh: '地区', en: 'Region' },
  website: { zh: '网站', en: 'Website' },
  reports: { zh: '报告', en: 'Reports' },
  reportCount: { zh: '份报告', en: 'reports' },
  dataNotes: { zh: '数据说明', en: 'Data notes' },
  noDataNotes: { zh: '本报告各表均已核对，无需说明的问题。', en: 'Every table of this report was checked; there is nothing to note.' },
  reconstructedNote: {
    zh: '以下数值原文缺失，由唯一使全部勾稽关系成立的补全得出（表中以 * 标出）：',
    en: 'These values were lost in the source and filled in by the only completion under which every reconciliation rule holds (marked * in the tables):',
  },
  oneOf: { zh: '其中一格', en: 'one cell of' },
  anyCell: { zh: '其中任意一格', en: 'any one of its cells' },
  downloads: { zh: '下载', en: 'Downloads' },
  downloadJson: { zh: '数据（JSON）', en: 'Data (JSON)' },
  downloadCsv: { zh: '表三、表四（CSV）', en: 'Tables 3 and 4 (CSV)' },
  downloadSource: { zh: '报告原文（Markdown）', en: 'Report text (Markdown)' },
  legendTitle: { zh: '图例', en: 'Legend' },
  legendBlank: { zh: '— 未填报（不等于 0）', en: '— not reported (not the same as 0)' },
  legendReconstructed: { zh: '* 原文缺失、经补全的数值', en: '* value lost in the source and reconstructed' },
  notReported: { zh: '未填报', en: 'not reported' },
  reconstructed: { zh: '补全值', en: 'reconstructed' },
  notTranslated: {
    zh: '',
    en: 'This section has not been translated yet. The Chinese text follows.',
  },
  charts: { zh: '图表', en: 'Charts' },
  chartData: { zh: '图表数据', en: 'Chart data' },
  outcomesChart: { zh: '本年度办理结果（总计列）', en: 'Outcomes this year (total column)' },
  outcomesChartDesc: { zh: '按办理结果分类的申请件数，来自表三总计列。', en: 'Requests by outcome, from the total column of table 3.' },
  trendReceived: { zh: '本年新收申请数量', en: 'New requests received' },
  trendOutcomes: { zh: '办理结果', en: 'Outcomes' },
  trendReview: { zh: '行政复议与行政诉讼', en: 'Reconsideration and litigation' },
  trendDesc: { zh: '各年度数值，来自各年报告的表格。', en: 'Yearly figures, from each year\'s tables.' },
  carryOver: { zh: '年度间结转', en: 'Carry-over between years' },
  carryOverIntro: {
    zh: '上一年“结转下年度继续办理”与下一年“上年结转”（总计列）。',
    en: 'Carried forward at the end of one year, and carried over at the start of the next (total column).',
  },
  carriedForward: { zh: '结转下年度', en: 'Carried forward' },
  carriedOver: { zh: '次年上年结转', en: 'Carried over the next year' },
  matches: { zh: '一致', en: 'matches' },
  differs: { zh: '不一致', en: 'differs' },
  yearTotals: { zh: '本年度各机关合计', en: 'Totals across agencies' },
  totalsNote: { zh: '各机关表三、表四对应数值之和（未填报的不计入）。', en: 'Sums of the agencies\' figures in tables 3 and 4 (figures not reported are left out).' },
  item: { zh: '项目', en: 'Item' },
  value: { zh: '数值', en: 'Value' },
  requests: { zh: '件', en: 'requests' },
  cases: { zh: '件', en: 'cases' },
  wholeDataset: { zh: '全部数据', en: 'The whole dataset' },
  datasetJson: { zh: '全部报告（JSON）', en: 'All reports (JSON)' },
  datasetCsv: { zh: '全部报告的表三、表四（CSV，长表）', en: 'Tables 3 and 4 of all reports (CSV, long form)' },
  schema: { zh: '数据模型（JSON Schema）', en: 'Data model (JSON Schema)' },
  perReport: { zh: '各报告数据', en: 'Per report' },
  rules: { zh: '校验规则', en: 'The checks' },
  rule: { zh: '规则', en: 'Rule' },
  severity: { zh: '级别', en: 'Severity' },
  severities: { error: { zh: '错误', en: 'error' }, warning: { zh: '警告', en: 'warning' }, info: { zh: '提示', en: 'note' } },
  whatItChecks: { zh: '检查内容', en: 'What it checks' },
  glossary: { zh: '术语对照', en: 'Glossary' },
  notFoundTitle: { zh: '找不到该页面', en: 'Page not found' },
  notFoundText: { zh: '您要找的页面不存在，可能已移动。', en: 'The page you are looking for does not exist or has moved.' },
  backHome: { zh: '返回首页', en: 'Back to the home page' },
  printedFrom: { zh: '打印自', en: 'Printed from' },
} as const satisfies Record<string, Bilingual | Record<string, Bilingual>>;

export const t = (text: Bilingual, lang: Lang) => text[lang];

export const sectionTitle = (number: number, lang: Lang) => SECTIONS[number - 1]!.title[lang];
export const tableName = (id: keyof typeof TABLE_NAMES, lang: Lang) => TABLE_NAMES[id][lang];
export const ruleSummary = (id: RuleId, lang: Lang) => RULES[id].summary[lang];

export const ABOUT = {
  title: { zh: '关于本站', en: 'About this site' },
  paragraphs: [
    {
      zh: '《中华人民共和国政府信息公开条例》第五十条要求各级行政机关每年公布上一年度政府信息公开工作年度报告。报告分六个部分，并有三张统计表：表二（主动公开政府信息情况）、表三（收到和处理政府信息公开申请情况）、表四（政府信息公开行政复议、行政诉讼情况）。表格格式由国务院办公厅政府信息与政务公开办公室规定，现行两种版本：2019 年格式与 2021 年格式。',
      en: 'Article 50 of the Regulations of the People\'s Republic of China on Government Information Disclosure requires every administrative agency to publish an annual report on its disclosure work of the previous year. A report has six sections and three statistical tables: table 2 (proactive disclosure), table 3 (requests received and handled) and table 4 (administrative reconsideration and litigation). The State Council\'s disclosure office fixes their layout, in two versions in use: the 2019 format and the 2021 format.',
    },
    {
      zh: '本站发布的每份报告都经过逐表核对：表内各项之和必须等于总计，收到与办结、结转的数量必须平衡。数据无法核对时（例如单元格留空）会在“数据说明”中列出。原文缺失、经补全的数值会明确标出，其余数值均与原文一致。',
      en: 'Every report published here has had its tables checked: the parts must add up to their totals, and requests received must balance those handled and carried forward. Where figures cannot be checked (a cell left blank, say), the report\'s data notes say so. A value lost in the source and reconstructed is marked as such; every other figure is exactly as published.',
    },
  ],
} as const;
