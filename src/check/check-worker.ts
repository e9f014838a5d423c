// A worker thread that checks reports: the same work as on the main thread,
// on another core.

import { parentPort } from 'node:worker_threads';
import { toCached } from './check-files.ts';
import { checkReportBytes } from '../report.ts';

parentPort!.on('message', ({ id, file, bytes }: { id: number; file: string; bytes: Uint8Array }) => {
  parentPort!.postMessage({ id, value: toCached(checkReportBytes(bytes, file)) });
});
