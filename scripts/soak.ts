/**
 * `npm run soak`: the pathological drafts of test/support/fuzz-pathological.ts at the scale the
 * issue names (a 1 MB single line, 10,000 nested quotes and list levels, 100,000 footnotes,
 * 50,000 country names, "Article 1 of Article 1 of …", runs of "(", digits and capitals, and
 * more), each checked by the real core in a child process (so a hang or a crash is reported,
 * not suffered) and measured against "2 s per MB" (at least 250 ms).
 *
 * Each input runs at a quarter, half and full scale; the growth from half to full scale tells
 * linear (×2) from quadratic (×4) behaviour. Times are the best of 3 runs at full scale.
 *
 *   node out/scripts/soak.js [--only NAME[,NAME…]] [--timeout SECONDS] [--runs 3] [--regex]
 *
 * Prints size, time, MB/s and the verdict per input; writes out/soak/report.{json,md}. With
 * --regex it measures every regex literal of server/src (test/support/fuzz-regex.ts) instead and
 * writes out/soak/regex.md.
 * Exit status 1 when an input throws, crashes, times out or misses its budget.
 */
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDraft } from '../server/src/core/check';
import { parseMarkdown } from '../server/src/core/markdown/parse';
import { loadLanguages, packageRoot } from '../server/src/node/resources';
import { loadModelFromDisk } from '../server/src/node/session';
import { PATHOLOGICAL, budgetForBytes, utf8Bytes } from '../test/support/fuzz-pathological';
import { resultViolations } from '../test/support/fuzz-props';
import { findRegexes, measureRegexes } from '../test/support/fuzz-regex';

interface Measurement {
  scale: number; chars: number; bytes: number; ms: number[]; findings: number; rssMb: number; badRanges: string[]; error?: string;
  /** The Markdown parse alone (remark with the core's extensions and fixes), at full scale: what the check cannot go below. */
  parseMs?: number;
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

// ---- child: check one input at the given scales, one JSON line per scale --------------------------
if (process.argv[2] === '--child') {
  const input = PATHOLOGICAL.find((p) => p.name === process.argv[3])!;
  const scales = process.argv[4].split(',').map(Number);
  const runs = Number(process.argv[5] ?? 3);
  const languages = loadLanguages();
  const model = loadModelFromDisk([]).build.index;
  checkDraft({ text: 'Warm up: Tunesia, Turkey, Article 25a of the Visa Code, 28 September 2023.', model, languages });
  for (const scale of scales) {
    const text = input.make(scale);
    const measurement: Measurement = { scale, chars: text.length, bytes: utf8Bytes(text), ms: [], findings: 0, rssMb: 0, badRanges: [] };
    // Smaller scales run once; the full scale up to `runs` times (unless it is far over budget).
    const times = scale === scales[scales.length - 1] ? runs : 1;
    try {
      for (let i = 0; i < times; i++) {
        const started = performance.now();
        const result = checkDraft({ text, model, languages });
        measurement.ms.push(performance.now() - started);
        measurement.findings = result.findings.length;
        if (i === 0) measurement.badRanges = resultViolations(text, result).slice(0, 3).map((v) => `${v.kind}: ${v.message.slice(0, 300)}`);
        if (measurement.ms[i] > 5 * budgetForBytes(measurement.bytes)) break;
      }
      if (scale === scales[scales.length - 1] && measurement.ms[0] > budgetForBytes(measurement.bytes)) {
        const started = performance.now();
        parseMarkdown(text);
        measurement.parseMs = performance.now() - started;
      }
    } catch (error) {
      measurement.error = ((error as Error)?.stack ?? String(error)).split('\n').slice(0, 6).join('\n');
    }
    measurement.rssMb = process.memoryUsage().rss / 1e6;
    process.stdout.write(`${JSON.stringify(measurement)}\n`);
  }
  process.exit(0);
}

// ---- parent ---------------------------------------------------------------------------------------
interface Row {
  name: string;
  description: string;
  results: Measurement[];
  verdict: string;
  growth?: number;
  note?: string;
}

function runChild(name: string, scales: number[], runs: number, timeoutMs: number): Promise<{ results: Measurement[]; timedOut: boolean; crashed?: string }> {
  return new Promise((resolve) => {
    const child = fork(__filename, ['--child', name, scales.join(','), String(runs)], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const results: Measurement[] = [];
    let buffer = '';
    let stderr = '';
    let timedOut = false;
    child.stdout!.on('data', (chunk) => {
      buffer += String(chunk);
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('{')) results.push(JSON.parse(line) as Measurement);
      }
    });
    child.stderr!.on('data', (chunk) => { stderr = (stderr + String(chunk)).slice(-4000); });
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const crashed = !timedOut && (code !== 0 || signal) ? `exit ${code ?? signal}: ${stderr.split('\n').filter(Boolean).slice(-6).join(' | ')}` : undefined;
      resolve({ results, timedOut, crashed });
    });
  });
}

