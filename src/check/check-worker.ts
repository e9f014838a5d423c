// A worker thread that checks reports: the same work as on the main thread,
// on another core.

import { parentPort } from 'node:worker_threads';
import { checkJob } from './check-job.ts';
import { loadReducer } from './reducer.ts';

parentPort!.on('message', async ({ from, jobs, task }: { from: number; jobs: Parameters<typeof checkJob>[0][]; task: Parameters<typeof checkJob>[1] }) => {
  // The reduction is made on this thread too, from the same module as the main thread's (reducer.ts).
  const reduce = task.reducer ? await loadReducer(task.reducer) : undefined;
  parentPort!.postMessage({ from, values: jobs.map((job) => checkJob(job, task, reduce)) });
});
