/**
 * The bilingual corpus: clean pairs (the seed note's English and Dutch versions included) give no
 * finding, and every planted discrepancy is found, where it was planted (recall 100 %).
 */
import { strict as assert } from 'node:assert';
import { compareTexts } from '../../server/src/core/compare/compare';
import { testLanguages, testModel } from '../support/checker';
import { corpusPairs, plant, versionText } from '../support/compare-corpus';
import { LineIndex } from '../../server/src/core/text/positions';
import { skipWithReason } from '../support/shared';

const compare = (original: string, translation: string) => compareTexts({ original, translation, model: testModel(), languages: testLanguages() });
const describeFindings = (findings: { range: { start: { line: number } }; rule: string; message: string }[]) => findings.map((f) => `${f.range.start.line + 1}: ${f.rule}: ${f.message}`).join('\n');

describe('compare: the bilingual corpus', function () {
  this.timeout(60_000);
  let planted = 0;
  let found = 0;

  for (const pair of corpusPairs()) {
    describe(pair.name, () => {
      const original = versionText(pair.original);
      const translation = versionText(pair.translation);
      before(function () { if (original === undefined || translation === undefined) skipWithReason(this, `${pair.name}: a version of the pair is not there (../shared/seed)`); });

      it('the clean pair gives no finding', () => {
        const result = compare(original!, translation!);
        assert.deepEqual(describeFindings(result.findings), '');
        assert.equal(result.units.matched > 5, true, 'most units are matched');
      });

      for (const discrepancy of pair.plants) {
        it(`${discrepancy.what}: ${discrepancy.rule ?? 'no finding'}`, () => {
          const { text, at } = plant(translation!, discrepancy);
          const { findings } = compare(original!, text);
          if (discrepancy.rule === null) {
            assert.equal(describeFindings(findings), '', 'nothing was lost: no finding');
            return;
          }
          planted++;
          const line = new LineIndex(text).positionAt(at).line;
          // The finding is where the discrepancy was planted (a removed unit: next to where it stood).
          const near = findings.filter((f) => f.rule === discrepancy.rule && Math.abs(f.range.start.line - line) <= 4);
          assert.ok(near.length > 0, `no ${discrepancy.rule} finding near line ${line + 1}; found:\n${describeFindings(findings)}`);
          found++;
        });
      }
    });
  }

  after(() => {
    // The recall figure of the planted set (every pair that could be read).
    if (planted > 0) assert.equal(found, planted);
  });
});
