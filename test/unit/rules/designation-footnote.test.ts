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

  describe('as the Council writes it, the same in every language', () => {
    const inLang = (text: string, lang: string) => findingsOf('designation-footnote', text, lang);

    it('needs the asterisk at the first mention only', () => {
      assert.deepEqual(found(`Kosovo* and Serbia. Later, Kosovo and Serbia again.\n\n${FOOTNOTE}\n`), []);
      const hits = found(`Kosovo and Serbia. Later, Kosovo* again.\n\n${FOOTNOTE}\n`);
      assert.equal(hits.length, 1);
      assert.equal(hits[0].finding.start, 0);
    });

    it('accepts the wordings the Council publishes: UNSCR 1244/99, 1244/1999, 1244 (1999)', () => {
      const wordings = [
        '\\* This designation is without prejudice to positions on status, and is in line with UNSCR 1244/99 and the ICJ Opinion on the Kosovo Declaration of Independence.',
        '\\* This designation is without prejudice to positions on status and is in line with UNSCR 1244/1999 and the ICJ opinion on the Kosovo declaration of independence.',
        '\\* In line with UN Security Council Resolution 1244 (1999).',
      ];
      for (const footnote of wordings) assert.deepEqual(found(`Kosovo* and Serbia.\n\n${footnote}\n`), [], footnote);
    });

    it('applies the same test in French, Dutch and German', () => {
      assert.deepEqual(inLang('Le Kosovo* et la Serbie. Le Kosovo encore.\n\n\\* Cette désignation est conforme à la résolution 1244/99 du CSNU.\n', 'fr'), []);
      assert.deepEqual(inLang('Kosovo* en Servië.\n\n\\* Deze benaming is in overeenstemming met Resolutie 1244/1999 van de VN-Veiligheidsraad.\n', 'nl'), []);
      assert.match(inLang('Kosovo und Serbien.\n\n\\* Diese Bezeichnung steht im Einklang mit der Resolution 1244/1999.\n', 'de')[0].message, /first mention/);
      assert.match(inLang('Kosovo* und Serbien.\n', 'de')[0].message, /missing from the document/);
    });

    it('does not take another number holding 1244 for the footnote', () => {
      assert.match(found('Kosovo* and Serbia.\n\nSee document 12445/19.\n')[0].message, /missing from the document/);
    });
  });
});
