// Label normalisation and closeness, so that labels written with full- or
// half-width brackets and digits, "1、" or "1." numbering, spaces, line
// breaks or curly quotes compare equal to the official ones.

const QUOTES = /["'“”‘’「」『』]/g;

export function normaliseLabel(text: string): string {
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

/** How far a label may be from an official one and still be taken for it. */
export function closeEnough(distance: number, official: string): boolean {
  return distance <= Math.max(1, Math.floor([...official].length / 4));
}

export type Closest<T> = { item: T; distance: number } | undefined;

/**
 * The item whose label is closest to `text`, if it is close enough and
 * clearly closer than any other (a tie is no match).
 */
export function closest<T>(text: string, items: readonly T[], labelsOf: (item: T) => readonly string[]): Closest<T> {
  let best: Closest<T>;
  let runnerUp = Infinity;
  for (const item of items) {
    const distance = Math.min(...labelsOf(item).map((label) => (closeEnough(editDistance(text, label), label) ? editDistance(text, label) : Infinity)));
    if (best === undefined || distance < best.distance) {
      runnerUp = best?.distance ?? Infinity;
      best = { item, distance };
    } else if (distance < runnerUp) runnerUp = distance;
  }
  if (!best || best.distance === Infinity || best.distance === runnerUp) return undefined;
  return best;
}
