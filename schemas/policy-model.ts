/**
 * The policy model: the structured data every check is made against.
 *
 * A model file (`*.policy.yaml` / `*.policy.json`) holds any subset of the sections below.
 * Files are layered: the built-in default first, then workspace files in order. An entity
 * whose `id` already exists is extended (deep merge, lists united) unless it says
 * `mode: replace`; `remove` deletes entities by id. See server/src/core/model/merge.ts.
 */
import { z } from 'zod';

/** The 24 official EU languages, by ISO 639-1 code. */
export const EU_LANGUAGES = [
  'bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr',
  'hu', 'it', 'lt', 'lv', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv',
] as const;
/** English names of the languages, for messages (which are in English). */
export const LANGUAGE_NAMES_EN: Record<typeof EU_LANGUAGES[number], string> = {
  bg: 'Bulgarian', cs: 'Czech', da: 'Danish', de: 'German', el: 'Greek', en: 'English', es: 'Spanish',
  et: 'Estonian', fi: 'Finnish', fr: 'French', ga: 'Irish', hr: 'Croatian', hu: 'Hungarian', it: 'Italian',
  lt: 'Lithuanian', lv: 'Latvian', mt: 'Maltese', nl: 'Dutch', pl: 'Polish', pt: 'Portuguese', ro: 'Romanian',
  sk: 'Slovak', sl: 'Slovenian', sv: 'Swedish',
};
export const languageCode = z.enum(EU_LANGUAGES).describe('An official EU language (ISO 639-1).');
export type LanguageCode = z.infer<typeof languageCode>;

/** A value given per language; any subset of languages may be present. */
const perLanguage = <T extends z.ZodType>(value: T) => z.partialRecord(languageCode, value);

const id = z.string().min(1).regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'ids use letters, digits, ".", "_", ":" and "-"');
const nonEmptyText = z.string().trim().min(1);

/** Where a fact comes from: the id of an entry in `sources`, or a free-text reference. */
const sourceRef = z.string().min(1).describe('Id of an entry in `sources`, or a citation of where this comes from.');

/** How a layer treats an entity whose id already exists. */
const mergeMode = z.enum(['extend', 'replace']).optional()
  .describe('extend (default): merge into the existing entity; replace: drop the existing one first.');

const entityBase = {
  id,
  mode: mergeMode,
  source: sourceRef.optional(),
  note: z.string().optional(),
};

export const sourceSchema = z.object({
  id,
  title: nonEmptyText,
  url: z.string().optional(),
  date: z.string().optional(),
}).strict();

export const deprecatedNameSchema = z.object({
  name: nonEmptyText,
  replacement: nonEmptyText.describe('The name to use instead.'),
  since: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'a date: YYYY, YYYY-MM or YYYY-MM-DD').optional()
    .describe('The date from which the name is deprecated (YYYY, YYYY-MM or YYYY-MM-DD): drafts dated before it may use the name. Without it the name is always deprecated.'),
  reason: z.string().optional(),
  source: sourceRef.optional().describe('Where the change of name and its date are recorded.'),
}).strict();

export const countryNamesSchema = z.object({
  short: nonEmptyText.describe('Official short name (Interinstitutional Style Guide).'),
  formal: nonEmptyText.optional().describe('Formal name, e.g. "Republic of Türkiye".'),
  variants: z.array(nonEmptyText).optional().describe('Accepted variants and inflected forms.'),
  deprecated: z.array(deprecatedNameSchema).optional().describe('Names not to use, with their replacement.'),
}).strict();

export const countrySchema = z.object({
  ...entityBase,
  names: perLanguage(countryNamesSchema),
  designationFootnote: perLanguage(nonEmptyText).optional()
    .describe('Footnote text required whenever the name is used (e.g. Kosovo*).'),
  designationFootnoteKey: z.string().optional()
    .describe('Text that every language version of the footnote contains ("1244"), to recognise the footnote where the model lacks its text in a language.'),
  historical: z.boolean().optional().describe('No longer in use (EU Vocabularies at:deprecated).'),
}).strict();

export const groupSchema = z.object({
  ...entityBase,
  labels: perLanguage(z.array(nonEmptyText)).describe('Phrases that name the group in running text.'),
  members: z.array(id).describe('Country ids.'),
  complete: z.boolean().optional().describe('The member list is exhaustive (default true).'),
}).strict();

