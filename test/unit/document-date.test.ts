import assert from 'node:assert/strict';
import { documentDate, isBefore, parseIsoDate } from '../../server/src/core/analysis/document-date';
import { readDraft } from '../../server/src/core/markdown/parse';
import { readLetterheads } from '../../server/src/core/analysis/letterhead';
import { testLanguages } from '../support/checker';

const dateOf = (text: string, lang: string) => {
  const draft = readDraft(text);
  const found = documentDate(draft, readLetterheads(draft, testLanguages().get(lang)!));
  return found && `${found.year}-${found.month}-${found.day} ${found.from}`;
};

describe('document date', () => {
  it('reads front matter date: as a date or a string, also year and month only', () => {
    assert.equal(dateOf('---\ndate: 2019-03-18\n---\n\nText.\n', 'en'), '2019-3-18 front-matter');
    assert.equal(dateOf('---\ndate: "2015-06"\n---\n\nText.\n', 'en'), '2015-6-1 front-matter');
    assert.equal(dateOf('---\ndate: 2012\n---\n\nText.\n', 'en'), '2012-1-1 front-matter');
  });

  it('reads the letterhead date line in each language', () => {
    const head = (line: string) => `COUNCIL OF THE EUROPEAN UNION\n\n${line}\n\nNOTE\n`;
    assert.equal(dateOf(head('Brussels, 5 February 2008'), 'en'), '2008-2-5 letterhead');
    assert.equal(dateOf(head('Brussel, 5 februari 2008 (07.02) (OR. en)'), 'nl'), '2008-2-5 letterhead');
    assert.equal(dateOf(head('Brüssel, den 5. Februar 2008'), 'de'), '2008-2-5 letterhead');
    assert.equal(dateOf(head('Bruxelles, le 11.10.2019'), 'fr'), '2019-10-11 letterhead');
    assert.equal(dateOf(head('Bruksela, 1 grudnia 2016 r. (OR. en)'), 'pl'), '2016-12-1 letterhead');
    assert.equal(dateOf(head('Bruxelas, 28 de novembro de 2018 (OR. en)'), 'pt'), '2018-11-28 letterhead');
    assert.equal(dateOf(head('Bryssel den 7 september 2017 (OR. en)'), 'sv'), '2017-9-7 letterhead');
    assert.equal(dateOf(head('Bruxelles, den 31. marts 2011'), 'da'), '2011-3-31 letterhead');
  });

  it('prefers the front matter, and finds nothing in a draft without either', () => {
    assert.equal(dateOf('---\ndate: 2020-01-02\n---\n\nBrussels, 5 February 2008\n', 'en'), '2020-1-2 front-matter');
    assert.equal(dateOf('The meeting on 5 February 2008 in Brussels.\n', 'en'), undefined);
    assert.equal(dateOf('Brussels, the capital.\n', 'en'), undefined);
    assert.equal(dateOf('---\ndate: soon\n---\n\nText.\n', 'en'), undefined);
  });

  it('compares a date with a change date given as YYYY, YYYY-MM or YYYY-MM-DD', () => {
    const d = { year: 2019, month: 2, day: 11 };
    assert.equal(isBefore(d, '2019-02-12'), true);
    assert.equal(isBefore(d, '2019-02-11'), false);
    assert.equal(isBefore(d, '2019'), false);
    assert.equal(isBefore(d, '2020'), true);
    assert.equal(isBefore(d, '2019-03'), true);
    assert.equal(parseIsoDate('2019-13-01'), undefined);
  });
});
