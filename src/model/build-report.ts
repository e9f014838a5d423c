// The recognised parts to the typed Report: the format is decided from the
// tables, missing tables are reported, and the Zod schema (with its
// reconciliation refinements) is applied.

import { Report } from '../../schemas/report.ts';
import { SECTIONS, TABLE_NAMES, type ReportFormat, type TableId } from '../../schemas/template.ts';
import { problem, type Problem } from '../check/diagnostic.ts';
import { issuesToProblems } from '../check/schema-issues.ts';
import type { RecognisedReport } from '../recognise/index.ts';
import { markReconstructed } from './mark-reconstructed.ts';

/** 2021 table 二 with the 2019 single （六） row is a hybrid; without table 二, table 三 decides. */
function decideFormat(t2: '2019' | '2021' | undefined, t3: '2019' | '2021' | undefined): ReportFormat | null {
  if (t2 === '2021' && t3 === '2019') return 'hybrid';
  return t3 ?? t2 ?? null;
}

const TABLE_SECTION: Record<TableId, number> = { table2: 2, table3: 3, table4: 4 };

export function buildReport(file: string, recognised: RecognisedReport): { report: Report; problems: Problem[] } {
  const problems = [...recognised.problems];
  const { table2, table3, table4 } = recognised.tables;
  const format = decideFormat(table2?.layout, table3?.layout);
  let keptTable2 = table2;
  if (table2 && table3 && table2.layout === '2019' && table3.layout === '2021') {
    // No official format pairs these: keep table 三, which decides the format.
    problems.push(problem('table-shape', { at: { line: table2.line, column: 1 }, table: 'table2', expected: '2021', actual: '2019' }, {
      zh: '表二为 2019 年格式而表三为 2021 年格式，两者不能混用',
      en: 'Table 二 is in the 2019 layout but table 三 in the 2021 layout; no official format mixes them',
    }));
    keptTable2 = null;
  }
  for (const id of ['table2', 'table3', 'table4'] as const) {
    if (recognised.tables[id] || recognised.refused.includes(id)) continue;
    const section = recognised.sections.find((s) => s.number === TABLE_SECTION[id]);
    const name = TABLE_NAMES[id];
    problems.push(problem('table-missing', { at: section ? { line: section.line, column: 1 } : null, table: id }, {
      zh: `未找到${name.zh}${section ? '' : `（也未找到第${SECTIONS[TABLE_SECTION[id] - 1]!.numeral}部分）`}`,
      en: `${name.en} was not found`,
    }));
  }
  const meta = recognised.metadata;
  const declared = meta.frontMatter?.format;
  if (declared && format && declared !== format) {
    problems.push(problem('front-matter', { at: { line: 1, column: 1 }, expected: format, actual: declared }, {
      zh: `前置元数据写明格式为 ${declared}，但表格为 ${format} 格式`,
      en: `The front matter says format ${declared}, but the tables are in the ${format} format`,
    }));
  }
  const reconstructed = meta.frontMatter?.reconstructed ?? [];
  problems.push(...markReconstructed(reconstructed, table3, table4, 1));
  const model = {
    file,
    agency: meta.agency,
    year: meta.year,
    period: meta.period,
    metadataSource: meta.source,
    published: meta.published,
    source: meta.frontMatter?.source ?? null,
    contact: meta.contact,
    format,
    sections: recognised.sections,
    reconstructed,
    tables: format ? { table2: keptTable2, table3, table4 } : { table2: null, table3: null, table4 },
  };
  const parsed = Report.safeParse(model);
  if (parsed.success) return { report: parsed.data, problems };
  return { report: model as Report, problems: [...problems, ...issuesToProblems(model as Report, parsed.error.issues)] };
}
