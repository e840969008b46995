/**
 * The example corpus (examples/): for every draft and model file, the checker's findings must
 * be exactly the planted errors marked with `<!-- expect: rule "text" -> "suggestion" -->`
 * (`# expect: rule` in model files), compared by line, rule, the text the finding marks and its
 * first suggestion (scripts/eval-lib.ts). `npm run eval` prints the same comparison as a table.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { packageRoot } from '../../server/src/node/resources';
import { CorpusEvaluator, compareFindings, corpusFiles, describeMark, markKeys, parseExpectations, type Mark } from '../../scripts/eval-lib';

/**
 * Planted errors the checker does not get right yet, by "file:line rule", with what goes wrong.
 * They stay in the corpus (so `npm run eval` counts them as misses); this test asserts that they
 * are still missed, so that a fix must remove its entry here. examples/README.md lists them too.
 */
const KNOWN_MISSES: Record<string, string> = {};

describe('example corpus', () => {
  const root = packageRoot();
  let evaluator: CorpusEvaluator;
  before(() => { evaluator = new CorpusEvaluator(root); });

  for (const path of corpusFiles(root)) {
    const name = relative(root, path).split('\\').join('/');
    it(`${name}: findings are exactly the expect markers, on the marked text`, () => {
      const result = evaluator.evaluate(path);
      const key = (m: Mark) => `${name}:${m.line} ${m.rule}`;
      const misses = result.misses.filter((m) => !(key(m) in KNOWN_MISSES));
      const known = result.misses.filter((m) => key(m) in KNOWN_MISSES);
      // The findings a known miss gets wrong (same line and rule, other text or suggestion).
      const wrong = result.falseAlarms.filter((f) => known.some((m) => m.line === f.line && m.rule === f.rule));
      const alarms = result.falseAlarms.filter((f) => !wrong.includes(f));
      assert.deepEqual({ misses: markKeys(misses), falseAlarms: alarms.map((f) => `${describeMark(f)} (${f.message})`) }, { misses: [], falseAlarms: [] });
      for (const [where, why] of Object.entries(KNOWN_MISSES)) {
        if (where.startsWith(`${name}:`)) assert.ok(known.some((m) => key(m) === where), `${where} is found now (${why}): remove it from KNOWN_MISSES and examples/README.md`);
      }
    });
  }

  it('every marker entry of a draft carries the text its finding must mark', () => {
    const bare = corpusFiles(root).filter((p) => p.endsWith('.md')).flatMap((path) =>
      parseExpectations(readFileSync(path, 'utf8')).filter((m) => m.text === undefined).map((m) => `${relative(root, path)}:${m.line} ${m.rule}`));
    assert.deepEqual(bare, []);
  });

  describe('matching a finding to a marker entry', () => {
    const finding = (text: string, suggestion?: string): Mark => ({ line: 3, rule: 'unknown-article', text, ...(suggestion !== undefined && { suggestion }) });
    const marks = parseExpectations('a\nb\nArticle 25a and Article 25b. <!-- expect: unknown-article "25b" -> "25a" -->\n');

    it('reads rule, text and suggestion, with escaped quotes and commas inside the text', () => {
      assert.deepEqual(marks, [{ line: 3, rule: 'unknown-article', text: '25b', suggestion: '25a' }]);
      assert.deepEqual(parseExpectations('x <!-- expect: list-count "10, \\"ten\\"", deprecated-name, unknown-country "Tunesia" -->'),
        [{ line: 1, rule: 'list-count', text: '10, "ten"' }, { line: 1, rule: 'deprecated-name' }, { line: 1, rule: 'unknown-country', text: 'Tunesia' }]);
      assert.throws(() => parseExpectations('x <!-- expect: unknown-country Tunesia -->'), /cannot read the expect marker/);
    });

    it('scores a finding on the marked text with the expected suggestion', () => {
      assert.deepEqual(compareFindings(marks, [finding('25b', '25a')]).misses, []);
    });

    it('does not score a finding on the wrong token of the right line, nor one with another suggestion', () => {
      for (const wrong of [finding('25a', '25a'), finding('25b', '25c'), finding('25b')]) {
        const result = compareFindings(marks, [wrong]);
        assert.deepEqual([result.hits.length, result.misses.length, result.falseAlarms.length], [0, 1, 1], JSON.stringify(wrong));
      }
    });

    it('gives a stricter entry its finding before a looser one takes it', () => {
      const two = parseExpectations('Tunesia and Tunesie <!-- expect: unknown-country, unknown-country "Tunesia" -->');
      const result = compareFindings(two, [{ line: 1, rule: 'unknown-country', text: 'Tunesia' }, { line: 1, rule: 'unknown-country', text: 'Tunesie' }]);
      assert.deepEqual([result.misses, result.falseAlarms], [[], []]);
    });
  });
});
