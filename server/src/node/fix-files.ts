/**
 * File side of `council-notes check --fix` (and of the server's "add to workspace policy model"
 * for editors that cannot create files, node/model-write.ts): reading a draft with its encoding (UTF-8, with or
 * without BOM), deciding whether it may be written (never through a symbolic link, never out of
 * the tree that was named on the command line, never over a read-only file), and writing it atomically: a temporary file in
 * the same directory, renamed over the original, with the original's permissions.
 */
import { accessSync, closeSync, constants, fsyncSync, lstatSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isInside } from './write-target';
import { randomBytes } from 'node:crypto';
import { MAX_DRAFT_BYTES, readRegularFile } from './resources';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export interface DraftFile {
  path: string;
  /** The text without its BOM. */
  text: string;
  bom: boolean;
  /** The bytes decode as UTF-8 and encode back to the same bytes (safe to rewrite). */
  utf8: boolean;
  /** The bytes as read, to notice a change made by someone else before writing. */
  bytes: Buffer;
}

export function readDraftFile(path: string): DraftFile {
  // Regular files only, with a bound: a FIFO or /dev/zero is refused before it is opened.
  const bytes = readRegularFile(path, MAX_DRAFT_BYTES);
  const bom = bytes.subarray(0, 3).equals(BOM);
  const body = bom ? bytes.subarray(3) : bytes;
  const text = body.toString('utf8');
  return { path, text, bom, utf8: Buffer.from(text, 'utf8').equals(body), bytes };
}

/**
 * Why a file found under `root` may not be rewritten, or undefined when it may: a symbolic link,
 * a file that resolves outside `root`, or a read-only file (see readOnly).
 */
export function refuseToWrite(path: string, root: string): string | undefined {
  let link: boolean;
  try { link = lstatSync(path).isSymbolicLink(); } catch (error) { return (error as Error).message; }
  if (link) return 'it is a symbolic link (links are never written through)';
  try {
    const real = realpathSync(path);
    const rootReal = realpathSync(root);
    const inside = statSync(rootReal).isDirectory() ? isInside(real, rootReal) : real === rootReal;
    if (!inside) return `it resolves to ${real}, outside ${root}`;
  } catch (error) {
    return (error as Error).message;
  }
  return readOnly(path);
}

/**
 * A file is read-only when its mode has no write bit at all (0444, 0555…), or when this user may
 * not write it (access(2)). Replacing a file by a rename needs only the directory's permission,
 * and root may write anything, so the mode is read first: a draft someone made read-only is
 * never replaced, whoever runs --fix.
 */
function readOnly(path: string): string | undefined {
  let mode: number;
  try { mode = statSync(path).mode & 0o7777; } catch (error) { return (error as Error).message; }
  const octal = `0${(mode & 0o777).toString(8).padStart(3, '0')}`;
  if ((mode & 0o222) === 0) return `it is read-only (mode ${octal})`;
  try { accessSync(path, constants.W_OK); } catch { return `it is read-only for this user (mode ${octal})`; }
  return undefined;
}

/**
 * Creates a file with `text`, exclusively: it fails if anything (a file, a link, even one to
 * nothing) appeared at the path, so nothing is ever written over or through.
 */
export function createFileExclusively(path: string, text: string): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    const data = Buffer.from(text, 'utf8');
    for (let written = 0; written < data.length;) written += writeSync(fd, data, written, data.length - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `text` (with the BOM if the file had one) to `file.path` atomically. Refuses when the
 * file changed since it was read.
 */
export function writeDraftFileAtomic(file: DraftFile, text: string): void {
  const current = readFileSync(file.path);
  if (!current.equals(file.bytes)) throw new Error('the file changed while it was being fixed');
  // Made read-only while it was being fixed: still refused.
  const readOnlyNow = readOnly(file.path);
  if (readOnlyNow) throw new Error(readOnlyNow);
  const mode = statSync(file.path).mode & 0o7777;
  const data = file.bom ? Buffer.concat([BOM, Buffer.from(text, 'utf8')]) : Buffer.from(text, 'utf8');
  const temp = join(dirname(file.path), `.${basename(file.path)}.${process.pid}.${randomBytes(4).toString('hex')}.council-notes.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode);
    for (let written = 0; written < data.length;) written += writeSync(fd, data, written, data.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    chmodSync(temp, mode);
    renameSync(temp, file.path);
  } catch (error) {
    if (fd !== undefined) try { closeSync(fd); } catch { /* already closed */ }
    try { unlinkSync(temp); } catch { /* not created */ }
    throw error;
  }
}
