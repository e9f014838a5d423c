// A full garbage collection, when garbage has piled up. V8 lets garbage pile
// up to several times what is live before it collects the old generation:
// measured on a 10,000-report build, the heap grew to 1.35 GB while the
// downloads were written (each report's check loaded, serialised and let
// go) with a few hundred MB live, and each Eleventy run leaves its pages
// behind it the same way. Loops over thousands of reports call a guard,
// which collects once the heap passes a bound. (Jest's --logHeapUsage
// reaches the collector the same way.)

import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The heap, live and garbage, above which a guard collects: well under the 1.5 GB a large build is to stay within, with room for a render run's garbage (~0.2 MB a page). */
export const COLLECT_ABOVE = 640 * 2 ** 20;

let gc: (() => void) | null = null;

export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/** A guard for a loop: every `every` calls, collects if the heap has passed COLLECT_ABOVE (a collection costs ~0.1–0.3 s). */
export function garbageGuard(every: number): () => void {
  let calls = 0;
  return () => {
    if (++calls % every === 0 && getHeapStatistics().used_heap_size > COLLECT_ABOVE) collectGarbage();
  };
}
