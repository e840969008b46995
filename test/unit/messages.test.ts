/**
 * Messages are written in one language, the UI locale: the draft's own words stand in quotes,
 * everything else (names from the model, language names, months, article numbers) is in the UI
 * language. Each rule's messages are checked in en, nl, fr and de on drafts in other languages.
 */
import assert from 'node:assert/strict';
import { check } from '../support/checker';
import { testLanguages } from '../support/checker';
import { CATALOGUES } from '../../server/src/core/messages/render';
import { MESSAGE_LOCALES, languageOfLocale, localeFromEnvironment, messageLocale, type MessageLocale } from '../../server/src/core/messages/locale';
import { RULES } from '../../server/src/core/rules/index';

/** The quotation marks of each UI locale, to take the draft's words out of a message. */
const QUOTED: Record<MessageLocale, RegExp> = { en: /"[^"]*"/g, nl: /“[^”]*”/g, fr: /«[^»]*»/g, de: /„[^“]*“/g, es: /«[^»]*»/g, it: /«[^»]*»/g };

const words = (text: string) => new Set((text.toLowerCase().match(/\p{L}{3,}/gu) ?? []));

/** Every word a locale's templates can write, with dummy arguments and every optional part present. */
function templateWords(locale: MessageLocale): Set<string> {
  const { messages, conventions } = CATALOGUES[locale];
  const dummy = new Proxy({}, { get: (_, key) => (key === 'status' ? 'deprecated' : key === 'family' ? 'regulation' : 2) });
  const out = new Set<string>([conventions.and, conventions.or, ...Object.values(conventions.termStatus).flatMap((s) => [...words(s)]), ...Object.values(conventions.actFamily).flatMap((s) => [...words(s)])]);
  for (const template of Object.values(messages)) {
    for (const word of words((template as (p: unknown, t: unknown) => string)(dummy, { quote: (s: string) => s, raw: dummy }))) out.add(word);
  }
  return out;
}

const VOCABULARY = Object.fromEntries(MESSAGE_LOCALES.map((locale) => [locale, templateWords(locale)])) as Record<MessageLocale, Set<string>>;
/**
 * Words written alike in two of these languages, so no sign of either: German "bis" is also the
 * Latin ordinal of inserted articles ("25 bis"), German "Land" also Dutch, German "des" also French.
 */
const HOMOGRAPHS = new Set(['bis', 'land', 'des']);
/** Words only one locale's templates use: a sign that a message is in that language. */
const DISTINCTIVE = Object.fromEntries(MESSAGE_LOCALES.map((locale) => [locale, new Set([...VOCABULARY[locale]].filter((word) =>
  !HOMOGRAPHS.has(word) && MESSAGE_LOCALES.every((other) => other === locale || !VOCABULARY[other].has(word))))])) as Record<MessageLocale, Set<string>>;

