/** Runs the built CLI (bin/council-notes.js → dist/cli.js) as a user would. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../server/src/node/resources';
import { validSarif } from './sarif-schema';

export interface CliRun { status: number | null; stdout: string; stderr: string }

/** The environment without the locale variables: messages in English, whatever the machine's locale (tests of the locale set their own). */
export function withoutLocale(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { LC_ALL: _all, LC_MESSAGES: _messages, LANG: _lang, ...rest } = env;
  return rest;
}

/** Every SARIF report a test makes is checked against the official schema here. */
export function runCli(args: string[], cwd = packageRoot(), options: SpawnSyncOptions = {}): CliRun {
  const result = spawnSync(process.execPath, [join(packageRoot(), 'bin', 'council-notes.js'), ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: withoutLocale(process.env), ...options });
  const run = { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
  const format = args.indexOf('--format');
  if (format >= 0 && args[format + 1] === 'sarif' && run.stdout) validSarif(run.stdout, `council-notes ${args.join(' ')}`);
  return run;
}
