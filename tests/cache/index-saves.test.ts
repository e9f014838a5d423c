// A build puts off writing the cache's indexes until its rendering helper has
// the reports (src/cache/index-saves.ts): held saves must wait, then all run,
// in order; after that, and anywhere saves are not held, each runs at once.

import { describe, expect, it } from 'vitest';
import { holdIndexSaves, releaseIndexSaves, saveIndex } from '../../src/cache/index-saves.ts';

describe('index saves', () => {
  it('runs a save at once when saves are not held', async () => {
    const ran: string[] = [];
    await saveIndex(async () => void ran.push('summaries'));
    expect(ran).toEqual(['summaries']);
  });

  it('puts held saves off until they are released, then runs each once, in order', async () => {
    const ran: string[] = [];
    holdIndexSaves();
    await saveIndex(async () => void ran.push('reduced'));
    await saveIndex(async () => void ran.push('summaries'));
    expect(ran).toEqual([]);
    await releaseIndexSaves();
    expect(ran).toEqual(['reduced', 'summaries']);
    await releaseIndexSaves(); // a second release finds nothing left to run
    expect(ran).toEqual(['reduced', 'summaries']);
    await saveIndex(async () => void ran.push('after'));
    expect(ran).toEqual(['reduced', 'summaries', 'after']);
  });
});
