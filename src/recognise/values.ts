// Cell text to values. Counts are integers, money an exact decimal string;
// blank, "/", "—", "-" and "无" are "not reported"; anything else is invalid.

import type { CellState } from '../../schemas/cells.ts';

const BLANK_MARKERS = new Set(['', '/', '-', '—', '——', '–', '无', '\\']);
const COUNT_SUFFIX = /[件个项]$/;

function normaliseNumber(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^[−–]/, '-') // minus sign and en dash written for a negative
    .replace(/^([+-]?)(\d{1,3}(?:,\d{3})+)(?=\.|$|\D)/, (_, sign: string, digits: string) => sign + digits.replaceAll(',', ''));
}

/** Plain ASCII digits, what most cells hold: no normalising can change them. */
const ASCII_DIGITS = /^[0-9]+$/;

export function isBlankText(text: string): boolean {
  // No blank marker starts with a digit, before or after normalising.
  const first = text.charCodeAt(0);
  if (first >= 48 && first <= 57) return false;
  return BLANK_MARKERS.has(text.normalize('NFKC').replace(/\s+/g, ''));
}

export type ParsedCount = { state: CellState; value: number | null };

/** Any integer: whether a negative is allowed is the schema's to say. */
export function parseCount(text: string): ParsedCount {
  if (ASCII_DIGITS.test(text)) {
    const value = Number(text);
    return Number.isSafeInteger(value) ? { state: 'value', value } : { state: 'invalid', value: null };
  }
  if (isBlankText(text)) return { state: 'blank', value: null };
  const plain = normaliseNumber(text).replace(COUNT_SUFFIX, '');
  if (!/^[+-]?\d+$/.test(plain)) return { state: 'invalid', value: null };
  const value = Number(plain);
  return Number.isSafeInteger(value) ? { state: 'value', value: value === 0 ? 0 : value } : { state: 'invalid', value: null };
}

export type MoneyUnit = '元' | '万元';
export type ParsedMoney = { state: CellState; value: string | null; unit: MoneyUnit | null };

/** An amount exactly as written ("8840.00", "251000元"), its unit from the cell or else the heading. */
export function parseMoney(text: string, headingUnit: MoneyUnit | null): ParsedMoney {
  if (isBlankText(text)) return { state: 'blank', value: null, unit: headingUnit };
  const match = /^(\d+(?:\.\d+)?)(万元|元)?$/.exec(normaliseNumber(text));
  if (!match) return { state: 'invalid', value: null, unit: headingUnit };
  return { state: 'value', value: match[1]!, unit: (match[2] as MoneyUnit | undefined) ?? headingUnit };
}

/** Whether a cell reads as a value or a blank marker (other than empty): how tab-separated rows tell labels from values. */
export function looksLikeValue(text: string): boolean {
  if (ASCII_DIGITS.test(text)) return true; // a count, or else (too large for one) an amount
  const plain = text.normalize('NFKC').replace(/\s+/g, '');
  if (plain === '') return false;
  return isBlankText(plain) || parseCount(plain).state === 'value' || parseMoney(plain, null).state === 'value';
}
