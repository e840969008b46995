import assert from 'node:assert/strict';
import { applyFix, findingsOf } from '../../support/checker';

const invalid = (text: string, lang: string) => findingsOf('invalid-date', text, lang).map((f) => f.text);
const format = (text: string, lang: string) => findingsOf('date-format', text, lang);

describe('rule invalid-date', () => {
  it('flags impossible dates in en, nl, fr and de', () => {
    assert.deepEqual(invalid('On 31 September 2023 the Council met.', 'en'), ['31 September 2023']);
    assert.deepEqual(invalid('Op 31 september 2023 vergaderde de Raad.', 'nl'), ['31 september 2023']);
    assert.deepEqual(invalid('Le 30 février 2024, le Conseil.', 'fr'), ['30 février 2024']);
    assert.deepEqual(invalid('Am 31. April 2023 tagte der Rat.', 'de'), ['31. April 2023']);
  });

  it('knows leap years', () => {
    assert.deepEqual(invalid('29 February 2024 and 29 February 2023.', 'en'), ['29 February 2023']);
    assert.deepEqual(invalid('29 February 2000 and 29 February 1900.', 'en'), ['29 February 1900']);
  });

  it('accepts real dates, date ranges and numbers that are not dates', () => {
    assert.deepEqual(invalid('On 30 September 2023, 16 and 17 November and Regulation (EU) 2019/1155.', 'en'), []);
    assert.deepEqual(invalid('op 16 en 17 november in Madrid', 'nl'), []);
  });
});

describe('rule date-format', () => {
  it('rewrites a US-style English date to the EU style, with a fix', () => {
    const text = 'The Council met on September 28, 2023 in Brussels.';
    const [hit] = format(text, 'en');
    assert.equal(hit.text, 'September 28, 2023');
    assert.equal(applyFix(text, hit.finding), 'The Council met on 28 September 2023 in Brussels.');
  });

  it('flags ordinals, leading zeros and month capitals against each language\'s style', () => {
    assert.deepEqual(format('on 28th September 2023 and 05 March 2024', 'en').map((f) => f.finding.suggestions?.[0]), ['28 September 2023', '5 March 2024']);
    assert.equal(format('op 28 September 2023', 'nl')[0].finding.suggestions?.[0], '28 september 2023');
    assert.equal(format('le 1 octobre 2023', 'fr')[0].finding.suggestions?.[0], '1er octobre 2023');
    assert.equal(format('am 28 September 2023', 'de')[0].finding.suggestions?.[0], '28. September 2023');
  });

  it('accepts each language\'s EU style and modal "may"', () => {
    assert.deepEqual(format('On 28 September 2023. Article 3 may apply. In May 2024.', 'en'), []);
    assert.deepEqual(format('van 28 september 2023 en op 16 en 17 november', 'nl'), []);
    assert.deepEqual(format('le 1er octobre 2023 et le 28 septembre 2023', 'fr'), []);
    assert.deepEqual(format('vom 28. September 2023', 'de'), []);
  });
});

describe('rule date-format on dates as the Council publishes them', () => {
  it('accepts a date in capitals inside a title in capitals, and still checks other dates there', () => {
    assert.deepEqual(format('### WEDNESDAY 20 SEPTEMBER 2023\n\nThe Committee met.', 'en'), []);
    assert.deepEqual(format('# QUESTIONNAIRE FOR THE MEETINGS BETWEEN 23 APRIL AND 4 MAY\n\nText.', 'en'), []);
    assert.deepEqual(format('**Betreft:** EUROPESE RAAD TE BRUSSEL 19 JUNI 2008 CONCLUSIES', 'nl'), []);
    assert.deepEqual(format('AM 20. SEPTEMBER 2023 TAGT DER RAT', 'de'), []);
    assert.equal(format('### WEDNESDAY September 20, 2023', 'en')[0]?.text, 'September 20, 2023');
  });

  it('accepts the words the style writes after the year when they are there (Polish "r.")', () => {
    assert.deepEqual(format('Bruksela, 1 grudnia 2016 r. (OR. en)', 'pl'), []);
    assert.deepEqual(format('Na posiedzeniu 9 i 10 czerwca 2016 r. Rada przeprowadziła debatę.', 'pl'), []);
    const text = 'W dniu 01 grudnia 2016 r. Rada przyjęła decyzję.';
    const [hit] = format(text, 'pl');
    assert.equal(hit.text, '01 grudnia 2016');
    assert.equal(applyFix(text, hit.finding), 'W dniu 1 grudnia 2016 r. Rada przyjęła decyzję.', 'the fix does not write "r." twice');
    const bare = 'W dniu 1 grudnia 2016 Rada przyjęła decyzję.';
    assert.equal(applyFix(bare, format(bare, 'pl')[0].finding), 'W dniu 1 grudnia 2016 r. Rada przyjęła decyzję.');
  });

  it('writes a date without a year without the words of the year', () => {
    assert.equal(format('Dnia 01 grudnia Rada obradowała.', 'pl')[0]?.finding.suggestions?.[0], '1 grudnia');
    assert.equal(format('Am 01. Juli tagte der Rat.', 'de')[0]?.finding.suggestions?.[0], '1. Juli');
    assert.equal(format('Dana 01. srpnja Vijeće je zasjedalo.', 'hr')[0]?.finding.suggestions?.[0], '1. srpnja');
  });
});

describe('dates written with the style\'s words between day, month and year (es, pt)', () => {
  it('finds them, so that impossible and mis-written dates are reported', () => {
    assert.deepEqual(invalid('El 31 de septiembre de 2023 el Consejo se reunió.', 'es'), ['31 de septiembre de 2023']);
    assert.deepEqual(invalid('Em 30 de fevereiro de 2024 o Conselho reuniu-se.', 'pt'), ['30 de fevereiro de 2024']);
    const text = 'El 29 noviembre 2018 el Consejo adoptó el Reglamento.';
    const [hit] = format(text, 'es');
    assert.equal(hit.text, '29 noviembre 2018');
    assert.equal(applyFix(text, hit.finding), 'El 29 de noviembre de 2018 el Consejo adoptó el Reglamento.');
    assert.equal(format('Em 05 de março de 2018 a Comissão apresentou.', 'pt')[0]?.finding.suggestions?.[0], '5 de março de 2018');
  });

  it('accepts them as the Official Journal writes them, with or without a year', () => {
    assert.deepEqual(format('Reglamento (UE) 2019/440 del Consejo, de 29 de noviembre de 2018; el 14 de enero de 2019 y el 1 de julio.', 'es'), []);
    assert.deepEqual(format('apresentada em 13 de março de 2018, e em 28 de novembro de 2018.', 'pt'), []);
    assert.deepEqual(invalid('de 20 de julio de 2001 y 29 de febrero de 2024.', 'es'), []);
  });
});
