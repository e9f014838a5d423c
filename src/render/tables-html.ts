// The three tables as HTML in their official layouts: multi-level headers
// with rowspan and colspan, a caption, and `headers`/`id` on every data cell
// so that a screen reader announces each cell's row and column headers.
// Blank cells ("not reported") and reconstructed cells are marked.

import type { CellSource } from '../../schemas/cells.ts';
import type { Report } from '../../schemas/report.ts';
import {
  TABLE2, TABLE2_CONTENT_HEADING, TABLE3, TABLE3_COLUMNS, TABLE3_HEADINGS, TABLE4_GROUPS, TABLE4_LITIGATION, TABLE4_RESULTS, TABLE4_WIDTH,
  nodeLabel, type Table3Node,
} from '../../schemas/template.ts';
import { formatNumber } from './charts.ts';
import { UI, tableName, type Lang } from './glossary.ts';
import { escapeHtml } from './html.ts';

type Table2 = NonNullable<Report['tables']['table2']>;
type Table3 = NonNullable<Report['tables']['table3']>;
type Table4 = NonNullable<Report['tables']['table4']>;

const UNIT: Record<string, { zh: string; en: string }> = { 元: { zh: '元', en: 'yuan' }, 万元: { zh: '万元', en: '10,000 yuan' } };

/** A number as the tables show it ("1,234"): whole numbers grouped without Intl (a page shows hundreds), others as `toLocaleString` writes them. */
const figure = (n: number) => (Number.isSafeInteger(n) && !Object.is(n, -0) ? formatNumber(n) : n.toLocaleString('en-US'));

/** A value cell: numbers right-aligned; a blank is not a zero; a reconstructed value says so. */
export function valueCell(value: number | string | null, cell: CellSource | undefined, headers: string, lang: Lang, unit: string | null = null): string {
  const attrs = `headers="${headers}"`;
  if (value === null) {
    return `<td ${attrs} class="num blank"><span aria-hidden="true">—</span><span class="visually-hidden">${UI.notReported[lang]}</span></td>`;
  }
  const shown = typeof value === 'number' ? figure(value) : escapeHtml(value) + (unit ? ` ${UNIT[unit]?.[lang] ?? escapeHtml(unit)}` : '');
  if (cell?.reconstructed) {
    return `<td ${attrs} class="num reconstructed">${shown}<sup aria-hidden="true">*</sup><span class="visually-hidden">（${UI.reconstructed[lang]}）</span></td>`;
  }
  return `<td ${attrs} class="num">${shown}</td>`;
}

/** A table inside a frame that scrolls on its own on narrow screens. */
const framed = (id: string, table: string) => `<div class="table-frame" role="region" aria-labelledby="${id}-caption" tabindex="0">${table}</div>`;

export function table2Html(table: Table2, lang: Lang): string {
  const templates = TABLE2[table.layout];
  return table.blocks
    .map((block, b) => {
      const template = templates.find((t) => t.clause.zh === block.clause)!;
      const id = `t2-b${b}`;
      const head = `<tr><th scope="col" id="${id}-h">${TABLE2_CONTENT_HEADING[lang]}</th>${template.columns.map((c, i) => `<th scope="col" id="${id}-c${i}">${escapeHtml(c.label[lang])}</th>`).join('')}</tr>`;
      const rows = block.rows
        .filter((r) => r.shape !== 'missing')
        .map((row, r) => {
          const rowId = `${id}-r${r}`;
          const label = template.rows.find((t) => t.key === row.key)?.label[lang] ?? row.label;
          const cells = row.values.map((v, c) => {
            // A unit stated by the heading is not repeated in each cell.
            const unit = template.columns[c]?.unit ? null : (row.units[c] ?? null);
            return valueCell(v, row.cells[c], `${rowId} ${id}-c${c}`, lang, unit);
          });
          return `<tr><th scope="row" id="${rowId}">${escapeHtml(label)}</th>${cells.join('')}</tr>`;
        })
        .join('');
      const caption = `${tableName('table2', lang)}${lang === 'zh' ? '：' : ': '}${escapeHtml(template.clause[lang])}`;
      return framed(id, `<table class="report-table t2"><caption id="${id}-caption">${caption}</caption><thead>${head}</thead><tbody>${rows}</tbody></table>`);
    })
    .join('\n');
}

type Table3Line = { group: string } | { key: string; open: string; headers: string[] };

/**
 * Table 三's fixed parts in one layout and language: its head, and its body
 * row by row (a group's whole row; a figure row's opening and each cell's
 * `headers`). Made once: only the figures differ from report to report.
 */
