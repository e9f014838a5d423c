// Runs one shard of the fuzz cases and posts back null or the failure.

import { parentPort, workerData } from 'node:worker_threads';
import { runShard } from './mutate.ts';

parentPort!.postMessage(runShard(workerData as number));
