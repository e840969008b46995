import assert from 'node:assert/strict';
import { check } from '../support/checker';
import { readSeedNoteMarkdown, SEED_NOTE_PATH } from '../support/seed-note';
import { requireShared } from '../support/shared';

/** The published Council note (../shared/seed), written as Markdown, is correct by definition. */
describe('the reference note', () => {
  let markdown: string;
  beforeEach(function () { markdown = readSeedNoteMarkdown(requireShared(this, SEED_NOTE_PATH, 'the reference note')); });

  it('is detected as Dutch and produces no error or warning', function () {
    const result = check(markdown);
    assert.equal(result.language, 'nl');
    const serious = result.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(serious.map((f) => `${f.rule}: ${f.message}`), []);
  });

  it('still gets checked: a planted wrong article and misspelt country are found', function () {
    const planted = markdown.replace('artikel 25 bis van de Visumcode', 'artikel 25 quater van de Visumcode').replace('Tunesië', 'Tunesie');
    const rules = check(planted).findings.map((f) => f.rule);
    assert.ok(rules.includes('unknown-article'));
    assert.ok(rules.includes('unknown-country'));
  });
});
