// A seeded generator of a synthetic corpus for the benchmark: a content
// folder shaped like content/ (agencies.yaml and reports/<slug>/<year>.md,
// with <year>.en.md English companions for about a third of the reports).
//
// Every report is written by the project's own canonical writer, so `fmt`
// leaves it unchanged, and its figures are random but valid: R1–R4 hold in
// every report, and one agency's consecutive years agree on carry-over (R5)
// and, in the 2021 layout, on documents in force (H1). Narrative sentences
// that state a checked figure (requests received, carried forward,
// reconsiderations, lawsuits) state the tables' own figure.
//
// Deterministic: a mulberry32 stream seeded from the options drives every
// choice, and nothing reads the clock or Math.random, so the same options
// give byte-identical files.
//
//   npx tsx bench/generate.ts --reports 1000 --seed 1 --out /tmp/corpus

import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import type { Agency } from '../schemas/agency.ts';
import type { Report } from '../schemas/report.ts';
import { FORMAT_LAYOUTS, SECTIONS, TABLE2, TABLE3_COLUMNS, TABLE3_WIDTH, TABLE4_COLUMNS, table3Leaves, table3OutcomeKeys, type ReportFormat } from '../schemas/template.ts';
import type { NarrativeBlock } from '../src/recognise/narrative.ts';
import { writeCanonical } from '../src/write/canonical.ts';
import { mulberry32 } from './random.ts';

export type GenerateOptions = { reports: number; seed?: number; out: string };
/** files: Chinese reports; companions: English companions; bytes: everything written (reports, companions, agencies.yaml). */
export type GenerateResult = { files: number; companions: number; agencies: number; bytes: number };

/** A file in the output folder that marks it as a generated corpus, which a later run may replace. */
export const MARKER = '.bench-corpus';
const YEARS_PER_AGENCY = 5;
const FIRST_YEAR = 2019;
const LAST_YEAR = 2025;

// ── Randomness ──────────────────────────────────────────────────────────────


/** Only exact IEEE arithmetic on its output (no Math.exp, Math.log), so the same seed gives the same corpus anywhere. */
class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return hi <= lo ? lo : lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** k distinct items, in their original order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const index = items.map((_, i) => i);
    for (let i = 0; i < Math.min(k, index.length); i++) {
      const j = i + Math.floor(this.next() * (index.length - i));
      [index[i], index[j]] = [index[j]!, index[i]!];
    }
    return index.slice(0, k).sort((a, b) => a - b).map((i) => items[i]!);
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
  /** An index drawn with the given (positive) weights. */
  weighted(weights: readonly number[]): number {
    const sum = weights.reduce((a, w) => a + w, 0);
    let x = this.next() * sum;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i]!;
      if (x < 0) return i;
    }
    return weights.length - 1;
  }
}

/** `total` split over buckets roughly in proportion to the (jittered) weights; the parts add up to `total` exactly. */
function allocate(rng: Rng, total: number, weights: readonly number[]): number[] {
  const jittered = weights.map((w) => w * (0.4 + 1.2 * rng.float()));
  const sum = jittered.reduce((a, w) => a + w, 0);
  const out = jittered.map((w) => Math.floor((total * w) / sum));
  for (let rest = total - out.reduce((a, v) => a + v, 0); rest > 0; rest--) out[rng.weighted(jittered)]!++;
  return out;
}

// ── Places and agencies ─────────────────────────────────────────────────────

type Named = { zh: string; en: string; slug: string };
type City = Named & { province: Named | null; area: string; post: string; domain: string; districts: Named[] };

const n = (zh: string, en: string, slug: string): Named => ({ zh, en, slug });

const CITIES: City[] = [
  { ...n('北京市', 'Beijing', 'beijing'), province: null, area: '010', post: '100', domain: 'beijing.gov.cn', districts: [n('东城区', 'Dongcheng District', 'dongcheng'), n('西城区', 'Xicheng District', 'xicheng'), n('朝阳区', 'Chaoyang District', 'chaoyang'), n('海淀区', 'Haidian District', 'haidian'), n('丰台区', 'Fengtai District', 'fengtai')] },
  { ...n('上海市', 'Shanghai', 'shanghai'), province: null, area: '021', post: '200', domain: 'shanghai.gov.cn', districts: [n('黄浦区', 'Huangpu District', 'huangpu'), n('徐汇区', 'Xuhui District', 'xuhui'), n('长宁区', 'Changning District', 'changning'), n('静安区', "Jing'an District", 'jingan'), n('浦东新区', 'Pudong New Area', 'pudong')] },
  { ...n('天津市', 'Tianjin', 'tianjin'), province: null, area: '022', post: '300', domain: 'tj.gov.cn', districts: [n('和平区', 'Heping District', 'heping'), n('河西区', 'Hexi District', 'hexi'), n('南开区', 'Nankai District', 'nankai'), n('滨海新区', 'Binhai New Area', 'binhai')] },
  { ...n('重庆市', 'Chongqing', 'chongqing'), province: null, area: '023', post: '400', domain: 'cq.gov.cn', districts: [n('渝中区', 'Yuzhong District', 'yuzhong'), n('江北区', 'Jiangbei District', 'jiangbei'), n('沙坪坝区', 'Shapingba District', 'shapingba'), n('九龙坡区', 'Jiulongpo District', 'jiulongpo')] },
  { ...n('杭州市', 'Hangzhou', 'hangzhou'), province: n('浙江省', 'Zhejiang', 'zhejiang'), area: '0571', post: '310', domain: 'hangzhou.gov.cn', districts: [n('上城区', 'Shangcheng District', 'shangcheng'), n('拱墅区', 'Gongshu District', 'gongshu'), n('西湖区', 'Xihu District', 'xihu'), n('滨江区', 'Binjiang District', 'binjiang'), n('萧山区', 'Xiaoshan District', 'xiaoshan')] },
  { ...n('南京市', 'Nanjing', 'nanjing'), province: n('江苏省', 'Jiangsu', 'jiangsu'), area: '025', post: '210', domain: 'nanjing.gov.cn', districts: [n('玄武区', 'Xuanwu District', 'xuanwu'), n('秦淮区', 'Qinhuai District', 'qinhuai'), n('鼓楼区', 'Gulou District', 'gulou'), n('江宁区', 'Jiangning District', 'jiangning')] },
  { ...n('苏州市', 'Suzhou', 'suzhou'), province: n('江苏省', 'Jiangsu', 'jiangsu'), area: '0512', post: '215', domain: 'suzhou.gov.cn', districts: [n('姑苏区', 'Gusu District', 'gusu'), n('吴中区', 'Wuzhong District', 'wuzhong'), n('相城区', 'Xiangcheng District', 'xiangcheng'), n('虎丘区', 'Huqiu District', 'huqiu')] },
  { ...n('淮安市', "Huai'an", 'huaian'), province: n('江苏省', 'Jiangsu', 'jiangsu'), area: '0517', post: '223', domain: 'huaian.gov.cn', districts: [n('清江浦区', 'Qingjiangpu District', 'qingjiangpu'), n('淮安区', "Huai'an District", 'huaian'), n('淮阴区', 'Huaiyin District', 'huaiyin'), n('洪泽区', 'Hongze District', 'hongze')] },
  { ...n('广州市', 'Guangzhou', 'guangzhou'), province: n('广东省', 'Guangdong', 'guangdong'), area: '020', post: '510', domain: 'gz.gov.cn', districts: [n('越秀区', 'Yuexiu District', 'yuexiu'), n('海珠区', 'Haizhu District', 'haizhu'), n('天河区', 'Tianhe District', 'tianhe'), n('白云区', 'Baiyun District', 'baiyun'), n('番禺区', 'Panyu District', 'panyu')] },
  { ...n('深圳市', 'Shenzhen', 'shenzhen'), province: n('广东省', 'Guangdong', 'guangdong'), area: '0755', post: '518', domain: 'sz.gov.cn', districts: [n('福田区', 'Futian District', 'futian'), n('罗湖区', 'Luohu District', 'luohu'), n('南山区', 'Nanshan District', 'nanshan'), n('宝安区', "Bao'an District", 'baoan'), n('龙岗区', 'Longgang District', 'longgang')] },
  { ...n('成都市', 'Chengdu', 'chengdu'), province: n('四川省', 'Sichuan', 'sichuan'), area: '028', post: '610', domain: 'chengdu.gov.cn', districts: [n('锦江区', 'Jinjiang District', 'jinjiang'), n('青羊区', 'Qingyang District', 'qingyang'), n('武侯区', 'Wuhou District', 'wuhou'), n('成华区', 'Chenghua District', 'chenghua')] },
  { ...n('武汉市', 'Wuhan', 'wuhan'), province: n('湖北省', 'Hubei', 'hubei'), area: '027', post: '430', domain: 'wuhan.gov.cn', districts: [n('江岸区', "Jiang'an District", 'jiangan'), n('江汉区', 'Jianghan District', 'jianghan'), n('武昌区', 'Wuchang District', 'wuchang'), n('洪山区', 'Hongshan District', 'hongshan')] },
  { ...n('西安市', "Xi'an", 'xian'), province: n('陕西省', 'Shaanxi', 'shaanxi'), area: '029', post: '710', domain: 'xa.gov.cn', districts: [n('新城区', 'Xincheng District', 'xincheng'), n('碑林区', 'Beilin District', 'beilin'), n('莲湖区', 'Lianhu District', 'lianhu'), n('雁塔区', 'Yanta District', 'yanta')] },
  { ...n('济南市', 'Jinan', 'jinan'), province: n('山东省', 'Shandong', 'shandong'), area: '0531', post: '250', domain: 'jinan.gov.cn', districts: [n('历下区', 'Lixia District', 'lixia'), n('市中区', 'Shizhong District', 'shizhong'), n('槐荫区', 'Huaiyin District', 'huaiyin'), n('天桥区', 'Tianqiao District', 'tianqiao')] },
  { ...n('青岛市', 'Qingdao', 'qingdao'), province: n('山东省', 'Shandong', 'shandong'), area: '0532', post: '266', domain: 'qingdao.gov.cn', districts: [n('市南区', 'Shinan District', 'shinan'), n('市北区', 'Shibei District', 'shibei'), n('黄岛区', 'Huangdao District', 'huangdao'), n('崂山区', 'Laoshan District', 'laoshan')] },
  { ...n('福州市', 'Fuzhou', 'fuzhou'), province: n('福建省', 'Fujian', 'fujian'), area: '0591', post: '350', domain: 'fuzhou.gov.cn', districts: [n('鼓楼区', 'Gulou District', 'gulou'), n('台江区', 'Taijiang District', 'taijiang'), n('仓山区', 'Cangshan District', 'cangshan'), n('马尾区', 'Mawei District', 'mawei')] },
  { ...n('长沙市', 'Changsha', 'changsha'), province: n('湖南省', 'Hunan', 'hunan'), area: '0731', post: '410', domain: 'changsha.gov.cn', districts: [n('芙蓉区', 'Furong District', 'furong'), n('天心区', 'Tianxin District', 'tianxin'), n('岳麓区', 'Yuelu District', 'yuelu'), n('开福区', 'Kaifu District', 'kaifu')] },
  { ...n('郑州市', 'Zhengzhou', 'zhengzhou'), province: n('河南省', 'Henan', 'henan'), area: '0371', post: '450', domain: 'zhengzhou.gov.cn', districts: [n('中原区', 'Zhongyuan District', 'zhongyuan'), n('金水区', 'Jinshui District', 'jinshui'), n('管城回族区', 'Guancheng Hui District', 'guancheng'), n('惠济区', 'Huiji District', 'huiji')] },
  { ...n('合肥市', 'Hefei', 'hefei'), province: n('安徽省', 'Anhui', 'anhui'), area: '0551', post: '230', domain: 'hefei.gov.cn', districts: [n('瑶海区', 'Yaohai District', 'yaohai'), n('庐阳区', 'Luyang District', 'luyang'), n('蜀山区', 'Shushan District', 'shushan'), n('包河区', 'Baohe District', 'baohe')] },
  { ...n('沈阳市', 'Shenyang', 'shenyang'), province: n('辽宁省', 'Liaoning', 'liaoning'), area: '024', post: '110', domain: 'shenyang.gov.cn', districts: [n('和平区', 'Heping District', 'heping'), n('沈河区', 'Shenhe District', 'shenhe'), n('大东区', 'Dadong District', 'dadong'), n('皇姑区', 'Huanggu District', 'huanggu')] },
  { ...n('昆明市', 'Kunming', 'kunming'), province: n('云南省', 'Yunnan', 'yunnan'), area: '0871', post: '650', domain: 'km.gov.cn', districts: [n('五华区', 'Wuhua District', 'wuhua'), n('盘龙区', 'Panlong District', 'panlong'), n('官渡区', 'Guandu District', 'guandu'), n('西山区', 'Xishan District', 'xishan')] },
  { ...n('南昌市', 'Nanchang', 'nanchang'), province: n('江西省', 'Jiangxi', 'jiangxi'), area: '0791', post: '330', domain: 'nc.gov.cn', districts: [n('东湖区', 'Donghu District', 'donghu'), n('西湖区', 'Xihu District', 'xihu'), n('青山湖区', 'Qingshanhu District', 'qingshanhu'), n('红谷滩区', 'Honggutan District', 'honggutan')] },
];