const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
const fmtSize = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} kB`);

async function regexAudit(): Promise<void> {
  const { literals, dynamic } = findRegexes(packageRoot());
  console.log(`council-notes regex audit: ${literals.length} literals, ${dynamic.length} RegExp constructions, ${new Date().toISOString().slice(0, 10)}\n`);
  const results = await measureRegexes(literals, 2, { small: 2000, large: 8000 });
  const rows = results.map((m) => `| \`${m.site.file.replace('server/src/', '')}:${m.site.line}\` | \`${m.site.text.replace(/\|/g, '\\|')}\` | ${m.verdict} | ${m.worst ? `${m.worst.attack.replace(/\|/g, '\\|')}: ${Number.isFinite(m.worst.small) ? m.worst.small.toFixed(2) : '-'} → ${Number.isFinite(m.worst.large) ? m.worst.large.toFixed(2) : '-'} ms` : '-'} |`);
  for (const m of results) if (m.verdict !== 'linear') console.log(`${m.verdict.padEnd(13)} ${m.site.file}:${m.site.line} ${m.site.text}  worst: ${m.worst?.attack} ${m.worst?.small.toFixed(1)} → ${m.worst?.large.toFixed(1)} ms (2,000 → 8,000 characters)`);
  console.log(`\n${results.filter((m) => m.verdict === 'linear').length} of ${results.length} literals linear`);
  const outDir = join(packageRoot(), 'out', 'soak');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'regex.md'), `| where | pattern | verdict | worst attack: 2,000 → 8,000 chars |\n|---|---|---|---|\n${rows.join('\n')}\n\nRegExp constructions (patterns built from language and model data):\n\n${dynamic.map((d) => `- \`${d.file.replace('server/src/', '')}:${d.line}\``).join('\n')}\n`);
  process.exitCode = results.some((m) => m.verdict !== 'linear') ? 1 : 0;
}

async function main(): Promise<void> {
  if (process.argv.includes('--regex')) return regexAudit();
  const only = argument('only')?.split(',');
  const timeoutMs = Number(argument('timeout') ?? 120) * 1000;
  const runs = Number(argument('runs') ?? 3);
  const inputs = PATHOLOGICAL.filter((p) => !only || only.includes(p.name));
  if (inputs.length === 0) throw new Error(`no input named ${only?.join(', ')}; known: ${PATHOLOGICAL.map((p) => p.name).join(', ')}`);
  console.log(`council-notes soak: ${inputs.length} inputs, budget 2 s per MB (at least 250 ms), best of ${runs} at full scale, ${timeoutMs / 1000} s timeout per input, ${new Date().toISOString().slice(0, 10)}, node ${process.version}\n`);
  console.log(`${'input'.padEnd(34)} ${'size'.padStart(10)} ${'time'.padStart(8)} ${'MB/s'.padStart(7)} ${'budget'.padStart(8)}  ${'×2 size →'.padStart(10)}  verdict`);
  const rows: Row[] = [];
  for (const input of inputs) {
    const scales = [...new Set([Math.max(1, Math.floor(input.full / 4)), Math.max(1, Math.floor(input.full / 2)), input.full])];
    const { results, timedOut, crashed } = await runChild(input.name, scales, runs, timeoutMs);
    const row: Row = { name: input.name, description: input.description, results, verdict: 'ok' };
    const full = results.find((r) => r.scale === input.full);
    const half = results.find((r) => r.scale === Math.floor(input.full / 2));
    const best = (m?: Measurement) => (m && m.ms.length > 0 ? Math.min(...m.ms) : undefined);
    if (half && full && !half.error && !full.error && best(half)! > 20) row.growth = best(full)! / best(half)!;
    const failed = results.find((r) => r.error);
    if (failed) {
      row.verdict = 'THROWS';
      row.note = `at scale ${failed.scale}: ${failed.error!.split('\n')[0]}`;
    } else if (timedOut) {
      row.verdict = 'TIMEOUT';
      const last = results.at(-1);
      row.note = `killed after ${timeoutMs / 1000} s${last ? `; scale ${last.scale} took ${fmtMs(best(last)!)}` : ''}`;
    } else if (crashed) {
      row.verdict = 'CRASH';
      row.note = crashed;
    } else if (full && full.badRanges.length > 0) {
      row.verdict = 'BAD RANGES';
      row.note = full.badRanges.join('; ');
    } else if (full && best(full)! > budgetForBytes(full.bytes)) {
      row.verdict = 'SLOW';
      if (full.parseMs !== undefined) row.note = `the Markdown parse alone takes ${fmtMs(full.parseMs)}`;
    }
    if (row.verdict === 'ok' && row.growth !== undefined && row.growth > 3) row.verdict = 'ok (super-linear)';
    rows.push(row);
    const shown = full ?? results.at(-1);
    const ms = best(shown);
    const mbps = shown && ms ? (shown.bytes / 1e6) / (ms / 1000) : undefined;
    console.log(`${input.name.padEnd(34)} ${(shown ? fmtSize(shown.bytes) : '-').padStart(10)} ${(ms !== undefined ? fmtMs(ms) : '-').padStart(8)} ${(mbps !== undefined ? mbps.toFixed(2) : '-').padStart(7)} ${(shown ? fmtMs(budgetForBytes(shown.bytes)) : '-').padStart(8)}  ${(row.growth !== undefined ? `×${row.growth.toFixed(1)}` : '-').padStart(10)}  ${row.verdict}${row.note ? ` (${row.note})` : ''}${shown && shown.scale !== input.full ? ` [largest finished scale ${shown.scale} of ${input.full}]` : ''}`);
  }

  const outDir = join(packageRoot(), 'out', 'soak');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'report.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`);
  const md = ['| input | size | time (best) | MB/s | budget | ×2 size → | findings | verdict |', '|---|---:|---:|---:|---:|---:|---:|---|', ...rows.map((row) => {
    const full = row.results.find((r) => r.scale === PATHOLOGICAL.find((p) => p.name === row.name)!.full) ?? row.results.at(-1);
    const ms = full && full.ms.length ? Math.min(...full.ms) : undefined;
    return `| ${row.description} | ${full ? fmtSize(full.bytes) : '-'} | ${ms !== undefined ? fmtMs(ms) : '-'} | ${full && ms ? ((full.bytes / 1e6) / (ms / 1000)).toFixed(2) : '-'} | ${full ? fmtMs(budgetForBytes(full.bytes)) : '-'} | ${row.growth !== undefined ? `×${row.growth.toFixed(1)}` : '-'} | ${full?.findings ?? '-'} | ${row.verdict}${row.note ? `: ${row.note.replace(/\|/g, '\\|')}` : ''} |`;
  })].join('\n');
  writeFileSync(join(outDir, 'report.md'), `${md}\n`);
  const bad = rows.filter((row) => !row.verdict.startsWith('ok'));
  console.log(`\n${rows.length - bad.length} of ${rows.length} inputs within budget${bad.length ? `; not: ${bad.map((r) => `${r.name} (${r.verdict})`).join(', ')}` : ''}. Report: out/soak/report.md`);
  process.exitCode = bad.length > 0 ? 1 : 0;
}

void main();
