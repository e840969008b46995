/**
 * The language server in other editors: Neovim's built-in LSP client and Emacs with eglot, both
 * headless, each started on `council-notes lsp --stdio` as docs/editors.md tells users to.
 *
 *   npm run test:editors
 *
 * The configuration each editor gets is the recipe in docs/editors.md (its `editor-recipe` blocks,
 * written to files here), and `council-notes` is on the PATH as `npm install --global` puts it: a
 * link to the package's bin/council-notes.js. The Neovim 0.11 recipe is checked to fail on 0.7 with
 * the error the docs quote; the Helix recipe is parsed as TOML (Helix is not in Debian).
 *
 * Needs Debian's `neovim` (0.7) and `emacs-nox` + `elpa-eglot` + `elpa-markdown-mode`: installed
 * with apt-get when running as root with CI set, otherwise the command is printed. Each editor
 * gets a fresh copy of test/editors/workspace in .tmp/editors/ and runs its script
 * (test/editors/neovim/test.lua, test/editors/emacs/test.el), which prints one
 * "ok   NAME: …" / "FAIL NAME: …" / "skip NAME: …" line per check: diagnostics, settings, hover,
 * completion, quick fix. A skip is shown with its reason and fails the run: every check must run.
 * Logs go to .tmp/artifacts/editors/. The last line printed is "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { paths } from '../vscode/common';
import { cleanEnv } from '../vscode/run-code-server';

const log = (message: string) => console.log(`[test:editors] ${message}`);

/** A recipe of docs/editors.md: the code block after `<!-- editor-recipe: NAME -->`. */
export function recipe(root: string, name: string): string {
  const page = readFileSync(join(root, 'docs', 'editors.md'), 'utf8');
  const block = new RegExp(`<!-- editor-recipe: ${name} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``).exec(page);
  if (!block) throw new Error(`docs/editors.md has no editor-recipe ${name}`);
  return block[1];
}
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
    command: (workspace, root) => {
      // init.lua is the recipe, as the user writes it.
      writeFileSync(join(workspace, '..', 'init.lua'), recipe(root, 'neovim-0.7'));
      return ['nvim', '--headless', '-u', join(workspace, '..', 'init.lua'), '-i', 'NONE', '-n', '-c', `luafile ${join(root, 'test/editors/neovim/test.lua')}`];
    },
  },
  {
    name: 'emacs',
    packages: ['emacs-nox', 'elpa-eglot', 'elpa-markdown-mode'],
    installed: () => spawnSync('emacs', ['--version']).status === 0 && existsSync(ELPA) && ['eglot-', 'markdown-mode-'].every((p) => readdirSync(ELPA).some((d) => d.startsWith(p))),
    version: () => `${firstLine('emacs', ['--version'])}, ${existsSync(ELPA) ? readdirSync(ELPA).filter((d) => /^(eglot|markdown-mode)-/.test(d)).join(', ') : 'no eglot'}`,
    command: (workspace, root) => {
      // eglot manages projects: a git repository makes the workspace one.
      spawnSync('git', ['init', '-q'], { cwd: workspace });
      // The recipes as the user writes them: init.el, and .dir-locals.el in the project.
      writeFileSync(join(workspace, '..', 'init.el'), recipe(root, 'emacs-init'));
      writeFileSync(join(workspace, '.dir-locals.el'), recipe(root, 'emacs-dir-locals'));
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
  // `council-notes` on the PATH as `npm install --global` puts it: a link to the package's bin.
  const bin = join(p.tmp, 'editors', 'bin');
  rmSync(bin, { recursive: true, force: true });
  mkdirSync(bin, { recursive: true });
  symlinkSync(cli, join(bin, 'council-notes'));
  const PATH = `${bin}:${dirname(process.execPath)}:${process.env.PATH ?? ''}`;

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
        PATH,
        COUNCIL_NOTES_WORKSPACE: workspace,
        COUNCIL_NOTES_INIT: join(workspace, '..', 'init.el'),
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
  for (const [name, problem] of recipesNotRun(p.root, join(p.tmp, 'editors'))) {
    if (problem.startsWith('ok')) { passed++; console.log(`  ok   ${name}: ${problem.slice(3)}`); } else { failed++; console.log(`  FAIL ${name}: ${problem}`); }
  }
  log(`finished in ${((Date.now() - started) / 1000).toFixed(1)} s; logs in ${artifacts}`);
  // A skipped check is a check that did not run: it fails the run like a failure, with its reason above.
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  return failed > 0 || skipped > 0 || passed === 0 ? 1 : 0;
}

/**
 * The recipes no editor here can run: the Neovim 0.11 one must fail on Debian's 0.7 with the error
 * docs/editors.md quotes (so the two stay apart), and the Helix one must be the TOML it shows.
 * Each result is "ok …" or the problem.
 */
function recipesNotRun(root: string, tmp: string): [string, string][] {
  const results: [string, string][] = [];
  const lua = join(tmp, 'neovim-0.11.lua');
  writeFileSync(lua, recipe(root, 'neovim-0.11'));
  const version = firstLine('nvim', ['--version']);
  const nvim = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `lua local ok, err = pcall(dofile, ${JSON.stringify(lua)}); io.stdout:write(ok and 'loaded' or tostring(err)); vim.cmd('qall!')`], { encoding: 'utf8', timeout: 30_000 });
  const said = `${nvim.stdout}${nvim.stderr}`.trim();
  if (!/^NVIM v0\.(7|8|9|10)\./.test(version)) results.push(['neovim-0.11 recipe', `ok ${version}: not checked against 0.7`]);
  else results.push(['neovim-0.11 recipe', /attempt to call field 'config' \(a nil value\)/.test(said) ? `ok rejected by ${version} as the docs say` : `expected "attempt to call field 'config' (a nil value)", got: ${said}`]);
  const toml = join(tmp, 'helix-languages.toml');
  writeFileSync(toml, recipe(root, 'helix'));
  const parse = spawnSync('/usr/bin/python3', ['-c', 'import json, sys, tomllib; print(json.dumps(tomllib.load(open(sys.argv[1], "rb"))))', toml], { encoding: 'utf8' });
  if (parse.status !== 0) results.push(['helix recipe', `not valid TOML: ${parse.stderr.trim()}`]);
  else {
    const config = JSON.parse(parse.stdout);
    const server = config['language-server']?.['council-notes'];
    const ok = server?.command === 'council-notes' && JSON.stringify(server.args) === '["lsp","--stdio"]'
      && server.config?.councilNotes?.rules?.['unknown-article'] === 'warning'
      && config.language?.[0]?.name === 'markdown' && config.language[0]['language-servers']?.includes('council-notes');
    results.push(['helix recipe', ok ? 'ok valid TOML: council-notes lsp --stdio for markdown (Helix is not in Debian: not run)' : `unexpected shape: ${parse.stdout}`]);
  }
  return results;
}

process.exit(main());