type Dept = {
  zh: string;
  en: string;
  slug: string;
  /** How the report refers to the agency: 区财政局 (after the place's one-character prefix). */
  short: string;
  /** "the Bureau". */
  self: string;
  /** The provincial counterpart, where there is one: 财政厅. */
  provincial?: { zh: string; en: string };
  /** How many enforcement decisions it makes, roughly. */
  enforcement: number;
  /** The people's government and its office make rules (规章) at municipal level and above. */
  makesRules?: boolean;
};

const DEPTS: Dept[] = [
  { zh: '人民政府', en: "People's Government", slug: 'government', short: '政府', self: 'the Government', enforcement: 0.3, makesRules: true },
  { zh: '人民政府办公室', en: "General Office of the People's Government", slug: 'government-office', short: '政府办公室', self: 'the Office', enforcement: 0.05, makesRules: true },
  { zh: '发展和改革委员会', en: 'Development and Reform Commission', slug: 'development-reform', short: '发展改革委', self: 'the Commission', provincial: { zh: '发展和改革委员会', en: 'Development and Reform Commission' }, enforcement: 0.3 },
  { zh: '教育局', en: 'Education Bureau', slug: 'education', short: '教育局', self: 'the Bureau', provincial: { zh: '教育厅', en: 'Department of Education' }, enforcement: 0.3 },
  { zh: '科学技术局', en: 'Science and Technology Bureau', slug: 'science-technology', short: '科技局', self: 'the Bureau', provincial: { zh: '科学技术厅', en: 'Department of Science and Technology' }, enforcement: 0.1 },
  { zh: '工业和信息化局', en: 'Bureau of Industry and Information Technology', slug: 'industry-it', short: '工信局', self: 'the Bureau', provincial: { zh: '工业和信息化厅', en: 'Department of Industry and Information Technology' }, enforcement: 0.2 },
  { zh: '公安局', en: 'Public Security Bureau', slug: 'public-security', short: '公安局', self: 'the Bureau', provincial: { zh: '公安厅', en: 'Department of Public Security' }, enforcement: 4 },
  { zh: '民政局', en: 'Civil Affairs Bureau', slug: 'civil-affairs', short: '民政局', self: 'the Bureau', provincial: { zh: '民政厅', en: 'Department of Civil Affairs' }, enforcement: 0.6 },
  { zh: '司法局', en: 'Justice Bureau', slug: 'justice', short: '司法局', self: 'the Bureau', provincial: { zh: '司法厅', en: 'Department of Justice' }, enforcement: 0.4 },
  { zh: '财政局', en: 'Finance Bureau', slug: 'finance', short: '财政局', self: 'the Bureau', provincial: { zh: '财政厅', en: 'Department of Finance' }, enforcement: 0.2 },
  { zh: '人力资源和社会保障局', en: 'Human Resources and Social Security Bureau', slug: 'human-resources', short: '人力社保局', self: 'the Bureau', provincial: { zh: '人力资源和社会保障厅', en: 'Department of Human Resources and Social Security' }, enforcement: 1 },
  { zh: '规划和自然资源局', en: 'Planning and Natural Resources Bureau', slug: 'planning-resources', short: '规划和自然资源局', self: 'the Bureau', provincial: { zh: '自然资源厅', en: 'Department of Natural Resources' }, enforcement: 1.5 },
  { zh: '生态环境局', en: 'Ecology and Environment Bureau', slug: 'ecology-environment', short: '生态环境局', self: 'the Bureau', provincial: { zh: '生态环境厅', en: 'Department of Ecology and Environment' }, enforcement: 2 },
  { zh: '住房和城乡建设局', en: 'Housing and Urban-Rural Development Bureau', slug: 'housing', short: '住房城乡建设局', self: 'the Bureau', provincial: { zh: '住房和城乡建设厅', en: 'Department of Housing and Urban-Rural Development' }, enforcement: 1.5 },
  { zh: '交通运输局', en: 'Transport Bureau', slug: 'transport', short: '交通运输局', self: 'the Bureau', provincial: { zh: '交通运输厅', en: 'Department of Transport' }, enforcement: 3 },
  { zh: '水务局', en: 'Water Affairs Bureau', slug: 'water', short: '水务局', self: 'the Bureau', provincial: { zh: '水利厅', en: 'Department of Water Resources' }, enforcement: 0.8 },
  { zh: '农业农村局', en: 'Agriculture and Rural Affairs Bureau', slug: 'agriculture', short: '农业农村局', self: 'the Bureau', provincial: { zh: '农业农村厅', en: 'Department of Agriculture and Rural Affairs' }, enforcement: 1 },
  { zh: '商务局', en: 'Commerce Bureau', slug: 'commerce', short: '商务局', self: 'the Bureau', provincial: { zh: '商务厅', en: 'Department of Commerce' }, enforcement: 0.5 },
  { zh: '文化和旅游局', en: 'Culture and Tourism Bureau', slug: 'culture-tourism', short: '文化和旅游局', self: 'the Bureau', provincial: { zh: '文化和旅游厅', en: 'Department of Culture and Tourism' }, enforcement: 1 },
  { zh: '卫生健康委员会', en: 'Health Commission', slug: 'health', short: '卫生健康委', self: 'the Commission', provincial: { zh: '卫生健康委员会', en: 'Health Commission' }, enforcement: 2 },
  { zh: '退役军人事务局', en: 'Veterans Affairs Bureau', slug: 'veterans-affairs', short: '退役军人事务局', self: 'the Bureau', provincial: { zh: '退役军人事务厅', en: 'Department of Veterans Affairs' }, enforcement: 0.05 },
  { zh: '应急管理局', en: 'Emergency Management Bureau', slug: 'emergency', short: '应急管理局', self: 'the Bureau', provincial: { zh: '应急管理厅', en: 'Department of Emergency Management' }, enforcement: 2 },
  { zh: '审计局', en: 'Audit Bureau', slug: 'audit', short: '审计局', self: 'the Bureau', provincial: { zh: '审计厅', en: 'Audit Office' }, enforcement: 0.2 },
  { zh: '市场监督管理局', en: 'Market Regulation Administration', slug: 'market-regulation', short: '市场监管局', self: 'the Administration', provincial: { zh: '市场监督管理局', en: 'Market Regulation Administration' }, enforcement: 4 },
  { zh: '统计局', en: 'Statistics Bureau', slug: 'statistics', short: '统计局', self: 'the Bureau', provincial: { zh: '统计局', en: 'Statistics Bureau' }, enforcement: 0.3 },
  { zh: '医疗保障局', en: 'Healthcare Security Administration', slug: 'healthcare-security', short: '医保局', self: 'the Administration', provincial: { zh: '医疗保障局', en: 'Healthcare Security Administration' }, enforcement: 0.8 },
  { zh: '城市管理局', en: 'Urban Management Bureau', slug: 'urban-management', short: '城管局', self: 'the Bureau', enforcement: 3 },
  { zh: '体育局', en: 'Sports Bureau', slug: 'sports', short: '体育局', self: 'the Bureau', provincial: { zh: '体育局', en: 'Sports Bureau' }, enforcement: 0.1 },
  { zh: '政务服务和数据管理局', en: 'Government Services and Data Administration', slug: 'government-services', short: '政务服务数据管理局', self: 'the Administration', enforcement: 0.05 },
];

/** Generic street names for subdistrict offices (街道办事处). */
const STREETS: Named[] = [
  n('东风', 'Dongfeng', 'dongfeng'), n('建设路', 'Jianshelu', 'jianshelu'), n('解放路', 'Jiefanglu', 'jiefanglu'), n('人民路', 'Renminlu', 'renminlu'),
  n('新华', 'Xinhua', 'xinhua'), n('和平里', 'Hepingli', 'hepingli'), n('朝阳', 'Chaoyang', 'chaoyang'), n('长安', "Chang'an", 'changan'),
  n('光明', 'Guangming', 'guangming'), n('友谊', 'Youyi', 'youyi'), n('南湖', 'Nanhu', 'nanhu'), n('北苑', 'Beiyuan', 'beiyuan'),
  n('金桥', 'Jinqiao', 'jinqiao'), n('文昌', 'Wenchang', 'wenchang'), n('滨河', 'Binhe', 'binhe'), n('青年路', 'Qingnianlu', 'qingnianlu'),
];

const ROADS = ['人民路', '中山路', '解放大道', '建设路', '府前街', '长江路', '文化路', '新华街', '和平大街', '迎宾大道', '行政中心路', '胜利路'];

type AgencyInfo = {
  registry: Agency;
  /** Short self-reference in the narrative: 区财政局 / the Bureau. */
  short: { zh: string; en: string };
  /** Who directs it: 区委区政府 / the District Party Committee and Government. */
  superior: { zh: string; en: string };
  /** The regional regulations on disclosure named in the preamble. */
  regulation: { zh: string; en: string } | null;
  portal: { zh: string; en: string; url: string };
  wechat: string;
  scale: number;
  enforcement: number;
  makesRules: boolean;
  regionSlug: string;
};

const LEVEL_PREFIX = { provincial: { zh: '省', en: 'Provincial' }, municipal: { zh: '市', en: 'Municipal' }, district: { zh: '区', en: 'District' } } as const;

type Candidate = () => Omit<AgencyInfo, 'scale' | 'enforcement'> & { deptEnforcement: number };
/** Kinds of agency, and how often each is drawn: mostly municipal and district departments. */
const KINDS = { municipal: 0.3, district: 0.42, township: 0.12, provincial: 0.1, zone: 0.06 } as const;
type Kind = keyof typeof KINDS;

