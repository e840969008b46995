/**
 * npm run bench: speed and memory of Council Notes, side by side with remark and markdownlint.
 *
 *   (a) remark-parse + remark-gfm alone   (b) markdownlint, default rules   (c) our full check
 * on drafts of 12 KB, 100 KB, 1 MB and 10 MB generated from examples/, interleaved, after
 * warm-up, reporting median and p95 and the ratios c/a and c/b. Then the language server over
 * stdio with a real JSON-RPC client: edit → diagnostics latency (debounce off, reported apart),
 * cold start, RSS with 20 open 100 KB drafts; and a CLI check of a 1,000-note workspace. Before
 * the server: the CLI's cold start on one 12 KB draft beside markdownlint's, each in its own
 * process, with the time of each stage (`--cold-only` runs only that).
 * Figures, not pass/fail: targets are printed beside them. `--quick` stops at 100 KB;
 * `--server-only` skips the full-check table, `--check-only` everything after it.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { cpus } from 'node:os';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { checkDraft } from '../server/src/core/check';
import { loadLanguages, packageRoot } from '../server/src/node/resources';
import { loadModelFromDisk } from '../server/src/node/session';
import { LspTestClient } from '../test/support/lsp-client';
import { compareFigure } from './bench-compare';
import { debounceFigure, keystrokeFigure } from './bench-keystroke';

const root = packageRoot();
const work = join(root, '.tmp', 'bench');
const SIZES: [string, number, number][] = [['12 KB', 12_000, 40], ['100 KB', 100_000, 15], ['1 MB', 1_000_000, 5], ['10 MB', 10_000_000, 1]];
const quick = process.argv.includes('--quick');

function exampleDrafts(): string[] {
  return ['en', 'nl', 'fr', 'de'].flatMap((lang) => readdirSync(join(root, 'examples', lang)).sort().map((name) => readFileSync(join(root, 'examples', lang, name), 'utf8')));
}

/** A draft of about `size` characters: example drafts one after the other, as a consolidated report would be. */
function draftOfSize(size: number, drafts = exampleDrafts()): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    // Each part keeps its own footnote labels, as a consolidated report renumbers them.
    const part = `${drafts[i % drafts.length].replace(/^---[\s\S]*?---\n/, '').replace(/\[\^([^\]]+)\]/g, `[^$1-${i}]`)}\n\n`;
    parts.push(part);
    length += part.length;
  }
  return parts.join('').slice(0, size);
}

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95) };
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1)).padStart(7);

/** (a) remark + GFM, (b) markdownlint with its default rules, (c) the full check (no size limit). */
async function runnerOf(name: string): Promise<(text: string) => void> {
  if (name === 'a') {
    const remark = unified().use(remarkParse).use(remarkGfm);
    return (text) => { remark.parse(text); };
  }
  if (name === 'b') {
    const { lint } = await import('markdownlint/sync');
    return (text) => { lint({ strings: { draft: text } }); };
  }
  const languages = loadLanguages();
  const model = loadModelFromDisk([]).build.index;
  return (text) => { checkDraft({ text, model, languages, settings: { maxDocumentSize: Number.POSITIVE_INFINITY } }); };
}

