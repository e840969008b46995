/**
 * Keeps the model files of a session (built-in and workspace) and builds the merged index.
 * A file that fails to load keeps its last good version in use, so one typo in a model file
 * never takes the checks away from the drafter.
 */
import { SECTION_NAMES } from '../../../../schemas/model-names';
import type { PolicyModelFile } from '../../../../schemas/policy-model';
import { policyModelSchemas } from './lazy-schemas';
import { formatPath, loadModelText, type LoadedModelFile, type ModelProblem } from './load';
import { mergeLayers, originKey, type MergedModel } from './merge';
import { PolicyIndex, type Label } from './policy-index';
import type { DictionaryAutomaton } from '../match/automaton';
import { checkCrossReferences } from './cross-references';

export interface ModelBuild {
  index: PolicyIndex;
  /** Problems per file, including reference problems found after merging. */
  problems: Map<string, ModelProblem[]>;
}

/** Model files validated ahead of time (the built-in model, precompiled at build time). */
export interface PrecompiledModels {
  /** The files, in layering order; merging them in this order was checked to give complete entities. */
  readonly files: readonly string[];
  /** The already validated model of a file with exactly this text, or undefined to load it from the text. */
  model(file: string, text: string): PolicyModelFile | undefined;
  /** The label automaton of all the files merged in order, each in its precompiled version. */
  labels?(): DictionaryAutomaton<Label> | undefined;
}

let defaultPrecompiled: PrecompiledModels | undefined;

/** Sets the precompiled models of every ModelStore not given its own (the node side installs the built-in model's). */
export function usePrecompiledModels(models: PrecompiledModels | undefined): void {
  defaultPrecompiled = models;
}

export class ModelStore {
  private readonly lastGood = new Map<string, PolicyModelFile>();
  private readonly loaded = new Map<string, LoadedModelFile>();
  /** Files whose version in use came from the precompiled models. */
  private readonly fromPrecompiled = new Set<string>();

  /** `precompiled`: the store's own (null: none); by default those set by usePrecompiledModels, as they are when a file is loaded. */
  constructor(private readonly precompiled?: PrecompiledModels | null) {}

  private get precompiledModels(): PrecompiledModels | undefined {
    return this.precompiled === undefined ? defaultPrecompiled : this.precompiled ?? undefined;
  }

  /** Loads (or reloads) a file; returns its own problems. */
  update(file: string, text: string): LoadedModelFile {
    const model = this.precompiledModels?.model(file, text);
    const result = model ? precompiledFile(file, text, model) : loadModelText(file, text);
    this.loaded.set(file, result);
    if (result.model) {
      this.lastGood.set(file, result.model);
      if (model) this.fromPrecompiled.add(file);
      else this.fromPrecompiled.delete(file);
    }
    return result;
  }

  remove(file: string): void {
    this.loaded.delete(file);
    this.lastGood.delete(file);
    this.fromPrecompiled.delete(file);
  }

  has(file: string): boolean { return this.loaded.has(file); }
  get files(): string[] { return [...this.loaded.keys()]; }

  /** Merges the given files in order, each in its last good version. */
  build(order: readonly string[]): ModelBuild {
    const { merged, problems } = this.merge(order);
    // Exactly the precompiled files, in their order: their automaton was built at build time.
    const precompiled = this.precompiledModels;
    const asCompiled = precompiled?.labels && order.length === precompiled.files.length
      && order.every((file, i) => file === precompiled.files[i] && this.fromPrecompiled.has(file));
    return { index: new PolicyIndex(merged, asCompiled ? precompiled.labels!() : undefined), problems };
  }

  /** The problems a build would report, without building its index (a model file checked as it is typed). */
  problems(order: readonly string[]): Map<string, ModelProblem[]> {
    return this.merge(order).problems;
  }

  private merge(order: readonly string[]): { merged: MergedModel; problems: Map<string, ModelProblem[]> } {
    const layers = order.flatMap((file) => {
      const model = this.lastGood.get(file);
      return model ? [{ file, model }] : [];
    });
    const merged: MergedModel = mergeLayers(layers);
    const problems = new Map<string, ModelProblem[]>();
    for (const file of order) problems.set(file, [...(this.loaded.get(file)?.problems ?? [])]);
    this.dropIncompleteEntities(merged, problems, this.validatedLayers(layers.map((layer) => layer.file)));
    for (const layer of layers) {
      const loaded = this.loaded.get(layer.file);
      // Reference problems only make sense for the version that is in use.
      if (loaded?.model !== layer.model) continue;
      problems.get(layer.file)!.push(...checkCrossReferences(layer.model, merged, loaded));
    }
    return { merged, problems };
  }

  /**
   * The layers whose merged entities need no check: the precompiled files, when the build starts
   * with all of them, in their order, each in its precompiled version (an entity only they define
   * is then the one checked when they were precompiled).
   */
  private validatedLayers(order: readonly string[]): Set<string> {
    const files = this.precompiledModels?.files ?? [];
    const intact = files.length > 0 && files.every((file, i) => order[i] === file && this.fromPrecompiled.has(file));
    return new Set(intact ? files : []);
  }

  /**
   * Each file may write partial entries (they extend earlier layers), so completeness is checked
   * here, on the merged entity. An incomplete one is left out of the index and reported in the
   * last file that touched it.
   */
  private dropIncompleteEntities(merged: MergedModel, problems: Map<string, ModelProblem[]>, validated: ReadonlySet<string>): void {
    for (const section of SECTION_NAMES) {
      for (const [id, entity] of merged.sections[section]) {
        if (validated.size > 0 && merged.origins.get(originKey(section, id))?.every((origin) => validated.has(origin.file))) continue;
        const parsed = policyModelSchemas().ENTITY_SCHEMAS[section].safeParse(entity);
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

/** A precompiled file has no problems; node ranges (for problems found after merging) come from its text when asked. */
function precompiledFile(file: string, text: string, model: PolicyModelFile): LoadedModelFile {
  let full: LoadedModelFile | undefined;
  return { file, model, problems: [], rangeAt: (path) => (full ??= loadModelText(file, text)).rangeAt(path) };
}
