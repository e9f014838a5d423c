// Label normalisation and closeness, so that labels written with full- or
// half-width brackets and digits, "1、" or "1." numbering, spaces, line
// breaks or curly quotes compare equal to the official ones.

const QUOTES = /["'“”‘’「」『』]/g;

/** Labels repeat from report to report: each distinct text is normalised once. */
const normalised = new Map<string, string>();
const MAX_REMEMBERED = 50_000;

export function normaliseLabel(text: string): string {
  let label = normalised.get(text);
  if (label === undefined) {
    if (normalised.size >= MAX_REMEMBERED) normalised.clear();
    label = normaliseUncached(text);
    normalised.set(text, label);
  }
  return label;
}

function normaliseUncached(text: string): string {
  return text
    .normalize('NFKC') // full-width digits, brackets, dots and spaces to half-width
    .replace(/\s+/g, '')
    .replace(QUOTES, '')
    .replace(/^(\d+)[、,.]/, '$1.')
    .replace(/^([一二三四五六七八九十]+)[.,]/, '$1、')
    .replace(/[:：]$/, '');
}

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length]!;
}

export type Closest<T> = { item: T; distance: number } | undefined;

/**
 * The item whose label is closest to `text`, if it is close enough and
 * clearly closer than any other (a tie is no match).
 */
/**
 * The distance when close enough to be taken for the official label (a
 * quarter of its length, at least 1), else Infinity; labels too different
 * in length are not measured at all.
 */
function nearDistance(text: string, label: string): number {
  const allowed = Math.max(1, Math.floor([...label].length / 4));
  if (Math.abs([...text].length - [...label].length) > allowed) return Infinity;
  const distance = editDistance(text, label);
  return distance <= allowed ? distance : Infinity;
}

export function closest<T>(text: string, items: readonly T[], labelsOf: (item: T) => readonly string[]): Closest<T> {
  let best: Closest<T>;
  let runnerUp = Infinity;
  for (const item of items) {
    const distance = Math.min(...labelsOf(item).map((label) => nearDistance(text, label)));
    if (best === undefined || distance < best.distance) {
      runnerUp = best?.distance ?? Infinity;
      best = { item, distance };
    } else if (distance < runnerUp) runnerUp = distance;
  }
  if (!best || best.distance === Infinity || best.distance === runnerUp) return undefined;
  return best;
}
