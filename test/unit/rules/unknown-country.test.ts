import assert from 'node:assert/strict';
import { applyFix, check, findingsOf } from '../../support/checker';

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

  describe('inflected names are correct words, not misspellings', () => {
    it('accepts German genitive and dative forms of multi-word names', () => {
      assert.deepEqual(found('Im Namen der Europäischen Union und mit dem Vereinigten Königreich.', 'de'), []);
      assert.deepEqual(found('Das Vereinigte Königreich und die Vereinigten Staaten.', 'de'), []);
    });

    it('accepts Czech and Greek case forms of names', () => {
      assert.deepEqual(found('Spolupráce s Tuniskem a v Tunisku, v Maroku a v Norsku.', 'cs'), []);
      assert.deepEqual(found('Η συνεργασία της Τυνησίας, του Μαρόκου και της Νορβηγίας.', 'el'), []);
    });

    it('still flags a misspelling that is no word form of the language', () => {
      assert.deepEqual(found('Zusammenarbeit mit Tunesein.', 'de').map((f) => f.text), ['Tunesein']);
      assert.deepEqual(found('Tunnisko a Maroko.', 'cs').map((f) => f.text), ['Tunnisko']);
      assert.deepEqual(found('Η Τυνισία και το Μαρόκο.', 'el').map((f) => f.text), ['Τυνισία']);
    });

    it('accepts Estonian case forms of "Euroopa Liit" and still flags a misspelt one', () => {
      assert.deepEqual(found('Euroopa Liidu Nõukogu ja Euroopa Liidus elavad inimesed.', 'et'), []);
      assert.deepEqual(found('Euroopa Liidd otsustas.', 'et').map((f) => f.text), ['Euroopa Liidd']);
    });

    // One sentence per language with case forms of its names (from the word lists generated from
    // the Hunspell and cspell dictionaries), then a slip in a name that no dictionary knows.
    const INFLECTED: [lang: string, correct: string, misspelt: string, slip: string][] = [
      ['hr', 'Vijeće je razgovaralo o Maroku, s Tunisom i o stanju u Tunisu i Ukrajini.', 'Vijeće je razgovaralo s Ukrajnia o stanju.', 'Ukrajnia'],
      ['sk', 'Rada rokovala v Maroku a s Tuniskom o situácii v Tunisku a na Ukrajine.', 'Rada rokovala so zástupcami krajiny Ukrajnia.', 'Ukrajnia'],
      ['sl', 'Svet se je v Maroku pogovarjal s Tunizijo o razmerah v Tuniziji in Ukrajini.', 'Svet se je pogovarjal z državo Ukrajnia.', 'Ukrajnia'],
      ['hu', 'A Tanács Marokkóban tárgyalt Tunéziával a Tunéziában kialakult helyzetről.', 'A Tanács Norvéiga képviselőivel tárgyalt.', 'Norvéiga'],
      ['fi', 'Neuvosto keskusteli Marokossa ja Tunisiassa sekä Tunisian hallituksen kanssa.', 'Neuvosto keskusteli asiasta, ja Ukriana vastasi.', 'Ukriana'],
      ['ro', 'Consiliul a discutat cu guvernul Marocului și al Tunisiei despre situația Norvegiei.', 'Consiliul a discutat cu Ucriana.', 'Ucriana'],
      ['sv', 'Regeringarna i Marockos grannländer och Tunisiens myndigheter samarbetar med Norges.', 'Samarbetet med Marrocko fortsätter.', 'Marrocko'],
    ];
    for (const [lang, correct, misspelt, slip] of INFLECTED) {
      it(`accepts case forms of names in ${lang} and still flags "${slip}"`, () => {
        assert.deepEqual(found(correct, lang).map((f) => f.text), []);
        assert.deepEqual(found(misspelt, lang).map((f) => f.text), [slip]);
      });
    }

    it('gives inflected correct text no finding, so --fix leaves it alone', () => {
      const text = 'Spolupráce s Tuniskem a v Maroku.';
      assert.deepEqual(check(text, { language: 'cs' }).findings.filter((f) => f.rule === 'unknown-country'), []);
    });
  });

  describe('recall on real layouts', () => {
    it('reports a misspelling after an elided article (fr, it)', () => {
      assert.deepEqual(found("Le soutien à l'Ukriane et d'Albnie.", 'fr').map((f) => f.text), ['Ukriane', 'Albnie']);
      assert.deepEqual(found("Il sostegno dell'Ucriana.", 'it').map((f) => f.text), ['Ucriana']);
    });

    it('accepts correct names after an elided article', () => {
      assert.deepEqual(found("Le soutien à l'Ukraine et d'Albanie, l'Union européenne.", 'fr'), []);
      assert.deepEqual(found("Il sostegno dell'Ucraina e dell'Albania.", 'it'), []);
    });

    it('reports a doubled letter moved in a name of seven letters or more', () => {
      assert.deepEqual(found('Talks with Morroco and the Phillipines.', 'en').map((f) => f.text), ['Morroco', 'Phillipines']);
      assert.deepEqual(found('Samenwerking met Marroko.', 'nl').map((f) => f.text), ['Marroko']);
      assert.deepEqual(found('Zusammenarbeit mit Marroko.', 'de').map((f) => f.text), ['Marroko']);
    });

    it('does not take other two-edit words for names', () => {
      assert.deepEqual(found('Im Inland und in Irland.', 'de'), []);
      // "Algebra" is two letters from "Algeria", but no doubled letter moved.
      assert.deepEqual(found('Algebra is taught in Algeria.', 'en'), []);
    });
  });
});
