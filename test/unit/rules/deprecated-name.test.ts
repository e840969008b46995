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

  describe('names that were right when the text was written', () => {
    const dated = (date: string, body: string) => `---\ndate: ${date}\n---\n\n${body}\n`;

    it('accepts a name in a draft dated before it was deprecated (front matter)', () => {
      assert.deepEqual(found(dated('2019-03-18', 'The EU-Turkey statement.'), 'en'), []);
      assert.deepEqual(found(dated('2015-06-01', 'The former Yugoslav Republic of Macedonia and Serbia.'), 'en'), []);
      assert.deepEqual(found(dated('2016-05-01', 'De voormalige Joegoslavische Republiek Macedonië.'), 'nl'), []);
      assert.deepEqual(found(dated('2017-01-10', 'Die ehemalige jugoslawische Republik Mazedonien.'), 'de'), []);
      assert.deepEqual(found(dated('2018-04-18', 'Swaziland and Lesotho.'), 'en'), []);
    });

    it('flags the name from its date on, to the day', () => {
      assert.match(found(dated('2022-06-01', 'The EU-Turkey statement.'), 'en')[0].message, /"Türkiye"/);
      assert.deepEqual(found(dated('2022-05-31', 'The EU-Turkey statement.'), 'en'), []);
      assert.equal(found(dated('2019-02-12', 'The former Yugoslav Republic of Macedonia.'), 'en').length, 1);
      assert.deepEqual(found(dated('2019-02-11', 'The former Yugoslav Republic of Macedonia.'), 'en'), []);
      assert.equal(found(dated('2018-04-19', 'Swaziland and Lesotho.'), 'en').length, 1);
      assert.equal(found(dated('2020-01-01', "L'ancienne République yougoslave de Macédoine."), 'fr').length, 1);
    });

    it('reads the date from the letterhead date line in each language', () => {
      const letterhead = (line: string, body: string) => `Council of the European Union\n\n${line}\n\n${body}\n`;
      assert.deepEqual(found(letterhead('Brussels, 5 February 2016 (OR. en)', 'The EU-Turkey statement.'), 'en'), []);
      assert.deepEqual(found(letterhead('Brussel, 20 juni 2008', 'De voormalige Joegoslavische Republiek Macedonië.'), 'nl'), []);
      assert.deepEqual(found(letterhead('Brüssel, den 10.7.2015', 'Die ehemalige jugoslawische Republik Mazedonien.'), 'de'), []);
      assert.deepEqual(found(letterhead('Bruxelles, le 3 mars 2017', "L'ancienne République yougoslave de Macédoine."), 'fr'), []);
      assert.equal(found(letterhead('Brussels, 5 February 2023', 'The EU-Turkey statement.'), 'en').length, 1);
    });

    it('applies today without a date', () => {
      assert.equal(found('The former Yugoslav Republic of Macedonia.', 'en').length, 1);
    });

    it('flags names the EU never used, whatever the date', () => {
      const old = (body: string) => dated('2010-01-01', body);
      assert.match(found(old('Talks with Macedonia and Burma, and the Ivory Coast.'), 'en').map((f) => f.message).join(' '), /North Macedonia.*Myanmar\/Burma.*Côte d’Ivoire/);
      assert.deepEqual(found(old('Gespräche mit Weißrussland und Mazedonien.'), 'de').map((f) => f.text), ['Weißrussland', 'Mazedonien']);
      assert.deepEqual(found(old('Gesprekken met Macedonië.'), 'nl').map((f) => f.text), ['Macedonië']);
    });

    it('keeps current names that contain an old one', () => {
      assert.deepEqual(found('North Macedonia and Myanmar/Burma; Côte d’Ivoire.', 'en'), []);
      assert.deepEqual(found('Nordmazedonien und Belarus.', 'de'), []);
      assert.deepEqual(found('Noord-Macedonië en Belarus.', 'nl'), []);
    });

    it('flags a capitalised old name at the start of a sentence (nl)', () => {
      assert.deepEqual(found('Voormalige Joegoslavische Republiek Macedonië: de gesprekken.', 'nl').map((f) => f.text), ['Voormalige Joegoslavische Republiek Macedonië']);
    });
  });
});
