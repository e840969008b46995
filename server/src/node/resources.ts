/**
 * File-system side of the CLI and server: where the bundled model and language data live, and
 * finding drafts and model files. The core never touches the disk; this module feeds it.
 */
import { existsSync, readFileSync, readdirSync, statSync, lstatSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LanguageRegistry } from '../core/language/registry';
import { usePrecompiledModels } from '../core/model/model-store';
import { PRECOMPILED_MODEL, readPrecompiledModels } from './precompiled';

/** The extension/package root: bundles live in dist/ or out/…, data beside package.json. */
export function packageRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if (JSON.parse(readFileSync(manifest, 'utf8')).name === 'council-notes') return dir;
      } catch { /* not ours: keep looking */ }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the council-notes package root above ${from}`);
    dir = parent;
  }
}

export const MODEL_FILE = /\.policy\.(ya?ml|json)$/i;

let precompiledInstalled = false;

/**
 * The built-in model's files, in layering order (their names start with a number). The first call
 * also lets every ModelStore take these files from their precompiled form (dist/default-model.json,
 * see precompiled.ts) while their text is the one it was made from. COUNCIL_NOTES_PRECOMPILED=0
 * switches that off (to measure, or to rule it out).
 */
export function defaultModelFiles(root = packageRoot()): string[] {
  const dir = join(root, 'model', 'default');
  if (!precompiledInstalled && process.env.COUNCIL_NOTES_PRECOMPILED !== '0') {
    precompiledInstalled = true;
    usePrecompiledModels(readPrecompiledModels(join(root, PRECOMPILED_MODEL), dir));
  }
  return readdirSync(dir).filter((name) => MODEL_FILE.test(name)).sort().map((name) => join(dir, name));
}

export function loadLanguages(root = packageRoot()): LanguageRegistry {
  const dir = join(root, 'languages');
  const files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort()
    .map((name) => ({ file: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));
  return LanguageRegistry.fromTexts(files);
}

export function ruleDocPath(ruleId: string, root = packageRoot()): string {
  return join(root, 'docs', 'rules', `${ruleId}.md`);
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'out', 'dist', '.tmp', '.vscode-test']);

/**
 * Files below the given paths whose names pass the test. Directories are walked without
 * following symbolic links, so a link can never lead the walk out of the tree or into a loop.
 */
export function findFiles(paths: readonly string[], accept: (name: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try { names = readdirSync(dir).sort(); } catch { return; }
    for (const name of names) {
      const path = join(dir, name);
      const stat = lstatSync(path);
      if (stat.isDirectory() && !SKIPPED_DIRECTORIES.has(name)) walk(path);
      else if (stat.isFile() && accept(name)) found.push(path);
    }
  };
  for (const path of paths) {
    const stat = statSync(path);
    if (stat.isDirectory()) walk(path);
    else found.push(path);
  }
  return found;
}
