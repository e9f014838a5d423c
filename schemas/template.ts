// The official layout of the report, as data: sections, and the rows and
// columns of tables 二, 三 and 四 in both formats, each with its stable key,
// its canonical Chinese label and its English label. Every other module reads
// labels from here; nothing else spells them.

export type Bilingual = { readonly zh: string; readonly en: string };

// ── Sections ────────────────────────────────────────────────────────────────

export type SectionTemplate = {
  readonly number: 1 | 2 | 3 | 4 | 5 | 6;
  readonly numeral: string;
  readonly title: Bilingual;
  /** Words of which a heading must contain at least one, besides its numeral. */
  readonly keywords: readonly string[];
};

export const SECTIONS: readonly SectionTemplate[] = [
  { number: 1, numeral: '一', title: { zh: '一、总体情况', en: 'I. Overall situation' }, keywords: ['总体', '概述', '基本情况'] },
  { number: 2, numeral: '二', title: { zh: '二、主动公开政府信息情况', en: 'II. Proactive disclosure of government information' }, keywords: ['主动公开'] },
  { number: 3, numeral: '三', title: { zh: '三、收到和处理政府信息公开申请情况', en: 'III. Requests for disclosure received and handled' }, keywords: ['申请'] },
  { number: 4, numeral: '四', title: { zh: '四、政府信息公开行政复议、行政诉讼情况', en: 'IV. Administrative reconsideration and litigation' }, keywords: ['复议', '诉讼'] },
  { number: 5, numeral: '五', title: { zh: '五、存在的主要问题及改进情况', en: 'V. Main problems and improvements' }, keywords: ['问题', '不足', '改进'] },
  { number: 6, numeral: '六', title: { zh: '六、其他需要报告的事项', en: 'VI. Other matters to report' }, keywords: ['其他', '其它'] },
];

// ── Formats ─────────────────────────────────────────────────────────────────

export const FORMATS = ['2019', '2021', 'hybrid'] as const;
export type ReportFormat = (typeof FORMATS)[number];

/** Which table layouts each format uses: a hybrid is 2021 table 二 with 2019 table 三. */
export const FORMAT_LAYOUTS: Record<ReportFormat, { table2: '2019' | '2021'; table3: '2019' | '2021' }> = {
  '2019': { table2: '2019', table3: '2019' },
  '2021': { table2: '2021', table3: '2021' },
  hybrid: { table2: '2021', table3: '2019' },
};

// ── Table 二 ────────────────────────────────────────────────────────────────

/** count: non-negative integer; signed: integer (本年增/减); money: exact decimal string. */
export type ValueKind = 'count' | 'signed' | 'money';

export type Table2Column = {
  readonly key: string;
  readonly label: Bilingual;
  readonly kind: ValueKind;
  /** Unit stated by the column heading, for money. */
  readonly unit?: '元' | '万元';
};

export type Table2BlockTemplate = {
  readonly clause: Bilingual; // 第二十条第（一）项
  readonly item: string; // the clause's item numeral: 一, 五, 六, 八, 九
  readonly columns: readonly Table2Column[];
  readonly rows: readonly { readonly key: string; readonly label: Bilingual }[];
};

const clause = (item: string, en: string): Bilingual => ({ zh: `第二十条第（${item}）项`, en: `Article 20(${en})` });
const col = (key: string, zh: string, en: string, kind: ValueKind = 'count', unit?: '元' | '万元'): Table2Column =>
  unit ? { key, label: { zh, en }, kind, unit } : { key, label: { zh, en }, kind };
const row = (key: string, zh: string, en: string) => ({ key, label: { zh, en } });

const PROJECT_COLUMNS_2019 = [
  col('previousItems', '上一年项目数量', 'Items last year'),
  col('change', '本年增/减', 'Change this year', 'signed'),
  col('decisions', '处理决定数量', 'Decisions made'),
];

