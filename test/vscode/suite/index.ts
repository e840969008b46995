/**
 * Entry point of the extension-host tests: the `run()` contract of @vscode/test-electron,
 * which code-server's smoke-test driver honours as well. It runs every `*.test.js` next to it
 * with mocha inside the extension host (the real `vscode` API).
 *
 * When COUNCIL_NOTES_TEST_RESULTS names a file, the results are written there as JSON too:
 * code-server's page does not report them, so its runner polls for that file.
 *
 * Optional, for runners that take screenshots:
 *   COUNCIL_NOTES_SHOWCASE   workspace-relative file to open, with the Problems panel, after the tests
 *   COUNCIL_NOTES_HOLD_MS    after writing the results, keep the extension host up until the file
 *                            `<results>.ack` appears or this many milliseconds have passed
 */
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';

// Mocha is loaded from node_modules at run time rather than bundled (its parallel mode does not
// bundle). lib/mocha.cjs is its CommonJS build, which every extension host's Node can require.
const Mocha = createRequire(__filename)('mocha/lib/mocha.cjs') as typeof import('mocha');

export interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface SuiteResults {
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  tests: TestOutcome[];
  failures: { title: string; message: string; stack?: string }[];
  /** Set when the suite could not run at all (load error, crash). */
  fatal?: string;
}

function writeResults(results: SuiteResults): void {
  const target = process.env.COUNCIL_NOTES_TEST_RESULTS;
  if (!target) return;
  mkdirSync(dirname(target), { recursive: true });
  // Write then rename, so a poller never reads half a file.
  const partial = `${target}.partial`;
  writeFileSync(partial, JSON.stringify(results, null, 2));
  renameSync(partial, target);
}

function errorText(err: unknown): { message: string; stack?: string } {
  if (err instanceof Error) return { message: err.message, stack: err.stack };
  return { message: String(err) };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Leaves the workbench showing a document with its findings and the Problems panel. */
async function showcase(): Promise<void> {
  const relative = process.env.COUNCIL_NOTES_SHOWCASE;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!relative || !folder) return;
  try {
    const uri = vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    for (let waited = 0; waited < 10_000 && vscode.languages.getDiagnostics(uri).length === 0; waited += 200) {
      await sleep(200);
    }
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await sleep(500);
  } catch (err) {
    console.error('showcase failed:', err);
  }
}

/** Keeps the extension host alive until the runner acknowledges the results (screenshots). */
async function holdForRunner(): Promise<void> {
  const target = process.env.COUNCIL_NOTES_TEST_RESULTS;
  const hold = Number(process.env.COUNCIL_NOTES_HOLD_MS ?? 0);
  if (!target || !(hold > 0)) return;
  const deadline = Date.now() + hold;
  while (!existsSync(`${target}.ack`) && Date.now() < deadline) await sleep(200);
}

export function run(): Promise<void> {
  const started = Date.now();
  const results: SuiteResults = { passed: 0, failed: 0, pending: 0, durationMs: 0, tests: [], failures: [] };

  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: Number(process.env.COUNCIL_NOTES_TEST_TIMEOUT ?? 60_000),
    reporter: 'spec',
  });
  const grep = process.env.COUNCIL_NOTES_TEST_GREP;
  if (grep) mocha.grep(grep);

  const here = __dirname;
  for (const name of readdirSync(here).sort()) {
    if (name.endsWith('.test.js')) mocha.addFile(join(here, name));
  }

  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        results.durationMs = Date.now() - started;
        void (async () => {
          try {
            await showcase();
            writeResults(results);
            await holdForRunner();
          } catch (err) {
            console.error('Council Notes tests: could not write the results:', err);
          }
          if (failures > 0) reject(new Error(`${failures} test(s) failed.`));
          else resolve();
        })();
      });
      runner.on('pass', (test) => {
        results.passed++;
        results.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration });
      });
      runner.on('fail', (test, err) => {
        // Hook failures come here too; they count as failures.
        results.failed++;
        const { message, stack } = errorText(err);
        results.tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration, error: message });
        results.failures.push({ title: test.fullTitle(), message, stack });
      });
      runner.on('pending', (test) => {
        results.pending++;
        results.tests.push({ title: test.fullTitle(), state: 'pending' });
      });
    } catch (err) {
      const { message, stack } = errorText(err);
      results.durationMs = Date.now() - started;
      results.failed++;
      results.fatal = message;
      results.failures.push({ title: 'loading the test suite', message, stack });
      writeResults(results);
      reject(err);
    }
  });
}
