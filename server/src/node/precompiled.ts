/**
 * The built-in model, precompiled at build time: every file of model/default loaded and validated
 * once by `scripts/build.mjs` into dist/default-model.json. At run time a built-in file whose text
 * has the SHA-256 recorded there is taken from it, without parsing YAML or validating it again
 * (about half of the model's load time and most of its garbage). A file whose text differs (an
 * edited source, a stale build) is loaded from its text as before, so the YAML files stay the
 * source of truth; test/unit/precompiled-model.test.ts checks the two give the same model.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { LanguageData } from '../../../schemas/language';
import type { PolicyModelFile } from '../../../schemas/policy-model';
import { LanguageRegistry } from '../core/language/registry';
import { DictionaryAutomaton, type AutomatonParts } from '../core/match/automaton';
import { loadModelText } from '../core/model/load';
import { ModelStore, type PrecompiledModels } from '../core/model/model-store';
import type { Label } from '../core/model/policy-index';

export const PRECOMPILED_MODEL = join('dist', 'default-model.json');
/**
 * The label automaton of the whole built-in model (about 200 ms to build at every start, the
 * largest part of loading the model): its typed arrays and labels, taken when the built-in files
 * are used alone, each in its precompiled version.
 */
export const PRECOMPILED_LABELS = join('dist', 'default-labels.bin');
/**
 * The language files (languages/*.json), validated at build time: zod is not run on them at start.
 * Each language's `commonWords` (the Hunspell word forms, most of the data: tens of thousands of
 * words for 24 languages) is kept as JSON text and parsed on first use, so a check reads only the
 * word list of its draft's language (docs/performance.md, "Cold start").
 */
export const PRECOMPILED_LANGUAGES = join('dist', 'languages.json');

export interface PrecompiledLanguageData { version: 2; files: { name: string; sha256: string; data: Omit<LanguageData, 'commonWords'>; commonWords?: string }[] }

/** Validates the language files (throws on a problem, as at run time) for PRECOMPILED_LANGUAGES. */
export function precompileLanguages(files: readonly { file: string; text: string }[]): PrecompiledLanguageData {
  const registry = LanguageRegistry.fromTexts(files);
  return {
    version: 2,
    files: files.map(({ file, text }, i) => {
      const { commonWords, ...data } = registry.all[i];
      return { name: basename(file), sha256: sha256(text), data, commonWords: commonWords && JSON.stringify(commonWords) };
    }),
  };
}

