import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES_BY_ID } from '../../server/src/core/rules/index';
import {
  MAX_MATCHED_TEXT, addToTally, applyVerdicts, emptyTally, loadVerdicts, matchedText, perTenKb,
  realTextFiles, realTextsFolder, type RealFinding, type Verdict,
} from '../../scripts/eval-real-lib';
import { requireShared, SHARED_DIR } from '../support/shared';

const finding = (over: Partial<RealFinding>): Omit<RealFinding, 'verdict'> => ({
  file: '01-en-x.md', language: 'en', line: 3, rule: 'undefined-acronym', severity: 'warning', text: 'OR', message: 'm', ...over,
});
const verdict = (over: Partial<Verdict>): Verdict => ({
  file: '01-en-x.md', line: 3, rule: 'undefined-acronym', text: 'OR', verdict: 'false-alarm', reason: 'letterhead', ...over,
});

describe('eval:real verdict matching', () => {
  it('matches a verdict by file, line, rule and words, and judges identical findings on that line alike', () => {
    const { findings, unused } = applyVerdicts([finding({}), finding({})], [verdict({})]);
    assert.deepEqual(findings.map((f) => f.verdict?.verdict), ['false-alarm', 'false-alarm']);
    assert.deepEqual(unused, []);
  });

  it('does not match another line, rule or file', () => {
    const { findings, unused } = applyVerdicts(
      [finding({ line: 4 }), finding({ rule: 'date-format' }), finding({ file: '02-en-y.md' })],
      [verdict({})],
    );
    assert.deepEqual(findings.map((f) => f.verdict), [undefined, undefined, undefined]);
    assert.equal(unused.length, 1);
  });

  it('keeps the verdict when a rule now marks a word more or fewer', () => {
    const { findings } = applyVerdicts([finding({ rule: 'unknown-act', text: '2017/1324' })], [verdict({ rule: 'unknown-act', text: 'Decision 2017/1324' })]);
    assert.equal(findings[0].verdict?.text, 'Decision 2017/1324');
    const { findings: other } = applyVerdicts([finding({ rule: 'unknown-act', text: '2018/1611' })], [verdict({ rule: 'unknown-act', text: 'Decision 2017/1324' })]);
    assert.equal(other[0].verdict, undefined);
  });

  it('counts false alarms only among warnings and errors, and per 10,000 bytes', () => {
    const tally = emptyTally();
    const judged = applyVerdicts([finding({}), finding({ severity: 'information' }), finding({ line: 9 }), finding({ text: 'EMA' })], [verdict({}), verdict({ text: 'EMA', verdict: 'true-alarm' })]).findings;
    for (const f of judged) addToTally(tally, f);
    assert.deepEqual(tally, { findings: 4, trueAlarms: 1, falseAlarms: 1, unclassified: 1, information: 1 });
    assert.equal(perTenKb(3, 15_000), 2);
    assert.equal(perTenKb(0, 0), 0);
  });

  it('cuts the matched words to a short fragment on one line', () => {
    assert.equal(matchedText('a\n  b  c', 0, 8), 'a b c');
    const long = matchedText('x'.repeat(200), 0, 200);
    assert.equal(long.length, MAX_MATCHED_TEXT);
    assert.ok(long.endsWith('…'));
  });
});

describe('the verdict data (test/real-texts/verdicts.json)', () => {
  const verdicts = loadVerdicts();

  it('has a rule, a verdict, short matched words and a reason in every entry, each once', () => {
    assert.ok(verdicts.length >= 150);
    const keys = new Set<string>();
    for (const v of verdicts) {
      const where = `${v.file}:${v.line} ${v.rule} [${v.text}]`;
      assert.ok(RULES_BY_ID.has(v.rule), `${where}: unknown rule`);
      assert.ok(v.verdict === 'true-alarm' || v.verdict === 'false-alarm', `${where}: verdict ${v.verdict}`);
      assert.ok(v.text.length > 0 && v.text.length <= MAX_MATCHED_TEXT, `${where}: matched words`);
      assert.ok(v.reason.trim().length > 0, `${where}: no reason`);
      assert.ok(Number.isInteger(v.line) && v.line > 0, `${where}: line`);
      const key = `${v.file}|${v.line}|${v.rule}|${v.text}`;
      assert.ok(!keys.has(key), `${where}: judged twice`);
      keys.add(key);
    }
  });

  it('names files of ../shared/real-texts and words that stand on the named line', function () {
    const dir = requireShared(this, realTextsFolder() ?? join(SHARED_DIR, 'real-texts'), 'the real texts');
    const files = new Set(realTextFiles(dir!));
    for (const v of verdicts) {
      assert.ok(files.has(v.file), `${v.file} is not in ${dir}`);
      const line = readFileSync(join(dir!, v.file), 'utf8').split(/\r?\n/)[v.line - 1] ?? '';
      assert.ok(line.includes(v.text.replace(/…$/, '')), `${v.file}:${v.line} does not hold "${v.text}"`);
    }
  });
});
