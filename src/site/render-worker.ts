// A helper thread for a large build (write-outputs.ts): given the build's
// reports (it loads while they are checked), it makes the data of the
// outputs it takes from them (each whole check loaded from the cache the
// build just filled, as on the main thread), waits to be told what is kept
// (or, in a first build, where everything is to be made, does not wait),
// then renders and writes the reports it takes, sending back their pieces
// of the datasets, and the other pages it takes after them.

import { parentPort } from 'node:worker_threads';
import { bulkSite, makeFingerprintsWhenRead, schemaJson } from './site-data.ts';
import { outputWriter, type HelperData, type HelperGo, type HelperMessage } from './write-outputs.ts';
import { ChangedDuringBuild } from './whole-report.ts';
import type { FileStamp } from './incremental.ts';

// A report's pieces are views of its downloads' bytes (site-data.ts), copied with the message: none is a buffer of its own to hand over.
const say = (message: HelperMessage) => parentPort!.postMessage(message);

/** The main thread's messages in order: its data, then (unless given it to start at once) what to make. */
const inbox: unknown[] = [];
let delivered: (() => void) | null = null;
parentPort!.on('message', (message) => {
  inbox.push(message);
  delivered?.();
});
async function nextMessage<T>(): Promise<T> {
  while (inbox.length === 0) await new Promise<void>((resolve) => (delivered = resolve));
  return inbox.shift() as T;
}

makeFingerprintsWhenRead(); // it reads none

try {
  const data = await nextMessage<HelperData>();
  const site = bulkSite(data.published, schemaJson());
  // Started at once (a first build): every output is to be made, none kept, no dataset's pieces copied.
  const go: HelperGo = data.atOnce
    ? { kept: [], datasets: site.datasets.map((d) => d.url), reused: new Uint8Array(site.reports), counter: data.atOnce.counter }
    : await nextMessage<HelperGo>();
  const datasets = site.datasets.filter((d) => go.datasets.includes(d.url));
  const stamps = new Map<string, FileStamp>();
  const writer = outputWriter(new Set(go.kept), data.out, stamps);
  /** The stamps of the files written since the last message, sent with the next. */
  const newStamps = () => {
    const made = [...stamps];
    stamps.clear();
    return made;
  };
  const total = site.reports;
  for (let index = Atomics.add(go.counter, 0, 1), taken = 0; index < total + site.afterReports; index = Atomics.add(go.counter, 0, 1), taken++) {
    if (taken === go.stopAt) process.exit(1); // for tests: a helper that dies with an output taken and not made
    if (index < total) {
      const pieces = writer.report(site.report(index), go.reused[index] ? [] : datasets);
      say({ index, pieces, stamps: newStamps() });
    } else {
      writer.page(site.afterReport(index - total));
      say({ page: index - total, stamps: newStamps() });
    }
  }
  say({ done: true });
} catch (error) {
  say({ failed: error instanceof Error ? error.message : String(error), changed: error instanceof ChangedDuringBuild });
}
