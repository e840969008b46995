import assert from 'node:assert/strict';
import { applyFix, findingsOf } from '../../support/checker';

const undefinedAcronyms = (text: string, lang: string) => findingsOf('undefined-acronym', text, lang);
const expansions = (text: string, lang: string) => findingsOf('acronym-expansion', text, lang);
const acronyms = (text: string, lang: string) => undefinedAcronyms(text, lang).map((f) => f.text);
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

describe('capitals that are not acronyms (as published Council texts write them)', () => {
  it('leaves out the letterhead: original language, document numbers, subject codes, classification', () => {
    const letterhead = (place: string, marker: string, labels: [string, string, string]) =>
      `${place}\n\n(OR. en)\n\n12345/19\n\nLIMITE\n\nABCD 12 WXYZ 34\n\n${marker}\n\n**${labels[0]}:** x\n**${labels[1]}:** y\n**${labels[2]}:** z\n\n`;
    assert.deepEqual(acronyms(`${letterhead('Brussels, 3 May 2019', 'NOTE', ['From', 'To', 'Subject'])}The Council met.`, 'en'), []);
    assert.deepEqual(acronyms(`${letterhead('Brussel, 3 mei 2019', 'NOTA', ['van', 'aan', 'Betreft'])}De Raad vergaderde.`, 'nl'), []);
    assert.deepEqual(acronyms(`${letterhead('Bruksela, 3 maja 2019 r.', 'NOTA', ['Od', 'Do', 'Dotyczy'])}Rada obradowała.`, 'pl'), []);
    // The body is still checked.
    assert.deepEqual(acronyms(`${letterhead('Brussels, 3 May 2019', 'NOTE', ['From', 'To', 'Subject'])}The QRSTV met.`, 'en'), ['QRSTV']);
  });

  it('leaves out subject codes after a document number and document references anywhere', () => {
    assert.deepEqual(acronyms('See document 15507/15 VISA 398 MIGR 77 CODEC 1765 and COM(2019) 458 final.', 'en'), []);
    assert.deepEqual(acronyms('Zie document 15507/15 VISA 398 MIGR 77 en EUCO 34/16.', 'nl'), []);
    assert.deepEqual(acronyms('Voir SEC(2007) 839 et le document 13731/18 PECHE 444 + ADD 1-2.', 'fr'), []);
    assert.deepEqual(acronyms('See document 15507/15. The QRSTV met.', 'en'), ['QRSTV']);
  });

  it('leaves out the Official Journal page header, its references and act-number suffixes', () => {
    assert.deepEqual(acronyms('23.7.2014 — DE — Amtsblatt der Europäischen Union — L 217/38\n\nText zum Standpunkt 2003/495/GASP.', 'de'), []);
    assert.deepEqual(acronyms('DO L 77 de 20.3.2019, p. 1.\n\n20.3.2019 — ES — Diario Oficial de la Unión Europea — L 77/1', 'es'), []);
    assert.deepEqual(acronyms('22.3.2011 — FR — Journal officiel de l\'Union européenne — L 76/62', 'fr'), []);
    assert.deepEqual(acronyms('Der QRSTV tagte.', 'de'), ['QRSTV']);
  });

  it('leaves out titles and operative words in capitals, not a list of acronyms', () => {
    assert.deepEqual(acronyms('Proposal for a COUNCIL REGULATION fixing the fishing opportunities.', 'en'), []);
    assert.deepEqual(acronyms('1. VERWEIST AUF die Empfehlung des Rates.', 'de'), []);
    assert.deepEqual(acronyms('Wniosek dotyczący DECYZJI RADY w sprawie zawarcia umowy.', 'pl'), []);
    assert.deepEqual(acronyms('Betreft: EUROPESE RAAD TE BRUSSEL 19/20 JUNI 2008 CONCLUSIES VAN HET VOORZITTERSCHAP', 'nl'), []);
    assert.deepEqual(acronyms('The QRS and the TUV met; the WXY BCD did too.', 'en'), ['QRS', 'TUV', 'WXY', 'BCD']);
  });

  it('leaves out surnames in capitals after a first name or an initial, not an acronym after a sentence\'s first word', () => {
    assert.deepEqual(acronyms('Mr Luís AMADO chaired the meeting.', 'en'), []);
    assert.deepEqual(acronyms('van: de heer V. SKOURIS, Voorzitter van het Hof van Justitie', 'nl'), []);
    assert.deepEqual(acronyms('podpisał dyrektor Jordi AYET PUIGARNAU oraz Jeppe TRANHOLM-MIKKELSEN', 'pl'), []);
    assert.deepEqual(acronyms('In TTIP talks the parties met.', 'en'), ['TTIP']);
  });

  it('leaves out operation, mission and programme names, act names, flight numbers and labels', () => {
    assert.deepEqual(acronyms('Operation TRITON 2015 and EUCAP Sahel Mali continued; Operation SOPHIA ended.', 'en'), []);
    assert.deepEqual(acronyms('IPA III and the AI Act apply; flight MH17; paragraphs P1 to P11.', 'en'), []);
    assert.deepEqual(acronyms('L\'opération IRINI et EUTM Mali se poursuivent.', 'fr'), []);
    assert.deepEqual(acronyms('De operatie IRINI en EUNAVFOR Med gaan door.', 'nl'), []);
    // A month in capitals is a month; a pronounceable name with a year is one, "TTIP 2015" is not.
    assert.deepEqual(acronyms('The TTIP 2015 round and the COP 24 met in MAY.', 'en'), ['TTIP', 'COP']);
  });

  it('knows the acronyms the Council writes without expansion, per language', () => {
    assert.deepEqual(acronyms('The G7, the G20, the WTO, the OSCE, the UNHCR, the OECD, Article 122 TFEU, the URL and EU-UK relations.', 'en'), []);
    assert.deepEqual(acronyms('Le G20, l\'OMC, l\'OSCE, le HCR, l\'OCDE, l\'article 122 du TFUE et l\'AELE.', 'fr'), []);
    assert.deepEqual(acronyms('Die G20, die WTO, die OSZE, das UNHCR, die OECD und Artikel 122 AEUV.', 'de'), []);
    assert.deepEqual(acronyms('De G20, de WTO, de OVSE, de OESO, artikel 122 VWEU en het EG-Verdrag.', 'nl'), []);
    assert.deepEqual(acronyms('ONZ, WTO i VAT.', 'pl'), []);
    assert.deepEqual(acronyms('ÜRO Julgeolekunõukogu.', 'et'), []);
  });
});

