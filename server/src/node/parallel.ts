/**
 * Checks many drafts on worker threads: each worker loads the model once and checks its share.
 * The CLI uses it for large trees (a workspace of 1,000 notes); results come back in file order.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { checkDraft, type CheckResult, type CheckSettings } from '../core/check';
import { loadLanguages } from './resources';
import { loadModelFromDisk } from './session';

export interface BatchOptions { models: string[]; useDefault: boolean; settings: CheckSettings }
export interface FileCheck extends CheckResult { path: string }

interface WorkerInput { councilNotesWorker: true; files: string[]; options: BatchOptions }

/** Checks files one after the other in this thread. */
export function checkFiles(files: readonly string[], options: BatchOptions): FileCheck[] {
  const languages = loadLanguages();
  const { build } = loadModelFromDisk(options.models, options.useDefault);
  return files.map((path) => {
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    return { path, ...checkDraft({ text, model: build.index, languages, settings: options.settings }) };
  });
}

/** Below this many files, starting workers (each loads the model) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 40;

export async function checkFilesInParallel(files: readonly string[], options: BatchOptions, jobs = availableParallelism()): Promise<FileCheck[]> {
  const workers = Math.min(jobs, Math.ceil(files.length / (MIN_FILES_FOR_WORKERS / 2)));
  if (workers <= 1 || files.length < MIN_FILES_FOR_WORKERS) return checkFiles(files, options);
  // Interleaved shares, so that large and small files spread evenly.
  const shares = Array.from({ length: workers }, (_, w) => files.filter((_, i) => i % workers === w));
  const results = await Promise.all(shares.map((share) => new Promise<FileCheck[]>((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: { councilNotesWorker: true, files: share, options } satisfies WorkerInput });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code !== 0) reject(new Error(`worker exited with code ${code}`)); });
  })));
  const byPath = new Map<string, FileCheck>();
  for (const list of results) for (const result of list) byPath.set(result.path, result);
  return files.map((path) => byPath.get(path)!);
}

// In a worker thread started above: check the share and send the results back.
if (!isMainThread && (workerData as WorkerInput | undefined)?.councilNotesWorker) {
  const input = workerData as WorkerInput;
  parentPort!.postMessage(checkFiles(input.files, input.options));
}
