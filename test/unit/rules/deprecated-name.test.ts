import assert from 'node:assert/strict';
import { applyFix, findingsOf } from '../../support/checker';

const found = (text: string, lang: string) => findingsOf('deprecated-name', text, lang);

describe('rule deprecated-name', () => {
  it('flags English "Turkey" and says "Türkiye", with a fix', () => {
    const [hit] = found('Turkey hosts many refugees.', 'en');
    assert.equal(hit.text, 'Turkey');
    assert.match(hit.message, /"Türkiye"/);
    assert.equal(applyFix('Turkey hosts many refugees.', hit.finding), 'Türkiye hosts many refugees.');
  });

  it('flags "Swaziland" in English and "Irak" in French', () => {
    assert.match(found('Swaziland and Lesotho.', 'en')[0].message, /Eswatini/);
    assert.match(found('Les propositions concernant l\'Irak.', 'fr')[0].message, /"Iraq"/);
  });

  it('does not fire where the name is current in the draft\'s language', () => {
    assert.deepEqual(found('Voorstellen voor Irak en Turkije.', 'nl'), []);
    assert.deepEqual(found('Die Türkei und der Irak.', 'de'), []);
    assert.deepEqual(found('Türkiye and Iraq.', 'en'), []);
  });

  it('does not fire on the common noun with other casing', () => {
    assert.deepEqual(found('A turkey is served at dinner.', 'en'), []);
  });
});