/** Every combination of place and department, each a candidate agency, by kind. */
function candidates(): Record<Kind, Candidate[]> {
  const out: Record<Kind, Candidate[]> = { municipal: [], district: [], township: [], provincial: [], zone: [] };
  const superiors = {
    provincial: { zh: '省委省政府', en: 'the Provincial Party Committee and Government' },
    municipal: { zh: '市委市政府', en: 'the Municipal Party Committee and Government' },
    district: { zh: '区委区政府', en: 'the District Party Committee and Government' },
  } as const;
  const regulation = (city: City) =>
    city.province ? null : { zh: `《${city.zh}政府信息公开规定》`, en: `the ${city.en} Provisions on Government Information Disclosure` };
  for (const city of CITIES) {
    const municipalRegion = city.province ? { zh: `${city.province.zh}${city.zh}`, en: `${city.en}, ${city.province.en}` } : { zh: city.zh, en: city.en };
    for (const dept of DEPTS) {
      // Municipal departments.
      out.municipal.push(() => ({
        registry: {
          slug: `${city.slug}-${dept.slug}`,
          name: { zh: `${city.zh}${dept.zh}`, en: `${city.en} Municipal ${dept.en}` },
          level: 'municipal',
          region: municipalRegion,
          website: `https://www.${city.domain}/${dept.slug}/`,
        },
        short: { zh: `${LEVEL_PREFIX.municipal.zh}${dept.short}`, en: dept.self },
        superior: superiors.municipal,
        regulation: regulation(city),
        portal: { zh: `${city.zh}人民政府门户网站`, en: `the portal website of the ${city.en} Municipal People's Government`, url: `https://www.${city.domain}/` },
        wechat: `${city.zh.replace(/市$/, '')}${dept.short}`,
        deptEnforcement: dept.enforcement,
        makesRules: !!dept.makesRules,
        regionSlug: city.slug,
      }));
      // District departments.
      for (const district of city.districts) {
        out.district.push(() => ({
          registry: {
            slug: `${city.slug}-${district.slug}-${dept.slug}`,
            name: { zh: `${city.zh}${district.zh}${dept.zh}`, en: `${district.en} ${dept.en}, ${city.en}` },
            level: 'district',
            region: { zh: `${city.zh}${district.zh}`, en: `${district.en}, ${city.en}` },
            website: `https://www.${district.slug}.${city.domain}/${dept.slug}/`,
          },
          short: { zh: `${LEVEL_PREFIX.district.zh}${dept.short}`, en: dept.self },
          superior: superiors.district,
          regulation: regulation(city),
          portal: { zh: `${city.zh}${district.zh}人民政府门户网站`, en: `the portal website of the People's Government of ${district.en}, ${city.en}`, url: `https://www.${district.slug}.${city.domain}/` },
          wechat: `${district.zh.replace(/(新区|区)$/, '')}${dept.short}`,
          deptEnforcement: dept.enforcement * 0.5,
          makesRules: false,
          regionSlug: `${city.slug}-${district.slug}`,
        }));
      }
    }
    // Subdistrict offices.
    for (const district of city.districts) {
      for (const street of STREETS) {
        out.township.push(() => ({
          registry: {
            slug: `${city.slug}-${district.slug}-${street.slug}-subdistrict`,
            name: { zh: `${city.zh}${district.zh}${street.zh}街道办事处`, en: `${street.en} Subdistrict Office, ${district.en}, ${city.en}` },
            level: 'township',
            region: { zh: `${city.zh}${district.zh}`, en: `${district.en}, ${city.en}` },
          },
          short: { zh: `${street.zh}街道`, en: 'the Subdistrict Office' },
          superior: superiors.district,
          regulation: regulation(city),
          portal: { zh: `${city.zh}${district.zh}人民政府门户网站`, en: `the portal website of the People's Government of ${district.en}, ${city.en}`, url: `https://www.${district.slug}.${city.domain}/` },
          wechat: `${street.zh}街道`,
          deptEnforcement: 0.3,
          makesRules: false,
          regionSlug: `${city.slug}-${district.slug}`,
        }));
      }
    }
    // The high-tech zone.
    out.zone.push(() => ({
      registry: {
        slug: `${city.slug}-high-tech-zone`,
        name: { zh: `${city.zh}高新技术产业开发区管理委员会`, en: `Administrative Committee of ${city.en} High-tech Industrial Development Zone` },
        level: 'other',
        region: municipalRegion,
        website: `https://gxq.${city.domain}/`,
      },
      short: { zh: '高新区管委会', en: 'the Committee' },
      superior: superiors.municipal,
      regulation: regulation(city),
      portal: { zh: `${city.zh}人民政府门户网站`, en: `the portal website of the ${city.en} Municipal People's Government`, url: `https://www.${city.domain}/` },
      wechat: `${city.zh.replace(/市$/, '')}高新区`,
      deptEnforcement: 0.5,
      makesRules: false,
      regionSlug: city.slug,
    }));
  }
  // Provincial departments, once per province.
  const provinces = new Map<string, Named>();
  for (const city of CITIES) if (city.province) provinces.set(city.province.slug, city.province);
  for (const province of provinces.values()) {
    const domain = CITIES.find((c) => c.province?.slug === province.slug)!.domain.replace(/^[^.]+/, province.slug);
    for (const dept of DEPTS) {
      if (!dept.provincial) continue;
      const p = dept.provincial;
      out.provincial.push(() => ({
        registry: {
          slug: `${province.slug}-${dept.slug}`,
          name: { zh: `${province.zh}${p.zh}`, en: `${province.en} Provincial ${p.en}` },
          level: 'provincial',
          region: { zh: province.zh, en: `${province.en} Province` },
          website: `https://${dept.slug}.${domain}/`,
        },
        short: { zh: `${LEVEL_PREFIX.provincial.zh}${p.zh.replace(/^发展和改革委员会$/, '发展改革委').replace(/^卫生健康委员会$/, '卫生健康委')}`, en: p.en.startsWith('Department') ? 'the Department' : p.en.endsWith('Commission') ? 'the Commission' : p.en.endsWith('Office') ? 'the Office' : p.en.endsWith('Administration') ? 'the Administration' : 'the Bureau' },
        superior: superiors.provincial,
        regulation: null,
        portal: { zh: `${province.zh}人民政府门户网站`, en: `the portal website of the ${province.en} Provincial People's Government`, url: `https://www.${domain}/` },
        wechat: `${province.zh.replace(/省$/, '')}${p.zh.replace(/厅$/, '')}`,
        deptEnforcement: dept.enforcement * 1.5,
        makesRules: false,
        regionSlug: province.slug,
      }));
    }
  }
  return out;
}

const CITY_OF_REGION = new Map<string, City>();
for (const city of CITIES) {
  CITY_OF_REGION.set(city.slug, city);
  for (const d of city.districts) CITY_OF_REGION.set(`${city.slug}-${d.slug}`, city);
}

/** How many requests a year an agency receives, roughly: most get few, some very many. */
const SCALE_TIERS: readonly { weight: number; lo: number; hi: number }[] = [
  { weight: 18, lo: 0, hi: 3 },
  { weight: 30, lo: 3, hi: 15 },
  { weight: 26, lo: 15, hi: 60 },
  { weight: 16, lo: 60, hi: 250 },
  { weight: 8, lo: 250, hi: 1000 },
  { weight: 2, lo: 1000, hi: 4000 },
];

function makeAgencies(rng: Rng, count: number): AgencyInfo[] {
  const kinds = Object.keys(KINDS) as Kind[];
  const all = candidates();
  let pools = kinds.map((k) => rng.shuffle([...all[k]]));
  let round = 0;
  const out: AgencyInfo[] = [];
  for (let i = 0; i < count; i++) {
    if (pools.every((p) => p.length === 0)) {
      pools = kinds.map((k) => rng.shuffle([...all[k]]));
      round++;
    }
    const drawn = pools[rng.weighted(kinds.map((k, j) => (pools[j]!.length ? KINDS[k] : 0)))]!;
    const pool = drawn.length ? drawn : pools.find((p) => p.length)!;
    const base = pool.pop()!();
    // Past the pool's size the names repeat with a number: unrealistic, but unique.
    const registry: Agency =
      round === 0
        ? base.registry
        : { ...base.registry, slug: `${base.registry.slug}-${round + 1}`, name: { zh: `${base.registry.name.zh}（第${round + 1}号）`, en: `${base.registry.name.en} (No. ${round + 1})` } };
    const city = CITY_OF_REGION.get(base.regionSlug) ?? CITIES.find((c) => c.province?.slug === base.regionSlug)!;
    const regionZh = registry.region.zh;
    registry.contact = {
      address: `${regionZh}${rng.pick(ROADS)}${rng.int(1, 399)}号`,
      postcode: `${city.post}${String(rng.int(0, 999)).padStart(3, '0')}`,
      // Eight digits after a three-digit area code, seven after a four-digit one.
      phone: `${city.area}-${rng.int(5, 8)}${String(rng.int(0, city.area.length === 3 ? 9_999_999 : 999_999)).padStart(city.area.length === 3 ? 7 : 6, '0')}`,
    };
    if (!registry.website || rng.chance(0.08)) delete registry.website;
    const tier = SCALE_TIERS[rng.weighted(SCALE_TIERS.map((t) => t.weight))]!;
    out.push({
      ...base,
      registry,
      scale: tier.lo + rng.float() * (tier.hi - tier.lo),
      enforcement: base.deptEnforcement * (0.3 + 1.4 * rng.float()),
    });
  }
  return out;
}

// ── Figures ─────────────────────────────────────────────────────────────────

type Figures = {
  format: ReportFormat;
  /** Table 三, leaf key → its seven values. */
  t3: Map<string, number[]>;
  t4: number[];
  /** Table 二, per block (template order), per row: the values as written. */
  t2: (number | string)[][][];
  /** Money units written in the cell, per block, per row, per column. */
  t2Units: (('元' | '万元') | null)[][][];
};

/** What carries from one year of an agency to the next. */
type AgencyState = {
  carriedForward: number[] | null;
  published: { rules: number; normative: number };
  items: Record<'licensing' | 'otherServices' | 'penalties' | 'enforcement' | 'fees', number>;
  inForce: { rules: number; normative: number } | null;
  volume: number;
};

const APPLICANT_WEIGHTS = [0.84, 0.09, 0.006, 0.008, 0.025, 0.035];

const OUTCOME_WEIGHTS: Record<string, number> = {
  granted: 0.36,
  partiallyGranted: 0.07,
  'denied.stateSecret': 0.003,
  'denied.prohibitedByLaw': 0.01,
  'denied.endangersSecurity': 0.004,
  'denied.thirdPartyRights': 0.012,
  'denied.internalAffairs': 0.02,
  'denied.processInformation': 0.025,
  'denied.enforcementFiles': 0.01,
  'denied.enquiryMatters': 0.02,
  'unavailable.notHeld': 0.24,
  'unavailable.needsCreation': 0.04,
  'unavailable.stillUnclear': 0.02,
  'notProcessed.complaints': 0.03,
  'notProcessed.repeated': 0.02,
  'notProcessed.publications': 0.005,
  'notProcessed.excessive': 0.005,
  'notProcessed.confirmation': 0.01,
  otherHandling: 0.06,
  'otherHandling.noAmendment': 0.035,
  'otherHandling.feeUnpaid': 0.003,
  'otherHandling.other': 0.025,
};

const OUTCOME_KEYS = { '2019': table3OutcomeKeys('2019'), '2021': table3OutcomeKeys('2021') } as const;
const LEAVES = { '2019': table3Leaves('2019'), '2021': table3Leaves('2021') } as const;

function table3Figures(rng: Rng, layout: '2019' | '2021', state: AgencyState): Map<string, number[]> {
  const received = allocate(rng, state.volume, APPLICANT_WEIGHTS);
  const carriedOver = state.carriedForward ?? APPLICANT_WEIGHTS.map((w) => (rng.chance(0.25 * w + (state.volume > 30 ? 0.2 * w : 0)) ? rng.int(1, 3) : 0));
  const carriedForward = received.map((r, c) => (rng.chance(0.3) ? Math.floor((r + carriedOver[c]!) * rng.float() * 0.12) : 0));
  const outcomeKeys = OUTCOME_KEYS[layout];
  const weights = outcomeKeys.map((k) => OUTCOME_WEIGHTS[k]!);
  // Per applicant column: the handled requests split over the outcome rows.
  const outcomes = received.map((r, c) => allocate(rng, r + carriedOver[c]! - carriedForward[c]!, weights));
  const withTotal = (values: number[]) => [...values, values.reduce((a, v) => a + v, 0)];
  const t3 = new Map<string, number[]>();
  t3.set('received', withTotal(received));
  t3.set('carriedOver', withTotal(carriedOver));
  outcomeKeys.forEach((key, k) => t3.set(key, withTotal(outcomes.map((column) => column[k]!))));
  t3.set('outcomeTotal', withTotal(outcomes.map((column) => column.reduce((a, v) => a + v, 0))));
  t3.set('carriedForward', withTotal(carriedForward));
  state.carriedForward = carriedForward;
  return t3;
}

