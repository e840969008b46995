import assert from 'node:assert/strict';
import { applyFix, findingsOf } from '../../support/checker';

const instruments = (text: string, lang: string) => findingsOf('unknown-instrument', text, lang);
const facts = (text: string, lang: string) => findingsOf('fact-mismatch', text, lang);

describe('rule unknown-instrument', () => {
  it('flags a misspelt process with a fix', () => {
    const text = 'the Khartoum Proces and the Rabat Process';
    const [hit] = instruments(text, 'en');
    assert.equal(hit.text, 'Khartoum Proces');
    assert.equal(applyFix(text, hit.finding), 'the Khartoum Process and the Rabat Process');
  });

  it('flags an unknown member of a known family, listing the known ones', () => {
    const [hit] = instruments('The Team Europe Initiative on the Eastern route started.', 'en');
    assert.equal(hit.text, 'Team Europe Initiative on the Eastern route');
    assert.deepEqual(hit.finding.suggestions, ['Team Europe Initiative on the Atlantic/Western Mediterranean route', 'Team Europe Initiative on the Central Mediterranean route']);
  });

  it('accepts known names, the Bali Process and generic mentions', () => {
    assert.deepEqual(instruments('The Khartoum Process, the Bali Process, Team Europe Initiatives and the Team Europe Initiative on the Central Mediterranean route.', 'en'), []);
    assert.deepEqual(instruments('de processen van Praag, Boedapest, Khartoem en Rabat', 'nl'), []);
  });
});

describe('rule fact-mismatch', () => {
  const claim = 'Er zijn voorstellen voor dergelijke maatregelen ingediend voor';

  it('flags a year the model contradicts, saying the recorded one', () => {
    const [hit] = facts(`${claim} Bangladesh (2021), Irak (2021), Gambia (2021 en 2022) en Senegal (2023).`, 'nl');
    assert.equal(hit.text, '2023');
    assert.match(hit.message, /Senegal in 2022, not 2023/);
    assert.deepEqual(hit.finding.suggestions, ['2022']);
  });

  it('flags a Council decision the model does not record', () => {
    const [hit] = facts('De Raad heeft formele besluiten aangenomen in het geval van Senegal (2022).', 'nl');
    assert.match(hit.message, /records no such fact for Senegal/);
    assert.equal(hit.finding.fix, undefined, 'no automatic fix for a fact');
    assert.equal(hit.finding.suggestions, undefined, 'and nothing to suggest: the model records no year for it');
  });

  it('accepts the recorded facts, and years that are not claims', () => {
    assert.deepEqual(facts(`${claim} Bangladesh (2021), Irak (2021), Gambia (2021 en 2022) en Senegal (2022).`, 'nl'), []);
    assert.deepEqual(facts('The Council adopted decisions on The Gambia (2021 and 2022).', 'en'), []);
    assert.deepEqual(facts('In 2023 Senegal (2023 figures) cooperated well.', 'en'), []);
  });
});
