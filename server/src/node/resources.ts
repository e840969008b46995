/**
 * File-system side of the CLI and server: where the bundled model and language data live, and
 * finding drafts and model files. The core never touches the disk; this module feeds it.
 */
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LanguageRegistry } from '../core/language/registry';
import { usePrecompiledModels } from '../core/model/model-store';
import { languagesFromPrecompiled, PRECOMPILED_LANGUAGES, PRECOMPILED_MODEL, readPrecompiledModels } from './precompiled';

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

let manifest: Record<string, unknown> | undefined;

/** The package's package.json (version, repository), read once. */
export function packageManifest(root = packageRoot()): Record<string, unknown> {
  manifest ??= JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  return manifest;
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
  return process.env.COUNCIL_NOTES_PRECOMPILED === '0' ? LanguageRegistry.fromTexts(files) : languagesFromPrecompiled(join(root, PRECOMPILED_LANGUAGES), files);
}

export function ruleDocPath(ruleId: string, root = packageRoot()): string {
  return join(root, 'docs', 'rules', `${ruleId}.md`);
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'out', 'dist', '.tmp', '.vscode-test']);

/** A path that could not be listed or read, and why (for per-file errors in the reports). */
export interface PathProblem { path: string; message: string }

/** The reason an fs call failed, in words (ENOENT → "no such file or directory"). */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is not a directory';
  return (error as Error).message;
}

/**
 * Files below the given paths whose names pass the test. Directories are walked without
 * following symbolic links, so a link can never lead the walk out of the tree or into a loop.
 * A directory that cannot be listed (gone, or no permission) is passed to `onProblem` (default:
 * skipped), and the walk goes on with the rest. Paths that are not directories are returned as given.
 */
export function findFiles(paths: readonly string[], accept: (name: string) => boolean, onProblem: (problem: PathProblem) => void = () => undefined): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try { names = readdirSync(dir).sort(); } catch (error) { onProblem({ path: dir, message: `cannot list the directory: ${describeFsError(error)}` }); return; }
    for (const name of names) {
      const path = join(dir, name);
      let stat;
      try { stat = lstatSync(path); } catch (error) { onProblem({ path, message: `cannot read: ${describeFsError(error)}` }); continue; }
      if (stat.isDirectory() && !SKIPPED_DIRECTORIES.has(name)) walk(path);
      else if (stat.isFile() && accept(name)) found.push(path);
    }
  };
  for (const path of paths) {
    let directory = false;
    // A named path that is gone is returned as it is, in its place: reading it says why.
    try { directory = statSync(path).isDirectory(); } catch { /* see above */ }
    if (directory) walk(path);
    else found.push(path);
  }
  return found;
}

const MB = 1024 * 1024;

/** Drafts larger than this are not read: the checker reads at most maxDocumentSize (5 MB) of one anyway. */
export const MAX_DRAFT_BYTES = 64 * MB;
const megabytes = (bytes: number) => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;

/**
 * The bytes of a regular file of at most `maxBytes`. A FIFO, socket or device (`/dev/zero`) is
 * refused before it is opened, so it can never block or stream forever; so is a file whose size
 * is above the bound (a huge sparse file is never read). The file is opened non-blocking and read
 * with the bound as well, since it may change between the check and the read. Throws an Error
 * whose message says why, in words.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  let stat;
  try { stat = statSync(path); } catch (error) { throw new Error(`cannot read: ${describeFsError(error)}`); }
  if (stat.isDirectory()) throw new Error('cannot read: it is a directory');
  if (!stat.isFile()) throw new Error('not read: it is not a regular file (a FIFO, socket or device)');
  if (stat.size > maxBytes) throw new Error(`not read: it is ${megabytes(stat.size)}, more than the ${megabytes(maxBytes)} allowed`);
  let fd: number;
  try { fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK); } catch (error) { throw new Error(`cannot read: ${describeFsError(error)}`); }
  try {
    if (!fstatSync(fd).isFile()) throw new Error('not read: it is not a regular file (a FIFO, socket or device)');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // The expected rest plus one byte (to see the end in one read), at most 4 MB at a time.
      const chunk = Buffer.allocUnsafe(Math.min(maxBytes + 1 - total, Math.max(stat.size + 1 - total, 64 * 1024), 4 * MB));
      let read: number;
      try { read = readSync(fd, chunk, 0, chunk.length, null); } catch (error) { throw new Error(`cannot read: ${describeFsError(error)}`); }
      if (read === 0) break;
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) throw new Error(`not read: it is larger than the ${megabytes(maxBytes)} allowed`);
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}
