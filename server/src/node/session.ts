/** Loads the built-in model plus extra model files from disk into a ModelStore. */
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
  return readRegularFile(file, MAX_MODEL_FILE_BYTES).toString('utf8');
}

export function loadModelFromDisk(extraFiles: readonly string[], useDefault = true): DiskModel {
  const store = new ModelStore();
  const order = [...(useDefault ? defaultModelFiles() : []), ...extraFiles];
  for (const file of order) store.update(file, readModelFile(file));
  return { store, order, build: store.build(order) };
}
