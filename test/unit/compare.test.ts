/**
 * compare, rule by rule: what two language versions must share, in several languages, with the
 * texts that look different but say the same (other names, number formats, date formats, number
 * words, a paragraph split in two) and the ones that do not.
 */
import { strict as assert } from 'node:assert';
import { compareTexts, type CompareFinding } from '../../server/src/core/compare/compare';
import { readDigits } from '../../server/src/core/compare/numbers';
import { testLanguages, testModel } from '../support/checker';

const version = (lang: string, body: string) => `---\nlang: ${lang}\n---\n\n${body}\n`;
function compare(original: [string, string], translation: [string, string]): CompareFinding[] {
  return compareTexts({ original: version(...original), translation: version(...translation), model: testModel(), languages: testLanguages() }).findings;
}
const rules = (findings: CompareFinding[]) => findings.map((f) => f.rule);

describe('compare', function () {
  this.timeout(30_000);

  describe('entities by model id', () => {
    const en = 'Action plans were agreed with Morocco, Tunisia and Egypt in 2023.';
    it('"Morocco" = "Marokko" = "Maroc": no finding', () => {
      assert.deepEqual(compare(['en', en], ['nl', 'Er zijn actieplannen overeengekomen met Marokko, Tunesië en Egypte in 2023.']), []);
      assert.deepEqual(compare(['en', en], ['fr', 'Des plans d\'action ont été convenus avec le Maroc, la Tunisie et l\'Égypte en 2023.']), []);
      assert.deepEqual(compare(['nl', 'Er zijn actieplannen overeengekomen met Marokko, Tunesië en Egypte in 2023.'], ['fr', 'Des plans d\'action ont été convenus avec le Maroc, la Tunisie et l\'Égypte en 2023.']), []);
    });

    it('a country dropped or replaced is found, with the original\'s place', () => {
      const dropped = compare(['en', en], ['fr', 'Des plans d\'action ont été convenus avec le Maroc et l\'Égypte en 2023.']);
      assert.deepEqual(rules(dropped), ['compare-entity']);
      assert.match(dropped[0].message, /Tunisie is missing .* "Tunisia"/);
      assert.equal(dropped[0].severity, 'error');
      assert.equal(dropped[0].original.range.start.line, 4);
      const replaced = compare(['en', en], ['nl', 'Er zijn actieplannen overeengekomen met Marokko, Algerije en Egypte in 2023.']);
      assert.deepEqual(rules(replaced), ['compare-entity']);
      assert.match(replaced[0].message, /"Algerije" here, where the original has "Tunisia".*In Dutch: Tunesië/);
    });

    it('a name left untranslated is said to be one', () => {
      const [finding, ...rest] = compare(['en', en], ['nl', 'Er zijn actieplannen overeengekomen met Morocco, Tunesië en Egypte in 2023.']);
      assert.deepEqual(rest, []);
      assert.match(finding.message, /"Morocco" is written here, the English name: a name left untranslated\? In Dutch: "Marokko"/);
      assert.equal(version('nl', 'Er zijn actieplannen overeengekomen met Morocco, Tunesië en Egypte in 2023.').slice(finding.start, finding.end), 'Morocco');
    });

    it('articles of an act compare by id ("25a" = "25 bis"), a changed one is found', () => {
      const original: [string, string] = ['en', 'Article 25a of the Visa Code applies to Iraq.'];
      assert.deepEqual(compare(original, ['fr', 'L\'article 25 bis du code des visas s\'applique à l\'Iraq.']), []);
      assert.deepEqual(compare(original, ['nl', 'Artikel 25 bis van de Visumcode is van toepassing op Irak.']), []);
      const changed = compare(original, ['nl', 'Artikel 26 van de Visumcode is van toepassing op Irak.']);
      assert.deepEqual(rules(changed), ['compare-entity']);
      assert.match(changed[0].message, /"Artikel 26" here, where the original has "Article 25a"/);
    });

    it('acts the model does not know compare by their number', () => {
      const original: [string, string] = ['en', 'Regulation (EU) 2017/1938 sets out the solidarity rules.'];
      assert.deepEqual(compare(original, ['de', 'Die Verordnung (EU) 2017/1938 legt die Solidaritätsregeln fest.']), []);
      assert.deepEqual(rules(compare(original, ['de', 'Die Verordnung (EU) 2017/1939 legt die Solidaritätsregeln fest.'])), ['compare-entity']);
    });
  });

  describe('numbers and dates, as each language writes them', () => {
    it('"10 countries" = "tien landen", "9" is not', () => {
      const original: [string, string] = ['en', 'The plan covers 10 countries and two agencies.'];
      assert.deepEqual(compare(original, ['nl', 'Het plan heeft betrekking op tien landen en twee agentschappen.']), []);
      assert.deepEqual(compare(original, ['de', 'Der Plan umfasst zehn Länder und zwei Agenturen.']), []);
      const nine = compare(original, ['nl', 'Het plan heeft betrekking op 9 landen en twee agentschappen.']);
      assert.deepEqual(rules(nine), ['compare-number']);
      assert.match(nine[0].message, /"9" here, where the original has "10"/);
    });

    it('"een"/"un"/"one" are articles, not the number one', () => {
      assert.deepEqual(compare(['en', 'A plan for the region was adopted.'], ['nl', 'Een plan voor de regio is aangenomen.']), []);
    });

    it('decimal and thousand separators of each language', () => {
      const original: [string, string] = ['en', 'The Facility provides EUR 1,500.5 million, of which 2.5 % for audits.'];
      assert.deepEqual(compare(original, ['nl', 'De faciliteit voorziet in 1.500,5 miljoen EUR, waarvan 2,5 % voor audits.']), []);
      assert.deepEqual(compare(original, ['fr', 'La facilité prévoit 1 500,5 millions d\'euros, dont 2,5 % pour les audits.']), []);
      assert.deepEqual(rules(compare(original, ['nl', 'De faciliteit voorziet in 1.500,5 miljoen EUR, waarvan 3,5 % voor audits.'])), ['compare-number']);
      assert.equal(readDigits('1.500', 'en'), 1.5);
      assert.equal(readDigits('1.500', 'de'), 1500);
      assert.equal(readDigits('1 500', 'fr'), 1500);
    });

    it('dates in each language\'s format; a date without its year matches the same day', () => {
      const original: [string, string] = ['en', 'The Council met on 28 September 2023 and will meet again on 1 October.'];
      assert.deepEqual(compare(original, ['de', 'Der Rat tagte am 28. September 2023 und tritt am 1. Oktober erneut zusammen.']), []);
      assert.deepEqual(compare(original, ['fr', 'Le Conseil s\'est réuni le 28 septembre 2023 et se réunira à nouveau le 1er octobre 2023.']), []);
      const changed = compare(original, ['fr', 'Le Conseil s\'est réuni le 28 septembre 2022 et se réunira à nouveau le 1er octobre.']);
      assert.deepEqual(rules(changed), ['compare-date']);
      assert.match(changed[0].message, /"28 septembre 2022" here, where the original has "28 September 2023"/);
    });

    it('a year changed is found even when another year of the paragraph stays', () => {
      const original: [string, string] = ['en', 'Proposals were made for Iraq (2021), Senegal (2022) and the Gambia (2022).'];
      assert.deepEqual(rules(compare(original, ['nl', 'Er zijn voorstellen gedaan voor Irak (2021), Senegal (2021) en Gambia (2022).'])), ['compare-number']);
    });
  });

  describe('structure', () => {
    const original = 'The first paragraph names Morocco.\n\nThe second one names Tunisia and gives 12 figures.\n\n- Do Ministers agree?\n\n- Which steps should follow for Egypt?';

    it('a paragraph split in two, or two joined, is not a finding when nothing was lost', () => {
      assert.deepEqual(compare(['en', original], ['nl', 'De eerste alinea noemt Marokko.\n\nDe tweede noemt Tunesië.\n\nZij geeft 12 cijfers.\n\n- Zijn de ministers het eens?\n\n- Welke stappen moeten volgen voor Egypte?']), []);
      assert.deepEqual(compare(['en', original], ['nl', 'De eerste alinea noemt Marokko. De tweede noemt Tunesië en geeft 12 cijfers.\n\n- Zijn de ministers het eens?\n\n- Welke stappen moeten volgen voor Egypte?']), []);
    });

    it('a question missing or added', () => {
      const missing = compare(['en', original], ['nl', 'De eerste alinea noemt Marokko.\n\nDe tweede noemt Tunesië en geeft 12 cijfers.\n\n- Welke stappen moeten volgen voor Egypte?']);
      assert.ok(rules(missing).includes('compare-question'), JSON.stringify(missing));
      const added = compare(['en', original], ['nl', 'De eerste alinea noemt Marokko.\n\nDe tweede noemt Tunesië en geeft 12 cijfers.\n\n- Zijn de ministers het eens?\n\n- Welke stappen moeten volgen voor Egypte?\n\n- Moet de Raad verder gaan?']);
      assert.deepEqual(rules(added), ['compare-question']);
      assert.match(added[0].message, /not in the original/);
    });

    it('numbered points numbered differently', () => {
      const points = '1. Morocco signed.\n\n2. Tunisia signed.\n\n3. Egypt signed.';
      assert.deepEqual(compare(['en', points], ['fr', '1. Le Maroc a signé.\n\n2. La Tunisie a signé.\n\n3. L\'Égypte a signé.']), []);
      const renumbered = compare(['en', points], ['fr', '1. Le Maroc a signé.\n\n3. La Tunisie a signé.\n\n4. L\'Égypte a signé.']);
      assert.deepEqual(rules(renumbered), ['compare-point'], 'reported once, where the numbering starts to differ');
      assert.match(renumbered[0].message, /Point 3 here is point 2 in the original/);
    });

    it('questions in another order', () => {
      const questions = '- Should the Union help Moldova?\n\n- Should the Union help Georgia and Armenia?';
      assert.deepEqual(compare(['en', questions], ['fr', '- L\'Union doit-elle aider la Moldavie?\n\n- L\'Union doit-elle aider la Géorgie et l\'Arménie?']), []);
      const swapped = compare(['en', questions], ['fr', '- L\'Union doit-elle aider la Géorgie et l\'Arménie?\n\n- L\'Union doit-elle aider la Moldavie?']);
      assert.ok(swapped.some((f) => f.rule === 'compare-question' && /other order/.test(f.message)), JSON.stringify(swapped.map((f) => f.message)));
    });

    it('footnotes: missing, added and reordered', () => {
      const notes = 'Morocco signed[^a] and Tunisia signed[^b].\n\n[^a]: In 2021, with Spain.\n\n[^b]: In 2023, with Italy.';
      assert.deepEqual(compare(['en', notes], ['nl', 'Marokko tekende[^1] en Tunesië tekende[^2].\n\n[^1]: In 2021, met Spanje.\n\n[^2]: In 2023, met Italië.']), []);
      const swapped = compare(['en', notes], ['nl', 'Marokko tekende[^2] en Tunesië tekende[^1].\n\n[^1]: In 2021, met Spanje.\n\n[^2]: In 2023, met Italië.']);
      assert.ok(swapped.some((f) => f.rule === 'compare-footnote' && /another order/.test(f.message)), JSON.stringify(swapped.map((f) => f.message)));
      const missing = compare(['en', notes], ['nl', 'Marokko tekende[^1] en Tunesië tekende.\n\n[^1]: In 2021, met Spanje.']);
      assert.deepEqual(rules(missing), ['compare-footnote']);
      assert.match(missing[0].message, /Footnote \[\^b\] of the original .* is missing/);
      // A number in a footnote compares like one in the text.
      assert.deepEqual(rules(compare(['en', notes], ['nl', 'Marokko tekende[^1] en Tunesië tekende[^2].\n\n[^1]: In 2020, met Spanje.\n\n[^2]: In 2023, met Italië.'])), ['compare-number']);
    });
  });

  describe('versions that barely overlap', () => {
    it('an empty translation lacks everything; an empty original is not compared against', () => {
      const full = 'Morocco signed in 2021.\n\n- Do Ministers agree?';
      assert.deepEqual(rules(compare(['en', full], ['nl', ''])), ['compare-paragraph', 'compare-question']);
      assert.deepEqual(rules(compare(['en', ''], ['nl', 'Marokko tekende in 2021.'])), ['compare-paragraph']);
      assert.deepEqual(compare(['en', ''], ['nl', '']), []);
    });

    it('a long translation of a short original still aligns', () => {
      const long = Array.from({ length: 60 }, (_, i) => `Paragraaf ${i + 1} noemt Marokko.`).join('\n\n');
      const findings = compare(['en', 'Paragraph 1 names Morocco.'], ['nl', long]);
      // Every paragraph but the first is reported, as added or as adding its number.
      assert.equal(new Set(findings.map((f) => f.range.start.line)).size, 59);
      assert.ok(!findings.some((f) => f.range.start.line === 4), 'the first paragraph matches');
    });
  });

  describe('names the model does not know', () => {
    const original = 'Operation Irini patrols the central Mediterranean.\n\nThe Council reviewed Irini in March.';
    it('compared as written, allowing for a language\'s spelling', () => {
      assert.deepEqual(compare(['en', original], ['nl', 'Operatie Irini patrouilleert in het centrale Middellandse Zeegebied.\n\nDe Raad heeft Irini in maart geëvalueerd.']), []);
    });
    it('one kept elsewhere but missing here is found', () => {
      const findings = compare(['en', original], ['nl', 'Operatie Irini patrouilleert in het centrale Middellandse Zeegebied.\n\nDe Raad heeft de operatie in maart geëvalueerd.']);
      assert.deepEqual(rules(findings), ['compare-name']);
      assert.match(findings[0].message, /"Irini" .* compared as written/);
      assert.equal(findings[0].severity, 'warning');
    });
    it('capitalised words a translation renders as ordinary words are not names ("Member States" / "lidstaten")', () => {
      assert.deepEqual(compare(['en', 'The Member States and the Presidency agreed.'], ['nl', 'De lidstaten en het voorzitterschap zijn het eens.']), []);
    });
  });
});
