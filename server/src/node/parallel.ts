/**
 * Checks many drafts on several threads: this thread and `jobs − 1` worker threads. The CLI uses
 * it for large trees (a workspace of 1,000 notes); results come back in file order.
 *
 * The workers are started first, so that their model load overlaps this thread's. Every thread
 * then takes the next unchecked file from a counter in shared memory, so a thread that started
 * late (a worker loading the model) simply checks fewer files; a worker that has not taken a file
 * by the time all are taken is stopped without waiting for it.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { CheckSettings } from '../core/check';
import type { LanguageRegistry } from '../core/language/registry';
import type { PolicyIndex } from '../core/model/policy-index';
import type { DraftService } from '../core/service';
import { batchService } from './batch-service';
import { loadLanguages, MAX_DRAFT_BYTES, readRegularFile } from './resources';
import { withFixEdits, type FileResult } from './report';
import { loadModelFromDisk } from './session';

export interface BatchOptions { models: string[]; useDefault: boolean; settings: CheckSettings }
/** A checked file, or one that could not be read (`error`). */
export type FileCheck = FileResult;
/** A model already loaded in this thread. */
export interface LoadedModel { model: PolicyIndex; languages: LanguageRegistry }

/**
 * Shared between the threads: [0] the next file to take; [1 + w] worker w's state: 0 not started
 * taking files, 1 taking files, 2 stopped before it took any.
 */
const NEXT = 0;
const NOT_STARTED = 0;
const TAKING = 1;
const STOPPED = 2;

interface WorkerInput { councilNotesWorker: true; files: readonly string[]; options: BatchOptions; shared: SharedArrayBuffer; slot: number }

/** One draft's findings, or why it could not be read (gone, no permission, not a regular file, too large). */
function checkFile(path: string, service: DraftService): FileCheck {
  let text: string;
  try {
    text = readRegularFile(path, MAX_DRAFT_BYTES).toString('utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    return { path, findings: [], error: (error as Error).message };
  }
  return withFixEdits(path, text, service.checkText(path, text)!);
}

function loadModel(options: BatchOptions): LoadedModel {
  return { languages: loadLanguages(), model: loadModelFromDisk(options.models, options.useDefault).build.index };
}

/** Checks files one after the other in this thread. */
export function checkFiles(files: readonly string[], options: BatchOptions, loaded: LoadedModel = loadModel(options)): FileCheck[] {
  const service = batchService(loaded.model, loaded.languages, options.settings);
  return files.map((path) => checkFile(path, service));
}

/** Takes files from the shared counter until none is left; returns [index, result] pairs. */
function takeFiles(files: readonly string[], state: Int32Array, loaded: LoadedModel, settings: CheckSettings): [number, FileCheck][] {
  const done: [number, FileCheck][] = [];
  const service = batchService(loaded.model, loaded.languages, settings);
  for (let i = Atomics.add(state, NEXT, 1); i < files.length; i = Atomics.add(state, NEXT, 1)) done.push([i, checkFile(files[i], service)]);
  return done;
}

/** Below this many files, starting workers (each loads the model) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 40;

/**
 * `local`: this thread's model, or a function that loads it once the workers are started (so that
 * the loads overlap); when that gives undefined (the model has errors) the workers are stopped and
 * the result is undefined.
 */
export async function checkFilesInParallel(files: readonly string[], options: BatchOptions, jobs = availableParallelism(), local: LoadedModel | (() => LoadedModel | undefined) = () => loadModel(options)): Promise<FileCheck[] | undefined> {
  const here = () => typeof local === 'function' ? local() : local;
  const workerCount = Math.min(jobs, Math.ceil(files.length / (MIN_FILES_FOR_WORKERS / 2))) - 1;
  if (workerCount < 1 || files.length < MIN_FILES_FOR_WORKERS) {
    const loaded = here();
    return loaded && checkFiles(files, options, loaded);
  }
  const shared = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * (1 + workerCount));
  const state = new Int32Array(shared);
  const results: FileCheck[] = new Array(files.length);
  const workers = Array.from({ length: workerCount }, (_, w) => {
    const worker = new Worker(__filename, { workerData: { councilNotesWorker: true, files, options, shared, slot: 1 + w } satisfies WorkerInput });
    const finished = new Promise<void>((resolve, reject) => {
      worker.once('message', (done: [number, FileCheck][]) => { for (const [i, result] of done) results[i] = result; resolve(); });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (Atomics.load(state, 1 + w) === STOPPED) resolve();
        else if (code !== 0) reject(new Error(`worker exited with code ${code}`));
      });
    });
    return { worker, finished };
  });
  // Workers that have not taken a file yet (still loading the model) are stopped rather than awaited.
  const stopIdleWorkers = () => workers.forEach(({ worker }, w) => {
    if (Atomics.compareExchange(state, 1 + w, NOT_STARTED, STOPPED) === NOT_STARTED) void worker.terminate();
  });
  let checked = false;
  try {
    const loaded = here();
    if (!loaded) return undefined;
    for (const [i, result] of takeFiles(files, state, loaded, options.settings)) results[i] = result;
    checked = true;
  } finally {
    stopIdleWorkers();
    // Model errors, or this thread failed: nothing the workers find is wanted any more.
    if (!checked) for (const { worker, finished } of workers) { finished.catch(() => undefined); void worker.terminate(); }
  }
  await Promise.all(workers.map(({ finished }) => finished));
  return results;
}

// In a worker thread started above: take files until none is left and send the results back.
if (!isMainThread && (workerData as WorkerInput | undefined)?.councilNotesWorker) {
  const input = workerData as WorkerInput;
  const state = new Int32Array(input.shared);
  const loaded = loadModel(input.options);
  if (Atomics.compareExchange(state, input.slot, NOT_STARTED, TAKING) === NOT_STARTED) {
    parentPort!.postMessage(takeFiles(input.files, state, loaded, input.options.settings));
  }
}