export const TABLE2: Record<'2019' | '2021', readonly Table2BlockTemplate[]> = {
  '2019': [
    {
      clause: clause('一', '1'), item: '一',
      columns: [col('newlyMade', '本年新制作数量', 'Newly made this year'), col('newlyPublished', '本年新公开数量', 'Newly published this year'), col('totalPublished', '对外公开总数量', 'Total published')],
      rows: [row('rules', '规章', 'Rules'), row('normativeDocuments', '规范性文件', 'Normative documents')],
    },
    {
      clause: clause('五', '5'), item: '五', columns: PROJECT_COLUMNS_2019,
      rows: [row('licensing', '行政许可', 'Administrative licensing'), row('otherServices', '其他对外管理服务事项', 'Other external management and service items')],
    },
    {
      clause: clause('六', '6'), item: '六', columns: PROJECT_COLUMNS_2019,
      rows: [row('penalties', '行政处罚', 'Administrative penalties'), row('enforcement', '行政强制', 'Administrative enforcement')],
    },
    {
      clause: clause('八', '8'), item: '八', columns: PROJECT_COLUMNS_2019.slice(0, 2),
      rows: [row('fees', '行政事业性收费', 'Administrative fees')],
    },
    {
      clause: clause('九', '9'), item: '九',
      columns: [col('procurementItems', '采购项目数量', 'Procurement projects'), col('procurementAmount', '采购总金额', 'Total procurement amount', 'money')],
      rows: [row('procurement', '政府集中采购', 'Centralised government procurement')],
    },
  ],
  '2021': [
    {
      clause: clause('一', '1'), item: '一',
      columns: [col('issued', '本年制发件数', 'Issued this year'), col('repealed', '本年废止件数', 'Repealed this year'), col('inForce', '现行有效件数', 'In force')],
      rows: [row('rules', '规章', 'Rules'), row('normativeDocuments', '行政规范性文件', 'Administrative normative documents')],
    },
    {
      clause: clause('五', '5'), item: '五', columns: [col('decisions', '本年处理决定数量', 'Decisions this year')],
      rows: [row('licensing', '行政许可', 'Administrative licensing')],
    },
    {
      clause: clause('六', '6'), item: '六', columns: [col('decisions', '本年处理决定数量', 'Decisions this year')],
      rows: [row('penalties', '行政处罚', 'Administrative penalties'), row('enforcement', '行政强制', 'Administrative enforcement')],
    },
    {
      clause: clause('八', '8'), item: '八', columns: [col('feeAmount', '本年收费金额（单位：万元）', 'Fees collected this year (10,000 yuan)', 'money', '万元')],
      rows: [row('fees', '行政事业性收费', 'Administrative fees')],
    },
  ],
};

/** The row heading every block of table 二 carries above its column headings. */
export const TABLE2_CONTENT_HEADING: Bilingual = { zh: '信息内容', en: 'Information' };

// ── Table 三 ────────────────────────────────────────────────────────────────

export const TABLE3_COLUMNS = [
  { key: 'naturalPersons', label: { zh: '自然人', en: 'Natural persons' } },
  { key: 'commercial', label: { zh: '商业企业', en: 'Commercial enterprises' } },
  { key: 'research', label: { zh: '科研机构', en: 'Research institutions' } },
  { key: 'publicInterest', label: { zh: '社会公益组织', en: 'Public-interest organisations' } },
  { key: 'legalServices', label: { zh: '法律服务机构', en: 'Legal service agencies' } },
  { key: 'other', label: { zh: '其他', en: 'Other' } },
  { key: 'total', label: { zh: '总计', en: 'Total' } },
] as const;
export const TABLE3_WIDTH = TABLE3_COLUMNS.length;
/** Index of the 总计 column; the six before it are the applicant columns. */
export const TABLE3_TOTAL_COLUMN = TABLE3_WIDTH - 1;