function table4Figures(rng: Rng, volume: number): number[] {
  const group = (p: number, rate: number, weights: number[]) => {
    const total = rng.chance(p) ? 1 + rng.int(0, Math.ceil(volume * rate)) : 0;
    const parts = allocate(rng, total, weights);
    return [...parts, total];
  };
  const busy = Math.min(0.6, volume / 400);
  return [
    ...group(0.12 + busy, 0.03, [0.55, 0.12, 0.18, 0.15]),
    ...group(0.05 + busy / 2, 0.012, [0.5, 0.08, 0.22, 0.2]),
    ...group(0.03 + busy / 3, 0.008, [0.5, 0.06, 0.2, 0.24]),
  ];
}

/** A decimal amount as reports write it, with `places` decimals. */
const money = (value: number, places: number) => (value <= 0 ? '0' : value.toFixed(places));

function table2Figures(rng: Rng, layout: '2019' | '2021', agency: AgencyInfo, state: AgencyState): Pick<Figures, 't2' | 't2Units'> {
  const e = agency.enforcement;
  const decisions = (base: number) => Math.floor(base * e * (0.5 + rng.float()) * (rng.chance(0.15) ? 0 : 1));
  const change = (key: keyof AgencyState['items'], up: number) => {
    const before = state.items[key];
    const delta = rng.chance(0.55) ? 0 : rng.int(-Math.min(before, 3), up);
    state.items[key] = before + delta;
    return [before, delta];
  };
  if (layout === '2019') {
    const madeRules = agency.makesRules ? rng.int(0, 4) : 0;
    const madeNormative = rng.chance(0.3) ? 0 : rng.int(0, Math.max(1, Math.round(2 + agency.scale / 40)));
    const publishedNormative = madeNormative - (madeNormative > 0 && rng.chance(0.15) ? 1 : 0);
    state.published.rules += madeRules;
    state.published.normative += publishedNormative;
    const procurement = rng.chance(0.3) ? 0 : rng.int(1, 25);
    const amount = procurement * (2 + rng.float() * 60);
    const inYuan = procurement > 0 && rng.chance(0.2);
    return {
      t2: [
        [[madeRules, madeRules, state.published.rules], [madeNormative, publishedNormative, state.published.normative]],
        [[...change('licensing', 6), decisions(180)], [...change('otherServices', 8), decisions(60)]],
        [[...change('penalties', 5), decisions(240)], [...change('enforcement', 2), decisions(20)]],
        [change('fees', 1)],
        [[procurement, inYuan ? String(Math.round(amount * 10_000)) : money(amount, rng.pick([2, 2, 4]))]],
      ],
      t2Units: [[[null, null, null], [null, null, null]], [[null, null, null], [null, null, null]], [[null, null, null], [null, null, null]], [[null, null]], [[null, inYuan ? '元' : null]]],
    };
  }
  // 2021: documents in force continue from last year's.
  const inForce = state.inForce ?? { rules: agency.makesRules ? rng.int(5, 60) : 0, normative: rng.int(0, Math.round(10 + agency.scale / 8)) };
  const docs = (before: number, issuedMax: number) => {
    const issued = issuedMax > 0 && !rng.chance(0.3) ? rng.int(0, issuedMax) : 0;
    const repealed = rng.chance(0.6) ? 0 : rng.int(0, Math.min(before + issued, Math.max(1, Math.round(before / 6))));
    return [issued, repealed, before + issued - repealed];
  };
  const rules = docs(inForce.rules, agency.makesRules ? 4 : 0);
  const normative = docs(inForce.normative, Math.max(1, Math.round(2 + agency.scale / 40)));
  state.inForce = { rules: rules[2]!, normative: normative[2]! };
  const fee = rng.chance(0.45) ? 0 : agency.enforcement * (rng.float() * 400);
  return {
    t2: [[rules, normative], [[decisions(180)]], [[decisions(240)], [decisions(20)]], [[money(fee, rng.pick([2, 2, 4, 6]))]]],
    t2Units: [[[null, null, null], [null, null, null]], [[null]], [[null], [null]], [['万元']]],
  };
}

// ── The model, for the canonical writer ─────────────────────────────────────

type Block = { section: number; kind: 'heading' | 'text'; zh: string; en: string } | { section: number; kind: 'table'; id: 'table2' | 'table3' | 'table4' };

function buildReport(agency: AgencyInfo, year: number, f: Figures, blocks: readonly Block[]): { report: Report; narrative: NarrativeBlock[] } {
  const layouts = FORMAT_LAYOUTS[f.format];
  const sectionLines = new Map<number, number>();
  const tableLines = new Map<string, number>();
  const narrative: NarrativeBlock[] = [];
  let line = 1;
  let section = 0;
  for (const block of blocks) {
    if (block.section !== section) {
      section = block.section;
      sectionLines.set(section, ++line);
    }
    line++;
    if (block.kind === 'table') tableLines.set(block.id, line);
    else narrative.push({ section: block.section, line, kind: block.kind, markdown: block.zh });
  }
  const cells = [] as const;
  const table2 = {
    layout: layouts.table2,
    line: tableLines.get('table2')!,
    blocks: TABLE2[layouts.table2].map((template, b) => ({
      clause: template.clause.zh,
      columns: template.columns.map((c) => c.label.zh),
      line: tableLines.get('table2')!,
      rows: template.rows.map((r, i) => ({ key: r.key, label: r.label.zh, values: f.t2[b]![i]!, units: f.t2Units[b]![i]!, shape: 'complete' as const, line: 1, cells: [...cells] })),
    })),
  };
  const table3 = {
    layout: layouts.table3,
    columns: TABLE3_COLUMNS.map((c) => c.label.zh),
    line: tableLines.get('table3')!,
    rows: LEAVES[layouts.table3].map((leaf) => ({ key: leaf.key, label: leaf.label, values: f.t3.get(leaf.key)!, shape: 'complete' as const, line: 1, cells: [...cells] })),
  };
  const table4 = { columns: TABLE4_COLUMNS.map((c) => c.label.zh), values: f.t4, shape: 'complete' as const, line: tableLines.get('table4')!, cells: [...cells] };
  const report = {
    file: '',
    agency: agency.registry.name.zh,
    year,
    period: { from: `${year}-01-01`, to: `${year}-12-31` },
    metadataSource: 'front-matter',
    published: null,
    source: null,
    contact: agency.registry.contact ?? null,
    format: f.format,
    sections: SECTIONS.map((s) => ({ number: s.number, title: s.title.zh, line: sectionLines.get(s.number)! })),
    reconstructed: [],
    tables: { table2, table3, table4 },
  } as unknown as Report;
  return { report, narrative };
}

// ── Narrative ───────────────────────────────────────────────────────────────

