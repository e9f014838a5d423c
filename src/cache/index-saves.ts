// When the cache's indexes (reduced-index.ts, summary-index.ts) are written.
// Each is saved when asked, but while a build holds the saves: a first
// build of thousands of reports hands them to its rendering helper as soon
// as they are checked, and writing the two indexes first (JSON of megabytes:
// ~0.9 s of the main thread at 10,000 reports) kept the helper, loaded and
// idle, waiting for its reports. The build releases them once the helper has
// them, or as soon as it knows it has none.

/** The saves put off, in the order asked; null while saves are not held. */
let held: (() => Promise<void>)[] | null = null;

/** `save` run now, or, while saves are held, when they are released. */
export function saveIndex(save: () => Promise<void>): Promise<void> {
  if (!held) return save();
  held.push(save);
  return Promise.resolve();
}

/** Puts off every index save until releaseIndexSaves. */
export function holdIndexSaves(): void {
  held ??= [];
}

/** Runs the saves put off, in order, and saves at once from now on. */
export async function releaseIndexSaves(): Promise<void> {
  const saves = held ?? [];
  held = null;
  for (const save of saves) await save();
}