async function main(): Promise<void> {
  const single = process.argv.indexOf('--single');
  if (single >= 0) { await singleRun(process.argv[single + 1], Number(process.argv[single + 2])); return; }
  if (process.argv.includes('--cold-stages')) { coldStages(process.argv[process.argv.indexOf('--cold-stages') + 1]); return; }
  if (process.argv.includes('--cold-only')) { coldStart(); return; }
  if (process.argv.includes('--keystroke-only')) { await keystrokeFigure(loadModelFromDisk([]).build.index, loadLanguages(), (size) => draftOfSize(size), [['12 KB', 12_000], ['100 KB', 100_000], ['1 MB', 1_000_000]]); return; }
  if (process.argv.includes('--debounce-only')) { await debounceFigure(loadModelFromDisk([]).build.index, loadLanguages(), (size) => draftOfSize(size)); return; }
  console.log(`Council Notes benchmark — ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}\n`);
  const started = performance.now();
  const runners: [string, (text: string) => void][] = [['a remark', await runnerOf('a')], ['b markdownlint', await runnerOf('b')], ['c council-notes', await runnerOf('c')]];
  console.log(`model load (built-in model): ${(performance.now() - started).toFixed(0)} ms\n`);
  if (process.argv.includes('--server-only')) { await serverFigures(); workspaceFigure(); return; }
  console.log('Full check, one process, interleaved (ms)');
  console.log('size      (a) median   p95 | (b) median   p95 | (c) median   p95 |  c/a   c/b |   MB/s (c)');
  for (const [label, size, iterations] of SIZES.slice(0, quick ? 2 : 4)) {
    if (size >= 10_000_000) { hugeDraftRow(label, size); continue; }
    const text = draftOfSize(size);
    const times: number[][] = runners.map(() => []);
    // Large sizes: one warm-up at 1 MB, none at 10 MB (a single run takes tens of seconds).
    const warmUp = size >= 10_000_000 ? 0 : size >= 1_000_000 ? 1 : 3;
    for (let i = 0; i < warmUp + iterations; i++) {
      // Rotate the order so that no runner always goes first (caches, GC).
      for (let k = 0; k < runners.length; k++) {
        const index = (i + k) % runners.length;
        const t = performance.now();
        runners[index][1](text);
        if (i >= warmUp) times[index].push(performance.now() - t);
      }
    }
    const [a, b, c] = times.map(stats);
    console.log(`${label.padEnd(8)} ${ms(a.median)} ${ms(a.p95)} | ${ms(b.median)} ${ms(b.p95)} | ${ms(c.median)} ${ms(c.p95)} | ${(c.median / a.median).toFixed(2).padStart(4)} ${(c.median / b.median).toFixed(2).padStart(5)} | ${(text.length / 1e6 / (c.median / 1000)).toFixed(2).padStart(8)}`);
  }
  console.log('targets: c/a ≤ 1.1 and c/b < 1\n');
  compareFigure(loadModelFromDisk([]).build.index, loadLanguages());
  await keystrokeFigure(loadModelFromDisk([]).build.index, loadLanguages(), (size) => draftOfSize(size), SIZES.slice(0, quick ? 2 : 3).map(([label, size]) => [label, size]));
  await debounceFigure(loadModelFromDisk([]).build.index, loadLanguages(), (size) => draftOfSize(size));
  if (process.argv.includes('--check-only')) return;

  coldStart();
  await serverFigures();
  workspaceFigure();
}

/**
 * Median wall time and median CPU time (user + system, ms, as the process reports it at exit) of
 * `runs` runs of a command, each in its own process, after one warm-up run. CPU is the figure a
 * shared machine does not distort: a loaded machine stretches the wall time, not the work.
 */
function processCost(args: string[], env: NodeJS.ProcessEnv = {}, runs = 10): { wall: number; cpu: number } {
  mkdirSync(work, { recursive: true });
  const reporter = join(work, 'cpu-at-exit.cjs');
  writeFileSync(reporter, "process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeSync(2, `\\ncpu-us ${u.user + u.system}\\n`); });\n");
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t = performance.now();
    const run = spawnSync(process.execPath, ['--require', reporter, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 24 });
    if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')}: exit ${run.status}\n${run.stderr}`);
    if (i > 0) {
      times.push(performance.now() - t);
      cpu.push(Number(/cpu-us (\d+)/.exec(run.stderr)?.[1] ?? Number.NaN) / 1000);
    }
  }
  return { wall: stats(times).median, cpu: stats(cpu).median };
}

/**
 * Cold start: `council-notes check` on one 12 KB draft in its own process, as a pre-commit hook
 * runs it, beside markdownlint linting the same file in its own process; then where the time
 * goes (node start, bundle load, language data, model, the first check).
 */
