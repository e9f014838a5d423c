// A helper thread for a large build (write-outputs.ts): it makes the site's
// data again from the build's reports (each whole check loaded from the
// cache the build just filled, as on the main thread), then renders and
// writes the reports it takes, sending back their pieces of the datasets.

import { parentPort, workerData } from 'node:worker_threads';
import { buildSite, schemaJson } from './site-data.ts';
import { outputWriter, type HelperData, type HelperMessage } from './write-outputs.ts';
import { ChangedDuringBuild } from './whole-report.ts';

const data = workerData as HelperData;
const say = (message: HelperMessage) => parentPort!.postMessage(message);

try {
  const site = buildSite(data.published, schemaJson());
  const datasets = site.datasets.filter((d) => data.datasets.includes(d.url));
  const writer = outputWriter(new Set(data.kept), data.out);
  for (let index = Atomics.add(data.counter, 0, 1), taken = 0; index < site.byReport.length; index = Atomics.add(data.counter, 0, 1), taken++) {
    if (taken === data.stopAt) process.exit(1); // for tests: a helper that dies with a report taken and not made
    say({ index, pieces: writer.report(site.byReport[index]!, index, datasets) });
  }
  say({ done: true });
} catch (error) {
  say({ failed: error instanceof Error ? error.message : String(error), changed: error instanceof ChangedDuringBuild });
}
