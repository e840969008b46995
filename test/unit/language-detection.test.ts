import assert from 'node:assert/strict';
import { detectLanguage } from '../../server/src/core/language/detect';
import { check, testLanguages } from '../support/checker';

describe('language of a draft', () => {
  const samples: Record<string, string> = {
    en: 'The Council and the Commission have focused on the external dimension of migration, which is a priority for the Union and its Member States.',
    nl: 'De Raad en de Commissie hebben zich geconcentreerd op de externe dimensie van het migratiebeleid, die voor de Unie een prioriteit is.',
    fr: 'Le Conseil et la Commission se sont concentrés sur la dimension extérieure des migrations, qui est une priorité pour l\'Union et ses États membres.',
    de: 'Der Rat und die Kommission haben sich auf die externe Dimension der Migration konzentriert, die für die Union und ihre Mitgliedstaaten eine Priorität ist.',
  };

  for (const [code, text] of Object.entries(samples)) {
    it(`detects ${code} from its function words`, () => {
      assert.equal(detectLanguage(text, testLanguages()).code, code);
    });
  }

  it('takes lang from front matter over detection, and a setting over both', () => {
    const text = `---\nlang: fr\n---\n\n${samples.nl}\n`;
    assert.deepEqual([check(text).language, check(text).languageSource], ['fr', 'front-matter']);
    assert.deepEqual([check(text, { language: 'de' }).language, check(text, { language: 'de' }).languageSource], ['de', 'setting']);
    assert.equal(check(samples.nl).languageSource, 'detected');
  });

  it('falls back to English when nothing tells', () => {
    assert.equal(detectLanguage('12345 — 67890', testLanguages()).code, 'en');
  });

  it('remembers recent samples without going stale: each text still gets its own language', () => {
    const english = 'The Council and the Member States will continue the work with the partners of the Union.';
    const dutch = 'De Raad en de lidstaten zullen het werk met de partners van de Unie voortzetten.';
    for (const [text, code] of [[english, 'en'], [dutch, 'nl'], [english, 'en'], [`${english} `.repeat(400), 'en'], [`${dutch} `.repeat(400), 'nl']]) {
      assert.equal(detectLanguage(text, testLanguages()).code, code);
    }
  });
});
