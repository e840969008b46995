/**
 * Language data: everything language-specific the checks need, one JSON file per language in
 * `languages/<code>.json`. Adding a language means adding a file, not code.
 */
import { z } from 'zod';
import { languageCode } from './policy-model';

const words = z.array(z.string().min(1));

const gender = z.enum(['m', 'f', 'n', 'c']).describe('m, f, n; c: the Dutch common gender (de-words).');
const grammaticalCase = z.enum(['nom', 'gen', 'dat', 'acc', 'ins', 'loc', 'voc', 'ill', 'ine', 'ela', 'all', 'ade', 'abl', 'par', 'ess', 'tra', 'sub', 'sup', 'del'])
  .describe('A grammatical case: nominative, genitive, dative, accusative, instrumental, locative, vocative, and the Finnic and Hungarian local cases.');

/** How a name behaves in running text: its gender, number, article and case forms. */
const nameGrammar = z.object({
  gender: gender.optional(),
  plural: z.boolean().optional().describe('The name is plural (les Pays-Bas, die Niederlande).'),
  article: z.boolean().optional().describe('The name takes the definite article in running text (la France, der Irak, the Netherlands).'),
  indeclinable: z.boolean().optional().describe('The name has one form in every case (pl "Eswatini").'),
  forms: z.partialRecord(grammaticalCase, z.string().min(1)).optional().describe('The name in each case, where it declines.'),
  genitive: z.string().min(1).optional().describe('The genitive without an article (de "Nordmazedoniens"), where it is not the name plus "s".'),
}).strict();

/** An article or an article fused with a preposition (du = de + le, zum = zu + dem), with what it agrees with. */
const determiner = z.object({
  form: z.string().min(1).describe('As written, lower case; an elided form ends with an apostrophe (l\', d\').'),
  prep: z.string().optional().describe('The preposition it contains ("de" in du, "zu" in zum); empty or absent for a bare article.'),
  article: z.boolean().optional().describe('It contains a definite article (default true); false: a bare preposition before names without one (de, d\', à, en).'),
  gender: gender.optional(),
  plural: z.boolean().optional(),
  elided: z.boolean().optional().describe('Used before a vowel (l\', d\', à l\').'),
  case: grammaticalCase.optional(),
}).strict();

const grammarSchema = z.object({
  sources: z.array(z.string().min(1)).min(1).describe('Grammars and style guides the data was taken from.'),
  determiners: z.array(determiner).optional(),
  namesTakeArticle: z.boolean().optional().describe('Names not listed take the definite article (fr true; en, de, nl false). Absent: unknown, so a replacement that depends on it is not safe.'),
  articlePrefixes: words.optional().describe('First words of names that take the article whatever the name (en "Republic", "Kingdom").'),
  names: z.record(z.string(), nameGrammar).optional().describe('Names of countries and bodies, as the model writes them in this language.'),
  elision: z.object({
    vowels: z.string().min(1).describe('Letters before which an article is elided.'),
    hAspire: words.optional().describe('Names starting with an aspirated h, which take no elision (Honduras, Hongrie).'),
    hMuet: words.optional().describe('Names starting with a mute h, which take elision (Haïti).'),
  }).strict().optional(),
  prepositionCases: z.record(z.string(), z.array(grammaticalCase)).optional().describe('Cases each preposition governs (de "mit": dative), to tell "der" dative from "der" genitive.'),
  adjectiveEndings: z.object({
    strong: z.record(z.string(), z.partialRecord(grammaticalCase, z.string())),
    weak: z.record(z.string(), z.partialRecord(grammaticalCase, z.string())),
  }).strict().optional().describe('German adjective endings by gender and case, without an article (strong) and after the definite article (weak).'),
  cases: z.object({
    endings: words.describe('Endings a name takes in the cases: a correction that changes them changes the case.'),
  }).strict().optional().describe('The language declines names: a replacement must be in the same case.'),
  numberForms: z.array(z.record(z.string(), z.string())).optional().describe('Number words that decline: each set maps a value to its word in one form ("dwa", "trzy"… / "dwóch", "trzech"…).'),
}).strict();