type Bi = { zh: string; en: string };
type Ctx = {
  rng: Rng;
  agency: AgencyInfo;
  year: number;
  format: ReportFormat;
  f: Figures;
  /** 区财政局 / the Bureau */
  s: Bi;
  focus: Bi[];
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** 5870000 → 5,870,000, without the locale-dependent toLocaleString. */
const thousands = (value: number) => String(value).replace(/\B(?=(\d{3})+$)/g, ',');
const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const ORDINALS: Bi[] = [
  { zh: '一是', en: 'First' }, { zh: '二是', en: 'Second' }, { zh: '三是', en: 'Third' }, { zh: '四是', en: 'Fourth' }, { zh: '五是', en: 'Fifth' }, { zh: '六是', en: 'Sixth' },
];
const SUBHEADINGS: Bi[] = [
  { zh: '（一）主动公开', en: '(1) Proactive disclosure' },
  { zh: '（二）依申请公开', en: '(2) Disclosure upon request' },
  { zh: '（三）政府信息管理', en: '(3) Management of government information' },
  { zh: '（四）平台建设', en: '(4) Platform building' },
  { zh: '（五）监督保障', en: '(5) Oversight and safeguards' },
];

const FOCUS: Bi[] = [
  { zh: '优化营商环境', en: 'optimising the business environment' },
  { zh: '民生保障', en: 'safeguarding people’s livelihoods' },
  { zh: '安全生产', en: 'workplace safety' },
  { zh: '生态环境保护', en: 'ecological and environmental protection' },
  { zh: '重大项目建设', en: 'major construction projects' },
  { zh: '基层政务公开标准化规范化', en: 'standardising government affairs disclosure at the grassroots' },
  { zh: '乡村振兴', en: 'rural revitalisation' },
  { zh: '城市更新', en: 'urban renewal' },
  { zh: '惠企政策落实', en: 'implementing policies that benefit enterprises' },
];
const PANDEMIC: Bi = { zh: '疫情防控', en: 'epidemic prevention and control' };

const YEAR_THEMES: Record<number, Bi> = {
  2019: { zh: '新中国成立70周年', en: 'the 70th anniversary of the founding of the People’s Republic of China' },
  2020: { zh: '全面建成小康社会和“十三五”规划收官之年', en: 'the year in which a moderately prosperous society was completed and the 13th Five-Year Plan concluded' },
  2021: { zh: '中国共产党成立100周年，也是“十四五”规划开局之年', en: 'the centenary of the Communist Party of China and the first year of the 14th Five-Year Plan' },
  2022: { zh: '党的二十大召开之年', en: 'the year of the 20th National Congress of the Communist Party of China' },
  2023: { zh: '全面贯彻落实党的二十大精神的开局之年', en: 'the first year of fully implementing the guiding principles of the 20th Party Congress' },
  2024: { zh: '中华人民共和国成立75周年', en: 'the 75th anniversary of the founding of the People’s Republic of China' },
  2025: { zh: '“十四五”规划收官之年', en: 'the final year of the 14th Five-Year Plan' },
};

const joinZh = (items: readonly Bi[]) => items.map((i) => i.zh).join('、');
const joinEn = (items: readonly Bi[]) => (items.length < 2 ? items.map((i) => i.en).join('') : `${items.slice(0, -1).map((i) => i.en).join(', ')} and ${items[items.length - 1]!.en}`);

function intro(c: Ctx): Bi {
  const { year: y, s, agency: a } = c;
  const theme = YEAR_THEMES[y] ?? YEAR_THEMES[2025]!;
  const variants: (() => Bi)[] = [
    () => ({
      zh: `${y}年，${s.zh}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》（以下简称《条例》）和${a.superior.zh}关于政务公开工作的部署要求，围绕${joinZh(c.focus)}等重点工作，持续深化政务公开，不断提升政府信息公开的标准化、规范化水平，切实保障人民群众的知情权、参与权、表达权和监督权。`,
      en: `In ${y}, guided by Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era, ${s.en} earnestly implemented the *Regulations of the People's Republic of China on Government Information Disclosure* (the "Regulations") and the arrangements of ${a.superior.en} for government affairs disclosure. Focusing on key work such as ${joinEn(c.focus)}, it kept deepening government affairs disclosure, steadily raised the standard of government information disclosure, and effectively safeguarded the public's rights to know, to participate, to express their views and to oversee.`,
    }),
    () => ({
      zh: `${y}年，在${a.superior.zh}的坚强领导下，${s.zh}坚持“以公开为常态、不公开为例外”的原则，紧扣${joinZh(c.focus)}等中心工作，着力加强政策解读、回应社会关切和公开平台建设，推动政府信息公开工作取得新进展。现将本年度政府信息公开工作情况报告如下。`,
      en: `In ${y}, under the firm leadership of ${a.superior.en}, ${s.en} adhered to the principle of "disclosure as the norm and non-disclosure as the exception". Keeping closely to central tasks such as ${joinEn(c.focus)}, it strengthened policy interpretation, responses to public concerns and the building of disclosure platforms, and made new progress in government information disclosure. Its work in the year is reported as follows.`,
    }),
    () => ({
      zh: `${y}年是${theme.zh}。${s.zh}深入贯彻党中央、国务院关于全面推进政务公开的决策部署，严格落实《中华人民共和国政府信息公开条例》各项规定，把政务公开作为建设人民满意的服务型政府的重要抓手，以公开促落实、促规范、促服务，围绕${joinZh(c.focus)}等领域扎实推进各项工作。`,
      en: `${y} was ${theme.en}. ${cap(s.en)} thoroughly implemented the decisions of the Party Central Committee and the State Council on comprehensively advancing government affairs disclosure and strictly applied every provision of the *Regulations of the People's Republic of China on Government Information Disclosure*. Treating disclosure as an important lever for building a service-oriented government that satisfies the people, it used disclosure to drive implementation, standardisation and service, and advanced its work in areas such as ${joinEn(c.focus)}.`,
    }),
  ];
  return c.rng.pick(variants)();
}

function mechanism(c: Ctx): Bi {
  const { s, rng } = c;
  return rng.pick([
    {
      zh: `${s.zh}把政务公开纳入年度重点工作统筹推进，主要负责同志亲自部署、分管负责同志具体抓、办公室牵头协调、各科室分工落实，形成了上下联动、协同推进的工作格局；同时制定年度政务公开工作要点和任务分解表，逐项明确责任主体和完成时限，确保各项任务落地见效。`,
      en: `${cap(s.en)} made government affairs disclosure one of its key tasks for the year: its head set out the work, the responsible deputy saw to it, the general office coordinated and each division carried out its share. It also drew up annual key points for disclosure and a breakdown of tasks, naming for each who is responsible and by when, so that every task is carried through.`,
    },
    {
      zh: `${s.zh}坚持把政务公开与业务工作同谋划、同部署、同推进、同考核，健全信息发布、政策解读、回应关切、依申请公开等工作制度，推动政务公开从“公开了”向“公开好”转变，以高质量公开助力高质量发展。`,
      en: `${cap(s.en)} planned, arranged, advanced and assessed government affairs disclosure together with its line work, improving its rules for publishing information, interpreting policy, responding to public concerns and handling requests, so as to move from merely disclosing to disclosing well, and to support high-quality development with high-quality disclosure.`,
    },
    {
      zh: `对照上级政务公开工作要点，${s.zh}逐项细化工作任务，建立工作台账，实行清单化管理、项目化推进，定期调度工作进展，确保政务公开各项工作有序开展、取得实效。`,
      en: `Against the key points for disclosure set from above, ${s.en} broke each task down, kept a register of the work, managed it by lists and projects and reviewed progress regularly, so that all disclosure work proceeded in order and to effect.`,
    },
  ]);
}

/** Lead-in paragraphs of （一）主动公开; each may state only figures of its own or figures true of table 二. */
function proactive(c: Ctx): Bi[] {
  const { rng, s, agency: a, f } = c;
  const t2 = f.t2;
  const table2Layout = FORMAT_LAYOUTS[c.format].table2;
  const pool: (() => Bi)[] = [
    () => {
      const items = rng.int(40, 900);
      const policies = rng.int(3, Math.max(4, Math.floor(items / 8)));
      return {
        zh: `着力推进重点领域信息公开。**围绕${joinZh(c.focus)}等重点工作，及时发布工作部署、进展情况和落实成效，做到应公开尽公开。全年通过门户网站主动公开政府信息${items}条，其中政策文件${policies}件，其余为工作动态、通知公告、人事信息和统计数据等。`,
        en: `stepping up disclosure in key areas.** Around key work such as ${joinEn(c.focus)}, ${s.en} promptly published its work plans, progress and results, disclosing everything that should be disclosed. Over the year it proactively disclosed ${items} items of government information on its portal website, of which ${policies} were policy documents and the rest work updates, notices, personnel information and statistics.`,
      };
    },
    () => {
      const n = rng.int(4, 60);
      return {
        zh: `扎实做好政策解读工作。**坚持政策文件与解读材料同步组织、同步审签、同步部署，综合运用图文解读、视频解读、专家解读、负责人解读等形式，全年发布政策解读${n}篇，着力让政策“看得懂”“找得到”“用得上”。`,
        en: `doing solid work on policy interpretation.** Policy documents and their interpretations were prepared, approved and released together, using graphics, video, expert commentary and explanations by officials in charge. Over the year ${s.en} published ${n} policy interpretations, so that policies are easy to understand, to find and to use.`,
      };
    },
    () => {
      const pressers = rng.int(1, 24);
      const answered = rng.int(pressers, 200);
      return {
        zh: `积极回应社会关切。**密切关注涉及本部门职能的社会热点和舆情动态，通过新闻发布会、政务新媒体、“12345”热线等渠道及时发布权威信息，全年召开新闻发布会${pressers}场，回应公众关注的问题${answered}个，有效引导社会预期。`,
        en: `responding actively to public concerns.** ${cap(s.en)} kept a close watch on public debate touching its functions and released authoritative information promptly through press conferences, government social media and the 12345 hotline. Over the year it held ${pressers} press conferences and answered ${answered} questions of public concern, effectively guiding public expectations.`,
      };
    },
    () => ({
      zh: `持续加强财政信息公开。**按照规定时限和统一格式公开部门预算、部门决算和“三公”经费预决算，预决算公开细化到项目，并对“三公”经费增减变化原因作出说明，主动接受社会监督。`,
      en: `continuing to strengthen fiscal disclosure.** Departmental budgets, final accounts and the budgets and final accounts of "three public expenses" were published on time and in the standard format, broken down to project level, with the reasons for changes in the "three public expenses" explained, so as to accept public oversight.`,
    }),
    () => {
      const rounds = rng.int(2, 20);
      const opinions = rng.int(rounds, 400);
      return {
        zh: `推进决策公开和公众参与。**对涉及群众切身利益的重要改革方案、重大政策措施，通过网上征求意见、座谈会、听证会等方式广泛听取社会意见，全年开展意见征集${rounds}次，收集意见建议${opinions}条，并按规定公开意见采纳情况。`,
        en: `advancing open decision-making and public participation.** For major reforms and policy measures that affect people's vital interests, ${s.en} widely consulted the public through online consultations, symposiums and hearings. Over the year it held ${rounds} consultations and collected ${opinions} comments and suggestions, and published how they were taken up, as required.`,
      };
    },
    () => {
      if (table2Layout === '2021') {
        const licensing = t2[1]![0]![0] as number;
        const penalties = t2[2]![0]![0] as number;
        return {
          zh: `深化行政执法信息公开。**严格落实行政执法公示制度，执法主体、依据、程序和结果依法向社会公开。全年作出行政许可决定${licensing}件、行政处罚决定${penalties}件，相关信息均在规定时限内公示，主动接受社会监督。`,
          en: `deepening disclosure of law-enforcement information.** The system of publicising administrative law enforcement was strictly applied: who enforces, on what basis, by what procedure and with what result are all made public. Over the year ${s.en} made ${licensing} administrative licensing decisions and ${penalties} administrative penalty decisions, all publicised within the prescribed time.`,
        };
      }
      const licensing = t2[1]![0]![2] as number;
      const penalties = t2[2]![0]![2] as number;
      return {
        zh: `深化行政执法信息公开。**严格落实行政执法公示制度，执法主体、依据、程序和结果依法向社会公开。全年行政许可处理决定${licensing}件、行政处罚处理决定${penalties}件，相关信息均在规定时限内公示。`,
        en: `deepening disclosure of law-enforcement information.** The system of publicising administrative law enforcement was strictly applied. Over the year there were ${licensing} administrative licensing decisions and ${penalties} administrative penalty decisions, all publicised within the prescribed time.`,
      };
    },
    () => {
      const posts = rng.int(60, 2500);
      const reads = rng.int(2, 900);
      return {
        zh: `发挥政务新媒体作用。**依托“${a.wechat}”微信公众号、政务微博和短视频账号，第一时间发布政策信息和办事指南，全年发布信息${posts}条，累计阅读量约${reads}万次，政务新媒体的传播力和影响力进一步提升。`,
        en: `making good use of government social media.** Through the "${a.wechat}" WeChat official account, its government microblog and short-video accounts, ${s.en} published policy information and service guides as soon as they were ready: ${posts} posts over the year, read about ${thousands(reads * 10_000)} times in all.`,
      };
    },
    () => {
      if (table2Layout === '2021') {
        const [issued, repealed, inForce] = t2[0]![1]! as number[];
        return {
          zh: `规范公开行政规范性文件。**严格执行行政规范性文件合法性审核和统一登记、统一编号、统一公布制度，本年制发行政规范性文件${issued}件、废止${repealed}件，现行有效${inForce}件，均已在门户网站“政策文件”栏目集中公开并动态更新。`,
          en: `publishing administrative normative documents in due form.** Legality review and uniform registration, numbering and publication of administrative normative documents were strictly applied. This year ${s.en} issued ${issued} administrative normative documents and repealed ${repealed}; ${inForce} are in force, all published together in the "Policy documents" column of the portal website and kept up to date.`,
        };
      }
      const [made, published, total] = t2[0]![1]! as number[];
      return {
        zh: `规范公开规范性文件。**严格执行规范性文件合法性审核和统一登记、统一编号、统一公布制度，本年新制作规范性文件${made}件、新公开${published}件，累计对外公开${total}件，均已在门户网站“政策文件”栏目集中公开。`,
        en: `publishing normative documents in due form.** Legality review and uniform registration, numbering and publication of normative documents were strictly applied. This year ${s.en} made ${made} normative documents and newly published ${published}; ${total} have been published in all, together in the "Policy documents" column of the portal website.`,
      };
    },
    () => ({
      zh: `推进基层政务公开标准化规范化。**对照国务院部门制定的26个试点领域基层政务公开标准指引，梳理完善本机关政务公开事项标准目录，明确公开内容、公开依据、公开时限、公开主体和公开渠道，推动公开事项动态调整、公开内容规范统一。`,
      en: `advancing the standardisation of government affairs disclosure at the grassroots.** Following the State Council departments' standard guidelines for grassroots disclosure in 26 pilot areas, ${s.en} revised its standard catalogue of items to disclose, stating for each the content, legal basis, time limit, responsible body and channel, so that the items are kept up to date and the content is uniform.`,
    }),
    () => {
      const projects = rng.int(2, 40);
      return {
        zh: `做好重大建设项目和公共资源配置信息公开。**按照“谁批准、谁公开，谁实施、谁公开”的原则，公开重大建设项目批准结果、招标投标、征收土地、重大设计变更、施工管理和竣工验收等信息，全年公开重大建设项目信息${projects}条。`,
        en: `disclosing information on major construction projects and the allocation of public resources.** On the principle that whoever approves or carries out a project discloses it, ${s.en} published the approval results, tendering, land acquisition, major design changes, construction management and acceptance of major construction projects: ${projects} items over the year.`,
      };
    },
    () => ({
      zh: `加强政务信息报送和宣传。**围绕中心工作和重点任务，及时总结工作亮点和经验做法，通过门户网站、政务新媒体和新闻媒体多渠道宣传，进一步提高政府工作的透明度和公众知晓度。`,
      en: `strengthening the reporting and publicity of government information.** Around its central and priority tasks, ${s.en} promptly summed up highlights and good practice and publicised them through its portal website, government social media and the news media, making the government's work more transparent and better known to the public.`,
    }),
  ];
  return rng.sample(pool, rng.int(4, 6)).map((make, i) => {
    const p = make();
    return { zh: `**${ORDINALS[i]!.zh}${p.zh}`, en: `**${ORDINALS[i]!.en}, ${p.en}` };
  });
}

const KEY_CONTENT: Bi[] = [
  { zh: '部门预决算及“三公”经费信息；', en: 'departmental budgets, final accounts and "three public expenses";' },
  { zh: '权责清单和公共服务事项清单；', en: 'lists of powers and responsibilities and of public services;' },
  { zh: '重大建设项目批准和实施信息；', en: 'approval and implementation of major construction projects;' },
  { zh: '行政执法“三项制度”相关信息；', en: 'information under the "three systems" of administrative law enforcement;' },
  { zh: '减税降费、惠企政策及申报指南；', en: 'tax and fee cuts, policies benefiting enterprises and application guides;' },
  { zh: '招标投标和政府采购信息；', en: 'tendering and government procurement;' },
  { zh: '人事任免和公务员招录信息；', en: 'appointments, removals and civil-service recruitment;' },
  { zh: '民生实事项目进展情况；', en: 'progress of projects for people’s well-being;' },
  { zh: '“双随机、一公开”抽查结果；', en: 'results of random inspections under "double random, one public";' },
  { zh: '突发事件应对和安全生产信息；', en: 'emergency response and workplace safety;' },
];

function keyContent(c: Ctx): Bi[] {
  const items = c.rng.sample(KEY_CONTENT, c.rng.int(4, 6));
  const last = (t: string) => t.replace(/[；;]$/, (m) => (m === '；' ? '。' : '.'));
  return [
    { zh: '本年度重点公开了以下内容：', en: 'Key content disclosed this year included:' },
    {
      zh: items.map((item, i) => `- ${i === items.length - 1 ? last(item.zh) : item.zh}`).join('\n'),
      en: items.map((item, i) => `- ${i === items.length - 1 ? last(item.en) : item.en}`).join('\n'),
    },
  ];
}

/** （二）依申请公开: the figures are table 三's own. */
function onRequest(c: Ctx): Bi[] {
  const { f, s, year: y, rng } = c;
  const total = (key: string) => f.t3.get(key)![TABLE3_WIDTH - 1]!;
  const sumOf = (prefix: string) => [...f.t3.entries()].filter(([k]) => k === prefix || k.startsWith(`${prefix}.`)).reduce((a, [, v]) => a + v[TABLE3_WIDTH - 1]!, 0);
  const received = total('received');
  const carriedOver = total('carriedOver');
  const carriedForward = total('carriedForward');
  const natural = f.t3.get('received')![0]!;
  const out: Bi[] = [];
  if (received === 0 && carriedOver === 0) {
    out.push({
      zh: `${y}年，${s.zh}未收到政府信息公开申请。依申请公开受理渠道保持畅通，申请指引、申请表格和办理流程均在门户网站公开，方便公众依法提出申请。`,
      en: `In ${y} ${s.en} received no requests for government information disclosure. Its channels for requests remained open, and its guidance, request forms and procedures are published on its portal website so that the public can make requests in accordance with the law.`,
    });
  } else {
    const parts = [
      { zh: '予以公开', en: 'granted in full', n: total('granted') },
      { zh: '部分公开', en: 'granted in part', n: total('partiallyGranted') },
      { zh: '不予公开', en: 'not disclosed', n: sumOf('denied') },
      { zh: '无法提供', en: 'unable to provide', n: sumOf('unavailable') },
      { zh: '不予处理', en: 'not processed', n: sumOf('notProcessed') },
      { zh: '其他处理', en: 'otherwise handled', n: sumOf('otherHandling') },
    ].filter((p) => p.n > 0);
    const head =
      received > 0
        ? rng.chance(0.5) || carriedOver === 0
          ? {
              zh: `${y}年，${s.zh}共收到政府信息公开申请${received}件，${natural === received ? '均由自然人提出' : natural === 0 ? '均由法人或其他组织提出' : `其中自然人提出${natural}件，法人或其他组织提出${received - natural}件`}${carriedOver > 0 ? `；另有上年结转${carriedOver}件` : ''}。`,
              en: `In ${y} ${s.en} received ${received} requests for government information disclosure, ${natural === received ? 'all from natural persons' : natural === 0 ? 'all from legal persons or other organisations' : `${natural} from natural persons and ${received - natural} from legal persons or other organisations`}${carriedOver > 0 ? `; ${carriedOver} more were carried over from the previous year` : ''}.`,
            }
          : {
              zh: `${y}年，${s.zh}共办理政府信息公开申请${received + carriedOver}件，其中本年新收${received}件，上年结转${carriedOver}件。`,
              en: `In ${y} ${s.en} handled ${received + carriedOver} requests for government information disclosure: ${received} received this year and ${carriedOver} carried over from the previous year.`,
            }
        : {
            zh: `${y}年，${s.zh}未收到新的政府信息公开申请，上年结转的${carriedOver}件依法继续办理。`,
            en: `In ${y} ${s.en} received no new requests for government information disclosure; the ${carriedOver} carried over from the previous year were handled in accordance with the law.`,
          };
    const settled = parts.length
      ? {
          zh: `已办结的申请中，${parts.map((p) => `${p.zh}${p.n}件`).join('，')}${carriedForward > 0 ? `；结转下年度继续办理${carriedForward}件` : ''}。`,
          en: `Of the requests settled, ${parts.map((p) => `${p.n} were ${p.en}`).join(', ')}${carriedForward > 0 ? `; ${carriedForward} were carried forward to the next year` : ''}.`,
        }
      : {
          zh: `本年度申请均未办结，结转下年度继续办理${carriedForward}件。`,
          en: `None of the requests was settled within the year; ${carriedForward} were carried forward to the next year.`,
        };
    out.push({ zh: head.zh + settled.zh, en: `${head.en} ${settled.en}` });
  }
  out.push(
    rng.pick([
      {
        zh: '严格执行依申请公开登记、审核、办理、答复、归档等工作流程，对答复文书实行法律审核，做到答复内容准确、告知事项完整、法律依据充分，确保每一件申请都在法定期限内依法规范答复。',
        en: 'The procedures for registering, reviewing, handling, answering and filing requests were strictly followed, and every reply was reviewed for legality, so that replies were accurate, complete in what they told the applicant and well founded in law, and every request was answered lawfully within the statutory time limit.',
      },
      {
        zh: '进一步完善依申请公开工作机制，加强与申请人的沟通，对申请内容不明确的及时一次性告知补正，对涉及第三方权益的依法征求第三方意见，切实提升答复质量和群众满意度。',
        en: 'The working mechanism for disclosure upon request was further improved and communication with applicants strengthened: where a request was unclear the applicant was told at once, and in one go, what to amend; where third parties’ interests were involved their views were sought as the law requires, raising the quality of replies and public satisfaction.',
      },
      {
        zh: '坚持依法依规、便民高效的原则，畅通当面、信函、网络等申请渠道，安排专人负责受理和跟踪督办，建立依申请公开办理台账，实现受理、办理、答复全流程留痕管理。',
        en: 'Following the principles of lawfulness and of convenient, efficient service, in-person, postal and online channels for requests were kept open, dedicated staff received and followed up requests, and a register of requests was kept so that every step from receipt to reply is on record.',
      },
    ]),
  );
  return out;
}

function management(c: Ctx): Bi[] {
  const { rng, s } = c;
  const reviewed = rng.int(20, 600);
  return rng.sample<() => Bi>([
    () => ({
      zh: `严格落实公文公开属性源头认定制度，在公文起草环节明确主动公开、依申请公开或不予公开属性，全年审核公文${reviewed}份，做到公开属性应标尽标。`,
      en: `The rule that a document's disclosure status is decided when it is drafted was strictly applied: whether it is to be disclosed proactively, upon request or not at all is settled at drafting. Over the year ${s.en} reviewed ${reviewed} official documents, marking the disclosure status of every one.`,
    }),
    () => ({
      zh: `动态更新政府信息公开指南和政府信息公开目录，及时调整机构职能、联系方式、办公地址等基础信息，确保公开内容准确、完整、可查。`,
      en: 'The government information disclosure guide and catalogue were updated as things changed, with basic information such as functions, contact details and office addresses revised promptly, so that what is published is accurate, complete and easy to find.',
    }),
    () => ({
      zh: `严格执行“先审查、后公开”和“一事一审”制度，落实信息发布三级审核，防止泄露国家秘密、工作秘密和个人隐私，全年未发生因信息公开引发的泄密事件。`,
      en: 'The rules of "review first, publish afterwards" and "one review for each item" were strictly applied, with three levels of sign-off before anything is published, to prevent leaks of state secrets, work secrets and personal privacy; no leak arose from disclosure during the year.',
    }),
    () => ({
      zh: `开展规范性文件清理工作，对不符合法律法规规定、不适应改革发展要求的文件及时予以修改或废止，并向社会公布清理结果。`,
      en: 'Normative documents were reviewed and cleaned up: those inconsistent with laws and regulations or no longer suited to reform and development were amended or repealed promptly, and the results were published.',
    }),
    () => ({
      zh: `加强政府信息档案管理，对已公开的政府信息和依申请公开办理材料及时整理归档，做到一件一档、查阅便捷，为政府信息公开工作提供可靠的资料保障。`,
      en: 'Records of government information were better kept: disclosed information and the files of requests were sorted and archived promptly, one file per case and easy to consult, giving disclosure work a reliable documentary basis.',
    }),
  ], rng.int(2, 3)).map((make) => make());
}

function platforms(c: Ctx): Bi[] {
  const { rng, s, agency: a } = c;
  const site = a.registry.website;
  const columns = rng.int(5, 40);
  const pool: (() => Bi)[] = [
    () =>
      site
        ? {
            zh: `加强政府网站建设管理，优化“政府信息公开”专栏设置，对${columns}个栏目进行规范调整，及时更新法定主动公开内容。公众可通过门户网站（<${site}>）查阅本机关主动公开的政府信息。`,
            en: `${cap(s.en)} strengthened the management of its website, reorganising the "Government information disclosure" column and standardising ${columns} sub-columns, and kept the content that must be disclosed by law up to date. The public can consult the information it discloses on its portal website (<${site}>).`,
          }
        : {
            zh: `依托${a.portal.zh}“政府信息公开”专栏发布本机关主动公开的政府信息，对${columns}个栏目进行规范调整，确保信息发布及时、准确。`,
            en: `${cap(s.en)} publishes its proactively disclosed information in the "Government information disclosure" column of ${a.portal.en}, where ${columns} sub-columns were standardised to keep publication timely and accurate.`,
          },
    () => ({
      zh: `规范政务新媒体管理，严格落实信息发布审核制度，推动“${a.wechat}”微信公众号与门户网站信息同步发布、协同联动，拓宽政府信息传播渠道。`,
      en: `Government social media were managed to a standard, with review before publication strictly applied; the "${a.wechat}" WeChat official account publishes in step with the portal website, widening the channels through which government information reaches the public.`,
    }),
    () => ({
      zh: `在政务服务大厅设置政府信息公开查阅点，配备查阅设备并安排专人值守，为群众查阅政府信息、提交公开申请提供便利。`,
      en: 'A reading point for government information was set up in the government services hall, with equipment and staff on duty, making it easy for the public to consult government information and submit requests.',
    }),
    () => ({
      zh: `做好政府公报和政策文件库建设，按照统一标准对现行有效的政策文件进行分类整理，实现政策文件集中公开、便捷查询。`,
      en: 'The government gazette and the policy document library were maintained, with the documents in force sorted by a common standard so that they are published in one place and easy to search.',
    }),
    () => ({
      zh: `深化政务服务“一网通办”，将办事指南、申请材料、办理流程、收费标准和办理时限等信息在政务服务网同步公开，推动更多事项“网上办、掌上办、就近办”。`,
      en: 'The "one-stop online service" for government services was deepened: service guides, required documents, procedures, fees and time limits are published together on the government services website, so that more matters can be handled online, on a phone or close to home.',
    }),
  ];
  return rng.sample(pool, rng.int(2, 3)).map((make) => make());
}

function oversight(c: Ctx): Bi[] {
  const { rng, s } = c;
  const staff = rng.int(1, 6);
  const sessions = rng.int(1, 8);
  const trainees = sessions * rng.int(10, 60);
  const pool: (() => Bi)[] = [
    () => ({
      zh: `加强组织领导，调整政务公开工作领导小组，明确分管领导和责任科室，配备专兼职工作人员${staff}名，将政务公开工作纳入年度绩效考核。`,
      en: `Leadership was strengthened: the leading group for government affairs disclosure was reorganised, the responsible leader and office were named, ${staff} full- or part-time staff were assigned, and disclosure was included in the annual performance assessment.`,
    }),
    () => ({
      zh: `加强教育培训，组织开展政务公开专题培训${sessions}次，参训${trainees}人次，重点学习《条例》及政府信息公开工作规范，提升干部依法公开意识和业务能力。`,
      en: `Training was stepped up: ${sessions} sessions on government affairs disclosure were held, with ${trainees} attendances, focusing on the Regulations and the working standards for disclosure, to raise officials' awareness of lawful disclosure and their professional skills.`,
    }),
    () => ({
      zh: `主动接受社会监督，通过门户网站公布监督电话和电子邮箱，认真对待群众意见建议，本年度未发生政府信息公开工作责任追究情况。`,
      en: 'Public oversight was welcomed: the oversight telephone number and e-mail address are published on the portal website and the public’s comments taken seriously. No one was held accountable for disclosure work during the year.',
    }),
    () => ({
      zh: `开展政务公开自查自评，对照上级考核评估指标逐项查找问题，建立问题清单，明确整改时限，整改情况纳入督查督办。`,
      en: 'Government affairs disclosure was self-assessed against the indicators set from above, problem by problem; a list of problems with deadlines for correction was drawn up, and corrections were followed up through supervision.',
    }),
    () => ({
      zh: `引入社会评议机制，邀请人大代表、政协委员、企业代表和群众代表对政务公开工作进行评议，认真梳理评议中提出的意见建议，逐条研究并推动落实。`,
      en: "Public appraisal was introduced: people's congress deputies, CPPCC members and representatives of enterprises and the public were invited to appraise disclosure work, and each comment and suggestion they made was studied and followed up.",
    }),
  ];
  return rng.sample(pool, rng.int(2, 3)).map((make) => make());
}

function section4(c: Ctx): Bi {
  const { f, s, year: y } = c;
  const reconsideration = f.t4[4]!;
  const lawsuits = f.t4[9]! + f.t4[14]!;
  const corrected = f.t4[1]! + f.t4[6]! + f.t4[11]!;
  if (reconsideration === 0 && lawsuits === 0) {
    return {
      zh: `${y}年，${s.zh}未发生因政府信息公开引起的行政复议、行政诉讼案件。`,
      en: `In ${y} no administrative reconsideration or litigation arose from ${s.en}'s government information disclosure.`,
    };
  }
  const zh =
    reconsideration > 0 && lawsuits > 0
      ? `${y}年，${s.zh}因政府信息公开被申请行政复议${reconsideration}件、被提起行政诉讼${lawsuits}件`
      : reconsideration > 0
        ? `${y}年，${s.zh}因政府信息公开被申请行政复议${reconsideration}件，未被提起诉讼`
        : `${y}年，${s.zh}因政府信息公开被提起行政诉讼${lawsuits}件，未被申请复议`;
  const en =
    reconsideration > 0 && lawsuits > 0
      ? `In ${y} ${reconsideration} applications for administrative reconsideration and ${lawsuits} lawsuits were brought against ${s.en} over government information disclosure`
      : reconsideration > 0
        ? `In ${y} ${reconsideration} applications for administrative reconsideration were brought against ${s.en} over government information disclosure, and no lawsuit`
        : `In ${y} ${lawsuits} lawsuits were brought against ${s.en} over government information disclosure, and no application for reconsideration`;
  return corrected > 0
    ? { zh: `${zh}，其中结果被纠正${corrected}件。${s.zh}已认真分析原因，举一反三，进一步规范答复工作。`, en: `${en}; in ${corrected} of them the decision was corrected. ${cap(s.en)} has analysed the causes carefully and drawn lessons to make its replies more rigorous.` }
    : { zh: `${zh}，具体情况见下表。`, en: `${en}; the details are given in the table below.` };
}

const PROBLEMS: Bi[] = [
  { zh: '政策解读的形式还不够丰富，图解、视频等群众喜闻乐见的解读产品偏少，解读的针对性和实效性有待提高', en: 'interpretations of policy are not yet varied enough, with few of the graphic and video formats the public likes, and they need to be better targeted and more effective' },
  { zh: '部分栏目信息更新不够及时，个别信息公开不够全面、规范', en: 'some columns are not updated promptly enough, and a few items are not disclosed fully or in the standard form' },
  { zh: '依申请公开答复的规范化水平有待进一步提升，工作人员业务能力需要持续加强', en: 'replies to requests need to be more standardised, and staff skills need continued strengthening' },
  { zh: '公众参与的渠道和方式还不够多，政民互动的深度和广度仍需拓展', en: 'channels and forms of public participation are still limited, and interaction between government and public needs to go deeper and wider' },
  { zh: '基层政务公开标准化规范化建设仍有短板，公开事项目录的动态调整不够及时', en: 'standardisation of disclosure at the grassroots still has gaps, and the catalogue of items to disclose is not adjusted promptly enough' },
];

const IMPROVEMENTS: Bi[] = [
  { zh: '**加强政策解读。**丰富解读形式，推动解读材料与政策文件同步发布，提高解读的针对性和可读性；', en: '**Strengthen policy interpretation.** Use more formats, publish interpretations with the policies themselves, and make them better targeted and more readable;' },
  { zh: '**规范栏目管理。**定期开展栏目巡查，建立信息更新台账，确保信息发布及时、准确、规范；', en: '**Manage columns to a standard.** Inspect columns regularly and keep a register of updates, so that information is published promptly, accurately and in the standard form;' },
  { zh: '**提升答复质量。**完善依申请公开办理流程和答复模板，加强法律审核，切实提升依法答复水平；', en: '**Improve the quality of replies.** Refine the procedure and templates for replies to requests and strengthen legal review;' },
  { zh: '**拓展公众参与。**健全意见征集和反馈机制，用好政府开放日、在线访谈等形式，增强政民互动实效；', en: '**Widen public participation.** Improve consultation and feedback, and make good use of open days and online interviews;' },
  { zh: '**加强队伍建设。**组织开展专题培训和业务交流，提升工作人员政策水平和业务能力；', en: '**Build up the team.** Hold training and exchanges to raise staff’s grasp of policy and professional skills;' },
  { zh: '**深化基层公开。**推进基层政务公开标准化规范化，动态调整公开事项目录，推动公开向基层延伸；', en: '**Deepen disclosure at the grassroots.** Standardise grassroots disclosure, keep the catalogue of items up to date, and extend disclosure to the grassroots;' },
];

function section5(c: Ctx): Bi[] {
  const { rng, s, year: y } = c;
  const problems = rng.sample(PROBLEMS, rng.int(2, 3));
  const steps = rng.sample(IMPROVEMENTS, rng.int(3, 4));
  const last = (t: string) => t.replace(/[；;]$/, (m) => (m === '；' ? '。' : '.'));
  return [
    {
      zh: `${y}年，${s.zh}政府信息公开工作取得了一定成效，但对照新形势新要求，仍存在一些不足：一是${problems[0]!.zh}；二是${problems[1]!.zh}${problems[2] ? `；三是${problems[2].zh}` : ''}。`,
      en: `In ${y} ${s.en}'s government information disclosure achieved some results, but measured against new circumstances and requirements some shortcomings remain: first, ${problems[0]!.en}; second, ${problems[1]!.en}${problems[2] ? `; third, ${problems[2].en}` : ''}.`,
    },
    rng.pick([
      {
        zh: `针对上一年度报告中提出的问题，${s.zh}逐项制定整改措施：完善栏目巡查和信息更新机制，加强对公开内容的审核把关，组织开展业务培训，依申请公开答复质量和主动公开的及时性、规范性均有所提升。`,
        en: `For the problems identified in the previous year's report, ${s.en} set corrective measures one by one: it improved the inspection and updating of columns, tightened review of what is published and held training, so that the quality of replies to requests and the timeliness and standard of proactive disclosure improved.`,
      },
      {
        zh: `上一年度发现的问题已基本整改到位：${s.zh}调整充实了政务公开工作力量，修订了信息发布审核办法，对门户网站栏目进行了全面梳理，对过期、失效信息及时作出标注或撤除。`,
        en: `The problems found in the previous year have largely been corrected: ${s.en} reinforced its disclosure staff, revised its rules for reviewing information before publication, went through every column of its portal website, and marked or removed information that had lapsed.`,
      },
    ]),
    { zh: `下一步，${s.zh}将重点做好以下工作：`, en: `Next, ${s.en} will concentrate on the following:` },
    {
      zh: steps.map((step, i) => `${i + 1}. ${i === steps.length - 1 ? last(step.zh) : step.zh}`).join('\n'),
      en: steps.map((step, i) => `${i + 1}. ${i === steps.length - 1 ? last(step.en) : step.en}`).join('\n'),
    },
  ];
}

function section6(c: Ctx): Bi[] {
  const { rng, s, year: y, agency: a } = c;
  const out: Bi[] = [];
  if (y >= 2021) {
    const notices = c.f.t3.get('otherHandling.feeUnpaid')?.[TABLE3_WIDTH - 1] ?? 0;
    const fees = rng.int(1, 40) * 100;
    out.push(
      notices > 0 || rng.chance(0.1)
        ? {
            zh: `依据《政府信息公开信息处理费管理办法》，本年度${s.zh}共收取信息处理费${fees}元。`,
            en: `Under the *Measures for the Administration of Information Processing Fees for Government Information Disclosure*, ${s.en} collected ${thousands(fees)} yuan in information processing fees this year.`,
          }
        : {
            zh: `依据《政府信息公开信息处理费管理办法》，本年度${s.zh}未收取信息处理费。`,
            en: `Under the *Measures for the Administration of Information Processing Fees for Government Information Disclosure*, ${s.en} collected no information processing fees this year.`,
          },
    );
  }
  out.push(rng.pick([
    {
      zh: `关于落实年度政务公开工作要点情况：${s.zh}对照${y}年政务公开工作要点，逐项分解任务、明确责任，按期完成重点领域信息公开、政策解读、回应关切和平台建设等各项任务，相关落实情况已在门户网站公开。`,
      en: `On carrying out the key points for government affairs disclosure in ${y}: ${s.en} broke the key points down into tasks with named responsibilities and completed, on time, the disclosure of information in key areas, policy interpretation, responses to public concerns and platform building; how they were carried out is published on its portal website.`,
    },
    {
      zh: `关于政务公开工作创新情况：${s.zh}探索开展“政府开放日”活动，邀请群众代表走进机关、了解工作、建言献策，并以“政策找人”为导向，推动惠企利民政策精准推送。`,
      en: `On innovation in disclosure: ${s.en} tried out open days, inviting representatives of the public to visit, learn about its work and offer suggestions, and, on the principle that policies should find the people they serve, pushed policies for enterprises and citizens to those they concern.`,
    },
  ]));
  if (rng.chance(0.8)) {
    const deputies = rng.int(0, 40);
    const members = rng.int(0, 50);
    out.push({
      zh: `本年度${s.zh}共承办人大代表建议${deputies}件、政协委员提案${members}件，均已按期办结并答复代表委员，办理结果按规定予以公开。`,
      en: `This year ${s.en} handled ${deputies} suggestions from people's congress deputies and ${members} proposals from CPPCC members, all settled and answered on time, with the results published as required.`,
    });
  }
  out.push(
    rng.chance(0.5)
      ? { zh: `如需了解更多政府信息，请登录[${a.portal.zh}](${a.portal.url})或[中国政府网](https://www.gov.cn/)查询。`, en: `For more government information, please visit [${a.portal.en}](${a.portal.url}) or the [Chinese Government Website](https://www.gov.cn/).` }
      : { zh: `国务院政府信息公开相关制度文件可在中国政府网（<https://www.gov.cn/zhengce/>）查阅。`, en: 'The State Council’s rules on government information disclosure can be consulted on the Chinese Government Website (<https://www.gov.cn/zhengce/>).' },
  );
  return out;
}

const REQUEST_TOPICS: Bi[] = [
  { zh: '征地拆迁补偿', en: 'compensation for land acquisition and demolition' },
  { zh: '行政执法案件办理', en: 'the handling of law-enforcement cases' },
  { zh: '项目审批', en: 'project approvals' },
  { zh: '财政资金使用', en: 'the use of public funds' },
  { zh: '社会保障待遇', en: 'social security benefits' },
  { zh: '规划许可', en: 'planning permits' },
  { zh: '信访事项办理', en: 'the handling of petitions' },
  { zh: '企业登记信息', en: 'business registration records' },
];

type Narrative = { title: Bi; published: string; blocks: Block[] };

function narrative(c: Ctx): Narrative {
  const { agency: a, year: y, rng, s } = c;
  const name = a.registry.name;
  const published = { year: y + 1, month: rng.pick([1, 1, 1, 2, 3]) };
  const date: Bi = { zh: `${published.year}年${published.month}月`, en: `${MONTHS[published.month - 1]} ${published.year}` };
  const contact = a.registry.contact!;
  const blocks: Block[] = [];
  const text = (section: number, b: Bi) => blocks.push({ section, kind: 'text', ...b });
  const heading = (section: number, b: Bi) => blocks.push({ section, kind: 'heading', ...b });
  const regulation = a.regulation;
  text(0, date);
  text(0, {
    zh: `本报告根据《中华人民共和国政府信息公开条例》${regulation ? `和${regulation.zh}` : ''}要求，由${name.zh}编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。`,
    en: `This report was prepared by the ${name.en} in accordance with the *Regulations of the People's Republic of China on Government Information Disclosure*${regulation ? ` and ${regulation.en}` : ''}. It covers the overall situation, proactive disclosure, requests received and handled, administrative reconsideration and litigation, the main problems and improvements, and other matters to report.`,
  });
  text(0, {
    zh: `本报告中所列数据的统计期限自${y}年1月1日起至${y}年12月31日止。本报告电子版可在${a.portal.zh}${a.registry.website ? `（<${a.registry.website}>）` : ''}查阅或下载。如对本报告有任何疑问，请与${s.zh}办公室联系（地址：${contact.address}；邮编：${contact.postcode}；联系电话：${contact.phone}）。`,
    en: `The statistics in this report cover the period from 1 January ${y} to 31 December ${y}. An electronic version can be consulted or downloaded on ${a.portal.en}${a.registry.website ? ` (<${a.registry.website}>)` : ''}. For any queries about this report, please contact the office of ${s.en} (address: ${contact.address}; postcode: ${contact.postcode}; tel.: ${contact.phone}).`,
  });
  text(1, intro(c));
  text(1, mechanism(c));
  heading(1, SUBHEADINGS[0]!);
  for (const p of proactive(c)) text(1, p);
  if (rng.chance(0.6)) for (const p of keyContent(c)) text(1, p);
  heading(1, SUBHEADINGS[1]!);
  for (const p of onRequest(c)) text(1, p);
  heading(1, SUBHEADINGS[2]!);
  for (const p of management(c)) text(1, p);
  heading(1, SUBHEADINGS[3]!);
  for (const p of platforms(c)) text(1, p);
  heading(1, SUBHEADINGS[4]!);
  for (const p of oversight(c)) text(1, p);
  text(2, rng.pick([
    { zh: `${y}年，${s.zh}主动公开政府信息情况如下。`, en: `The figures for ${s.en}'s proactive disclosure in ${y} are given in the table below.` },
    { zh: '本年度主动公开政府信息情况统计如下。', en: 'The figures for proactive disclosure this year are given in the table below.' },
  ]));
  blocks.push({ section: 2, kind: 'table', id: 'table2' });
  text(3, rng.pick([
    { zh: `${y}年，${s.zh}收到和处理政府信息公开申请情况如下。`, en: `The figures for requests ${s.en} received and handled in ${y} are given in the table below.` },
    { zh: '本年度收到和处理政府信息公开申请情况统计如下。', en: 'The figures for requests received and handled this year are given in the table below.' },
  ]));
  blocks.push({ section: 3, kind: 'table', id: 'table3' });
  const topics = rng.sample(REQUEST_TOPICS, 3);
  text(3, {
    zh: `从申请内容看，本年度申请主要集中在${joinZh(topics)}等方面。${s.zh}对申请人关注度较高的信息进行梳理分析，将具备条件的及时转为主动公开，从源头上减少重复申请。`,
    en: `Requests this year mostly concerned ${joinEn(topics)}. ${cap(s.en)} analysed the information applicants most often asked for and, where it could, moved it to proactive disclosure, reducing repeated requests at source.`,
  });
  text(4, section4(c));
  blocks.push({ section: 4, kind: 'table', id: 'table4' });
  for (const p of section5(c)) text(5, p);
  for (const p of section6(c)) text(6, p);
  // A signature long enough would read as a paragraph cut by a page and be joined to the date under it.
  if ([...name.zh].length < 20) text(6, { zh: name.zh, en: name.en });
  text(6, date);
  return {
    title: { zh: `${name.zh}${y}年政府信息公开工作年度报告`, en: `${name.en}: ${y} Annual Report on Government Information Disclosure` },
    published: `${published.year}-${String(published.month).padStart(2, '0')}`,
    blocks,
  };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

function companionText(year: number, n: Narrative): string {
  const parts = ['---', `translationOf: ${year}.md`, 'language: en', '---', '', `# ${n.title.en}`];
  let section = 0;
  for (const block of n.blocks) {
    if (block.section !== section) {
      section = block.section;
      parts.push('', `## ${ROMAN[section - 1]}. ${SECTIONS[section - 1]!.title.en.replace(/^[IVX]+\.\s*/, '')}`);
    }
    if (block.kind === 'table') continue;
    parts.push('', block.kind === 'heading' ? `### ${block.en}` : block.en);
  }
  return parts.join('\n') + '\n';
}

// ── The corpus ──────────────────────────────────────────────────────────────

function formatOf(rng: Rng, year: number): ReportFormat {
  if (year <= 2020) return '2019';
  return year <= 2022 && rng.chance(0.08) ? 'hybrid' : '2021';
}

/** Refuses a folder that holds anything but a corpus this generator wrote. */
async function prepare(out: string): Promise<void> {
  const entries = await readdir(out).catch(() => null);
  if (entries && entries.length > 0) {
    if (!entries.includes(MARKER)) throw new Error(`${out} is not empty and was not written by bench/generate.ts (no ${MARKER}); refusing to overwrite it`);
    for (const entry of entries) await rm(join(out, entry), { recursive: true, force: true });
  }
  await mkdir(join(out, 'reports'), { recursive: true });
  await writeFile(join(out, MARKER), 'Written by bench/generate.ts; the next run replaces this folder.\n');
}

export async function generateCorpus(options: GenerateOptions): Promise<GenerateResult> {
  const total = Math.floor(options.reports);
  if (!Number.isSafeInteger(total) || total < 0) throw new Error(`reports must be a non-negative integer, not ${options.reports}`);
  const seed = options.seed ?? 1;
  const out = resolve(options.out);
  const rng = new Rng(seed);
  const agencyCount = Math.ceil(total / YEARS_PER_AGENCY);
  const agencies = makeAgencies(rng, agencyCount);
  // Exactly a third of the reports (rounded) get an English companion, spread at random.
  const companions = new Set(rng.shuffle([...Array(total).keys()]).slice(0, Math.round(total / 3)));

  await prepare(out);
  let bytes = 0;
  let files = 0;
  let companionCount = 0;
  // Files are written a batch at a time rather than one after another: the disk, not the generator, is the slow part.
  let pending: Promise<void>[] = [];
  const flush = async () => {
    await Promise.all(pending);
    pending = [];
  };
  const write = async (path: string, text: string) => {
    const data = Buffer.from(text, 'utf8');
    bytes += data.length;
    pending.push(writeFile(path, data));
    if (pending.length >= 64) await flush();
  };

  const registry = agencies.map((a) => a.registry);
  await write(join(out, 'agencies.yaml'), `# Synthetic agencies for the benchmark corpus (bench/generate.ts, seed ${seed}).\n${stringify(registry, { lineWidth: 0 })}`);

  let index = 0;
  for (const agency of agencies) {
    const years = Math.min(YEARS_PER_AGENCY, total - index);
    const first = rng.int(FIRST_YEAR, LAST_YEAR - YEARS_PER_AGENCY + 1);
    const state: AgencyState = {
      carriedForward: null,
      published: { rules: agency.makesRules ? rng.int(5, 80) : 0, normative: rng.int(0, Math.round(10 + agency.scale / 5)) },
      items: { licensing: rng.int(0, 60), otherServices: rng.int(0, 40), penalties: rng.int(0, 120), enforcement: rng.int(0, 15), fees: rng.int(0, 6) },
      inForce: null,
      volume: 0,
    };
    const dir = join(out, 'reports', agency.registry.slug);
    await mkdir(dir, { recursive: true });
    const focus = rng.sample(FOCUS, 3);
    for (let k = 0; k < years; k++, index++) {
      const year = first + k;
      const format = formatOf(rng, year);
      const layouts = FORMAT_LAYOUTS[format];
      state.volume = Math.round(agency.scale * (0.6 + 0.8 * rng.float()));
      const t3 = table3Figures(rng, layouts.table3, state);
      const t4 = table4Figures(rng, state.volume);
      const t2 = table2Figures(rng, layouts.table2, agency, state);
      const f: Figures = { format, t3, t4, ...t2 };
      const yearFocus = year >= 2020 && year <= 2022 && rng.chance(0.5) ? [PANDEMIC, ...focus.slice(0, 2)] : focus.slice(0, rng.int(2, 3));
      const ctx: Ctx = { rng, agency, year, format, f, s: agency.short, focus: yearFocus };
      const n = narrative(ctx);
      const { report, narrative: blocks } = buildReport(agency, year, f, n.blocks);
      report.published = n.published;
      const text = writeCanonical({ report, title: n.title.zh, blocks, previousFrontMatter: { agencySlug: agency.registry.slug }, reconstructed: [] });
      await write(join(dir, `${year}.md`), text);
      files++;
      if (companions.has(index)) {
        await write(join(dir, `${year}.en.md`), companionText(year, n));
        companionCount++;
      }
    }
  }
  await flush();
  return { files, companions: companionCount, agencies: agencies.length, bytes };
}

// ── Command line ────────────────────────────────────────────────────────────

function parseArgs(argv: readonly string[]): GenerateOptions {
  const options: GenerateOptions = { reports: 1000, seed: 1, out: '' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const integer = (v: string) => {
      if (!/^\d+$/.test(v)) throw new Error(`${flag} needs a non-negative integer, not "${v}"`);
      return Number(v);
    };
    if (flag === '--reports') options.reports = integer(value());
    else if (flag === '--seed') options.seed = integer(value());
    else if (flag === '--out') options.out = value();
    else throw new Error(`unknown option ${arg}\nusage: npx tsx bench/generate.ts [--reports N] [--seed S] --out DIR`);
  }
  if (!options.out) throw new Error('usage: npx tsx bench/generate.ts [--reports N] [--seed S] --out DIR');
  return options;
}

async function cli(): Promise<void> {
  let options: GenerateOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  const result = await generateCorpus(options);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${result.files} reports (${result.companions} English companions) of ${result.agencies} agencies, ${(result.bytes / 1024 / 1024).toFixed(1)} MiB, in ${resolve(options.out)} (${seconds.toFixed(1)} s)\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  cli().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
