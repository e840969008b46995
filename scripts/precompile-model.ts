/**
 * Writes dist/default-model.json, the built-in model loaded and validated once (see
 * server/src/node/precompiled.ts). Run by scripts/build.mjs after the bundles are built; fails the
 * build when a built-in model file has a problem.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultModelFiles, packageRoot } from '../server/src/node/resources';
import { PRECOMPILED_MODEL, precompileModel } from '../server/src/node/precompiled';

const root = packageRoot();
writeFileSync(join(root, PRECOMPILED_MODEL), JSON.stringify(precompileModel(defaultModelFiles(root))));
