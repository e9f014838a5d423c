// A worker thread that checks reports: the same work as on the main thread,
// on another core.

import { parentPort } from 'node:worker_threads';
import { checkJob } from './check-job.ts';

parentPort!.on('message', ({ from, jobs, task }: { from: number; jobs: Parameters<typeof checkJob>[0][]; task: Parameters<typeof checkJob>[1] }) => {
  parentPort!.postMessage({ from, values: jobs.map((job) => checkJob(job, task)) });
});
