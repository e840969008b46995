/** Loads the built-in model plus extra model files from disk into a ModelStore. */
import { readFileSync } from 'node:fs';
import { ModelStore, type ModelBuild } from '../core/model/model-store';
import { defaultModelFiles } from './resources';

export interface DiskModel { store: ModelStore; order: string[]; build: ModelBuild }

export function loadModelFromDisk(extraFiles: readonly string[], useDefault = true): DiskModel {
  const store = new ModelStore();
  const order = [...(useDefault ? defaultModelFiles() : []), ...extraFiles];
  for (const file of order) store.update(file, readFileSync(file, 'utf8'));
  return { store, order, build: store.build(order) };
}
