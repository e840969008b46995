/**
 * Keeps the model files of a session (built-in and workspace) and builds the merged index.
 * A file that fails to load keeps its last good version in use, so one typo in a model file
 * never takes the checks away from the drafter.
 */
import { ENTITY_SCHEMAS, SECTION_NAMES, type PolicyModelFile } from '../../../../schemas/policy-model';
import { formatPath, loadModelText, type LoadedModelFile, type ModelProblem } from './load';
import { mergeLayers, originKey, type MergedModel } from './merge';
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
    this.dropIncompleteEntities(merged, problems);
    for (const layer of layers) {
      const loaded = this.loaded.get(layer.file);
      // Reference problems only make sense for the version that is in use.
      if (loaded?.model !== layer.model) continue;
      problems.get(layer.file)!.push(...checkReferences(layer.model, merged, loaded));
    }
    return { index: new PolicyIndex(merged), problems };
  }

  /**
   * Each file may write partial entries (they extend earlier layers), so completeness is checked
   * here, on the merged entity. An incomplete one is left out of the index and reported in the
   * last file that touched it.
   */
  private dropIncompleteEntities(merged: MergedModel, problems: Map<string, ModelProblem[]>): void {
    for (const section of SECTION_NAMES) {
      for (const [id, entity] of merged.sections[section]) {
        const parsed = ENTITY_SCHEMAS[section].safeParse(entity);
        if (parsed.success) continue;
        merged.sections[section].delete(id);
        const origin = merged.origins.get(originKey(section, id))?.at(-1);
        const loaded = origin && this.loaded.get(origin.file);
        if (!origin || !loaded) continue;
        for (const issue of parsed.error.issues) {
          problems.get(origin.file)?.push({
            file: origin.file,
            severity: 'error',
            message: `${section}[${origin.index}] "${id}"${issue.path.length ? `.${formatPath(issue.path)}` : ''}: ${issue.message} (after merging all model layers)`,
            range: loaded.rangeAt([section, origin.index, ...issue.path]),
          });
        }
      }
    }
  }
}
