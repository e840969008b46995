import assert from 'node:assert/strict';
import { applyFix, findingsOf } from '../../support/checker';

const FOOTNOTE = '\\* This designation is without prejudice to positions on status, and is in line with UNSCR 1244/1999 and the ICJ Opinion on the Kosovo declaration of independence.';
const found = (text: string) => findingsOf('designation-footnote', text, 'en');

describe('rule designation-footnote', () => {
  it('flags Kosovo without the asterisk, with a fix that adds it', () => {
    const text = `Talks with Kosovo and Serbia.\n\n${FOOTNOTE}\n`;
    const hits = found(text);
    assert.equal(hits.length, 1);
    assert.equal(hits[0].text, 'Kosovo');
    assert.equal(applyFix(text, hits[0].finding).startsWith('Talks with Kosovo* and Serbia.'), true);
  });

  it('flags a missing footnote text once', () => {
    const hits = found('Kosovo* and Serbia. Kosovo* again.');
    assert.equal(hits.length, 1);
    assert.match(hits[0].message, /missing from the document/);
  });

  it('accepts the asterisk, an escaped asterisk or a Markdown footnote', () => {
    assert.deepEqual(found(`Kosovo* and Serbia.\n\n${FOOTNOTE}\n`), []);
    assert.deepEqual(found(`Kosovo\\* and Serbia.\n\n${FOOTNOTE}\n`), []);
    assert.deepEqual(found(`Kosovo[^k] and Serbia.\n\n[^k]: ${FOOTNOTE.slice(3)}\n`), []);
  });

  it('does not fire on other names', () => {
    assert.deepEqual(found('Serbia and Montenegro.'), []);
  });
});
