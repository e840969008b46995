import assert from 'node:assert/strict';
import { applyFix, findingsOf } from '../../support/checker';

const found = (text: string, lang: string) => findingsOf('deprecated-term', text, lang);

describe('rule deprecated-term', () => {
  it('flags a deprecated term and gives the preferred one, keeping a capital', () => {
    const text = 'Illegal migrants were returned.';
    const [hit] = found(text, 'en');
    assert.equal(hit.text, 'Illegal migrants');
    assert.match(hit.message, /"Irregular migrants"/);
    assert.equal(applyFix(text, hit.finding), 'Irregular migrants were returned.');
  });

  it('flags the Dutch term', () => {
    assert.equal(found('De illegale migrant werd teruggestuurd.', 'nl')[0].text, 'illegale migrant');
  });

  it('accepts the preferred terms and legal terms that only look alike', () => {
    assert.deepEqual(found('Irregular migrants and illegally staying third-country nationals.', 'en'), []);
    assert.deepEqual(found('De irreguliere migrant.', 'nl'), []);
  });
});
