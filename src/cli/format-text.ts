// Human-readable diagnostics: location, severity, rule, the message in both
// languages, and the source line with a caret under the cell. Colour only on
// a terminal.

import type { Diagnostic } from '../../schemas/diagnostic.ts';

export type Lang = 'zh' | 'en' | 'both';

const COLOURS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' } as const;

/** Terminal width of a character: CJK and full-width forms take two columns. */
function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) || (cp >= 0x3041 && cp <= 0x33ff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd);
  return wide ? 2 : 1;
}

/** A source line for display (tabs shown as →) and the caret's offset for a 1-based column. */
export function sourceExcerpt(line: string, column: number): { text: string; caret: number } {
  const shown = line.replaceAll('\t', '→');
  const before = [...line.slice(0, Math.max(0, column - 1))];
  return { text: shown, caret: before.reduce((w, ch) => w + (ch === '\t' ? 1 : charWidth(ch)), 0) };
}

export function formatText(diagnostics: Diagnostic[], sources: Map<string, string[]>, options: { colour: boolean; lang: Lang }): string {
  const c = (name: keyof typeof COLOURS, text: string) => (options.colour ? COLOURS[name] + text + COLOURS.reset : text);
  const out: string[] = [];
  for (const d of diagnostics) {
    const where = [d.file, d.line, d.column].filter((x) => x !== null).join(':');
    const message = options.lang === 'both' ? `${d.message.zh}\n    ${d.message.en}` : d.message[options.lang];
    out.push(`${c('bold', where)}  ${c(d.severity, d.severity)}  ${c('dim', d.rule)}\n    ${message}`);
    const line = d.line ? sources.get(d.file)?.[d.line - 1] : undefined;
    if (line !== undefined && d.column) {
      const excerpt = sourceExcerpt(line, d.column);
      const gutter = String(d.line);
      out.push(`  ${c('dim', gutter + ' |')} ${excerpt.text}\n  ${' '.repeat(gutter.length)} ${c('dim', '|')} ${' '.repeat(excerpt.caret)}${c(d.severity, '^')}`);
    }
  }
  return out.join('\n');
}

export function summaryLine(reports: number, errors: number, warnings: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(reports, 'report')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
