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
import { basename, join } from 'node:path';
import type { PolicyModelFile } from '../../../schemas/policy-model';
import { loadModelText } from '../core/model/load';
import { ModelStore, type PrecompiledModels } from '../core/model/model-store';

export const PRECOMPILED_MODEL = join('dist', 'default-model.json');

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
  const byPath = new Map(data.files.map((entry) => [join(modelDir, entry.name), entry]));
  return {
    files: [...byPath.keys()],
    model(file, text) {
      const entry = byPath.get(file);
      return entry && entry.sha256 === sha256(text) ? entry.model : undefined;
    },
  };
}
