/** Runs the built CLI (bin/council-notes.js → dist/cli.js) as a user would. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../server/src/node/resources';

export interface CliRun { status: number | null; stdout: string; stderr: string }

export function runCli(args: string[], cwd = packageRoot()): CliRun {
  const result = spawnSync(process.execPath, [join(packageRoot(), 'bin', 'council-notes.js'), ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
