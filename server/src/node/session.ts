/** Loads the built-in model plus extra model files from disk into a ModelStore. */
import { statSync } from 'node:fs';
import { MAX_MODEL_FILE_SIZE } from '../core/model/load';
import { ModelStore, type ModelBuild } from '../core/model/model-store';
import { defaultModelFiles, readRegularFile } from './resources';

export interface DiskModel { store: ModelStore; order: string[]; build: ModelBuild }

/**
 * A model file's size bound in bytes: MAX_MODEL_FILE_SIZE counts UTF-16 units, and a unit takes
 * at most 3 bytes in UTF-8. Larger files are refused before they are read; the loader reports a
 * file above the unit limit at its first line.
 */
export const MAX_MODEL_FILE_BYTES = 3 * MAX_MODEL_FILE_SIZE;

/** A model file's text; throws with the reason (missing, a FIFO or device, too large). */
export function readModelFile(file: string): string {
  let size = 0;
  try { size = statSync(file).size; } catch { /* readRegularFile says why */ }
  // The loader's own words for a file above its limit, without reading the file.
  if (size > MAX_MODEL_FILE_BYTES) {
    throw new Error(`This model file is too large to load: ${(size / 1_000_000).toFixed(1)} MB, and model files may be at most ${(MAX_MODEL_FILE_SIZE / 1_000_000).toFixed(1)} MB. Split it into several model files.`);
  }
  return readRegularFile(file, MAX_MODEL_FILE_BYTES).toString('utf8');
}

export function loadModelFromDisk(extraFiles: readonly string[], useDefault = true): DiskModel {
  const store = new ModelStore();
  const order = [...(useDefault ? defaultModelFiles() : []), ...extraFiles];
  for (const file of order) store.update(file, readModelFile(file));
  return { store, order, build: store.build(order) };
}
