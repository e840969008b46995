/**
 * The example corpus (examples/): for every draft and model file, the checker's findings must
 * be exactly the planted errors marked with `<!-- expect: rule -->` (`# expect: rule` in model
 * files), compared by line and rule. `npm run eval` prints the same comparison as a table.
 */
import assert from 'node:assert/strict';
import { relative } from 'node:path';
import { packageRoot } from '../../server/src/node/resources';
import { CorpusEvaluator, corpusFiles, markKeys } from '../../scripts/eval-lib';

describe('example corpus', () => {
  const root = packageRoot();
  let evaluator: CorpusEvaluator;
  before(() => { evaluator = new CorpusEvaluator(root); });

  for (const path of corpusFiles(root)) {
    const name = relative(root, path).split('\\').join('/');
    it(`${name}: findings are exactly the expect markers`, () => {
      const result = evaluator.evaluate(path);
      const messages = result.falseAlarms.map((f) => `  line ${f.line} ${f.rule}: ${f.message}`).join('\n');
      assert.deepEqual(markKeys(result.found), markKeys(result.expected),
        `"line rule" of the findings (actual) vs the markers (expected)${messages ? `\nunexpected findings:\n${messages}` : ''}`);
    });
  }
});
