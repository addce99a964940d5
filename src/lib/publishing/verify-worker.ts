// A worker thread of verifyReleaseInParallel (verify-release.ts): scans its share of the files.
import { parentPort, workerData } from 'node:worker_threads';
import { scanFiles, type VerifyInput } from './verify-release.ts';

const { input, files } = workerData as { input: Omit<VerifyInput, 'files'>; files: string[] };
parentPort!.postMessage(scanFiles(input, files));
