import assert from 'node:assert/strict';
import { applyFix, findingsOf } from '../../support/checker';

const undefinedAcronyms = (text: string, lang: string) => findingsOf('undefined-acronym', text, lang);
const expansions = (text: string, lang: string) => findingsOf('acronym-expansion', text, lang);
const KOSOVO = 'Kosovo*.\n\n\\* This designation is without prejudice to positions on status, and is in line with UNSCR 1244/1999 and the ICJ Opinion on the Kosovo declaration of independence.\n';

describe('rule undefined-acronym', () => {
  it('flags an acronym never spelled out, with the model\'s expansion as a fix', () => {
    const text = 'The EUAA supports Member States.';
    const [hit] = undefinedAcronyms(text, 'en');
    assert.equal(hit.text, 'EUAA');
    assert.equal(applyFix(text, hit.finding), 'The European Union Agency for Asylum (EUAA) supports Member States.');
  });

  it('flags a use before the acronym is spelled out', () => {
    const [hit] = undefinedAcronyms('The EMWP met. Later the Working Party on External Aspects of Asylum and Migration (EMWP) met again.', 'en');
    assert.match(hit.message, /used before it is spelled out/);
  });

  it('understands plurals and compounds', () => {
    assert.deepEqual(undefinedAcronyms('Team Europa-initiatieven (TEI\'s) en later TEI\'s. De EU-lidstaten.', 'nl'), []);
    assert.deepEqual(undefinedAcronyms('Team Europe Initiatives (TEIs) and more TEIs.', 'en'), []);
    assert.equal(undefinedAcronyms('Two TEIs were launched.', 'en')[0].text, 'TEI');
  });

  it('exempts well-known acronyms, non-acronyms, Roman numerals, citations and fixed formulas', () => {
    assert.deepEqual(undefinedAcronyms(`NOTE\n\nThe EU and the UN, the JHA Council, LIMITE, Annex II and Title IV, Regulation (EU) 2019/1155, COM(2023) 569. ${KOSOVO}`, 'en'), []);
    assert.deepEqual(undefinedAcronyms('NOTA\n\nDe Raad JBZ en de VN.', 'nl'), []);
    assert.deepEqual(undefinedAcronyms('Le Conseil JAI et l\'ONU, règlement (UE) 2019/1155.', 'fr'), []);
  });

  it('does not treat an all-capitals heading as acronyms', () => {
    assert.deepEqual(undefinedAcronyms('# EXTERNAL DIMENSION OF MIGRATION\n\nText.\n', 'en'), []);
  });
  it('reads "(ACR)" as spelled out only after words of its own paragraph', () => {
    assert.equal(undefinedAcronyms('The Council met in Brussels\n\n(ABCD) staff attended.', 'en')[0]?.text, 'ABCD');
    assert.equal(undefinedAcronyms('- The Council met in Brussels\n- (ABCD) staff attended.', 'en')[0]?.text, 'ABCD');
    assert.deepEqual(undefinedAcronyms('The Agency for Basic Control Data\n(ABCD) met. The ABCD met again.', 'en'), []);
  });
});

describe('rule acronym-expansion', () => {
  it('flags the EUAA spelled out with the old agency\'s name, with a fix', () => {
    const text = 'The European Asylum Support Office (EUAA) helps.';
    const [hit] = expansions(text, 'en');
    assert.equal(hit.text, 'European Asylum Support Office');
    assert.equal(applyFix(text, hit.finding), 'The European Union Agency for Asylum (EUAA) helps.');
    assert.deepEqual(findingsOf('deprecated-name', text, 'en'), [], 'reported once, by acronym-expansion');
  });

  it('flags an expansion that is not the model\'s', () => {
    assert.match(expansions('The European Asylum Agency (EUAA) helps.', 'en')[0].message, /stands for "European Union Agency for Asylum"/);
  });

  it('accepts the model\'s expansions in each language, inflected forms included', () => {
    assert.deepEqual(expansions('The European Union Agency for Asylum (EUAA).', 'en'), []);
    assert.deepEqual(expansions('Het Asielagentschap van de Europese Unie (EUAA) en de Groep externe aspecten van migratie en asiel (EMWP).', 'nl'), []);
    assert.deepEqual(expansions('de European Asylum Support Office (EASO) in 2019.', 'en'), []);
  });
  it('reads the expansion through a link and across the lines of a quote, as it is shown', () => {
    assert.deepEqual(expansions('Staff of the [European Union Agency for Asylum](https://euaa.europa.eu/about) (EUAA) attended.', 'en'), []);
    assert.deepEqual(expansions('> The European Union Agency for Asylum\n> (EUAA) met.', 'en'), []);
    assert.deepEqual(expansions('> - The European Union Agency for Asylum\n>   (EUAA) met.', 'en'), []);
    assert.equal(expansions('> The European Asylum Support Office\n> (EUAA) met.', 'en').length, 1);
  });
});

describe('acronyms in citations being typed', () => {
  it('does not read "Regulation (EU)" as an expansion of EU', () => {
    assert.deepEqual(findingsOf('acronym-expansion', 'See Regulation (EU) ', 'en'), []);
    assert.deepEqual(findingsOf('acronym-expansion', 'Zie Verordening (EU) ', 'nl'), []);
  });
});
