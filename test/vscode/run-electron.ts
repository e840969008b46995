/**
 * Runs the extension-host suite in VS Code desktop with @vscode/test-electron.
 *
 *   npm run test:electron
 *
 * It needs VS Code desktop: set VSCODE_EXECUTABLE to a VS Code binary, or let
 * @vscode/test-electron download one where the machine can reach the VS Code update service.
 * Machines that reach only the npm registry cannot: use `npm run test:vscode` (code-server) there.
 */
import { runTests } from '@vscode/test-electron';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkBuilt, freshWorkspace, paths, readResults, report } from './common';

async function main(): Promise<number> {
  const p = paths();
  const notBuilt = checkBuilt(p);
  if (notBuilt) return report(undefined, notBuilt);

  const executable = process.env.VSCODE_EXECUTABLE;
  if (executable && !existsSync(executable)) {
    return report(undefined, `VSCODE_EXECUTABLE=${executable} does not exist.`);
  }

  const workspace = freshWorkspace(p, 'electron/workspace');
  const resultsFile = join(p.tmp, 'electron/results.json');
  rmSync(resultsFile, { force: true });
  mkdirSync(p.artifacts, { recursive: true });

  const started = Date.now();
  let exitCode: number;
  try {
    exitCode = await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: p.root,
      extensionTestsPath: p.suiteIndex,
      extensionTestsEnv: { COUNCIL_NOTES_TEST_RESULTS: resultsFile },
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${join(p.tmp, 'electron/user-data')}`,
      ],
    });
  } catch (err) {
    const results = readResults(resultsFile);
    if (results) return report(results, `VS Code exited with an error: ${String(err)}`);
    return report(
      undefined,
      `Could not run VS Code desktop: ${err instanceof Error ? err.message : String(err)}\n` +
        'Set VSCODE_EXECUTABLE to a VS Code binary, or run where @vscode/test-electron can download VS Code.\n' +
        'Without either, use "npm run test:vscode", which runs the same suite in code-server.',
    );
  }
  console.log(`VS Code ran the suite in ${((Date.now() - started) / 1000).toFixed(1)} s (exit code ${exitCode}).`);
  const results = readResults(resultsFile);
  if (!results) return report(undefined, `The suite wrote no results to ${resultsFile}.`);
  return report(results, exitCode !== 0 && results.failed === 0 ? `VS Code exited with code ${exitCode}.` : undefined);
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
