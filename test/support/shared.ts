/**
 * The reference material in ../shared (the seed note, the EU Vocabularies country table, real
 * texts) is not part of the repository. Where ../shared exists, as here and in CI, a test that
 * needs a file from it runs, and a missing file fails it; without ../shared the test is skipped
 * and says why. `npm test` forbids pending tests where ../shared exists (.mocharc.cjs), so a skip
 * cannot hide a regression there.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from 'mocha';
import { packageRoot } from '../../server/src/node/resources';

export const SHARED_DIR = join(packageRoot(), '..', 'shared');

export function sharedExists(): boolean { return existsSync(SHARED_DIR); }

/** Skips the running test, printing the reason (mocha prints none of its own). */
export function skipWithReason(context: Context, reason: string): never {
  console.log(`      skipped: ${reason}`);
  context.skip();
}

/** `path` (inside ../shared) must exist where ../shared does; without ../shared the test is skipped with the reason. */
export function requireShared(context: Context, path: string | undefined, what: string): string {
  if (!sharedExists()) skipWithReason(context, `${what}: ${SHARED_DIR} is not there (it is not part of the repository)`);
  assert.ok(path !== undefined && existsSync(path), `${what}: ${path ?? 'its file'} is missing, although ${SHARED_DIR} exists`);
  return path;
}