/** Drafts that make each rule speak, in two or more draft languages (written for these tests). */
const CASES: Record<string, [lang: string, draft: string][]> = {
  'unknown-country': [['en', 'Cooperation with Tunesia grows.'], ['nl', 'De samenwerking met Marrokko groeit.'], ['nl', 'De samenwerking met Tunisie groeit.']],
  'deprecated-name': [['en', 'Turkey hosts many refugees.'], ['fr', 'La coopération avec l\'Irak se poursuit.']],
  'designation-footnote': [['en', 'Kosovo and Serbia met in May.'], ['de', 'Kosovo und Serbien trafen sich im Mai.']],
  'unknown-act': [['en', 'Regulation (EU) 2019/9999 applies.'], ['nl', 'Verordening (EU) 2019/9999 is van toepassing.']],
  'malformed-citation': [
    ['en', 'Regulation (EU) No 2019/1155 applies, as does Regulation (EC) 810/2009.'],
    ['nl', 'Artikel 25a van de Visumcode is van toepassing, evenals Verordening (EG) 2019/1155.'],
    ['fr', 'La décision 2018/1611/PESC et le règlement (EU) 2019/1155 sont applicables.'],
    ['de', 'Die Verordnung (EU) 2024/1346 gilt, ebenso die Verordnung (EG) Nr. 810/2009.'],
  ],
  'unknown-article': [['en', 'Article 99 of the Visa Code applies.'], ['nl', 'Artikel 25 quater van de Visumcode is van toepassing.']],
  'footnote-reference': [['en', 'Two initiatives[^2] were set up.\n'], ['fr', 'Deux initiatives[^x] ont été lancées.\n\n[^y]: Jamais appelée.\n']],
  'note-header': [['en', '# NOTE\n\n**From:** Presidency\n\nText of the note.\n'], ['nl', '**NOTA**\n\n**van:** het voorzitterschap\n\nTekst van de nota.\n']],
  'list-count': [
    ['nl', 'actieplannen voor 10 prioritaire landen (Afghanistan, Bosnië en Herzegovina, Tunesië, Niger, Nigeria, Irak, Marokko, Pakistan en Egypte).'],
    ['en', 'The Union funds seven centres: two in Morocco, three in Tunisia and three in Egypt.'],
    ['de', 'Die Union finanziert drei Zentren: in Marokko, Tunesien, Ägypten und Libyen.'],
  ],
  'group-membership': [
    ['nl', '10 prioritaire landen van herkomst en doorreis (Afghanistan, Bosnië en Herzegovina, Tunesië, Niger, Nigeria, Irak, Ethiopië, Marokko, Pakistan en Egypte).'],
    ['en', 'The Talent Partnerships with Nigeria and Morocco.'],
  ],
  'unknown-instrument': [['en', 'Both the Khartoum Proccess and the Rabat Process met.'], ['en', 'The Team Europe Initiative on the Eastern route started.']],
  'fact-mismatch': [['nl', 'Er zijn voorstellen voor dergelijke maatregelen ingediend voor Senegal (2023).'], ['en', 'Proposals for such measures were submitted for Senegal (2023).']],
  'undefined-acronym': [['en', 'The EUAA supports Member States. The QRST met.'], ['nl', 'Het EUAA steunt de lidstaten. De QRST kwam samen. Later kwam het Quality Review Standing Team (QRST) opnieuw samen.']],
  'acronym-expansion': [['en', 'The European Asylum Support Office (EUAA) helps. The European Asylum Agency (EUAA) helps too.']],
  'invalid-date': [['fr', 'La réunion du 30 février 2024 est reportée.'], ['en', 'The meeting of 31 September 2023 is postponed.']],
  'date-format': [['en', 'The Council met on September 28, 2023 in Brussels.'], ['de', 'Der Rat tagte am 28 September 2023 in Brüssel.']],
  'deprecated-term': [['en', 'Illegal migrants were returned.'], ['nl', 'De illegale migrant werd teruggestuurd.']],
};

function messagesOf(rule: string, lang: string, draft: string, locale: string): string[] {
  return check(draft, { language: lang, locale }).findings.filter((f) => f.rule === rule).map((f) => f.message);
}

