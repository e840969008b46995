/**
 * The language server in other editors: Neovim's built-in LSP client and Emacs with eglot, both
 * headless, each started on `council-notes lsp --stdio` as docs/editors.md tells users to.
 *
 *   npm run test:editors
 *
 * Needs Debian's `neovim` (0.7) and `emacs-nox` + `elpa-eglot` (Emacs 28, eglot 1.9): installed
 * with apt-get when running as root with CI set, otherwise the command is printed. Each editor
 * gets a fresh copy of test/editors/workspace in .tmp/editors/ and runs its script
 * (test/editors/neovim/test.lua, test/editors/emacs/test.el), which prints one
 * "ok   NAME: …" / "FAIL NAME: …" / "skip NAME: …" line per check: diagnostics, settings, hover,
 * completion, quick fix. A skip is shown with its reason and fails the run: every check must run.
 * Logs go to .tmp/artifacts/editors/. The last line printed is "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { paths } from '../vscode/common';
import { cleanEnv } from '../vscode/run-code-server';

const log = (message: string) => console.log(`[test:editors] ${message}`);
const ELPA = '/usr/share/emacs/site-lisp/elpa';

interface Editor {
  name: string;
  packages: string[];
  installed: () => boolean;
  version: () => string;
  /** Prepares the workspace copy; returns the command line. */
  command: (workspace: string, root: string) => string[];
}

function firstLine(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return (result.stdout ?? '').split('\n')[0].trim() || `${command}: ${result.error?.message ?? 'no version'}`;
}

const EDITORS: Editor[] = [
  {
    name: 'neovim',
    packages: ['neovim'],
    installed: () => spawnSync('nvim', ['--version']).status === 0,
    version: () => firstLine('nvim', ['--version']),
    command: (_workspace, root) => ['nvim', '--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(root, 'test/editors/neovim/test.lua')}`],
  },
  {
    name: 'emacs',
    packages: ['emacs-nox', 'elpa-eglot'],
    installed: () => spawnSync('emacs', ['--version']).status === 0 && existsSync(ELPA) && readdirSync(ELPA).some((d) => d.startsWith('eglot-')),
    version: () => `${firstLine('emacs', ['--version'])}, ${existsSync(ELPA) ? readdirSync(ELPA).find((d) => d.startsWith('eglot-')) ?? 'no eglot' : 'no eglot'}`,
    command: (workspace, root) => {
      // eglot manages projects: a git repository makes the workspace one.
      spawnSync('git', ['init', '-q'], { cwd: workspace });
      return ['emacs', '-Q', '--batch', '-l', join(root, 'test/editors/emacs/test.el')];
    },
  },
];

function ensureInstalled(): string | undefined {
  const missing = EDITORS.filter((e) => !e.installed()).flatMap((e) => e.packages);
  if (missing.length === 0) return undefined;
  if (process.getuid?.() === 0 && process.env.CI) {
    log(`installing Debian packages: ${missing.join(' ')}`);
    const env = cleanEnv({ DEBIAN_FRONTEND: 'noninteractive' });
    for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...missing]]) {
      const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
      if (result.status !== 0) return `apt-get ${args.join(' ')} failed`;
    }
    return undefined;
  }
  return `Missing Debian packages: ${missing.join(', ')}. Install them with:\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}\n` +
    '(this runner installs them itself when run as root with CI set)';
}

function main(): number {
  const p = paths();
  const started = Date.now();
  const cli = join(p.root, 'bin/council-notes.js');
  if (!existsSync(join(p.root, 'dist/cli.js'))) {
    console.log('dist/cli.js is missing: run "npm run build" first (npm run test:editors does).\n0 passed, 1 failed');
    return 1;
  }
  const problem = ensureInstalled();
  if (problem) {
    console.log(`${problem}\n0 passed, 1 failed`);
    return 1;
  }
  const artifacts = join(p.artifacts, 'editors');
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  // What users configure: the command that starts the server over stdio.
  const serverCommand = [process.execPath, cli, 'lsp', '--stdio'];

  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const editor of EDITORS) {
    const editorStarted = Date.now();
    const workspace = join(p.tmp, 'editors', editor.name, 'workspace');
    rmSync(join(p.tmp, 'editors', editor.name), { recursive: true, force: true });
    mkdirSync(join(p.tmp, 'editors', editor.name), { recursive: true });
    cpSync(join(p.root, 'test/editors/workspace'), workspace, { recursive: true });
    const [command, ...args] = editor.command(workspace, p.root);
    console.log(`\n${editor.name} (${editor.version()})`);
    const result = spawnSync(command, args, {
      cwd: workspace,
      encoding: 'utf8',
      timeout: 180_000,
      env: {
        ...cleanEnv(),
        COUNCIL_NOTES_CMD: serverCommand.join('\t'),
        COUNCIL_NOTES_WORKSPACE: workspace,
        HOME: join(p.tmp, 'editors', editor.name), // no user init files, no state in the real home
        XDG_CONFIG_HOME: join(p.tmp, 'editors', editor.name, 'config'),
        XDG_DATA_HOME: join(p.tmp, 'editors', editor.name, 'data'),
        XDG_STATE_HOME: join(p.tmp, 'editors', editor.name, 'state'),
      },
    });
    writeFileSync(join(artifacts, `${editor.name}.log`), `$ ${command} ${args.join(' ')}\n\n--- stdout\n${result.stdout ?? ''}\n--- stderr\n${result.stderr ?? ''}`);
    const lines = (result.stdout ?? '').split('\n').filter((l) => /^(ok {3}|FAIL |skip )/.test(l));
    for (const line of lines) {
      const state = line.slice(0, 4);
      if (state === 'ok  ') passed++;
      else if (state === 'FAIL') failed++;
      else skipped++;
      const detail = line.slice(5);
      const clipped = detail.length > 300 ? `${detail.slice(0, 299)}…` : detail;
      console.log(`  ${state} ${editor.name} ${clipped}`);
    }
    const timedOut = result.error && /ETIMEDOUT/.test(String(result.error));
    if (lines.length === 0 || timedOut || (result.status !== 0 && !lines.some((l) => l.startsWith('FAIL')))) {
      failed++;
      console.log(`  FAIL ${editor.name}: ${timedOut ? 'timed out' : `exited with ${result.status ?? result.signal}`} ` +
        `(${lines.length} checks reported); see ${join(artifacts, `${editor.name}.log`)}\n       ${(result.stderr ?? '').trim().split('\n').slice(-5).join('\n       ')}`);
    }
    console.log(`  (${((Date.now() - editorStarted) / 1000).toFixed(1)} s)`);
  }
  log(`finished in ${((Date.now() - started) / 1000).toFixed(1)} s; logs in ${artifacts}`);
  // A skipped check is a check that did not run: it fails the run like a failure, with its reason above.
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  return failed > 0 || skipped > 0 || passed === 0 ? 1 : 0;
}

process.exit(main());