const table3Skeletons = new Map<string, { head: string; lines: Table3Line[] }>();
function table3Skeleton(layout: Table3['layout'], lang: Lang) {
  const made = table3Skeletons.get(`${layout}\0${lang}`);
  if (made) return made;
  const id = 't3';
  const col = (c: number) => `${id}-c${c}`;
  const org = [1, 2, 3, 4, 5];
  const head =
    `<tr><td rowspan="3" class="corner">${escapeHtml(TABLE3_HEADINGS.corner[lang])}</td><th colspan="7" scope="colgroup" id="${id}-applicants">${TABLE3_HEADINGS.applicants[lang]}</th></tr>` +
    `<tr><th rowspan="2" scope="col" id="${col(0)}">${TABLE3_COLUMNS[0].label[lang]}</th><th colspan="5" scope="colgroup" id="${id}-orgs">${TABLE3_HEADINGS.organisations[lang]}</th><th rowspan="2" scope="col" id="${col(6)}">${TABLE3_COLUMNS[6].label[lang]}</th></tr>` +
    `<tr>${org.map((c) => `<th scope="col" id="${col(c)}">${TABLE3_COLUMNS[c]!.label[lang]}</th>`).join('')}</tr>`;
  const columnHeaders = TABLE3_COLUMNS.map((_, c) => [`${id}-applicants`, ...(org.includes(c) ? [`${id}-orgs`] : []), col(c)].join(' '));
  const lines: Table3Line[] = [];
  const walk = (nodes: readonly Table3Node[], groups: string[], depth: number) => {
    for (const node of nodes) {
      const label = lang === 'zh' ? nodeLabel(node) : node.en;
      const nodeId = `${id}-${node.key.replace(/\./g, '-')}`;
      if (node.children) {
        lines.push({ group: `<tr class="group depth-${depth}"><th colspan="8" scope="colgroup" id="${nodeId}">${escapeHtml(label)}</th></tr>` });
        walk(node.children, [...groups, nodeId], depth + 1);
        continue;
      }
      const rowHeaders = [...groups, nodeId].join(' ');
      lines.push({
        key: node.key,
        open: `<tr class="depth-${depth}${node.key === 'outcomeTotal' ? ' total' : ''}"><th scope="row" id="${nodeId}">${escapeHtml(label)}</th>`,
        headers: columnHeaders.map((h) => `${rowHeaders} ${h}`),
      });
    }
  };
  walk(TABLE3[layout], [], 0);
  const skeleton = { head, lines };
  table3Skeletons.set(`${layout}\0${lang}`, skeleton);
  return skeleton;
}

export function table3Html(table: Table3, lang: Lang): string {
  const { head, lines } = table3Skeleton(table.layout, lang);
  const byKey = new Map(table.rows.map((r) => [r.key, r]));
  let body = '';
  for (const line of lines) {
    if ('group' in line) {
      body += line.group;
      continue;
    }
    const row = byKey.get(line.key);
    if (!row) continue;
    body += line.open;
    // Seven values, one per column (schemas/table3.ts).
    row.values.forEach((v, c) => (body += valueCell(v, row.cells[c], line.headers[c]!, lang)));
    body += '</tr>';
  }
  return framed('t3', `<table class="report-table t3"><caption id="t3-caption">${tableName('table3', lang)}</caption><thead>${head}</thead><tbody>${body}</tbody></table>`);
}

/** Table 四's head in a language: the same for every report, made once. */
function table4Head(lang: Lang): string {
  const id = 't4';
  const groupId = (g: number) => `${id}-g${g}`;
  const colId = (c: number) => `${id}-c${c}`;
  const results = (g: number, rowspan: string) => TABLE4_RESULTS.map((r, i) => `<th scope="col"${rowspan} id="${colId(g * 5 + i)}">${r.label[lang]}</th>`).join('');
  const groupLabel = (g: number) => TABLE4_GROUPS[g]!.label[lang].split(lang === 'zh' ? '/' : ' / ').pop()!;
  return (
    `<tr><th colspan="5" scope="colgroup" id="${groupId(0)}">${TABLE4_GROUPS[0].label[lang]}</th><th colspan="10" scope="colgroup" id="${id}-litigation">${TABLE4_LITIGATION[lang]}</th></tr>` +
    `<tr>${results(0, ' rowspan="2"')}<th colspan="5" scope="colgroup" id="${groupId(1)}">${groupLabel(1)}</th><th colspan="5" scope="colgroup" id="${groupId(2)}">${groupLabel(2)}</th></tr>` +
    `<tr>${results(1, '')}${results(2, '')}</tr>`
  );
}
const TABLE4_HEAD = { zh: table4Head('zh'), en: table4Head('en') };
/** A value cell's `headers`: its group (and litigation's, for the second and third) and its column. */
function table4Headers(c: number): string {
  const g = Math.floor(c / 5);
  return [...(g > 0 ? ['t4-litigation'] : []), `t4-g${g}`, `t4-c${c}`].join(' ');
}
const TABLE4_HEADERS = Array.from({ length: TABLE4_WIDTH }, (_, c) => table4Headers(c));

export function table4Html(table: Table4, lang: Lang): string {
  let cells = '';
  table.values.forEach((v, c) => (cells += valueCell(v, table.cells[c], TABLE4_HEADERS[c] ?? table4Headers(c), lang)));
  return framed('t4', `<table class="report-table t4"><caption id="t4-caption">${tableName('table4', lang)}</caption><thead>${TABLE4_HEAD[lang]}</thead><tbody><tr>${cells}</tr></tbody></table>`);
}
