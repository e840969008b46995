import assert from 'node:assert/strict';
import { check } from '../support/checker';

const rules = (text: string) => check(text, { language: 'en' }).findings.map((f) => `${f.range.start.line}:${f.rule}`);

describe('inline directives', () => {
  it('disable-next-line silences the named rule on the next line only', () => {
    const text = '<!-- council-notes-disable-next-line unknown-country -->\nTunesia.\nTunesia.\n';
    assert.deepEqual(rules(text), ['2:unknown-country']);
  });

  it('disable-line silences the line it is on', () => {
    assert.deepEqual(rules('Tunesia. <!-- council-notes-disable-line -->\nTunesia.\n'), ['1:unknown-country']);
  });

  it('disable … enable silences a region, for one rule or all', () => {
    const text = 'Tunesia.\n\n<!-- council-notes-disable unknown-country -->\n\nTunesia and Turkey.\n\n<!-- council-notes-enable unknown-country -->\n\nTunesia.\n';
    assert.deepEqual(rules(text), ['0:unknown-country', '4:deprecated-name', '8:unknown-country']);
  });

  it('disable-file silences the whole draft, or the named rules', () => {
    assert.deepEqual(rules('<!-- council-notes-disable-file -->\nTunesia and Turkey.\n'), []);
    assert.deepEqual(rules('<!-- council-notes-disable-file deprecated-name, date-format -->\nTunesia and Turkey.\n'), ['1:unknown-country']);
  });

  it('ignores ordinary comments and other rules', () => {
    assert.deepEqual(rules('<!-- a note to self -->\n<!-- council-notes-disable-next-line deprecated-name -->\nTunesia.\n'), ['2:unknown-country']);
  });
});

describe('drafts above the size limit', () => {
  it('are checked up to the limit with a visible notice, never silently cut', () => {
    const block = 'Cooperation with Tunesia.\n\n';
    const text = block.repeat(40);
    const result = check(text, { language: 'en', maxDocumentSize: block.length * 10 + 5 });
    assert.equal(result.findings[0].rule, 'partial-check');
    assert.match(result.findings[0].message, /only the first .* \(to line 19\) are checked/);
    assert.equal(result.findings.filter((f) => f.rule === 'unknown-country').length, 10);
  });

  it('are checked in full below the limit', () => {
    assert.equal(check('Tunesia.\n', { language: 'en' }).findings.some((f) => f.rule === 'partial-check'), false);
  });
});
