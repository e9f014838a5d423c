// Every rule gongkai checks, as data: a stable id, a default severity, and
// what it checks in Chinese and English. The README's rule table, the
// diagnostics and (later) the site's glossary are all read from here.

import { z } from 'zod';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export type RuleInfo = {
  readonly severity: Severity;
  /** The reference's name for a reconciliation rule (R1…R4), where it has one. */
  readonly reference?: string;
  readonly summary: { readonly zh: string; readonly en: string };
};

export const RULES = {
  'file-unreadable': {
    severity: 'error',
    summary: { zh: '文件无法读取，或既不是 UTF-8 也不是 GB18030 编码（给出字节位置）', en: 'The file cannot be read, or is neither UTF-8 nor GB18030 (the byte offset is given)' },
  },
  'front-matter': {
    severity: 'error',
    summary: { zh: 'YAML 前置元数据无法解析、字段不合规定，或与表格不符', en: 'The YAML front matter cannot be parsed, has a field that is not valid, or contradicts the tables' },
  },
  'section-missing': {
    severity: 'error',
    summary: { zh: '缺少六个法定部分之一（按编号和关键词识别，不限标题级别）', en: 'One of the six required sections is missing (recognised by numeral and words, at any heading depth)' },
  },
  'table-missing': {
    severity: 'error',
    summary: { zh: '缺少表二、表三或表四', en: 'Table 二, 三 or 四 is missing' },
  },
  'table-shape': {
    severity: 'error',
    summary: { zh: '表格结构不符：某行数值过多或过少，缺少行、多出未知行或重复行', en: 'A table does not have the official shape: a row with too few or too many values, a missing, unknown or repeated row' },
  },
  'cell-value': {
    severity: 'error',
    summary: { zh: '单元格不是合法数值：计数须为整数（仅“本年增/减”可为负），金额须为小数；空白、“/”、“—”、“-”、“无”表示未填报', en: 'A cell is not a valid value: counts are integers (only 本年增/减 may be negative), money is a decimal; blank, "/", "—", "-" and "无" mean not reported' },
  },
  'label-variant': {
    severity: 'warning',
    summary: { zh: '行标签与标准标签不完全一致，已按最接近的标准标签识别', en: 'A row label differs from the official label and was matched to the closest one' },
  },
  'table3-row-total': {
    severity: 'error',
    reference: 'R1',
    summary: { zh: '表三每一行：总计 = 六类申请人之和', en: 'Table 三, every row: 总计 (total) = the six applicant columns added up' },
  },
  'table3-outcome-total': {
    severity: 'error',
    reference: 'R2',
    summary: { zh: '表三每一列：（七）总计 = 各项办理结果之和', en: 'Table 三, every column: （七）总计 = the sum of all outcome rows' },
  },
  'table3-balance': {
    severity: 'error',
    reference: 'R3',
    summary: { zh: '表三每一列：一 + 二 = （七）总计 + 四', en: 'Table 三, every column: I + II = （七）总计 + IV' },
  },
  'table4-total': {
    severity: 'error',
    reference: 'R4',
    summary: { zh: '表四每组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结', en: 'Table 四, each group: 总计 = upheld + corrected + other + pending' },
  },
  'unplaced-text': {
    severity: 'warning',
    summary: { zh: 'import 时有一行随表格读入但不属于任何表格行，已原样保留在所在部分', en: 'On import, a line read with a table belonged to none of its rows; it was kept, unchanged, in its section' },
  },
  reconstructed: {
    severity: 'info',
    summary: { zh: '该数值不是从原文读出，而是由 import 补全（唯一使各勾稽关系成立的取值）', en: 'A value not read from the source but filled in by import (the only completion under which every rule holds)' },
  },
  'blank-cells': {
    severity: 'warning',
    summary: { zh: '因总计为空或加数全为空而未能核对的等式个数（每表一条）', en: 'How many equations could not be checked because their total, or all their addends, were left blank (one per table)' },
  },
  'carry-over': {
    severity: 'warning',
    reference: 'R5',
    summary: { zh: '跨报告：本年“二、上年结转”应等于同一机关上一年的“四、结转下年度继续办理”（逐列）', en: 'Across reports: this year\'s 二、上年结转 equals the same agency\'s previous-year 四、结转下年度继续办理, per column' },
  },
  'narrative-mismatch': {
    severity: 'warning',
    reference: 'H2',
    summary: { zh: '正文中写明的数字（收到申请 N 件、结转下年度 N 件、行政复议 N 件、行政诉讼 N 件）与表格不符', en: 'A figure stated in the narrative (requests received, carried forward, reconsiderations, lawsuits) contradicts the tables' },
  },
  'in-force-continuity': {
    severity: 'info',
    reference: 'H1',
    summary: { zh: '跨报告（2021 格式表二）：现行有效件数 ≈ 上年现行有效件数 + 本年制发件数 − 本年废止件数', en: 'Across reports (2021 table 二): in force ≈ last year\'s in force + issued − repealed' },
  },
  'duplicate-report': {
    severity: 'error',
    summary: { zh: '同一机关同一年度的报告出现了两份', en: 'Two reports of the same agency and year' },
  },
  'translation-structure': {
    severity: 'warning',
    summary: { zh: '英文对照文件（<年度>.en.md）的部分与中文报告不对应', en: 'An English companion file (<year>.en.md) whose sections do not match its Chinese report' },
  },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];
export const RuleIdSchema = z.enum(RULE_IDS as [RuleId, ...RuleId[]]);
