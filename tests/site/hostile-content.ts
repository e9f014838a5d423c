// Hostile content for the site tests, made from the real content/ at test
// time: every way a report, its English companion or the agency registry
// could carry HTML or script onto a page. Every payload, if it ever ran,
// sets window.__pwned and opens a dialog, which the tests watch for.

import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build-helpers.ts';

export const SLUG = 'beijing-xicheng-zgc-xicheng-park';
const REPORT = join('reports', SLUG, '2021.md');
const COMPANION = join('reports', SLUG, '2021.en.md');

const JS = 'window.__pwned=1;alert(1)';
/** `<script>window.__pwned=1</script>` as base64, for data: URLs. */
const SCRIPT_B64 = Buffer.from(`<script>${JS}</script>`).toString('base64');

/** Shown as text wherever it appears: in names, front matter and titles. */
export const SCRIPT_TEXT = `<script>${JS}</script>`;
export const IMG_TEXT = `<img src=x onerror="${JS}">`;
/** A report folder named with markup (any name but "/" is a valid folder name). */
export const HOSTILE_FOLDER = `x"><img src=x onerror=${JS}>`;

/**
 * Markdown narrative: raw HTML (block and inline), event handlers, javascript:
 * and data: links and images in every syntax. HOSTILEMARK and RAWBLOCK tell
 * what survives: the line from <iframe> on starts an HTML block (CommonMark
 * type 6), dropped whole like the <div> one.
 */
export const NARRATIVE = `
<div onclick="${JS}"><script>${JS}</script>RAWBLOCK</div>

<script>${JS}</script>

Inline HOSTILEMARK <b onmouseover="${JS}">bold</b>, ${IMG_TEXT}, <svg onload="${JS}"></svg>, <a href="javascript:${JS}" onclick="${JS}">anchor</a>,
<iframe src="javascript:${JS}"></iframe><object data="data:text/html;base64,${SCRIPT_B64}"></object><embed src="javascript:${JS}"><style>body{display:none}</style>.

[js link](javascript:window.__pwned=1) [mixed case](JaVaScRiPt:window.__pwned=1) [entity](jav&#x61;script:window.__pwned=1)
[spaced](<  javascript:window.__pwned=1>) [data link](data:text/html;base64,${SCRIPT_B64}) [reference][evil]
![js image](javascript:window.__pwned=1) ![data image](data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="${JS}"/>`).toString('base64')})
<javascript:window.__pwned=1> <data:text/html;base64,${SCRIPT_B64}> <vbscript:msgbox(1)>

[evil]: javascript:window.__pwned=1
`;

function edit(path: string, change: (text: string) => string) {
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

/** content/ copied to `dir`, every accepted vector injected: the build must publish it, inert. */
export function hostileContent(dir: string): string {
  const content = join(dir, 'content');
  cpSync(join(ROOT, 'content'), content, { recursive: true });
  edit(join(content, REPORT), (t) =>
    t
      .replace(/^agency: (.*)$/m, `agency: "$1${SCRIPT_TEXT}"`)
      .replace(/^source: (.*)$/m, `source: '${SCRIPT_TEXT}$1'`)
      .replace(/^  address: (.*)$/m, `  address: '$1${IMG_TEXT}'`)
      .replace(/^  "5": (.*)$/m, `  "5": '$1${SCRIPT_TEXT}'`)
      .replace(/^(# .*)$/m, `$1${SCRIPT_TEXT}\n\n${NARRATIVE}`)
      .replace('## 一、总体情况\n', `## 一、总体情况\n${NARRATIVE}\n`)
      .replace('### （一）主动公开情况', `### （一）主动公开情况${IMG_TEXT}`)
      // A GFM table: HTML after a value, and in a row label (a near-miss of its label, listed in the data notes).
      .replace('| 二、上年结转政府信息公开申请数量 | 0 |', `| 二、上年结转政府信息公开申请数${IMG_TEXT} | 0${IMG_TEXT} |`),
  );
  edit(join(content, COMPANION), (t) =>
    t
      .replace(/^(# .*)$/m, `$1${SCRIPT_TEXT}\n\n${NARRATIVE}`)
      .replace('## I. Overall situation\n', `## I. Overall situation\n${NARRATIVE}\n`),
  );
  // A report of an agency missing from the registry, in a folder whose name is markup: its slug comes from that name.
  const folder = join(content, 'reports', HOSTILE_FOLDER);
  mkdirSync(folder);
  writeFileSync(
    join(folder, '2021.md'),
    readFileSync(join(ROOT, 'content', REPORT), 'utf8')
      .replace(/^agencySlug: .*\n/m, '')
      .replace(/^agency: .*$/m, `agency: '某区某局${SCRIPT_TEXT}'`)
      .replace(/^# 北京市西城区中关村科技园区西城园管理委员会/m, '# 某区某局'),
  );
  edit(join(content, 'agencies.yaml'), (t) =>
    t
      .replace(/^    zh: (北京市西城区中关村.*)$/m, `    zh: '$1${IMG_TEXT}'`)
      .replace(/^    en: (Administrative.*)$/m, `    en: '$1${SCRIPT_TEXT}'`)
      .replace(/^    zh: (北京市西城区)$/m, `    zh: '$1<svg onload="${JS}"></svg>'`)
      .replace(/^    en: (Xicheng.*)$/m, `    en: '$1${IMG_TEXT}'`),
  );
  return content;
}
