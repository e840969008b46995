import assert from 'node:assert/strict';
import { findingsOf, testLanguages, testModel } from '../../support/checker';
import { DraftAnalysis } from '../../../server/src/core/analysis/draft-analysis';
import { letterheadDate } from '../../../server/src/core/analysis/letterhead';
import { readDraft } from '../../../server/src/core/markdown/parse';

const found = (text: string, lang: string) => findingsOf('note-header', text, lang);

describe('rule note-header', () => {
  it('flags a note whose header lacks fields, naming them', () => {
    const [hit] = found('# NOTE\n\n**From:** Presidency\n\nText of the note.\n', 'en');
    assert.equal(hit.text, 'NOTE');
    assert.match(hit.message, /"To", "Subject"/);
  });

  it('accepts the header forms of en, nl, fr and de', () => {
    assert.deepEqual(found('# NOTE\n\n**From:** Presidency  \n**To:** Council  \n**Subject:** Migration\n\nText.\n', 'en'), []);
    assert.deepEqual(found('**NOTA**\n\nvan: het voorzitterschap\n\naan: de Raad\n\nBetreft: Migratie\n', 'nl'), []);
    assert.deepEqual(found('# NOTE\n\n| Origine: | la présidence |\n|---|---|\n| Destinataire: | le Conseil |\n| Objet: | Migrations |\n', 'fr'), []);
    assert.deepEqual(found('# VERMERK\n\n**Absender**: Vorsitz\n\n**Empfänger**: Rat\n\n**Betr.**: Migration\n', 'de'), []);
  });

  it('accepts header fields in front matter', () => {
    assert.deepEqual(found('---\ntype: note\nfrom: Presidency\nto: Council\nsubject: Migration\n---\n\nText.\n', 'en'), []);
    assert.equal(found('---\ntype: note\nfrom: Presidency\n---\n\nText.\n', 'en').length, 1);
  });

  it('flags an empty field', () => {
    assert.equal(found('# NOTE\n\n**From:** Presidency\n**To:**\n**Subject:** Migration\n', 'en').length, 1);
  });

  it('leaves drafts that are not notes alone', () => {
    assert.deepEqual(found('# Discussion paper\n\nText without header.\n', 'en'), []);
    assert.deepEqual(found('A NOTE on the side.\n', 'en'), []);
  });
});

describe('the Council letterhead', () => {
  const letterhead = (lines: string[]) => `${lines.join('\n\n')}\n\nThe text of the note starts here and runs on.\n`;
  const en = ['Council of the European Union', 'Brussels, 20 December 2018', '(OR. en)', '15725/18', 'LIMITE', 'PECHE 553', 'NOTE'];
  const nl = ['Raad van de Europese Unie', 'Brussel, 5 februari 2008 (07.02) (OR. en)', '5952/08', 'JUR 25 COUR 1', 'BEGELEIDENDE NOTA'];
  const pl = ['Rada Unii Europejskiej', 'Bruksela, 1 grudnia 2016 r. (OR. en)', '14827/16', 'JUSTCIV 309 CONSOM 289', 'NOTA'];

  it('is read as one structure: note-header runs on a real note, whose marker is not the first block', () => {
    assert.deepEqual(found(letterhead([...en, '**From:** General Secretariat\n**To:** Delegations\n**No. prev. doc.:** 15051/18 PECHE 513\n**Subject:** Fishing opportunities']), 'en'), []);
    assert.deepEqual(found(letterhead([...nl, '**van:** de heer V. SKOURIS\n**d.d.:** 4 februari 2008\n**aan:** de heer Rupel\n**Betreft:** Reglement']), 'nl'), []);
    assert.deepEqual(found(letterhead([...pl, '**Od:** Prezydencja\n**Do:** Rada\n**Dotyczy:** Wniosek']), 'pl'), []);
  });

  it('flags a letterhead note that lacks a field, at its marker', () => {
    const [hit] = found(letterhead([...en, '**From:** General Secretariat\n**To:** Delegations']), 'en');
    assert.equal(hit.text, 'NOTE');
    assert.match(hit.message, /"Subject"/);
    assert.match(found(letterhead([...nl, '**van:** het voorzitterschap\n**Betreft:** Sancties']), 'nl')[0].message, /"aan"/);
    assert.match(found(letterhead([...pl, '**Od:** Prezydencja\n**Do:** Rada']), 'pl')[0].message, /"Dotyczy"/);
  });

  it('reads the procedure number line as a code, not as the first header field', () => {
    const procedure = ['Rada Unii Europejskiej', 'Bruksela, 1 grudnia 2016 r. (OR. en)', 'Międzyinstytucjonalny numer referencyjny: 2015/0287 (COD)', '14827/16', 'NOTA'];
    assert.match(found(letterhead([...procedure, '**Od:** Prezydencja\n**Do:** Rada']), 'pl')[0].message, /"Dotyczy"/);
    assert.deepEqual(found(letterhead([...procedure, '**Od:** Prezydencja\n**Do:** Rada\n**Dotyczy:** Wniosek']), 'pl'), []);
  });

  it('reads the letterhead of an attached document after a page break', () => {
    const attached = `${letterhead(['Europeiska unionens råd', 'Bryssel den 7 september 2017 (OR. en)', '11432/07 DCL 1', 'RECH 203 NZ 8', 'BORTTAGANDE AV SÄKERHETSSKYDDSKLASSIFICERING', '**för dokument:** 11432/07'])}\n---\n\n`;
    assert.deepEqual(found(`${attached}${letterhead(['RESTREINT UE', 'Bryssel den 2 juli 2007 (OR. en)', '11432/07', 'FÖLJENOT', '**från:** kommissionen\n**till:** rådet\n**Ärende:** Rekommendation'])}`, 'sv'), []);
    assert.match(found(`${attached}${letterhead(['Bryssel den 2 juli 2007 (OR. en)', '11432/07', 'FÖLJENOT', '**från:** kommissionen\n**till:** rådet'])}`, 'sv')[0].message, /"Ärende"/);
  });

  it('is not a letterhead without what only letterheads hold', () => {
    assert.deepEqual(found('European Council\n\nThe President\n\nNOTE\n\nDinner will be the time to look at relations.\n', 'en'), []);
  });
});

