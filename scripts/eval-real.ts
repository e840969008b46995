/**
 * `npm run eval:real [-- --list]`: checks the real published Council texts of ../shared/real-texts/
 * and compares the findings with the hand-made verdicts of test/real-texts/verdicts.json. Prints
 * findings per rule and language, false alarms per 10 KB of body text per language and in total,
 * the findings that have no verdict yet (to be classified by reading the passage), and the
 * verdicts no finding matches any more (a fixed false alarm, or a true alarm no longer found).
 * `--list` also prints every finding with its verdict. Exits 1 while a finding is unclassified or
 * a language has more than 1 false alarm per 10 KB; skips with exit 0 when the folder is absent.
 */
import { parseArgs } from 'node:util';
import { relative } from 'node:path';
import { RULES } from '../server/src/core/rules/index';
import {
  GOAL_PER_10KB, addToTally, applyVerdicts, checkRealTexts, emptyTally, loadVerdicts, perTenKb,
  realTextsFolder, verdictsPath, type RealFinding, type Tally,
} from './eval-real-lib';

const { values: options } = parseArgs({ options: { list: { type: 'boolean', default: false } } });
const dir = realTextsFolder();
if (!dir) {
  console.log('eval:real skipped: ../shared/real-texts/ is not next to this checkout (the real texts are not part of the repository).');
  process.exit(0);
}

const { files, findings: raw } = checkRealTexts(dir);
const { findings, unused } = applyVerdicts(raw, loadVerdicts());

const tallies = new Map<string, Tally>();
const tally = (key: string) => { let t = tallies.get(key); if (!t) tallies.set(key, t = emptyTally()); return t; };
for (const finding of findings) for (const key of [`${finding.rule}/${finding.language}`, finding.rule, `/${finding.language}`, '']) addToTally(tally(key), finding);

const languages = [...new Set(files.map((f) => f.language))].sort();
const bytes = (language?: string) => files.filter((f) => !language || f.language === language).reduce((sum, f) => sum + f.bodyBytes, 0);
const kb = (n: number) => (n / 1000).toFixed(1);
const rate = (t: Tally, n: number) => perTenKb(t.falseAlarms, n).toFixed(2);

function table(rows: string[][], left: number): void {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) => row.map((cell, i) => (i < left ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
}
const counts = (t: Tally) => [t.findings, t.trueAlarms, t.falseAlarms, t.unclassified, t.information].map(String);

console.log(`Real published texts: ${files.length} files in ${languages.length} languages (${relative(process.cwd(), dir) || dir}), ${kb(bytes())} KB of body text`);
console.log(`Verdicts: ${relative(process.cwd(), verdictsPath())}; a false alarm is a warning or error judged false; information findings are not alarms.\n`);

const ruleRows = [['rule', 'lang', 'findings', 'true', 'false', 'unclassified', 'information']];
for (const rule of RULES) {
  for (const language of languages) {
    const t = tallies.get(`${rule.id}/${language}`);
    if (t) ruleRows.push([rule.id, language, ...counts(t)]);
  }
  const t = tallies.get(rule.id);
  if (t) ruleRows.push([rule.id, 'all', ...counts(t)]);
}
table(ruleRows, 2);

console.log('');
const languageRows = [['lang', 'files', 'KB', 'findings', 'true', 'false', 'unclassified', 'false/10KB', 'goal']];
const over: string[] = [];
for (const language of languages) {
  const t = tallies.get(`/${language}`) ?? emptyTally();
  const n = bytes(language);
  const ok = perTenKb(t.falseAlarms, n) <= GOAL_PER_10KB;
  if (!ok) over.push(language);
  languageRows.push([language, String(files.filter((f) => f.language === language).length), kb(n), ...counts(t).slice(0, 4), rate(t, n), ok ? 'ok' : `> ${GOAL_PER_10KB}`]);
}
const total = tallies.get('') ?? emptyTally();
languageRows.push(['TOTAL', String(files.length), kb(bytes()), ...counts(total).slice(0, 4), rate(total, bytes()), perTenKb(total.falseAlarms, bytes()) <= GOAL_PER_10KB ? 'ok' : `> ${GOAL_PER_10KB}`]);
table(languageRows, 1);

const describe = (f: RealFinding) => `  ${f.file}:${f.line}: ${f.rule} [${f.text}] ${f.message}`;
const unclassified = findings.filter((f) => !f.verdict);
if (unclassified.length > 0) {
  console.log(`\nUnclassified findings (${unclassified.length}): read each passage and add a verdict to ${relative(process.cwd(), verdictsPath())}:`);
  for (const f of unclassified) console.log(describe(f));
  console.log('  As data:');
  for (const f of unclassified) console.log(`  ${JSON.stringify({ file: f.file, line: f.line, rule: f.rule, text: f.text, verdict: 'false-alarm', reason: '' })},`);
}
const lostTrue = unused.filter((v) => v.verdict === 'true-alarm');
const goneFalse = unused.filter((v) => v.verdict === 'false-alarm');
if (lostTrue.length > 0) {
  console.log(`\nTrue alarms no longer found (${lostTrue.length}): recall lost on real text:`);
  for (const v of lostTrue) console.log(`  ${v.file}:${v.line}: ${v.rule} [${v.text}] (${v.reason})`);
}
if (goneFalse.length > 0) console.log(`\nFalse alarms of the verdicts no longer raised: ${goneFalse.length} of ${goneFalse.length + findings.filter((f) => f.verdict?.verdict === 'false-alarm').length}.`);
if (options.list) {
  console.log('\nAll findings:');
  for (const f of findings) console.log(`${describe(f)}  → ${f.verdict ? `${f.verdict.verdict}: ${f.verdict.reason}` : 'unclassified'}${f.severity === 'information' || f.severity === 'hint' ? ` (${f.severity})` : ''}`);
}

const passed = unclassified.length === 0 && over.length === 0;
console.log(passed
  ? `\nEvery finding is classified and every language is within ${GOAL_PER_10KB} false alarm per 10 KB.`
  : `\nNot yet: ${[unclassified.length > 0 ? `${unclassified.length} unclassified` : '', over.length > 0 ? `over the goal in ${over.join(', ')}` : ''].filter(Boolean).join('; ')}.`);
process.exitCode = passed ? 0 : 1;
