// A worker thread that checks reports: the same work as on the main thread,
// on another core.

import { parentPort } from 'node:worker_threads';
import { checkJob } from './check-job.ts';

parentPort!.on('message', async ({ from, jobs, task }: { from: number; jobs: Parameters<typeof checkJob>[0][]; task: Parameters<typeof checkJob>[1] }) => {
  const done = jobs.map((job) => checkJob(job, task));
  // The batch is handed back once its cache entries are written: the worker may be ended after the last one.
  await Promise.all(done.map((d) => d.written));
  parentPort!.postMessage({ from, values: done.map((d) => d.value) });
});
