import assert from 'node:assert/strict';
import { applyFix, findingsOf } from '../../support/checker';

const found = (text: string, lang: string) => findingsOf('unknown-country', text, lang);

describe('rule unknown-country', () => {
  it('flags a misspelt country and suggests the right name, with a fix', () => {
    const [hit] = found('Cooperation with Tunesia has improved.', 'en');
    assert.equal(hit.text, 'Tunesia');
    assert.match(hit.message, /"Tunisia"/);
    assert.equal(applyFix('Cooperation with Tunesia has improved.', hit.finding), 'Cooperation with Tunisia has improved.');
  });

  it('flags a missing diacritic', () => {
    assert.deepEqual(found('Talks with Turkiye continue.', 'en').map((f) => f.text), ['Turkiye']);
  });

  it('flags a misspelt multi-word name as one finding', () => {
    const hits = found('Aid to Bosnia and Herzegowina rose.', 'en');
    assert.deepEqual(hits.map((f) => f.text), ['Bosnia and Herzegowina']);
  });

  it('flags misspellings in Dutch, French and German against that language\'s names', () => {
    assert.deepEqual(found('De samenwerking met Marrokko is goed.', 'nl').map((f) => f.text), ['Marrokko']);
    assert.deepEqual(found('La coopération avec le Sénégall progresse.', 'fr').map((f) => f.text), ['Sénégall']);
    assert.deepEqual(found('Die Zusammenarbeit mit Marokko und Tunesein.', 'de').map((f) => f.text), ['Tunesein']);
  });

  it('flags a name in another language that is one slip from this language\'s name', () => {
    const [hit] = found('Samenwerking met Tunisie en Marokko.', 'nl');
    assert.equal(hit.text, 'Tunisie');
    assert.match(hit.message, /not the Dutch name.*"Tunesië"/);
  });

  it('does not fire on known names, cities, regions, processes or derived words', () => {
    const text = 'Nigeria and Niger, Lagos and Tunis, North Africa and the Sahel, the Bali Process, Nigerian and Tunisian authorities, The Gambia and the Gambia.';
    assert.deepEqual(found(text, 'en'), []);
    assert.deepEqual(found('Migranten uit Noord-Afrika, Khartoem en Rabat; Irak en Libië.', 'nl'), []);
  });

  it('does not fire on ordinary words that look like names', () => {
    assert.deepEqual(found('Im Inland und auf dem Festland gilt dies.', 'de'), []);
    assert.deepEqual(found('Samen met de lidstaten. Binnen de Raad.', 'nl'), []);
    assert.deepEqual(found('Island nations and Chili sauce.', 'en'), []);
  });

  it('does not look inside code, links or comments', () => {
    assert.deepEqual(found('See `Tunesia` and <!-- Marocco --> and [text](https://x.eu/Tunesia).', 'en'), []);
  });
});
