import assert from 'node:assert/strict';
import { findingsOf } from '../../support/checker';

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