function coldStart(): void {
  mkdirSync(work, { recursive: true });
  const draft = join(work, 'cold-12k.md');
  writeFileSync(draft, draftOfSize(12_000));
  const markdownlint = join(work, 'markdownlint-one-file.mjs');
  writeFileSync(markdownlint, `import { lint } from ${JSON.stringify(pathToFileURL(join(root, 'node_modules', 'markdownlint', 'lib', 'exports-sync.mjs')).href)};\nprocess.stdout.write(lint({ files: [process.argv[2]] }).toString());\n`);
  const cli = join(root, 'bin', 'council-notes.js');
  console.log('Cold start: one 12 KB draft, each run in its own process (median of 10, ms)');
  const nodeCost = processCost(['-e', '0']);
  const oursCost = processCost([cli, 'check', draft]);
  const noCacheCost = processCost([cli, 'check', draft], { COUNCIL_NOTES_COMPILE_CACHE: '0' });
  const theirsCost = processCost([markdownlint, draft]);
  const [node, ours, noCache, theirs] = [nodeCost, oursCost, noCacheCost, theirsCost].map((cost) => cost.wall);
  console.log(`node -e 0 ${ms(node)} | council-notes check ${ms(ours)} (compile cache off: ${ms(noCache).trim()}) | markdownlint ${ms(theirs)} | ratio ${(ours / theirs).toFixed(2)}  (targets: ≤ 250 ms, ratio < 1)`);
  console.log(`CPU (user + system): node -e 0 ${ms(nodeCost.cpu)} | council-notes check ${ms(oursCost.cpu)} (compile cache off: ${ms(noCacheCost.cpu).trim()}) | markdownlint ${ms(theirsCost.cpu)} | ratio ${(oursCost.cpu / theirsCost.cpu).toFixed(2)}  (targets: ≤ 250 ms, ratio < 1)`);
  const stages = spawnSync(process.execPath, [__filename, '--cold-stages', draft], { encoding: 'utf8' });
  console.log(`${stages.stdout.trim()}\n`);
}

/** `--cold-stages FILE`: in a fresh process, the time of each stage of a CLI check of FILE. */
function coldStages(file: string): void {
  const started = performance.now();
  let t = performance.now();
  const lap = () => { const now = performance.now(); const took = now - t; t = now; return ms(took).trim(); };
  const bundle = spawnSync(process.execPath, ['-e', `const t = performance.now(); require(${JSON.stringify(join(root, 'dist', 'cli.js'))}); console.log(performance.now() - t)`], { encoding: 'utf8' });
  const bundleMs = Number(bundle.stdout.trim());
  t = performance.now();
  const languages = loadLanguages();
  const languagesMs = lap();
  const model = loadModelFromDisk([]).build.index;
  const modelMs = lap();
  checkDraft({ text: readFileSync(file, 'utf8'), model, languages });
  const checkMs = lap();
  console.log(`stages: node start + this script's bundle ${ms(started).trim()} · CLI bundle load (no compile cache) ${ms(bundleMs).trim()} · language data ${languagesMs} · built-in model and its index ${modelMs} · first check ${checkMs}`);
}

/**
 * 10 MB: one run of each, each in a child process stopped after HUGE_LIMIT_MS (remark and
 * micromark grow faster than linearly here: footnote definitions are looked up in a list), so
 * that the rest of the benchmark still runs. A stopped run prints as "> limit".
 */
const HUGE_LIMIT_MS = 150_000;

function hugeDraftRow(label: string, size: number): void {
  const time = (runner: string): number | undefined => {
    const run = spawnSync(process.execPath, [__filename, '--single', runner, String(size)], { encoding: 'utf8', timeout: HUGE_LIMIT_MS, maxBuffer: 1 << 20 });
    const ms = /^single (\d+(?:\.\d+)?)$/m.exec(run.stdout ?? '')?.[1];
    return ms === undefined ? undefined : Number(ms);
  };
  const [a, b, c] = ['a', 'b', 'c'].map(time);
  const cell = (value: number | undefined) => (value === undefined ? `> ${HUGE_LIMIT_MS / 1000} s`.padStart(15) : `${ms(value)}  (1 run)`);
  const ratio = (x: number | undefined, y: number | undefined, width: number) => (x !== undefined && y !== undefined ? (x / y).toFixed(2) : '–').padStart(width);
  console.log(`${label.padEnd(8)} ${cell(a)} | ${cell(b)} | ${cell(c)} | ${ratio(c, a, 4)} ${ratio(c, b, 5)} | ${c === undefined ? '–'.padStart(8) : (size / 1e6 / (c / 1000)).toFixed(2).padStart(8)}`);
}

