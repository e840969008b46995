/**
 * End-to-end: the packaged extension in real VS Code, as a user sees it.
 *
 *   npm run test:e2e
 *
 * Builds the .vsix (scripts/package.mjs), installs it into code-server (VS Code 1.139 from npm, run
 * by Node 24 from npm: the install cache of test/vscode/run-code-server.ts, in .tmp/node24 and
 * .tmp/code-server) with `--install-extension`, opens test/e2e/workspace in headless Debian
 * Chromium through playwright-core and works the workbench with mouse and keyboard only:
 *
 *   1. the extension from the .vsix is installed and listed in the Extensions view;
 *   2. a draft with planted errors: squiggles, and its findings in the Problems panel;
 *   3. hovering a country shows the model's card;
 *   4. typing "See Regulation (EU) " opens a completion list of citations; Enter inserts one;
 *   5. Ctrl+. on "Turkey" offers the fix, applying it writes "Türkiye" and the finding is gone;
 *   6. a broken workspace model file is reported in the Problems panel at its line;
 *   7. the walkthrough opens.
 *
 * A screenshot per step goes to .tmp/artifacts/e2e/ (also when the step fails), with the
 * code-server log and the browser console. The last line printed is "N passed, N failed".
 * Environment: CHROMIUM (browser binary), COUNCIL_NOTES_E2E_VSIX (test this .vsix instead of
 * building one), COUNCIL_NOTES_E2E_KEEP=1 (leave code-server running at the end, for a look).
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { paths } from '../vscode/common';
import {
  HarnessError, launchChromium, workbenchPage, cleanEnv, codeServer, collectLogs, ensureDebianPackages, freePort, killGroup, node24, waitForHealth,
} from '../vscode/run-code-server';

// Browser globals of the page.evaluate callbacks, which run in Chromium, not in Node (the project's
// tsconfig has no DOM library; declared here, they stay local to this module).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const NodeFilter: { SHOW_TEXT: number };
type Text = { data: string };
type HTMLElement = { style: { top: string }; textContent: string | null };
/* eslint-enable @typescript-eslint/no-explicit-any */

const log = (message: string) => console.log(`[test:e2e] ${message}`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const STEP_TIMEOUT_MS = 60_000;
const EXTENSION_ID = 'council-notes.council-notes';

/** Text as the editor renders it: non-breaking spaces for spaces. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

async function waitUntil<T>(what: string, get: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await get();
  while (!ok(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(value).slice(0, 600)}`);
    await sleep(250);
    value = await get();
  }
  return value;
}

// ------------------------------------------------------------------------- workbench actions

class Workbench {
  constructor(readonly page: Page) {}

  /** Ctrl+P, the file's path, Enter; resolves when its tab is active. */
  async openFile(relativePath: string): Promise<void> {
    const name = relativePath.split('/').pop()!;
    const page = this.page;
    const tab = page.locator(`.tab.active[aria-label*="${name}"]`);
    for (let attempt = 1; ; attempt++) {
      try {
        await page.keyboard.press('Control+P');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible', timeout: 10_000 });
        await input.fill(relativePath);
        await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first().waitFor({ timeout: 10_000 });
        await sleep(200);
        await page.keyboard.press('Enter');
        await tab.waitFor({ timeout: 5_000 });
        break;
      } catch (err) {
        if (attempt === 3) throw err;
        await page.keyboard.press('Escape');
        await sleep(500);
      }
    }
    await sleep(300);
  }

  /** Go to line:column (1-based, as the status bar shows) through Quick Open's ":" mode. */
  async goTo(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`:${line}:${column}`);
    await sleep(300);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    await waitUntil(`the cursor at Ln ${line}, Col ${column}`, () => this.page.locator('[id="status.editor.selection"]').innerText(), (t) => t.includes(`Ln ${line}, Col ${column}`), 5_000);
  }

  /** Runs a command from the Command Palette by its title. */
  async command(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
    await this.page.keyboard.press('Enter');
    await sleep(300);
  }

  /** The rendered lines of the active editor, top to bottom. */
  async editorLines(): Promise<string[]> {
    return this.page.evaluate(() => {
      const editor = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
      if (!editor) return [];
      return ([...editor.querySelectorAll('.view-line')] as HTMLElement[])
        .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
        .map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' '));
    });
  }

  async squiggles(): Promise<number> {
    return this.page.locator('.editor-group-container.active .monaco-editor [class*="squiggly-"]').count();
  }

  /** Opens the Problems panel (status bar item) and returns its rows' text. */
  async problems(): Promise<string[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible().catch(() => false))) {
      await this.page.locator('[id="status.problems"]').click();
      await panel.waitFor({ state: 'visible', timeout: 10_000 });
      await sleep(300);
    }
    return (await this.page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((t) => plain(t).replace(/\s+/g, ' ').trim());
  }

  /** The centre of the first rendered occurrence of `text` in the active editor (it may span several tokens). */
  async pointAt(text: string): Promise<{ x: number; y: number }> {
    const point = await this.page.evaluate((needle) => {
      const root = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
      for (const line of root ? [...root.querySelectorAll('.view-line')] : []) {
        const nodes: Text[] = [];
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
        const full = nodes.map((n) => n.data).join('').replace(/\u00a0/g, ' ');
        const at = full.indexOf(needle);
        if (at < 0) continue;
        const locate = (offset: number, end: boolean): [Text, number] => {
          let seen = 0;
          for (const n of nodes) {
            if (offset < seen + n.data.length || (end && offset === seen + n.data.length)) return [n, offset - seen];
            seen += n.data.length;
          }
          const last = nodes[nodes.length - 1];
          return [last, last.data.length];
        };
        const range = document.createRange();
        range.setStart(...locate(at, false));
        range.setEnd(...locate(at + needle.length, true));
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return undefined;
    }, text);
    if (!point) throw new Error(`"${text}" is not shown in the editor; its lines: ${JSON.stringify(await this.editorLines())}`);
    return point;
  }

  async screenshot(file: string): Promise<void> {
    await this.page.screenshot({ path: file });
  }
}

