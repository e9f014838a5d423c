// A worker thread that checks reports: the same work as on the main thread,
// on another core.

import { parentPort } from 'node:worker_threads';
import { toCached } from './check-files.ts';
import { checkReportBytes } from '../report.ts';

parentPort!.on('message', ({ from, jobs }: { from: number; jobs: { file: string; bytes: Uint8Array }[] }) => {
  parentPort!.postMessage({ from, values: jobs.map(({ file, bytes }) => toCached(checkReportBytes(bytes, file))) });
});