export const languageDataSchema = z.object({
  $schema: z.string().optional(),
  code: languageCode,
  name: z.string().min(1).describe('The language\'s own name for itself.'),
  complete: z.boolean().describe('Every section is filled and verified.'),
  sources: z.array(z.string()).describe('Official sources the data was checked against.'),
  detection: z.object({
    stopwords: words.min(10).describe('Frequent function words, used to detect the language of a draft.'),
  }).strict(),
  months: z.array(z.string().min(1)).length(12).describe('Month names in lower case, January first.'),
  monthAbbreviations: z.array(z.string()).optional(),
  weekdays: z.array(z.string()).optional(),
  numberWords: z.record(z.string(), z.number().int().nonnegative())
    .describe('Cardinal number words (lower case) to their value, at least 1–20.'),
  capitaliseMonths: z.boolean().optional().describe('Month names start with a capital in running text (en, de).'),
  dateFormat: z.object({
    pattern: z.string().describe('The EU style for this language: tokens D, DD, MMMM, YYYY, e.g. "D MMMM YYYY".'),
    ordinalFirst: z.string().optional().describe('How the first day is written where it differs (fr "1er").'),
    example: z.string(),
  }).strict(),
  citation: z.object({
    article: words.describe('The word for "Article", singular and plural, in the case used in citations.'),
    numberMarker: words.describe('"No" before pre-2015 regulation numbers: No / nr. / n° / Nr.'),
    articleSuffix: z.enum(['letters', 'latin']).describe('Inserted articles: "25a" (letters) or "25 bis" (latin).'),
    latinSuffixes: words.optional().describe('bis, ter, quater… in order, when articleSuffix is latin.'),
    actTypes: z.object({
      regulation: words,
      directive: words,
      decision: words,
      'implementing-regulation': words.optional(),
      'delegated-regulation': words.optional(),
      'implementing-decision': words.optional(),
      recommendation: words.optional(),
      'framework-decision': words.optional(),
    }).strict(),
    domains: z.object({
      EU: z.string(), EC: z.string(), EEC: z.string(), Euratom: z.string(), CFSP: z.string(), JHA: z.string(),
    }).strict().describe('How each domain code is written in brackets: (EU)/(UE), (EC)/(EG)/(CE)…'),
    connectors: words.describe('Words between an article and its act: of / van / du / des…'),
    issuers: words.optional().describe('Words naming the author that may stand between the act\'s type and its number: pl "Rady" (Decyzja Rady 2014/450/WPZiB), it "del Consiglio".'),
  }).strict(),
  noteHeader: z.object({
    documentMarkers: words.describe('First words of a Council note: NOTE, NOTA, VERMERK…'),
    from: words,
    to: words,
    subject: words,
  }).strict(),
  listConjunctions: words.describe('and / en / et / und, plus "or" forms.'),
  inflectionSuffixes: words.optional().describe('Plural and case endings a term may take: en "s", nl "en", de "en"… (illegal migrant → illegal migrants).'),
  derivationSuffixes: words.optional().describe('Endings that make adjectives and demonyms of names: nl "se" (Guinee → Guinese), en "i" (Bangladeshi).'),
  articles: words.optional().describe('Articles that may stand before a name in a list: the / de, het / le, la, les, l\', du, des / der, die, das…'),
  relationWords: words.optional().describe('Words that tie a country to an instrument: "the talent partnership with Nigeria" (with / met / avec / mit).'),
  inclusionMarkers: words.optional().describe('Words that make a list non-exhaustive: including, such as…'),
  wellKnownAcronyms: words.describe('Acronyms that need no expansion in this language.'),
  notAcronyms: words.optional().describe('All-caps words that are not acronyms: NOTE, LIMITE…'),
  commonWords: words.optional()
    .describe('Ordinary words one letter away from a country name, never to be taken for a misspelt one: de "Inland" (Irland), "Festland" (Estland).'),
  grammar: grammarSchema.optional()
    .describe('What a replacement needs to fit its sentence (server/src/core/language/grammar.ts). Without it, fixes that change a name or add words are suggestions, not safe.'),
}).strict();

export type LanguageData = z.infer<typeof languageDataSchema>;
