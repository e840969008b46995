/**
 * Where a write would land, decided before anything is written: the real path of the file, and
 * whether it stays inside the folder it is written for. Links are resolved first, so an edit
 * never goes through a link to a file outside the workspace (or the tree named on the command
 * line), and a link inside it is written at its real file.
 */
import { lstatSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';

/** `path` is `folder` or lies under it (both absolute; no link is resolved here). */
export function isInside(path: string, folder: string): boolean {
  const file = resolve(path);
  const root = resolve(folder);
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep);
}

export type WriteTarget = { file: string; exists: boolean } | { refusal: string };

/**
 * The file an edit of `path` (to be written for `folder`) really changes, or why it must not be
 * written: a link or a directory that leads outside the folder, a link to nothing, something
 * that is not a regular file.
 */
export function resolveWriteTarget(path: string, folder: string): WriteTarget {
  const name = basename(path);
  let folderReal: string;
  try { folderReal = realpathSync(folder); } catch (error) { return { refusal: `the workspace folder ${folder} cannot be read (${(error as Error).message})` }; }
  const outside = (real: string) => !isInside(real, folderReal);
  let stat;
  try { stat = lstatSync(path); } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return { refusal: `${name} cannot be read (${(error as Error).message})` };
    let directory: string;
    try { directory = realpathSync(dirname(path)); } catch { return { refusal: `the folder of ${name} does not exist` }; }
    if (outside(directory)) return { refusal: `${name} would be created in ${directory}, outside the workspace folder ${folder}` };
    return { file: path, exists: false };
  }
  let real: string;
  try { real = realpathSync(path); } catch { return { refusal: `${name} is a link to a file that does not exist` }; }
  if (stat.isSymbolicLink()) {
    if (outside(real)) return { refusal: `${name} is a link to ${real}, outside the workspace folder ${folder}, and Council Notes never writes through such a link` };
    return { file: real, exists: true };
  }
  if (!stat.isFile()) return { refusal: `${name} is not a regular file` };
  if (outside(real)) return { refusal: `${name} resolves to ${real}, outside the workspace folder ${folder}` };
  return { file: join(dirname(path), name), exists: true };
}
