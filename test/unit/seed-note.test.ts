import assert from 'node:assert/strict';
import { check } from '../support/checker';
import { readSeedNoteMarkdown } from '../support/seed-note';

/** The published Council note (../shared/seed), written as Markdown, is correct by definition. */
describe('the reference note', () => {
  const markdown = readSeedNoteMarkdown();

  it('is detected as Dutch and produces no error or warning', function () {
    if (!markdown) this.skip();
    const result = check(markdown!);
    assert.equal(result.language, 'nl');
    const serious = result.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(serious.map((f) => `${f.rule}: ${f.message}`), []);
  });

  it('still gets checked: a planted wrong article and misspelt country are found', function () {
    if (!markdown) this.skip();
    const planted = markdown!.replace('artikel 25 bis van de Visumcode', 'artikel 25 quater van de Visumcode').replace('Tunesië', 'Tunesie');
    const rules = check(planted).findings.map((f) => f.rule);
    assert.ok(rules.includes('unknown-article'));
    assert.ok(rules.includes('unknown-country'));
  });
});
