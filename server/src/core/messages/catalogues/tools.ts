/** What a catalogue's message functions get besides their rendered arguments. */
export interface Tools {
  /** Quotes text as the UI locale does ("…", « … », „…“). */
  quote(text: string): string;
  /** The unrendered text of each `quote` and `draft` argument, for a wording that must quote it always. */
  raw: Record<string, string>;
}

/** How a catalogue writes its language's punctuation and lists. */
export interface Conventions {
  quote(text: string): string;
  and: string;
  /** Between items of a list written with semicolons. */
  semicolon: string;
  or: string;
  /** The name of a term status (IATE), for deprecated-term. */
  termStatus: Record<'deprecated' | 'obsolete', string>;
  /** The name of an act family, for malformed-citation ("not a regulation"). */
  actFamily: Record<'regulation' | 'directive' | 'decision' | 'recommendation' | 'treaty', string>;
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** The locale's plural category of a number ("one", "other"…), with CLDR's rules (French 0 and 1 are "one"). */
export function pluralOf(locale: string, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, rules = new Intl.PluralRules(locale));
  return rules.select(count);
}
