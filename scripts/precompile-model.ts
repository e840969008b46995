/**
 * Writes dist/default-model.json, the built-in model loaded and validated once, and
 * dist/default-labels.bin, its label automaton, and dist/languages.json, the validated language
 * files (see
 * server/src/node/precompiled.ts). Run by scripts/build.mjs after the bundles are built; fails the
 * build when a built-in model file has a problem.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultModelFiles, packageRoot } from '../server/src/node/resources';
import { PRECOMPILED_LABELS, PRECOMPILED_LANGUAGES, PRECOMPILED_MODEL, precompileLabels, precompileLanguages, precompileModel } from '../server/src/node/precompiled';

const root = packageRoot();
const data = precompileModel(defaultModelFiles(root));
writeFileSync(join(root, PRECOMPILED_MODEL), JSON.stringify(data));
// The label automaton of the built-in model, made from the data just written.
writeFileSync(join(root, PRECOMPILED_LABELS), precompileLabels(data, join(root, 'model', 'default')));
// The language files, validated.
const languageDir = join(root, 'languages');
const languages = readdirSync(languageDir).filter((name) => name.endsWith('.json')).sort().map((name) => ({ file: join(languageDir, name), text: readFileSync(join(languageDir, name), 'utf8') }));
writeFileSync(join(root, PRECOMPILED_LANGUAGES), JSON.stringify(precompileLanguages(languages)));