export const actTypeSchema = z.enum(['regulation', 'directive', 'decision', 'implementing-regulation',
  'delegated-regulation', 'implementing-decision', 'recommendation', 'framework-decision', 'treaty', 'charter']);

export const articleIdSchema = z.string().regex(/^[0-9]+[a-z]*$/, 'article ids are a number with optional letters, e.g. 25a');

export const articlesSchema = z.object({
  range: z.tuple([z.number().int().positive(), z.number().int().positive()])
    .describe('First and last article of the original numbering.'),
  inserted: z.array(z.object({
    article: articleIdSchema,
    by: id.describe('Id of the amending act.'),
  }).strict()).optional(),
  repealed: z.array(z.object({ article: articleIdSchema, by: id.optional() }).strict()).optional(),
}).strict();

export const actSchema = z.object({
  ...entityBase,
  type: actTypeSchema,
  domain: z.enum(['EU', 'EC', 'EEC', 'Euratom', 'CFSP', 'JHA']).describe('The code in brackets: (EU), (EC)…'),
  year: z.number().int().min(1950).max(2100),
  number: z.number().int().positive().optional().describe('The act\'s number; treaties and the Charter have none.'),
  numbering: z.enum(['number/year', 'year/number']).optional()
    .describe('Regulations before 2015 were numbered "No N/YYYY"; since 2015 every act is "YYYY/N".'),
  celex: z.string().regex(/^[0-9][0-9]{4}[A-Z][0-9A-Z()/]+$/, 'CELEX numbers look like 32009R0810 (treaties: 12016M/TXT)').optional(),
  eli: z.string().optional(),
  titles: perLanguage(z.object({
    full: nonEmptyText.optional(),
    short: z.array(nonEmptyText).optional().describe('Short titles used in running text: Visa Code, Visumcode…'),
  }).strict()).optional(),
  articles: articlesSchema.optional().describe('Omit when the article structure is not recorded: then no article is flagged.'),
  amends: z.array(id).optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD').optional().describe('The date of the act (of signature, for treaties).'),
  titleSources: perLanguage(sourceRef).optional()
    .describe('Where the titles of a language were checked, when not on the page named in `source` (the act\'s EUR-Lex page in that language, or the page that showed that language\'s title).'),
}).strict();

export const instrumentSchema = z.object({
  ...entityBase,
  kind: z.enum(['process', 'initiative', 'action-plan', 'action-file', 'partnership', 'fund', 'framework',
    'policy', 'dialogue', 'toolbox', 'other']),
  names: perLanguage(z.array(nonEmptyText)),
  acronyms: perLanguage(z.array(nonEmptyText)).optional(),
  countries: z.array(id).optional().describe('Countries the instrument covers.'),
  groups: z.array(id).optional(),
  count: z.number().int().nonnegative().optional().describe('How many there are, where the instrument is a set (24 action files).'),
  legalBasis: z.array(id).optional(),
}).strict();

export const bodySchema = z.object({
  ...entityBase,
  kind: z.enum(['institution', 'agency', 'council-configuration', 'working-party', 'committee',
    'mechanism', 'network', 'service', 'other']),
  names: perLanguage(z.array(nonEmptyText)),
  acronyms: perLanguage(z.array(nonEmptyText)).optional(),
  formerNames: perLanguage(z.array(deprecatedNameSchema)).optional(),
  legalBasis: z.array(id).optional(),
}).strict();

export const acronymSchema = z.object({
  ...entityBase,
  forms: perLanguage(z.array(nonEmptyText)).describe('The acronym as written in each language (TAMM/GAMM).'),
  expansions: perLanguage(z.array(nonEmptyText)).describe('Accepted full forms.'),
  deprecatedExpansions: perLanguage(z.array(deprecatedNameSchema)).optional(),
  wellKnown: z.array(languageCode).optional().describe('Languages in which it needs no expansion.'),
  refersTo: id.optional().describe('Id of the body or instrument it abbreviates.'),
}).strict();