/** `--single a|b|c SIZE`: one timed run in this process, for hugeDraftRow. */
async function singleRun(runner: string, size: number): Promise<void> {
  const text = draftOfSize(size);
  const run = await runnerOf(runner);
  const t = performance.now();
  run(text);
  console.log(`single ${(performance.now() - t).toFixed(0)}`);
}

async function serverFigures(): Promise<void> {
  mkdirSync(work, { recursive: true });
  process.env.COUNCIL_NOTES_DEBOUNCE_MS = '0';
  console.log('Language server over stdio (debounce off for these figures; the editor adds its 50 ms debounce)');

  const coldStart = performance.now();
  const cold = new LspTestClient();
  await cold.initialize(work);
  const coldUri = pathToFileURL(join(work, 'cold.md')).toString();
  cold.open(coldUri, draftOfSize(12_000));
  await cold.diagnostics(coldUri, () => true, 60_000);
  console.log(`cold start → first diagnostics (12 KB draft): ${(performance.now() - coldStart).toFixed(0)} ms`);
  await cold.shutdown();

  const client = new LspTestClient();
  await client.initialize(work);
  console.log('size      position  p50 (ms)  p95 (ms)  target p95');
  for (const [label, size] of SIZES.slice(0, quick ? 2 : 3)) {
    const uri = pathToFileURL(join(work, `edit-${size}.md`)).toString();
    let text = draftOfSize(size);
    client.open(uri, text);
    await client.diagnostics(uri, () => true, 120_000);
    for (const position of ['start', 'middle', 'end'] as const) {
      const times: number[] = [];
      for (let i = 0; i < (size >= 1_000_000 ? 10 : 25); i++) {
        // Typing a letter in a paragraph near that position.
        const anchor = position === 'start' ? text.indexOf('\n\n', 200) : position === 'middle' ? text.indexOf('\n\n', text.length / 2) : text.lastIndexOf('\n\n', text.length - 200);
        const at = Math.max(0, anchor - 5);
        text = `${text.slice(0, at)}x${text.slice(at)}`;
        const t = performance.now();
        const version = client.change(uri, text);
        await client.diagnostics(uri, (p) => p.version === version, 120_000);
        times.push(performance.now() - t);
      }
      const { median, p95 } = stats(times);
      const target = size <= 12_000 ? '15' : size >= 1_000_000 ? '50' : '–';
      console.log(`${label.padEnd(8)}  ${position.padEnd(8)} ${ms(median)}   ${ms(p95)}   ${target.padStart(6)}`);
    }
    client.close(uri);
  }

  const drafts = Array.from({ length: 20 }, (_, i) => ({ uri: pathToFileURL(join(work, `open-${i}.md`)).toString(), text: draftOfSize(100_000, exampleDrafts().slice(i % 5)) }));
  for (const draft of drafts) client.open(draft.uri, draft.text);
  for (const draft of drafts) await client.diagnostics(draft.uri, () => true, 120_000);
  const status = readFileSync(`/proc/${client.process.pid}/status`, 'utf8');
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  console.log(`server RSS with 20 open 100 KB drafts: ${rss.toFixed(0)} MB (target ≤ 150 MB)\n`);
  await client.shutdown();
}

function workspaceFigure(): void {
  const dir = join(work, 'workspace');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const drafts = exampleDrafts();
  for (let i = 0; i < 1000; i++) writeFileSync(join(dir, `note-${String(i).padStart(4, '0')}.md`), drafts[i % drafts.length].replace(/Presidency/g, `Presidency ${i}`));
  const t = performance.now();
  const run = spawnSync(process.execPath, [join(root, 'bin', 'council-notes.js'), 'check', '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const elapsed = performance.now() - t;
  const files = JSON.parse(run.stdout).files.length;
  console.log(`CLI check of a 1,000-note workspace (${files} files): ${(elapsed / 1000).toFixed(2)} s on ${cpus().length} cores (target ≤ 5 s)`);
}

main().catch((error) => { console.error(error); process.exit(1); });