// ------------------------------------------------------------------------------------ steps

interface Step {
  name: string;
  run: (wb: Workbench) => Promise<string>;
}

const DRAFT = 'drafts/planted-errors.md';
const MODEL = 'models/broken.policy.yaml';

const steps = (extensionsDir: string): Step[] => [
  {
    name: 'extension installed from the .vsix',
    run: async (wb) => {
      const installed = readdirSync(extensionsDir).filter((n) => n.startsWith(`${EXTENSION_ID}-`));
      if (installed.length !== 1) throw new Error(`expected one ${EXTENSION_ID} in ${extensionsDir}, found: ${readdirSync(extensionsDir).join(', ')}`);
      const dir = join(extensionsDir, installed[0]);
      for (const file of ['dist/client.js', 'dist/server.js', 'model/default', 'languages/en.json', 'images/icon.png']) {
        if (!existsSync(join(dir, file))) throw new Error(`${file} missing from the installed extension`);
      }
      if (existsSync(join(dir, 'node_modules')) || existsSync(join(dir, 'client/src'))) throw new Error('sources or node_modules were installed');
      await wb.page.keyboard.press('Control+Shift+X');
      await wb.page.locator('.extensions-viewlet').waitFor({ state: 'visible', timeout: 10_000 });
      await sleep(500);
      await wb.page.keyboard.type('@installed council', { delay: 20 });
      const row = wb.page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Council Notes' }).first();
      await row.waitFor({ timeout: 15_000 });
      await row.click();
      await wb.page.locator('.extension-editor', { hasText: 'Council Notes' }).first().waitFor({ timeout: 15_000 });
      await sleep(1000);
      return `${installed[0]} installed; listed under @installed`;
    },
  },
  {
    name: 'Problems panel lists the planted errors of a draft',
    run: async (wb) => {
      await wb.page.keyboard.press('Control+Shift+E');
      await wb.openFile(DRAFT);
      await waitUntil('squiggles under the planted errors', () => wb.squiggles(), (n) => n >= 4, 30_000);
      const expected = ['"Tunesia" is not a known country name', '"Turkey" is deprecated', 'Visa Code has no Article 25c', '"Regulation (EU) 2024/4321" is not in the policy model'];
      const rows = await waitUntil('the findings in the Problems panel', () => wb.problems(), (r) => expected.every((e) => r.some((row) => row.includes(e))));
      const ours = rows.filter((r) => expected.some((e) => r.includes(e)));
      if (!rows.some((r) => /unknown-article/.test(r) && /\[Ln 15, Col 64\]/.test(r))) throw new Error(`no unknown-article row at [Ln 15, Col 64]: ${rows.join(' | ')}`);
      return `${ours.length} findings shown, e.g. "${ours.find((r) => r.includes('25c'))}"`;
    },
  },
  {
    name: 'hover card for a country',
    run: async (wb) => {
      await wb.openFile(DRAFT);
      const hover = wb.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-resizable-hover .monaco-hover-content').filter({ hasText: 'Kingdom of Morocco' }).first();
      for (let attempt = 0; attempt < 3; attempt++) {
        const point = await wb.pointAt('Morocco');
        await wb.page.mouse.move(point.x - 30, point.y + 40);
        await wb.page.mouse.move(point.x, point.y, { steps: 5 });
        try {
          await hover.waitFor({ state: 'visible', timeout: 8_000 });
          break;
        } catch (err) {
          if (attempt === 2) throw err;
        }
      }
      const text = plain(await hover.innerText());
      for (const part of ['Morocco', 'MAR', 'Kingdom of Morocco', 'fr Maroc', '10 priority countries of origin and transit']) {
        if (!text.includes(part)) throw new Error(`the hover card lacks "${part}": ${text}`);
      }
      await sleep(300);
      return `card: ${text.split('\n').slice(0, 3).join(' / ')}`;
    },
  },
  {
    name: 'completion list after typing "See Regulation (EU) "',
    run: async (wb) => {
      await wb.page.mouse.move(5, 450);
      await wb.openFile('drafts/new-note.md');
      await wb.page.keyboard.press('Control+End');
      await wb.page.keyboard.press('Enter');
      await wb.page.keyboard.press('Enter');
      await wb.page.keyboard.type('See Regulation (EU) ', { delay: 40 });
      const rows = wb.page.locator('.suggest-widget.visible .monaco-list-row');
      await rows.first().waitFor({ state: 'visible', timeout: 15_000 });
      await sleep(500);
      const labels = (await rows.allInnerTexts()).map((t) => plain(t).split('\n')[0].trim());
      if (!labels.length || !labels.every((l) => l.startsWith('Regulation (EU)'))) throw new Error(`unexpected completion items: ${labels.join(' | ')}`);
      await wb.screenshot(join(artifactsDir, '04-completion-list.png'));
      await wb.page.keyboard.type('2019/18', { delay: 60 });
      await waitUntil('the list to narrow to Frontex', async () => (await rows.allInnerTexts()).map((t) => plain(t).split('\n')[0].trim()), (l) => l[0]?.startsWith('Regulation (EU) 2019/1896'), 10_000);
      await wb.page.keyboard.press('Enter');
      const line = await waitUntil('the citation in the text', () => wb.editorLines(), (ls) => ls.some((l) => l.includes('See Regulation (EU) 2019/1896')), 10_000);
      await sleep(500);
      return `${labels.length} citations offered (${labels.slice(0, 2).join(', ')}, …); accepted: "${line.find((l) => l.includes('2019/1896'))!.trim()}"`;
    },
  },
  {
    name: 'quick fix applied and its finding gone',
    run: async (wb) => {
      await wb.page.keyboard.press('Escape');
      await wb.openFile(DRAFT);
      await wb.goTo(13, 23);
      await sleep(500);
      await wb.page.keyboard.press('Control+.');
      const fix = wb.page.locator('.action-widget .monaco-list-row', { hasText: 'Replace deprecated "Turkey" with "Türkiye"' }).first();
      await fix.waitFor({ state: 'visible', timeout: 15_000 });
      const offered = (await wb.page.locator('.action-widget .monaco-list-row').allInnerTexts()).map((t) => plain(t).trim()).filter(Boolean);
      await wb.screenshot(join(artifactsDir, '05-quick-fix-menu.png'));
      await fix.click();
      await waitUntil('"Türkiye" in the text', () => wb.editorLines(), (ls) => ls.some((l) => l.includes('Cooperation with Türkiye on the prevention')), 10_000);
      const rows = await waitUntil('the deprecated-name finding to go', () => wb.problems(), (r) => !r.some((row) => row.includes('"Turkey" is deprecated')) && r.some((row) => row.includes('Tunesia')), 15_000);
      await wb.page.keyboard.press('Control+S');
      await sleep(500);
      return `offered: ${offered.join(' | ')}; ${rows.filter((r) => /drafts|deprecated|unknown/.test(r)).length} rows left`;
    },
  },
  {
    name: 'broken model file reported at its line',
    run: async (wb) => {
      await wb.openFile(MODEL);
      const rows = await waitUntil('the model-schema finding', () => wb.problems(), (r) => r.some((row) => row.includes('countries[1].id')), 30_000);
      const row = rows.find((r) => r.includes('countries[1].id'))!;
      if (!/\[Ln 7, Col 9\]/.test(row)) throw new Error(`the model-schema finding is not at line 7: ${row}`);
      if (!/model-schema/.test(row)) throw new Error(`the finding does not name its rule: ${row}`);
      await waitUntil('a squiggle in the model file', () => wb.squiggles(), (n) => n >= 1, 10_000);
      return `"${row}"`;
    },
  },
  {
    name: 'walkthrough opens with its Markdown media',
    run: async (wb) => {
      // Room for the step list and its media: no panel, no side bar.
      for (const [key, part] of [['Control+J', '.part.panel'], ['Control+B', '.part.sidebar']] as const) {
        if (await wb.page.locator(part).isVisible().catch(() => false)) await wb.page.keyboard.press(key);
      }
      await wb.command('Welcome: Open Walkthrough...');
      const choice = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with Council Notes' }).first();
      await choice.waitFor({ timeout: 10_000 });
      await choice.click();
      await wb.page.locator('.gettingStartedContainer', { hasText: 'Check a note as you write' }).first().waitFor({ state: 'visible', timeout: 15_000 });
      // The step's media is docs/walkthrough/check.md, rendered in a webview (nested frames).
      const media = await waitUntil('the step\'s Markdown media', async () => {
        for (const frame of wb.page.frames()) {
          const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
          if (text.includes('Every finding is listed in the Problems panel')) return text;
        }
        return '';
      }, (t) => t !== '', 15_000);
      await sleep(1000);
      return `steps shown; media: "${media.split('\n')[0]}"`;
    },
  },
];