describe('letterheadDate', () => {
  const dateOf = (text: string, lang: string) => {
    const result = letterheadDate(new DraftAnalysis(readDraft(text), testLanguages().get(lang)!, testLanguages(), testModel()));
    return result && [result.year, result.month, result.day];
  };

  it('gives the date of the letterhead in the forms the Council writes it', () => {
    assert.deepEqual(dateOf('Council of the European Union\n\nBrussels, 20 December 2018\n\n(OR. en)\n\n15725/18\n\nText.', 'en'), [2018, 12, 20]);
    assert.deepEqual(dateOf('Bruxelles, le 11.10.2019\n\nCOM(2019) 458 final\n\nANNEXE\n\nTexte.', 'fr'), [2019, 10, 11]);
    assert.deepEqual(dateOf('Brüssel, den 10.7.2019\n\nCOM(2019) 284 final\n\nText.', 'de'), [2019, 7, 10]);
    assert.deepEqual(dateOf('Rada Unii Europejskiej\n\nBruksela, 1 grudnia 2016 r. (OR. en)\n\n14827/16\n\nTekst.', 'pl'), [2016, 12, 1]);
    assert.deepEqual(dateOf('RAAD VAN DE EUROPESE UNIE\n\nBrussel, 5 februari 2008 (07.02) (OR. en)\n\n5952/08\n\nTekst.', 'nl'), [2008, 2, 5]);
    assert.deepEqual(dateOf('Conselho da União Europeia\n\nBruxelas, 28 de novembro de 2018 (OR. en)\n\nDossiê interinstitucional: 2018/0064(COD)\n\n14583/18\n\nTexto.', 'pt'), [2018, 11, 28]);
    assert.deepEqual(dateOf('Consejo de la Unión Europea\n\nBruselas, 3 de mayo de 2019 (OR. en)\n\n12345/19\n\nTexto.', 'es'), [2019, 5, 3]);
  });

  it('gives none when the draft does not open with a letterhead', () => {
    assert.equal(dateOf('# Migration\n\nBrussels, 20 December 2018, was where the Council met.', 'en'), undefined);
    assert.equal(dateOf('Some text first.\n\n---\n\nBrussels, 20 December 2018\n\n(OR. en)\n\n15725/18', 'en'), undefined);
  });
});

describe('note-header with partial language data', () => {
  it('requires only the fields the language has labels for, and names only those', () => {
    const [hit] = found('PAVADVĒSTULE\n\n**Sūtītājs:** prezidentvalsts\n\nTeksts.\n', 'lv');
    assert.match(hit.message, /lacks "Saņēmējs"/);
    assert.doesNotMatch(hit.message, /undefined/);
    assert.deepEqual(found('PAVADVĒSTULE\n\n**Sūtītājs:** prezidentvalsts\n**Saņēmējs:** Padome\n\nTeksts.\n', 'lv'), []);
  });
});

describe('letterheadDate on prose that starts like a date line', () => {
  it('is not fooled by a sentence that opens with a place and a date', () => {
    const text = 'Brussels, 20 December 2018, was where the Council met.\n\n(OR. en)\n\n15725/18\n\nText.';
    const analysis = new DraftAnalysis(readDraft(text), testLanguages().get('en')!, testLanguages(), testModel());
    assert.equal(letterheadDate(analysis), undefined);
  });
});
