/**
 * Keeps the model files of a session (built-in and workspace) and builds the merged index.
 * A file that fails to load keeps its last good version in use, so one typo in a model file
 * never takes the checks away from the drafter.
 */
import type { PolicyModelFile } from '../../../../schemas/policy-model';
import { loadModelText, type LoadedModelFile, type ModelProblem } from './load';
import { mergeLayers, type MergedModel } from './merge';
import { PolicyIndex } from './policy-index';
import { checkReferences } from './references';

export interface ModelBuild {
  index: PolicyIndex;
  /** Problems per file, including reference problems found after merging. */
  problems: Map<string, ModelProblem[]>;
}

export class ModelStore {
  private readonly lastGood = new Map<string, PolicyModelFile>();
  private readonly loaded = new Map<string, LoadedModelFile>();

  /** Loads (or reloads) a file; returns its own problems. */
  update(file: string, text: string): LoadedModelFile {
    const result = loadModelText(file, text);
    this.loaded.set(file, result);
    if (result.model) this.lastGood.set(file, result.model);
    return result;
  }

  remove(file: string): void {
    this.loaded.delete(file);
    this.lastGood.delete(file);
  }

  has(file: string): boolean { return this.loaded.has(file); }
  get files(): string[] { return [...this.loaded.keys()]; }

  /** Merges the given files in order, each in its last good version. */
  build(order: readonly string[]): ModelBuild {
    const layers = order.flatMap((file) => {
      const model = this.lastGood.get(file);
      return model ? [{ file, model }] : [];
    });
    const merged: MergedModel = mergeLayers(layers);
    const problems = new Map<string, ModelProblem[]>();
    for (const file of order) problems.set(file, [...(this.loaded.get(file)?.problems ?? [])]);
    for (const layer of layers) {
      const loaded = this.loaded.get(layer.file);
      // Reference problems only make sense for the version that is in use.
      if (loaded?.model !== layer.model) continue;
      problems.get(layer.file)!.push(...checkReferences(layer.model, merged, loaded));
    }
    return { index: new PolicyIndex(merged), problems };
  }
}
