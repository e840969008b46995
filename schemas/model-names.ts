/**
 * The names the policy model is built on (languages, sections), without zod: the checker reads
 * them at every start, and loading zod and building the schemas costs a cold CLI run tens of
 * milliseconds that the built-in model, validated at build time, does not need
 * (docs/performance.md, "Cold start"). schemas/policy-model.ts re-exports them.
 */

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

export const SECTIONS = ['countries', 'groups', 'acts', 'instruments', 'bodies', 'acronyms', 'facts',
  'factKinds', 'terminology', 'places', 'sources'] as const;
export type SectionName = typeof SECTIONS[number];
export const SECTION_NAMES: readonly SectionName[] = SECTIONS;
