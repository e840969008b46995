/**
 * `npm run fuzz`: drives the checking core with generated Markdown drafts (test/support/fuzz-gen.ts)
 * and checks the properties of test/support/fuzz-props.ts on each: never throws, ranges inside the
 * document and equal to the positions of their offsets, deterministic, fixes within bounds, same
 * findings whatever the line endings. Prints the case count, the failures per property (each
 * shrunk to a minimal draft) and the slowest inputs; writes them to out/fuzz/.
 *
 *   node out/scripts/fuzz.js [--runs 100000] [--seed N] [--depth 3] [--blocks 4] [--no-shrink]
 *
 * Exit status 1 when a property failed for a reason that is not a known issue (fuzz-props.ts KNOWN_ISSUES).
 */
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckSettings } from '../server/src/core/check';
import { loadLanguages, packageRoot } from '../server/src/node/resources';
import { loadModelFromDisk } from '../server/src/node/session';
import { draftArbitrary, modelVocabulary, settingsArbitrary } from '../test/support/fuzz-gen';
import { checkProperties, knownIssueOf, report, warmUp, type Checker, type Violation } from '../test/support/fuzz-props';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value)) throw new Error(`--${name} needs a number`);
  return value;
}

const runs = option('runs', 100_000);
const seed = option('seed', Date.now() % 2 ** 31);
const depth = option('depth', 3);
const blocks = option('blocks', 4);
const bom = option('bom', 0.1);
const shrink = !process.argv.includes('--no-shrink');

const started = Date.now();
const checker: Checker = { model: loadModelFromDisk([]).build.index, languages: loadLanguages() };
warmUp(checker);
const drafts = fc.tuple(draftArbitrary(modelVocabulary(checker.model), { maxDepth: depth, maxBlocks: blocks, bom }), settingsArbitrary);
console.log(`council-notes fuzz: ${runs} cases, seed ${seed}, depth ${depth}, blocks ${blocks} (model and languages loaded in ${Date.now() - started} ms)`);

interface Slow { ms: number; length: number; text: string; settings: CheckSettings }
const slowest: Slow[] = [];
/** Failures by label: a known issue's id, or the property a new problem violates. */
const failures = new Map<string, { count: number; first: string; firstIndex: number; known: boolean }>();
const labelOf = (text: string, v: Violation) => knownIssueOf(text, v)?.id ?? v.kind;
let count = 0;
let checkMs = 0;
let characters = 0;
let findings = 0;
const phase1 = Date.now();

fc.check(fc.property(drafts, ([text, settings]) => {
  const outcome = checkProperties(checker, text, settings);
  count++;
  checkMs += outcome.ms;
  characters += text.length;
  findings += outcome.findings;
  if (slowest.length < 10 || outcome.ms > slowest[slowest.length - 1].ms) {
    slowest.push({ ms: outcome.ms, length: text.length, text, settings });
    slowest.sort((a, b) => b.ms - a.ms);
    slowest.length = Math.min(slowest.length, 10);
  }
  for (const label of new Set(outcome.violations.map((v) => labelOf(text, v)))) {
    const seen = failures.get(label);
    if (seen) seen.count++;
    else failures.set(label, { count: 1, first: report(text, settings, outcome.violations.filter((v) => labelOf(text, v) === label)), firstIndex: count, known: !!knownIssueOf(text, outcome.violations.find((v) => labelOf(text, v) === label)!) });
  }
  if (count % 10_000 === 0) console.log(`  ${count} cases, ${((Date.now() - phase1) / 1000).toFixed(0)} s, ${[...failures.values()].reduce((s, f) => s + f.count, 0)} failing`);
  return true;
}), { numRuns: runs, seed, endOnFailure: true });

const seconds = (Date.now() - phase1) / 1000;
const outDir = join(packageRoot(), 'out', 'fuzz');
mkdirSync(outDir, { recursive: true });
console.log(`\n${count} cases in ${seconds.toFixed(1)} s (${(count / seconds).toFixed(0)} cases/s); mean draft ${(characters / count).toFixed(0)} characters, ${(findings / count).toFixed(1)} findings; first checks took ${(checkMs / 1000).toFixed(1)} s in all`);

console.log('\nslowest inputs (first check only):');
slowest.forEach((slow, i) => {
  const file = join(outDir, `slowest-${i + 1}.md`);
  writeFileSync(file, slow.text);
  console.log(`  ${slow.ms.toFixed(1).padStart(7)} ms  ${String(slow.length).padStart(6)} chars  ${(slow.ms / Math.max(1, slow.length) * 1000).toFixed(1).padStart(7)} µs/char  ${JSON.stringify(slow.settings)}  → ${file}`);
});

if (failures.size === 0) {
  console.log('\nno property failed');
} else {
  console.log('\nfailures (known issues waiting for a fix, then new problems by property):');
  const sorted = [...failures].sort(([, a], [, b]) => Number(b.known) - Number(a.known));
  for (const [label, failure] of sorted) console.log(`  ${failure.known ? 'known issue' : 'NEW        '} ${label}: ${failure.count} of ${count} cases (first at case ${failure.firstIndex})`);
  for (const [label, failure] of sorted) {
    let minimal = failure.first;
    if (shrink) {
      // The same seed generates the same cases: fail on this label only, and let fast-check shrink.
      const details = fc.check(fc.property(drafts, ([text, settings]) => !checkProperties(checker, text, settings).violations.some((v) => labelOf(text, v) === label)), { numRuns: failure.firstIndex, seed });
      if (details.failed && details.counterexample) {
        const [text, settings] = details.counterexample[0];
        minimal = report(text, settings, checkProperties(checker, text, settings).violations.filter((v) => labelOf(text, v) === label));
      }
    }
    writeFileSync(join(outDir, `failure-${label}.txt`), `${minimal}\n`);
    console.log(`\n== ${failure.known ? 'known issue' : 'NEW'} ${label} (minimal case; also in out/fuzz/failure-${label}.txt)\n${minimal.slice(0, 4000)}`);
  }
}
process.exitCode = [...failures.values()].some((f) => !f.known) ? 1 : 0;