describe('the forms in which the Council spells an acronym out', () => {
  it('reads "Full term (ACR)" with a number, a compound or two acronyms in the brackets', () => {
    assert.deepEqual(acronyms('the 24th Conference of the Parties (COP 24) and the COP later.', 'en'), []);
    assert.deepEqual(acronyms('die Verwendung von Fluggastdatensätzen (PNR-Daten) und PNR später.', 'de'), []);
    assert.deepEqual(acronyms('rezolucją Rady Bezpieczeństwa Organizacji Narodów Zjednoczonych (RB ONZ) nr 1591.', 'pl'), []);
  });

  it('reads an act\'s name before its acronym in brackets, but not "Regulation (EU)" as a definition', () => {
    assert.deepEqual(acronyms('The General Data Protection Regulation (GDPR) applies; the GDPR is clear.', 'en'), []);
    assert.deepEqual(acronyms('Die Datenschutz-Grundverordnung (DSGVO) gilt; die DSGVO ist klar.', 'de'), []);
    assert.deepEqual(findingsOf('acronym-expansion', 'See Regulation (EU) 2019/1155.', 'en'), []);
  });

  it('reads "the … Office ACR" and "ACR (full term)"', () => {
    assert.deepEqual(acronyms('the Humanitarian Aid and Civil Protection Office ECHO funds it; ECHO reports.', 'en'), []);
    assert.deepEqual(acronyms('het Bureau voor Humanitaire Hulp ECHO betaalt; ECHO rapporteert.', 'nl'), []);
    assert.deepEqual(acronyms('The QRST (Quality Review Standing Team) met. The QRST met again.', 'en'), []);
  });

  it('reads a capitalised full term earlier in the paragraph, not in another one', () => {
    assert.deepEqual(acronyms('The Multiannual Financial Framework 2021-2027 is agreed; the MFF is large.', 'en'), []);
    assert.deepEqual(acronyms('Le Cadre Financier Pluriannuel est adopté; le CFP est important.', 'fr'), []);
    assert.deepEqual(acronyms('Das Quality Review Standing Team tagt; das QRST berichtet.', 'de'), []);
    assert.deepEqual(acronyms('The Quality Review Standing Team met.\n\nLater the QRST met.', 'en'), ['QRST']);
    assert.deepEqual(acronyms('The quality review standing team met; the QRST too.', 'en'), ['QRST']);
  });

  it('accepts a definition later in the same sentence, not in a later one', () => {
    assert.deepEqual(acronyms('au sein du Comité mixte de l\'AECG établi par l\'accord économique et commercial global (AECG) entre le Canada et l\'Union.', 'fr'), []);
    assert.match(undefinedAcronyms('The QRST met. Later the Quality Review Standing Team (QRST) met.', 'en')[0].message, /used before it is spelled out/);
  });

  it('does not count a heading as the first use when the text below spells it out', () => {
    assert.deepEqual(acronyms('## The QRST mandate\n\nThe Quality Review Standing Team (QRST) met.', 'en'), []);
    assert.deepEqual(acronyms('#### 2.1. Die QRST-Entschließung\n\nDas Quality Review Standing Team (QRST) tagt.', 'de'), []);
    assert.deepEqual(acronyms('## De QRST\n\nDe QRST vergaderde.', 'nl'), ['QRST']);
  });
});