describe('messages in the UI locale', () => {
  it('has a test draft for every rule that writes messages', () => {
    assert.deepEqual(RULES.filter((rule) => rule.check).map((rule) => rule.id).filter((id) => !CASES[id]), []);
  });

  it('has every message in every catalogue', () => {
    for (const locale of MESSAGE_LOCALES) assert.deepEqual(Object.keys(CATALOGUES[locale].messages).sort(), Object.keys(CATALOGUES.en.messages).sort(), locale);
  });

  for (const [rule, drafts] of Object.entries(CASES)) {
    it(`${rule}: one language outside the quotes, in en, nl, fr and de`, () => {
      for (const [lang, draft] of drafts) {
        const draftStopwords = testLanguages().get(lang)!.detection.stopwords.map((w) => w.toLowerCase());
        for (const locale of MESSAGE_LOCALES) {
          const messages = messagesOf(rule, lang, draft, locale);
          assert.ok(messages.length > 0, `${rule} finds something in ${lang}: ${draft}`);
          for (const message of messages) {
            const where = `${locale} message on a ${lang} draft: ${message}`;
            assert.doesNotMatch(message, /undefined|NaN|\[object/, where);
            const outside = words(message.replace(QUOTED[locale], ' '));
            for (const other of MESSAGE_LOCALES) {
              if (other === locale) continue;
              const foreign = [...outside].filter((word) => DISTINCTIVE[other].has(word));
              assert.deepEqual(foreign, [], `${where}: words of the ${other} templates`);
            }
            // A word of its own language (Spanish and Italian share many: then one that English does not write).
            const own = (word: string) => DISTINCTIVE[locale].has(word) || (locale !== 'en' && VOCABULARY[locale].has(word) && !VOCABULARY.en.has(word));
            assert.ok([...outside].some(own), `${where}: no word of its own language`);
            if (lang !== locale) {
              // The draft's function words ("de", "het", "la", "der") stand only inside quotes.
              const leaked = [...outside].filter((word) => draftStopwords.includes(word) && !VOCABULARY[locale].has(word));
              assert.deepEqual(leaked, [], `${where}: words of the ${lang} draft outside quotes`);
            }
          }
        }
      }
    });
  }

  it('quotes the draft\'s words and names the model\'s entities in the UI language', () => {
    const swapped = CASES['group-membership'][0][1];
    const say = (locale: string) => messagesOf('group-membership', 'nl', swapped, locale)[0];
    assert.equal(say('en'), '"Ethiopië" is not one of the "10 prioritaire landen van herkomst en doorreis". The list leaves out Libya.');
    assert.equal(say('nl'), 'Ethiopië behoort niet tot de 10 prioritaire landen van herkomst en doorreis. In de lijst ontbreekt Libië.');
    assert.equal(say('fr'), '«\u00a0Ethiopië\u00a0»\u00a0: ce pays ne fait pas partie des «\u00a010 prioritaire landen van herkomst en doorreis\u00a0». Il manque dans la liste\u00a0: Libye.');
    assert.equal(say('de'), '„Ethiopië“: Dieses Land gehört nicht zur Gruppe „10 prioritaire landen van herkomst en doorreis“. In der Liste fehlt Libyen.');
  });

  it('writes the act and the article as the UI language does, not as the draft did', () => {
    const say = (locale: string) => messagesOf('unknown-article', 'nl', CASES['unknown-article'][1][1], locale)[0];
    assert.match(say('en'), /^Visa Code has no Article 25c \(it has 1–58, 25a and 51a\)\.$/);
    assert.match(say('nl'), /^Visumcode bevat geen artikel 25 quater \(wel de artikelen 1–58, 25 bis en 51 bis\)\.$/);
    assert.match(say('fr'), /: il n’y a pas d’article 25 quater \(articles existants\u00a0: 1–58, 25 bis et 51 bis\)\.$/);
    assert.match(say('de'), /: Einen Artikel 25c gibt es nicht \(vorhanden: Artikel 1–58, 25a und 51a\)\.$/);
  });

  it('names the draft\'s language, months and plurals in the UI language', () => {
    const date = (locale: string) => messagesOf('date-format', 'de', CASES['date-format'][1][1], locale)[0];
    assert.match(date('en'), /the EU style in German/);
    assert.match(date('nl'), /de EU-stijl in het Duits/);
    assert.match(date('fr'), /style de l’UE en allemand/);
    assert.match(date('de'), /EU-Stil auf Deutsch/);
    const invalid = (locale: string) => messagesOf('invalid-date', 'fr', CASES['invalid-date'][0][1], locale)[0];
    assert.match(invalid('en'), /: February has 29 days in 2024\.$/);
    assert.match(invalid('nl'), /: februari heeft 29 dagen in 2024\.$/);
    assert.match(invalid('fr'), /: février compte 29 jours en 2024\.$/);
    assert.match(invalid('de'), /: Der Februar hat 29 Tage im Jahr 2024\.$/);
    const header = (locale: string, text: string) => messagesOf('note-header', 'en', text, locale)[0];
    const one = '# NOTE\n\n**From:** Presidency\n**To:** Council\n\nText.\n';
    const two = CASES['note-header'][0][1];
    assert.match(header('nl', one), /^In de kop van deze nota ontbreekt “Subject”:/);
    assert.match(header('nl', two), /^In de kop van deze nota ontbreken “To”, “Subject”:/);
    assert.match(header('de', one), /^Im Kopf dieses Vermerks fehlt „Subject“:/);
    assert.match(header('de', two), /^Im Kopf dieses Vermerks fehlen „To“, „Subject“:/);
  });

  it('keeps rule ids and suggestions whatever the locale', () => {
    for (const [rule, drafts] of Object.entries(CASES)) {
      for (const [lang, draft] of drafts) {
        const strip = (locale: string) => check(draft, { language: lang, locale }).findings.map((f) => [f.rule, f.start, f.end, f.suggestions, f.fixes?.map((fix) => fix.edits)]);
        for (const locale of ['nl', 'fr', 'de']) assert.deepEqual(strip(locale), strip('en'), `${rule} ${lang} in ${locale}`);
      }
    }
  });

  it('titles quick fixes in the UI locale, quoting the old and the new text', () => {
    const titles = (locale: string) => check(CASES['deprecated-name'][0][1], { language: 'en', locale }).findings[0].fixes!.map((fix) => fix.title);
    assert.deepEqual(titles('en'), ['Replace deprecated "Turkey" with "Türkiye"']);
    assert.deepEqual(titles('nl'), ['Verouderd “Turkey” vervangen door “Türkiye”']);
    assert.deepEqual(titles('fr'), ['Remplacer «\u00a0Turkey\u00a0», qui n’est plus d’usage, par «\u00a0Türkiye\u00a0»']);
    assert.deepEqual(titles('de'), ['Veraltetes „Turkey“ durch „Türkiye“ ersetzen']);
    const count = (locale: string) => check(CASES['list-count'][0][1], { language: 'nl', locale }).findings.find((f) => f.rule === 'list-count')!.fixes!.map((fix) => fix.title);
    assert.deepEqual(count('en'), ['Change the count to 9', 'Add the missing members: "Libië"']);
    assert.deepEqual(count('nl'), ['Het aantal wijzigen in 9', 'De ontbrekende leden toevoegen: Libië']);
  });

  it('falls back to English for a locale without a catalogue', () => {
    const draft = CASES['deprecated-name'][0][1];
    assert.deepEqual(messagesOf('deprecated-name', 'en', draft, 'pt_PT.UTF-8'), messagesOf('deprecated-name', 'en', draft, 'en'));
    assert.deepEqual(messagesOf('deprecated-name', 'en', draft, 'C'), ['"Turkey" is deprecated: write "Türkiye".']);
  });
});

describe('choosing the UI locale', () => {
  it('reads POSIX and BCP 47 locale names', () => {
    assert.equal(languageOfLocale('nl_NL.UTF-8'), 'nl');
    assert.equal(languageOfLocale('de_DE@euro'), 'de');
    assert.equal(languageOfLocale('fr-BE'), 'fr');
    assert.equal(languageOfLocale('EN'), 'en');
    assert.equal(languageOfLocale('C'), undefined);
    assert.equal(languageOfLocale('C.UTF-8'), undefined);
    assert.equal(languageOfLocale('POSIX'), undefined);
    assert.equal(languageOfLocale(''), undefined);
    assert.equal(messageLocale('pt_PT.UTF-8'), 'en');
    assert.equal(messageLocale('nl-BE'), 'nl');
  });

  it('takes LC_ALL, then LC_MESSAGES, then LANG', () => {
    assert.equal(localeFromEnvironment({ LC_ALL: 'fr_FR.UTF-8', LC_MESSAGES: 'de_DE', LANG: 'nl_NL' }), 'fr_FR.UTF-8');
    assert.equal(localeFromEnvironment({ LC_ALL: '', LC_MESSAGES: 'de_DE', LANG: 'nl_NL' }), 'de_DE');
    assert.equal(localeFromEnvironment({ LANG: 'nl_NL.UTF-8' }), 'nl_NL.UTF-8');
    assert.equal(localeFromEnvironment({}), undefined);
  });
});
