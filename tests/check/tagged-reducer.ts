// A reduction for tests/check/reducer.test.ts: what it keeps of a check says
// which thread made it, and which of that thread's reductions it was.

import { threadId } from 'node:worker_threads';
import type { CachedCheck } from '../../src/cache/report-cache.ts';
import type { CheckedFrom } from '../../src/check/check-files.ts';

let made = 0;

export const makeTagged = ({ tag, failOnWorker = false }: { tag: string; failOnWorker?: boolean }) => (checked: CachedCheck, from: CheckedFrom) => {
  if (failOnWorker && threadId !== 0) throw new Error(`a worker's reduction failed on ${from.file}`);
  return tagged(tag, checked, from);
};

const tagged = (tag: string, checked: CachedCheck, from: CheckedFrom) => ({
  file: from.file,
  key: from.key,
  agency: checked.report?.agency ?? null,
  received: checked.report?.tables.table3?.rows.find((r) => r.key === 'received')?.values ?? null,
  tag,
  thread: threadId,
  made: made++,
});
