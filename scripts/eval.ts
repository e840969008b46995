/**
 * `npm run eval`: checks every example under examples/ and compares the findings with the
 * expect markers (see scripts/eval-lib.ts): a finding scores only on the marked text, with
 * the marked suggestion. Prints recall and false alarms per rule and language, then each miss
 * and false alarm. Exits 1 unless recall is 100% with no false alarm.
 */
import { RULES } from '../server/src/core/rules/index';
import { CorpusEvaluator, corpusFiles, describeMark, type FileEvaluation } from './eval-lib';

interface Tally { expected: number; found: number; falseAlarms: number }

const results: FileEvaluation[] = [];
const evaluator = new CorpusEvaluator();
for (const path of corpusFiles()) results.push(evaluator.evaluate(path));

// Tallies per "rule/group", per rule and overall.
const tallies = new Map<string, Tally>();
const add = (key: string, field: keyof Tally) => {
  const tally = tallies.get(key) ?? { expected: 0, found: 0, falseAlarms: 0 };
  tally[field]++;
  tallies.set(key, tally);
};
for (const result of results) {
  for (const mark of result.expected) for (const key of [`${mark.rule}/${result.group}`, mark.rule, '']) add(key, 'expected');
  for (const mark of result.hits) for (const key of [`${mark.rule}/${result.group}`, mark.rule, '']) add(key, 'found');
  for (const mark of result.falseAlarms) for (const key of [`${mark.rule}/${result.group}`, mark.rule, '']) add(key, 'falseAlarms');
}

const groups = [...new Set(results.map((r) => r.group))].sort();
const recall = (t: Tally) => (t.expected === 0 ? '—' : `${((100 * t.found) / t.expected).toFixed(0)}%`);
const rows: string[][] = [['rule', 'lang', 'expected', 'found', 'recall', 'false alarms']];
for (const rule of RULES) {
  for (const group of groups) {
    const tally = tallies.get(`${rule.id}/${group}`);
    if (tally) rows.push([rule.id, group, String(tally.expected), String(tally.found), recall(tally), String(tally.falseAlarms)]);
  }
  const total = tallies.get(rule.id);
  if (total) rows.push([rule.id, 'all', String(total.expected), String(total.found), recall(total), String(total.falseAlarms)]);
}
const total = tallies.get('') ?? { expected: 0, found: 0, falseAlarms: 0 };
rows.push(['TOTAL', '', String(total.expected), String(total.found), recall(total), String(total.falseAlarms)]);

const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
const print = (row: string[]) => console.log(row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
console.log(`Example corpus: ${results.length} files\n`);
print(rows[0]);
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows.slice(1)) print(row);

// A miss names what was expected (rule, text, suggestion); a finding on the same line with other text or suggestion is then a false alarm.
const misses = results.flatMap((r) => r.misses.map((m) => `  ${r.file}:${describeMark(m).replace(/^line +/, '')} expected, not found`));
const alarms = results.flatMap((r) => r.falseAlarms.map((m) => `  ${r.file}:${describeMark(m).replace(/^line +/, '')}: ${m.message}`));
if (misses.length > 0) console.log(`\nMisses (${misses.length}):\n${misses.join('\n')}`);
if (alarms.length > 0) console.log(`\nFalse alarms (${alarms.length}):\n${alarms.join('\n')}`);

const passed = misses.length === 0 && alarms.length === 0;
console.log(passed ? '\nAll planted errors found, no false alarms.' : '\nThe corpus does not pass: see the lists above.');
process.exitCode = passed ? 0 : 1;
