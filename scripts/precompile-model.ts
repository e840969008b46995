/**
 * Writes dist/default-model.json, the built-in model loaded and validated once, and
 * dist/default-labels.bin, its label automaton (see
 * server/src/node/precompiled.ts). Run by scripts/build.mjs after the bundles are built; fails the
 * build when a built-in model file has a problem.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultModelFiles, packageRoot } from '../server/src/node/resources';
import { PRECOMPILED_LABELS, PRECOMPILED_MODEL, precompileLabels, precompileModel } from '../server/src/node/precompiled';

const root = packageRoot();
const data = precompileModel(defaultModelFiles(root));
writeFileSync(join(root, PRECOMPILED_MODEL), JSON.stringify(data));
// The label automaton of the built-in model, made from the data just written.
writeFileSync(join(root, PRECOMPILED_LABELS), precompileLabels(data, join(root, 'model', 'default')));