// ------------------------------------------------------------------------------------ main

let artifactsDir = '';

async function main(): Promise<number> {
  const p = paths();
  artifactsDir = join(p.artifacts, 'e2e');
  rmSync(artifactsDir, { recursive: true, force: true });
  mkdirSync(artifactsDir, { recursive: true });
  const state = join(p.tmp, 'e2e-state');
  const started = Date.now();

  // The package under test.
  let vsix = process.env.COUNCIL_NOTES_E2E_VSIX ? resolve(process.env.COUNCIL_NOTES_E2E_VSIX) : '';
  if (!vsix) {
    vsix = join(p.tmp, 'e2e', 'council-notes.vsix');
    log('packaging the extension (scripts/package.mjs)');
    const packed = spawnSync(process.execPath, [join(p.root, 'scripts/package.mjs'), '--out', vsix, '--quiet'], { cwd: p.root, stdio: 'inherit' });
    if (packed.status !== 0) throw new HarnessError('scripts/package.mjs failed');
  }
  if (!existsSync(vsix)) throw new HarnessError(`${vsix} does not exist`);

  const node = node24(p);
  const entry = codeServer(p, node);
  ensureDebianPackages(false);
  log(`package and tools ready in ${seconds(started)}`);
  const playwright = createRequire(join(p.root, 'package.json'))('playwright-core') as typeof import('playwright-core');

  rmSync(state, { recursive: true, force: true });
  for (const dir of ['extensions', 'user-data/User', 'xdg-config', 'xdg-data', 'chromium']) mkdirSync(join(state, dir), { recursive: true });
  writeFileSync(join(state, 'user-data/User/settings.json'), JSON.stringify({
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.editor.enablePreview': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    'editor.hover.delay': 200,
    'editor.minimap.enabled': false,
  }, null, 2));
  const workspace = join(state, 'workspace');
  cpSync(join(p.root, 'test/e2e/workspace'), workspace, { recursive: true });

  const env = cleanEnv({ PATH: `${node.bin}:${process.env.PATH}`, XDG_CONFIG_HOME: join(state, 'xdg-config'), XDG_DATA_HOME: join(state, 'xdg-data') });
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.VSCODE_IPC_HOOK_CLI;
  const base = ['--extensions-dir', join(state, 'extensions'), '--user-data-dir', join(state, 'user-data')];

  const installStarted = Date.now();
  const install = spawnSync(join(node.bin, 'node'), [entry, ...base, '--install-extension', vsix], { cwd: state, env, encoding: 'utf8', timeout: 120_000 });
  writeFileSync(join(artifactsDir, 'install-extension.log'), `${install.stdout}\n${install.stderr}`);
  if (install.status !== 0) throw new HarnessError(`code-server --install-extension failed (${install.status}):\n${install.stdout}\n${install.stderr}`);
  log(`installed ${vsix} with code-server --install-extension in ${seconds(installStarted)}: ${install.stdout.trim().split('\n').pop()}`);

  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  const onSignal = () => { killGroup(server); process.exit(130); };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let passed = 0;
  let failed = 0;
  const consoleLines: string[] = [];
  try {
    const port = await freePort();
    const host = `127.0.0.1:${port}`;
    const out = createWriteStream(join(artifactsDir, 'code-server.log'));
    server = spawn(join(node.bin, 'node'), [
      entry, '--bind-addr', host, '--auth', 'none', ...base,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
      workspace,
    ], { cwd: state, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout?.pipe(out);
    server.stderr?.pipe(out);
    await waitForHealth(`http://${host}/healthz`, server, 30_000);

    browser = await launchChromium(playwright, state);
    const page = await workbenchPage(browser, consoleLines);
    const workbenchStarted = Date.now();
    await page.goto(`http://${host}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'drafts' }).first().waitFor({ timeout: 60_000 });
    log(`workbench up in ${seconds(workbenchStarted)}`);
    const wb = new Workbench(page);

    console.log('');
    const all = steps(join(state, 'extensions'));
    for (const [index, step] of all.entries()) {
      const stepStarted = Date.now();
      const shot = join(artifactsDir, `${String(index + 1).padStart(2, '0')}-${step.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase()}.png`);
      let outcome: string;
      try {
        outcome = await Promise.race([
          step.run(wb),
          sleep(STEP_TIMEOUT_MS).then(() => { throw new Error(`step timed out after ${STEP_TIMEOUT_MS / 1000} s`); }),
        ]);
        passed++;
        console.log(`  ok   ${step.name} (${seconds(stepStarted)})\n       ${outcome}`);
      } catch (err) {
        failed++;
        console.log(`  FAIL ${step.name} (${seconds(stepStarted)})\n       ${String(err instanceof Error ? err.message : err).split('\n').join('\n       ')}`);
      }
      await wb.screenshot(shot).catch((err) => console.log(`       no screenshot: ${String(err)}`));
      await page.keyboard.press('Escape').catch(() => undefined);
    }
    console.log(`\nScreenshots and logs: ${artifactsDir}`);
    if (process.env.COUNCIL_NOTES_E2E_KEEP === '1') {
      log(`code-server stays up at http://${host}/ (pid ${server.pid}); stop it with kill -- -${server.pid}`);
      server.unref();
      server = undefined;
    }
  } finally {
    writeFileSync(join(artifactsDir, 'browser-console.log'), consoleLines.join('\n') + '\n');
    collectLogs(join(state, 'user-data/logs'), artifactsDir);
    await browser?.close().catch(() => undefined);
    killGroup(server);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  log(`finished in ${seconds(started)}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 || passed === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof HarnessError ? `[test:e2e] ${err.message}` : err);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