export const TABLE3_HEADINGS = {
  corner: { zh: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', en: '(Reconciliation: items I + II = items III + IV)' },
  applicants: { zh: '申请人情况', en: 'Applicants' },
  organisations: { zh: '法人或其他组织', en: 'Legal persons or other organisations' },
} as const;

/**
 * A node of the table 三 row tree. Leaves carry values; groups only head
 * their children. `key` is the stable English identifier of a leaf row.
 */
export type Table3Node = {
  readonly key: string;
  /** The numbering as printed: 一、 （一） 1. */
  readonly number: string;
  /** The words after the numbering. */
  readonly words: string;
  readonly en: string;
  /** Other wordings of the same row seen in published reports. */
  readonly aliases?: readonly string[];
  readonly children?: readonly Table3Node[];
};

const leaf = (key: string, number: string, words: string, en: string, aliases?: string[]): Table3Node =>
  aliases ? { key, number, words, en, aliases } : { key, number, words, en };
const group = (key: string, number: string, words: string, en: string, children: Table3Node[]): Table3Node => ({ key, number, words, en, children });

const outcomes = (other: Table3Node): Table3Node =>
  group('outcomes', '三、', '本年度办理结果', 'III. Outcomes this year', [
    leaf('granted', '（一）', '予以公开', '(1) Granted'),
    leaf('partiallyGranted', '（二）', '部分公开（区分处理的，只计这一情形，不计其他情形）', '(2) Partially granted (counted here only, not under any other outcome)', ['部分公开']),
    group('denied', '（三）', '不予公开', '(3) Not disclosed', [
      leaf('denied.stateSecret', '1.', '属于国家秘密', '1. State secrets'),
      leaf('denied.prohibitedByLaw', '2.', '其他法律行政法规禁止公开', '2. Prohibited by other laws and administrative regulations'),
      leaf('denied.endangersSecurity', '3.', '危及“三安全一稳定”', '3. Would endanger national, public, economic security or social stability'),
      leaf('denied.thirdPartyRights', '4.', '保护第三方合法权益', '4. Protection of third parties’ lawful rights and interests'),
      leaf('denied.internalAffairs', '5.', '属于三类内部事务信息', '5. Internal affairs information'),
      leaf('denied.processInformation', '6.', '属于四类过程性信息', '6. Process information'),
      leaf('denied.enforcementFiles', '7.', '属于行政执法案卷', '7. Administrative law-enforcement case files'),
      leaf('denied.enquiryMatters', '8.', '属于行政查询事项', '8. Administrative enquiry matters'),
    ]),
    group('unavailable', '（四）', '无法提供', '(4) Unable to provide', [
      leaf('unavailable.notHeld', '1.', '本机关不掌握相关政府信息', '1. Information not held by this agency'),
      leaf('unavailable.needsCreation', '2.', '没有现成信息需要另行制作', '2. No existing information; would have to be created'),
      leaf('unavailable.stillUnclear', '3.', '补正后申请内容仍不明确', '3. Request still unclear after amendment'),
    ]),
    group('notProcessed', '（五）', '不予处理', '(5) Not processed', [
      leaf('notProcessed.complaints', '1.', '信访举报投诉类申请', '1. Petitions, reports and complaints'),
      leaf('notProcessed.repeated', '2.', '重复申请', '2. Repeated requests'),
      leaf('notProcessed.publications', '3.', '要求提供公开出版物', '3. Requests for published materials'),
      leaf('notProcessed.excessive', '4.', '无正当理由大量反复申请', '4. Numerous repeated requests without good reason'),
      leaf('notProcessed.confirmation', '5.', '要求行政机关确认或重新出具已获取信息', '5. Requests to confirm or re-issue information already obtained'),
    ]),
    other,
    leaf('outcomeTotal', '（七）', '总计', '(7) Total'),
  ]);

const received = leaf('received', '一、', '本年新收政府信息公开申请数量', 'I. New requests received this year');
const carriedOver = leaf('carriedOver', '二、', '上年结转政府信息公开申请数量', 'II. Requests carried over from last year');
const carriedForward = leaf('carriedForward', '四、', '结转下年度继续办理', 'IV. Carried forward to next year');

export const TABLE3: Record<'2019' | '2021', readonly Table3Node[]> = {
  '2019': [received, carriedOver, outcomes(leaf('otherHandling', '（六）', '其他处理', '(6) Other handling')), carriedForward],
  '2021': [
    received,
    carriedOver,
    outcomes(
      group('otherHandling', '（六）', '其他处理', '(6) Other handling', [
        leaf('otherHandling.noAmendment', '1.', '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '1. Applicant did not amend the request in time without good reason; no longer processed'),
        leaf('otherHandling.feeUnpaid', '2.', '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '2. Applicant did not pay the notified fee in time; no longer processed'),
        leaf('otherHandling.other', '3.', '其他', '3. Other'),
      ]),
    ),
    carriedForward,
  ],
};

/** A leaf row of table 三 with its place in the tree. */
export type Table3Leaf = {
  readonly key: string;
  /** Canonical label path: 三、本年度办理结果/（三）不予公开/1.属于国家秘密 */
  readonly label: string;
  readonly en: string;
  readonly node: Table3Node;
  /** The groups above it, outermost first. */
  readonly ancestors: readonly Table3Node[];
};

export const nodeLabel = (node: Table3Node): string => node.number + node.words;

function leavesOfLayout(layout: '2019' | '2021'): readonly Table3Leaf[] {
  const out: Table3Leaf[] = [];
  const walk = (nodes: readonly Table3Node[], ancestors: Table3Node[]) => {
    for (const node of nodes) {
      if (node.children) walk(node.children, [...ancestors, node]);
      else out.push(Object.freeze({ key: node.key, label: [...ancestors, node].map(nodeLabel).join('/'), en: [...ancestors, node].map((n) => n.en).join(' / '), node, ancestors: Object.freeze(ancestors) }));
    }
  };
  walk(TABLE3[layout], []);
  return Object.freeze(out);
}

/** Each layout's leaves, made once: every report's check and downloads ask for them (walking the tree took ~10 µs a time). */
const LEAVES = { '2019': leavesOfLayout('2019'), '2021': leavesOfLayout('2021') } as const;

export function table3Leaves(layout: '2019' | '2021'): readonly Table3Leaf[] {
  return LEAVES[layout];
}

/** Leaf keys whose values R2 adds up to （七）总计: every outcome but the total itself. */
export function table3OutcomeKeys(layout: '2019' | '2021'): string[] {
  return table3Leaves(layout)
    .filter((leaf) => leaf.ancestors.some((a) => a.key === 'outcomes') && leaf.key !== 'outcomeTotal')
    .map((leaf) => leaf.key);
}

// ── Table 四 ────────────────────────────────────────────────────────────────

export const TABLE4_GROUPS = [
  { key: 'reconsideration', label: { zh: '行政复议', en: 'Administrative reconsideration' } },
  { key: 'litigationDirect', label: { zh: '行政诉讼/未经复议直接起诉', en: 'Litigation without prior reconsideration' } },
  { key: 'litigationAfterReconsideration', label: { zh: '行政诉讼/复议后起诉', en: 'Litigation after reconsideration' } },
] as const;

export const TABLE4_RESULTS = [
  { key: 'upheld', label: { zh: '结果维持', en: 'Upheld' } },
  { key: 'corrected', label: { zh: '结果纠正', en: 'Corrected' } },
  { key: 'other', label: { zh: '其他结果', en: 'Other outcome' } },
  { key: 'pending', label: { zh: '尚未审结', en: 'Pending' } },
  { key: 'total', label: { zh: '总计', en: 'Total' } },
] as const;

export const TABLE4_LITIGATION: Bilingual = { zh: '行政诉讼', en: 'Administrative litigation' };

/** The 15 columns of table 四, in order: three groups of five. */
export const TABLE4_COLUMNS = TABLE4_GROUPS.flatMap((g) =>
  TABLE4_RESULTS.map((r) => ({ key: `${g.key}.${r.key}`, label: { zh: `${g.label.zh}/${r.label.zh}`, en: `${g.label.en}: ${r.label.en}` } })),
);
export const TABLE4_WIDTH = TABLE4_COLUMNS.length;

export const TABLE_NAMES = {
  table2: { zh: '表二 主动公开政府信息情况', en: 'Table 2: Proactive disclosure' },
  table3: { zh: '表三 收到和处理政府信息公开申请情况', en: 'Table 3: Requests received and handled' },
  table4: { zh: '表四 政府信息公开行政复议、行政诉讼情况', en: 'Table 4: Administrative reconsideration and litigation' },
} as const;
export type TableId = keyof typeof TABLE_NAMES;