/** The language data with its `commonWords` parsed from `words` when first read. */
function withLazyWords(data: Omit<LanguageData, 'commonWords'>, words: string | undefined): LanguageData {
  if (words === undefined) return data;
  return Object.defineProperty(data, 'commonWords', {
    enumerable: true,
    configurable: true,
    get(this: LanguageData) {
      const value = JSON.parse(words) as string[];
      Object.defineProperty(this, 'commonWords', { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
  }) as LanguageData;
}

/**
 * The language registry of these files, taken from their validated form when every file's text is
 * the one precompiled, else validated now (an edited file, a stale build).
 */
export function languagesFromPrecompiled(path: string, files: readonly { file: string; text: string }[]): LanguageRegistry {
  let data: PrecompiledLanguageData | undefined;
  try { data = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) as PrecompiledLanguageData : undefined; } catch { data = undefined; }
  if (data?.version === 2 && Array.isArray(data.files) && data.files.length === files.length) {
    const byName = new Map(data.files.map((entry) => [entry.name, entry]));
    const known = files.map(({ file, text }) => { const entry = byName.get(basename(file)); return entry && entry.sha256 === sha256(text) ? entry : undefined; });
    if (known.every((entry) => entry !== undefined)) return new LanguageRegistry(known.map((entry) => withLazyWords(entry!.data, entry!.commonWords)));
  }
  return LanguageRegistry.fromTexts(files);
}

type ArrayName = keyof AutomatonParts<Label>['arrays'];
const ARRAY_TYPES: Record<ArrayName, Int32ArrayConstructor | Uint16ArrayConstructor | Uint8ArrayConstructor> = {
  edgeStart: Int32Array, edgeUnit: Uint16Array, edgeTarget: Int32Array, rootTable: Int32Array, fail: Int32Array,
  outputStart: Int32Array, outputPattern: Int32Array, outputLink: Int32Array, patternLength: Int32Array, patternFlags: Uint8Array,
};

interface LabelsHeader { version: 1; models: string[]; longest: number; values: Label[]; arrays: { name: ArrayName; offset: number; length: number }[] }

/**
 * The automaton as one buffer: a 4-byte length, a JSON header (the SHA-256 of each model file it
 * was built from, the labels, where each array is), then the arrays, each at an offset that is a
 * multiple of 4 so it can be read in place.
 */
export function encodeLabels(parts: AutomatonParts<Label>, models: string[]): Buffer {
  const arrays: LabelsHeader['arrays'] = [];
  let offset = 0;
  for (const name of Object.keys(ARRAY_TYPES) as ArrayName[]) {
    const array = parts.arrays[name];
    arrays.push({ name, offset, length: array.length });
    offset += Math.ceil(array.byteLength / 4) * 4;
  }
  const header = Buffer.from(JSON.stringify({ version: 1, models, longest: parts.longest, values: parts.values, arrays } satisfies LabelsHeader), 'utf8');
  const start = Math.ceil((4 + header.length) / 4) * 4;
  const out = Buffer.alloc(start + offset);
  out.writeUInt32LE(header.length, 0);
  header.copy(out, 4);
  for (const { name, offset: at } of arrays) {
    const array = parts.arrays[name];
    Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(out, start + at);
  }
  return out;
}

/** The automaton in `bytes`, or undefined when it was built from other model files than `models`. */
export function decodeLabels(bytes: Buffer, models: string[]): DictionaryAutomaton<Label> | undefined {
  const length = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.toString('utf8', 4, 4 + length)) as LabelsHeader;
  if (header.version !== 1 || header.models.join() !== models.join()) return undefined;
  const start = Math.ceil((4 + length) / 4) * 4;
  // A copy aligned for the typed arrays (a Buffer read from a file may start at any offset).
  const body = new ArrayBuffer(bytes.length - start);
  new Uint8Array(body).set(bytes.subarray(start));
  const arrays = Object.fromEntries(header.arrays.map(({ name, offset, length: count }) => [name, new ARRAY_TYPES[name](body, offset, count)])) as AutomatonParts<Label>['arrays'];
  return DictionaryAutomaton.fromParts({ arrays, values: header.values, longest: header.longest });
}

export interface PrecompiledModelData {
  version: 1;
  files: { name: string; sha256: string; model: PolicyModelFile }[];
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Loads and validates the given built-in files, each and merged in this order; throws on any
 * problem (the build must not ship a broken model).
 */
export function precompileModel(files: readonly string[]): PrecompiledModelData {
  const store = new ModelStore(null);
  const texts = files.map((file) => readFileSync(file, 'utf8'));
  files.forEach((file, i) => store.update(file, texts[i]));
  const problems = [...store.build(files).problems.values()].flat();
  if (problems.length > 0) throw new Error(problems.map((p) => `${p.file}:${p.range.start.line + 1}: ${p.message}`).join('\n'));
  return {
    version: 1,
    files: files.map((file, i) => ({ name: basename(file), sha256: sha256(texts[i]), model: loadModelText(file, texts[i]).model! })),
  };
}

/** The label automaton of the precompiled model `data` (its files merged in order), encoded. */
export function precompileLabels(data: PrecompiledModelData, modelDir: string): Buffer {
  const precompiled = precompiledModels(data, modelDir);
  const store = new ModelStore({ files: precompiled.files, model: precompiled.model });
  for (const entry of data.files) store.update(join(modelDir, entry.name), readFileSync(join(modelDir, entry.name), 'utf8'));
  return encodeLabels(store.build(precompiled.files).index.labels.toParts(), data.files.map((entry) => entry.sha256));
}

/**
 * The precompiled models for ModelStore, read from `path` (their files are in `modelDir`): a file's
 * model is given while its text is the one it was compiled from. Undefined when there is no
 * (readable) precompiled file.
 */
export function readPrecompiledModels(path: string, modelDir: string): PrecompiledModels | undefined {
  if (!existsSync(path)) return undefined;
  let data: PrecompiledModelData;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as PrecompiledModelData;
  } catch {
    return undefined;
  }
  if (data?.version !== 1 || !Array.isArray(data.files)) return undefined;
  const labelsFile = join(dirname(path), basename(PRECOMPILED_LABELS));
  let labels: DictionaryAutomaton<Label> | undefined | null = null;
  return {
    ...precompiledModels(data, modelDir),
    labels() {
      if (labels === null) {
        try { labels = decodeLabels(readFileSync(labelsFile), data.files.map((entry) => entry.sha256)); } catch { labels = undefined; }
      }
      return labels;
    },
  };
}

function precompiledModels(data: PrecompiledModelData, modelDir: string): PrecompiledModels {
  const byPath = new Map(data.files.map((entry) => [join(modelDir, entry.name), entry]));
  return {
    files: [...byPath.keys()],
    model(file, text) {
      const entry = byPath.get(file);
      return entry && entry.sha256 === sha256(text) ? entry.model : undefined;
    },
  };
}
