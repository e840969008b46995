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