export const factSchema = z.object({
  ...entityBase,
  kind: id.describe('Id of an entry in `factKinds`.'),
  subject: id.describe('Usually a country id.'),
  year: z.number().int().min(1950).max(2100).optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD').optional(),
  act: id.optional(),
  article: articleIdSchema.optional(),
  body: id.optional(),
  description: perLanguage(nonEmptyText).optional(),
}).strict();

export const factKindSchema = z.object({
  ...entityBase,
  description: perLanguage(nonEmptyText),
  phrases: perLanguage(z.array(nonEmptyText)).describe('Phrases that introduce claims of this kind in a draft.'),
  exhaustive: z.boolean().optional()
    .describe('The model records every fact of this kind, so a claim it does not record is wrong (default false: only contradictions count).'),
}).strict();

export const termStatus = z.enum(['preferred', 'admitted', 'deprecated', 'obsolete']);

export const termSchema = z.object({
  ...entityBase,
  domain: z.string().optional(),
  terms: perLanguage(z.array(z.object({
    text: nonEmptyText,
    status: termStatus,
  }).strict())),
  iate: z.string().optional().describe('IATE entry number.'),
}).strict();

export const placeSchema = z.object({
  ...entityBase,
  kind: z.enum(['city', 'region', 'sea', 'route', 'other']),
  names: perLanguage(z.array(nonEmptyText)),
  country: id.optional(),
}).strict();

const SECTIONS = ['countries', 'groups', 'acts', 'instruments', 'bodies', 'acronyms', 'facts',
  'factKinds', 'terminology', 'places', 'sources'] as const;
export type SectionName = typeof SECTIONS[number];
export const SECTION_NAMES: readonly SectionName[] = SECTIONS;

/** The complete form of each entity, as it must be once all layers are merged. */
export const ENTITY_SCHEMAS = {
  sources: sourceSchema, countries: countrySchema, groups: groupSchema, acts: actSchema,
  instruments: instrumentSchema, bodies: bodySchema, acronyms: acronymSchema, facts: factSchema,
  factKinds: factKindSchema, terminology: termSchema, places: placeSchema,
} as const satisfies Record<SectionName, z.ZodObject>;

/**
 * An entry as one file may write it: only `id` is required, because a layer may extend an
 * entity defined in an earlier one ("add a variant to TUR"). Completeness is checked on the
 * merged entity (see server/src/core/model/model-store.ts).
 */

export const policyModelSchema = z.object({
  $schema: z.string().optional(),
  name: z.string().optional(),
  version: z.string().optional(),
  description: z.string().optional(),
  sources: z.array(sourceSchema.partial().extend({ id })).optional(),
  countries: z.array(countrySchema.partial().extend({ id })).optional(),
  groups: z.array(groupSchema.partial().extend({ id })).optional(),
  acts: z.array(actSchema.partial().extend({ id })).optional(),
  instruments: z.array(instrumentSchema.partial().extend({ id })).optional(),
  bodies: z.array(bodySchema.partial().extend({ id })).optional(),
  acronyms: z.array(acronymSchema.partial().extend({ id })).optional(),
  facts: z.array(factSchema.partial().extend({ id })).optional(),
  factKinds: z.array(factKindSchema.partial().extend({ id })).optional(),
  terminology: z.array(termSchema.partial().extend({ id })).optional(),
  places: z.array(placeSchema.partial().extend({ id })).optional(),
  remove: z.partialRecord(z.enum(SECTIONS), z.array(id)).optional()
    .describe('Ids to delete from earlier layers, per section.'),
}).strict().describe('Council Notes policy model');

export type PolicyModelFile = z.infer<typeof policyModelSchema>;
/** A complete model, every entity whole: what the merged layers must add up to. */
export type PolicyModel = { [S in SectionName]?: z.infer<typeof ENTITY_SCHEMAS[S]>[] };
export type Country = z.infer<typeof countrySchema>;
export type Group = z.infer<typeof groupSchema>;
export type Act = z.infer<typeof actSchema>;
export type Instrument = z.infer<typeof instrumentSchema>;
export type Body = z.infer<typeof bodySchema>;
export type Acronym = z.infer<typeof acronymSchema>;
export type Fact = z.infer<typeof factSchema>;
export type FactKind = z.infer<typeof factKindSchema>;
export type Term = z.infer<typeof termSchema>;
export type Place = z.infer<typeof placeSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type ActType = z.infer<typeof actTypeSchema>;
