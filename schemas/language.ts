/**
 * Language data: everything language-specific the checks need, one JSON file per language in
 * `languages/<code>.json`. Adding a language means adding a file, not code.
 */
import { z } from 'zod';
import { languageCode } from './policy-model';

const words = z.array(z.string().min(1));

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
}).strict();

export type LanguageData = z.infer<typeof languageDataSchema>;
