/** Shared by the editor test runners (run-code-server.ts, run-electron.ts). */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { SuiteResults } from './suite/index';

/** The repository root: the nearest folder above this file with the extension's package.json. */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'council-notes') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No council-notes package.json above ${__dirname}`);
    dir = parent;
  }
}

export interface Paths {
  root: string;
  tmp: string;
  artifacts: string;
  suiteIndex: string;
  fixture: string;
}

export function paths(): Paths {
  const root = repoRoot();
  const tmp = join(root, '.tmp');
  return {
    root,
    tmp,
    artifacts: join(tmp, 'artifacts'),
    suiteIndex: join(root, 'out/test/vscode/suite/index.js'),
    fixture: join(root, 'test/vscode/fixtures/workspace'),
  };
}

/** Checks that the extension and the suite are built. */
export function checkBuilt(p: Paths): string | undefined {
  for (const file of ['dist/client.js', 'out/test/vscode/suite/index.js']) {
    if (!existsSync(join(p.root, file))) {
      return `${file} is missing: run "npm run build && node scripts/build.mjs --tests" first (npm run test:vscode does).`;
    }
  }
  if (!existsSync(join(p.root, 'dist/server.js'))) {
    console.log('Warning: dist/server.js is missing: the language server cannot start, expect failures.');
  }
  return undefined;
}

/**
 * Copies the fixture workspace to a fresh scratch folder, so the tests' edits and settings
 * changes never touch the repository.
 */
export function freshWorkspace(p: Paths, name: string): string {
  const target = resolve(p.tmp, name);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true });
  cpSync(p.fixture, target, { recursive: true });
  return target;
}

export function readResults(file: string): SuiteResults | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SuiteResults;
  } catch {
    return undefined; // Not complete yet.
  }
}

/** Prints the results; the last line is exactly "N passed, N failed". Returns the exit code. */
export function report(results: SuiteResults | undefined, problem?: string): number {
  const passed = results?.passed ?? 0;
  let failed = results?.failed ?? 0;
  if (results) {
    console.log('');
    for (const t of results.tests) {
      const mark = t.state === 'passed' ? 'ok  ' : t.state === 'failed' ? 'FAIL' : 'skip';
      const time = t.durationMs !== undefined ? ` (${t.durationMs} ms)` : '';
      console.log(`  ${mark} ${t.title}${time}`);
    }
    if (results.failures.length > 0) {
      console.log('\nFailures:');
      results.failures.forEach((f, i) => {
        console.log(`\n  ${i + 1}) ${f.title}\n     ${f.message.split('\n').join('\n     ')}`);
      });
    }
    if (results.fatal) console.log(`\nThe suite could not run: ${results.fatal}`);
    console.log(`\nSuite time in the extension host: ${(results.durationMs / 1000).toFixed(1)} s`);
  }
  if (results && !problem && passed + failed === 0) problem = 'The suite ran no test.';
  if (problem) {
    console.log(`\n${problem}`);
    if (failed === 0) failed = 1; // A harness problem is a failure, never a silent pass.
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 || !results ? 1 : 0;
}
