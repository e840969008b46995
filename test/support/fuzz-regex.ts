/**
 * Regular-expression audit (issue 7): finds every regular expression in server/src/** with the
 * TypeScript parser (literals, and the `new RegExp(…)` sites whose patterns are built from language
 * or model data), and measures each literal against attack strings made from its own characters,
 * at two sizes, in a worker thread that is terminated when a pattern does not return (so an
 * exponential pattern is reported, not waited for). A pattern whose time grows much faster than
 * its input is super-linear.
 *
 * Used by test/unit/robust-regex.test.ts and `npm run soak -- --regex`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as TS from 'typescript';

export interface RegexSite { file: string; line: number; text: string; source: string; flags: string }
export interface DynamicRegexSite { file: string; line: number; text: string }

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** Every regex literal and RegExp construction under `dir` (paths relative to `root`). */
export function findRegexes(root: string, dir = 'server/src'): { literals: RegexSite[]; dynamic: DynamicRegexSite[] } {
  // The compiler is loaded at run time, not bundled into the test (it is a dev dependency).
  const ts = createRequire(join(root, 'package.json'))('typescript') as typeof TS;
  const literals: RegexSite[] = [];
  const dynamic: DynamicRegexSite[] = [];
  for (const path of sourceFiles(join(root, dir))) {
    const file = relative(root, path);
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const lineOf = (node: TS.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    const visit = (node: TS.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText();
        const slash = text.lastIndexOf('/');
        literals.push({ file, line: lineOf(node), text, source: text.slice(1, slash), flags: text.slice(slash + 1) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        dynamic.push({ file, line: lineOf(node), text: node.getText().replace(/\s+/g, ' ') });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, dynamic };
}

/** Characters that stand for the classes and escapes a pattern uses, and the literals it names. */
export function alphabetOf(source: string): string[] {
  const chars = new Set<string>(['a', 'A', '1', ' ', '\n', '.', '\u0001']);
  const classes: [RegExp, string[]][] = [
    [/\\s/, [' ', '\t', '\n', '\u00a0']], [/\\S|\\w|\\p\{L|\\p\{Ll/, ['a']], [/\\p\{Lu|\[A-Z/, ['A']], [/\\d|\\p\{N|\[0-9/, ['1']],
    [/\\p\{M/, ['\u0301']], [/\\n/, ['\n']], [/\\r/, ['\r']], [/\\t/, ['\t']], [/\\u00a0/, ['\u00a0']], [/\\u0001/, ['\u0001']], [/\\uFEFF/, ['\uFEFF']],
  ];
  for (const [test, reps] of classes) if (test.test(source)) reps.forEach((c) => chars.add(c));
  // Literal characters: anything not part of regex syntax (escaped punctuation counts as its character).
  for (const match of source.matchAll(/\\([^dDsSwWbBpPuxnrtvfc0-9kq])|([^\\[\](){}|^$*+?.])/gu)) chars.add(match[1] ?? match[2]);
  return [...chars];
}

/** Multi-character literal words of a pattern ("<!--", "council-notes-"), which single characters would not reach. */
export function literalWordsOf(source: string): string[] {
  const words = new Set<string>();
  for (const match of source.matchAll(/(?:\\[.*+?^${}()|[\]\\/-]|[^\\[\](){}|^$*+?.])+/g)) {
    const word = match[0].replace(/\\(.)/g, '$1');
    if (word.length >= 2 && word.length <= 30) words.add(word);
  }
  return [...words];
}

export interface Attack { name: string; unit: string; tail: string }

/** Repetitions of characters, pairs and literal words, each followed by a character that makes the match fail late. */
export function attacksFor(source: string): Attack[] {
  const alphabet = alphabetOf(source);
  const units = new Set<string>(alphabet);
  for (const a of alphabet) for (const b of alphabet) if (a !== b) units.add(a + b);
  for (const word of literalWordsOf(source)) { units.add(word); units.add(`${word} `); }
  const attacks: Attack[] = [];
  for (const unit of units) for (const tail of ['', '\u0000', '\n']) attacks.push({ name: `${JSON.stringify(unit)}×n${tail ? ` + ${JSON.stringify(tail)}` : ''}`, unit, tail });
  return attacks;
}

export interface RegexMeasurement {
  site: RegexSite;
  /** The attack with the largest growth, and the times (ms) at the two sizes. */
  worst?: { attack: string; small: number; large: number; ratio: number; confirmed: boolean };
  timedOut?: boolean;
  verdict: 'linear' | 'super-linear' | 'timeout' | 'invalid';
}

/**
 * Worker code: measures one pattern against its attacks at `small` and `large` characters (best of
 * 3), running global patterns to the end as matchAll does. Posts progress, so the parent knows
 * which attack hung.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { source, flags, attacks, small, large, minMs, maxRatio } = workerData;
const re = new RegExp(source, flags.replace('y', ''));
// Global patterns run over the whole text, as matchAll and replace do (replace allocates no match objects).
const run = (text) => {
  re.lastIndex = 0;
  if (re.global) text.replace(re, '');
  else re.exec(text);
};
const time = (unit, tail, size, repeat) => {
  const text = unit.repeat(Math.ceil(size / unit.length)).slice(0, size) + tail;
  let best = Infinity;
  for (let i = 0; i < repeat; i++) { const s = performance.now(); run(text); best = Math.min(best, performance.now() - s); if (best > 200) break; }
  return best;
};
const grows = (a, b, floor) => b > floor && b / Math.max(a, 0.05) > maxRatio;
let slowest;
for (const attack of attacks) {
  parentPort.postMessage({ progress: attack.name });
  let a = time(attack.unit, attack.tail, small, 1);
  let b = time(attack.unit, attack.tail, large, 1);
  if (grows(a, b, minMs)) {
    // Suspicious: measure again (best of 3), so a garbage collection does not make a verdict.
    a = time(attack.unit, attack.tail, small, 3);
    b = time(attack.unit, attack.tail, large, 3);
    if (grows(a, b, minMs)) {
      // Confirm at 4× the size again: a quadratic pattern grows 16× once more, a hiccup does not.
      const c = time(attack.unit, attack.tail, large * 4, 3);
      if (grows(b, c, 4 * minMs)) { parentPort.postMessage({ done: { attack: attack.name, small: b, large: c, ratio: c / Math.max(b, 0.05), confirmed: true } }); return; }
    }
  }
  // Not confirmed: the slowest attack is kept for the report, never as a verdict.
  if (!slowest || b > slowest.large) slowest = { attack: attack.name, small: a, large: b, ratio: b / Math.max(a, 0.05), confirmed: false };
}
parentPort.postMessage({ done: slowest });
`;

/**
 * Measures a literal. Linear patterns take about `large/small` times longer on the large input;
 * a quadratic one takes its square. Verdict super-linear when the large input takes over
 * `minMs` and grows more than `maxRatio` times, and does so again from `large` to 4 × `large`
 * (so that a garbage collection or a busy machine does not make a verdict).
 */
export function measureRegex(site: RegexSite, options: { small?: number; large?: number; timeoutMs?: number; maxRatio?: number; minMs?: number } = {}): Promise<RegexMeasurement> {
  const small = options.small ?? 2000;
  const large = options.large ?? 8000;
  const maxRatio = options.maxRatio ?? 8;
  // A verdict needs the growth twice (2,000 → 8,000 and 8,000 → 32,000 characters, best of 3), so a
  // busy machine does not make one; 5 ms still catches a cheap quadratic pattern (the old comment
  // scan took 17 ms at 8,000 characters).
  const minMs = options.minMs ?? 5;
  try { new RegExp(site.source, site.flags); } catch { return Promise.resolve({ site, verdict: 'invalid' }); }
  return new Promise((resolve) => {
    const worker = new Worker(`(() => {${WORKER}})()`, { eval: true, workerData: { source: site.source, flags: site.flags, attacks: attacksFor(site.source), small, large, minMs, maxRatio } });
    let current = '';
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ site, timedOut: true, worst: { attack: current, small: NaN, large: NaN, ratio: Infinity, confirmed: false }, verdict: 'timeout' });
    }, options.timeoutMs ?? 10_000);
    worker.on('message', (message: { progress?: string; done?: RegexMeasurement['worst'] }) => {
      if (message.progress !== undefined) { current = message.progress; return; }
      clearTimeout(timer);
      void worker.terminate();
      const worst = message.done;
      // Only a growth seen three times (the third at 4× the size) is a verdict: a single slow run is not.
      resolve({ site, worst, verdict: worst?.confirmed ? 'super-linear' : 'linear' });
    });
    worker.on('error', () => { clearTimeout(timer); resolve({ site, verdict: 'invalid' }); });
  });
}

/** Measures many literals, `parallel` at a time. */
export async function measureRegexes(sites: readonly RegexSite[], parallel = 2, options: Parameters<typeof measureRegex>[1] = {}): Promise<RegexMeasurement[]> {
  const results: RegexMeasurement[] = new Array(sites.length);
  let next = 0;
  const lane = async () => { for (let i = next++; i < sites.length; i = next++) results[i] = await measureRegex(sites[i], options); };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, lane));
  return results;
}
