import assert from 'node:assert/strict';
import { applyFix, findingsOf } from '../../support/checker';

const instruments = (text: string, lang: string) => findingsOf('unknown-instrument', text, lang);
const facts = (text: string, lang: string) => findingsOf('fact-mismatch', text, lang);

describe('rule unknown-instrument', () => {
  it('flags a misspelt process with a fix, safe only when the word form is kept', () => {
    const text = 'the Khartoum Proccess and the Rabat Process';
    const [hit] = instruments(text, 'en');
    assert.equal(hit.text, 'Khartoum Proccess');
    assert.equal(applyFix(text, hit.finding), 'the Khartoum Process and the Rabat Process');
    // "Proces" may be "Process" without its ending as well as a slip: the correction is offered, not applied unseen.
    const [short] = instruments('the Khartoum Proces and the Rabat Process', 'en');
    assert.equal(short.finding.fix, undefined);
    assert.deepEqual(short.finding.fixes?.map((f) => [f.title, f.safe]), [['Correct "Khartoum Proces" to "Khartoum Process"', false]]);
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

  // Facts written in other words than the model's phrases: a short cue, other words, then the claims.
  it('reads claims later in the sentence of a shorter phrase, in en, nl and fr', () => {
    const wrong = (text: string, lang: string) => facts(text, lang).map((f) => [f.text, f.message.replace(/ \(.*$/, '')]);
    assert.deepEqual(wrong('Proposals for visa measures, tabled by the Commission under Article 25a, concerned Bangladesh (2021), Iraq (2022) and Senegal (2022).', 'en'), [['2022', 'The policy model records this for Iraq in 2021, not 2022']]);
    assert.deepEqual(wrong('Decisions imposing visa measures have so far been adopted only for The Gambia (2021 and 2023).', 'en'), [['2023', 'The policy model records this for The Gambia in 2021 and 2022, not 2023']]);
    assert.deepEqual(wrong('Voorstellen voor visummaatregelen, die de Commissie op grond van artikel 25 bis indiende, betroffen Bangladesh (2021), Irak (2022) en Senegal (2022).', 'nl'), [['2022', 'The policy model records this for Iraq in 2021, not 2022']]);
    assert.deepEqual(wrong('Besluiten tot het opleggen van visummaatregelen zijn tot nu toe alleen genomen voor Gambia (2021 en 2023).', 'nl'), [['2023', 'The policy model records this for The Gambia in 2021 and 2022, not 2023']]);
    assert.deepEqual(wrong("Les propositions de mesures en matière de visas, présentées par la Commission, visaient le Bangladesh (2021), l'Iraq (2022) et le Sénégal (2022).", 'fr'), [['2022', 'The policy model records this for Iraq in 2021, not 2022']]);
    assert.deepEqual(wrong("Des décisions imposant des mesures en matière de visas n'ont été adoptées que pour la Gambie (2021 et 2023).", 'fr'), [['2023', 'The policy model records this for The Gambia in 2021 and 2022, not 2023']]);
  });

  it('accepts the right facts in other words, and leaves years in other sentences or not in claims alone', () => {
    assert.deepEqual(facts('Proposals for visa measures, tabled by the Commission, concerned Bangladesh (2021), Iraq (2021) and Senegal (2022).', 'en'), []);
    assert.deepEqual(facts('Besluiten tot het opleggen van visummaatregelen zijn alleen genomen voor Gambia (2021 en 2022).', 'nl'), []);
    assert.deepEqual(facts("Des décisions imposant des mesures en matière de visas n'ont été adoptées que pour la Gambie (2021 et 2022).", 'fr'), []);
    assert.deepEqual(facts('Proposals for visa measures were discussed in 2023. Senegal (2023) was not among them.', 'en'), [], 'the claim is in another sentence');
    assert.deepEqual(facts('Decisions imposing visa measures are rare; Senegal (2022 figures) cooperates.', 'en'), [], '"(2022 figures)" is not a claim');
    assert.deepEqual(facts('Voorstellen voor visummaatregelen worden besproken met Senegal, dat in 2023 (volgens de cijfers) meewerkte.', 'nl'), []);
  });

  it('does not read meetings and conferences: their dates and places are not checked', () => {
    assert.deepEqual(facts('The JHA Council of 12 October 2023 discussed the external dimension.', 'en'), []);
    assert.deepEqual(facts('de Raad JBZ van 29 september 2023', 'nl'), []);
  });
});
