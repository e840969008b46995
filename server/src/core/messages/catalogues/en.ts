/**
 * English messages: the fallback for every locale, and the shape of the other catalogues. Each
 * message is a function of its rendered arguments (quoted draft words, names in English,
 * numbers); the argument kinds are in ../message.ts.
 */
import type { Conventions, Tools } from './tools';
import { pluralOf } from './tools';

const s = (count: number, one: string, other: string) => (pluralOf('en', count) === 'one' ? one : other);

export const conventions: Conventions = {
  quote: (text) => `"${text}"`,
  and: 'and',
  semicolon: '; ',
  or: 'or',
  termStatus: { deprecated: 'deprecated', obsolete: 'obsolete' },
  actFamily: { regulation: 'regulation', directive: 'directive', decision: 'decision', recommendation: 'recommendation', treaty: 'treaty' },
};

export const messages = {
  'acronym-expansion.old-name': (p: { found: string; acronym: string; replacement: string }) => `${p.found} is not what ${p.acronym} stands for: write ${p.replacement}.`,
  'acronym-expansion.other': (p: { acronym: string; expansion: string; found?: string }) => `${p.acronym} stands for ${p.expansion}${p.found ? `, not ${p.found}` : ''}.`,
  'date-format.style': (p: { right: string; language: string; written: string }) => `Write ${p.right} (the EU style in ${p.language}), not ${p.written}.`,
  'deprecated-name.replace': (p: { found: string; replacement: string }) => `${p.found} is deprecated: write ${p.replacement}.`,
  'deprecated-term.use': (p: { found: string; status: 'deprecated' | 'obsolete'; replacement: string }) => `${p.found} is ${conventions.termStatus[p.status]}: use ${p.replacement}.`,
  'deprecated-term.preferred': (p: { found: string; status: 'deprecated' | 'obsolete'; preferred: string }) => `${p.found} is ${conventions.termStatus[p.status]}: use the preferred term ${p.preferred}.`,
  'deprecated-term.status': (p: { found: string; status: 'deprecated' | 'obsolete' }) => `${p.found} is ${conventions.termStatus[p.status]}.`,
  'designation-footnote.first-mention': (p: { name: string; marked: string; footnote?: string }) => `${p.name} needs its designation footnote at its first mention: write ${p.marked} and add the footnote${p.footnote ? ` ${p.footnote}` : ''}.`,
  'designation-footnote.missing': (p: { name: string; footnote?: string }) => `The designation footnote for ${p.name} is missing from the document${p.footnote ? `: ${p.footnote}` : '.'}`,
  'fact-mismatch.other-years': (p: { country: string; years: string; year: number; kind: string }) => `The policy model records this for ${p.country} in ${p.years}, not ${p.year}${p.kind ? ` (${p.kind})` : ''}`,
  'fact-mismatch.no-fact': (p: { country: string; kind: string }) => `The policy model records no such fact for ${p.country}${p.kind ? ` (${p.kind})` : ''}`,
  'footnote-reference.undefined': (p: { reference: string }) => `Footnote reference ${p.reference} has no definition ("${p.reference}: …").`,
  'footnote-reference.unused': (p: { label: string }) => `Footnote [^${p.label}] is defined but never referenced.`,
  'group-membership.not-member': (p: { item: string; group: string; incomplete: boolean; missing?: string; missingCount: number }) =>
    `${p.item} is not one of the ${p.group}${p.incomplete ? ' recorded in the policy model' : ''}.${p.missing ? ` The list leaves out ${p.missing}.` : ''}`,
  'group-membership.not-linked': (p: { item: string; instrument: string; covered: string }) => `The policy model does not link ${p.item} to the ${p.instrument}: it covers ${p.covered}.`,
  'invalid-date.day-zero': (p: { date: string }) => `${p.date} is not a date: there is no day 0.`,
  'invalid-date.month-length': (p: { date: string; month: string; days: number; year?: string }) => `${p.date} is not a date: ${p.month} has ${p.days} ${s(p.days, 'day', 'days')}${p.year ? ` in ${p.year}` : ''}.`,
  'list-count.parts': (p: { stated: string; sum: number }) => `The text says ${p.stated} but its parts add up to ${p.sum}.`,
  'list-count.items': (p: { stated: string; count: number; items: string }) => `The text says ${p.stated} but lists ${p.count}: ${p.items}.`,
  'malformed-citation.domain-not-yet': (p: { year: number; written: string; from: number; right: string }) => `An act of ${p.year} is not ${p.written}: that domain began in ${p.from}; write ${p.right}.`,
  'malformed-citation.domain-ended': (p: { year: number; written: string; to: number; right: string }) => `An act of ${p.year} is not ${p.written}: that domain ended in ${p.to}; write ${p.right}.`,
  'malformed-citation.domain-spelling': (p: { language: string; expected: string; written: string }) => `In ${p.language} the domain is written ${p.expected}, not ${p.written}.`,
  'malformed-citation.no-marker': (p: { since: number; marker: string; right: string }) => `Acts since ${p.since} take no ${p.marker}: write ${p.right}.`,
  'malformed-citation.year-first': (p: { since: number; right: string }) => `Since ${p.since} the year comes first: ${p.right}.`,
  'malformed-citation.domain-before-number': (p: { since: number; right: string }) => `Since ${p.since} the domain stands in brackets before the number: ${p.right}.`,
  'malformed-citation.marker-needed': (p: { before: number; marker: string; right: string }) => `Regulations before ${p.before} are cited with ${p.marker}: ${p.right}.`,
  'malformed-citation.marker-spelling': (p: { language: string; marker: string; written: string }) => `In ${p.language} the number sign is ${p.marker}, not ${p.written}.`,
  'malformed-citation.number-first': (p: { before: number; right: string }) => `Regulations before ${p.before} are numbered number/year: ${p.right}.`,
  'malformed-citation.other-type': (p: { cited: string; number: string; right: string; family: 'regulation' | 'directive' | 'decision' | 'recommendation' | 'treaty' }) => `${p.cited}: ${p.number} is ${p.right}, not a ${conventions.actFamily[p.family]}.`,
  'malformed-citation.inserted-article': (p: { language: string; right: string; written: string }) => `In ${p.language} inserted articles are written ${p.right}, not ${p.written}.`,
  'note-header.missing-fields': (p: { missing: string; missingCount: number; language: string; fields: string }) => `This note's header lacks ${p.missing}: Council notes in ${p.language} give ${p.fields} before the text.`,
  'undefined-acronym.before-definition': (p: { acronym: string; line: number }) => `${p.acronym} is used before it is spelled out (on line ${p.line}): spell it out at its first use.`,
  'undefined-acronym.never-defined': (p: { acronym: string; suggestion: string }) => `${p.acronym} is never spelled out: at its first use write ${p.suggestion}.`,
  'undefined-acronym.never-defined-unknown': (p: { acronym: string }) => `${p.acronym} is never spelled out: at its first use write "full term (${p.acronym})".`,
  'unknown-act.not-in-model': (p: { cited: string; celex: string; url: string }) => `${p.cited} is not in the policy model (CELEX ${p.celex}): ${p.url}`,
  'unknown-article.repealed': (p: { act: string; article: string; by?: string }) => `${p.act}: Article ${p.article} was repealed${p.by ? ` by ${p.by}` : ''}.`,
  'unknown-article.missing': (p: { act: string; article: string; articles: string }) => `${p.act} has no Article ${p.article} (it has ${p.articles}).`,
  'unknown-country.near-miss': (p: { found: string; suggestions: string }) => `${p.found} is not a known country name. Did you mean ${p.suggestions}?`,
  'unknown-country.other-language': (p: { found: string; language: string; suggestion: string }) => `${p.found} is not the ${p.language} name. Did you mean ${p.suggestion}?`,
  'unknown-instrument.near-miss': (p: { found: string; name: string }) => `${p.found} is not a known name. Did you mean ${p.name}?`,
  'unknown-instrument.family': (p: { found: string; family: string; known: string }) => `${p.found} is not a known ${p.family}. Known: ${p.known}.`,
  // Titles of quick fixes (rule.ts FixDeclaration), in the menu's style: an imperative in English, an infinitive in the other languages.
  'fix.write-expansion': (p: { expansion: string }) => `Write the expansion ${p.expansion}`,
  'fix.write': (p: { text: string }) => `Write ${p.text}`,
  'fix.replace-deprecated': (p: { old: string; new: string }) => `Replace deprecated ${p.old} with ${p.new}`,
  'fix.add-designation-asterisk': () => 'Add the designation asterisk',
  'fix.add-designation-footnote': () => 'Add the designation footnote',
  'fix.replace-with': (p: { new: string }) => `Replace with ${p.new}`,
  'fix.change-count': (p: { count: string }) => `Change the count to ${p.count}`,
  'fix.add-members': (p: { members: string }) => `Add the missing members: ${p.members}`,
  'fix.remove': (p: { old: string }) => `Remove ${p.old}`,
  'fix.insert': (p: { new: string }) => `Insert ${p.new}`,
  'fix.write-instead': (p: { old: string; new: string }) => `Write ${p.new} instead of ${p.old}`,
  'fix.spell-out': (p: { acronym: string; new: string }) => `Spell out ${p.acronym} at its first use: ${p.new}`,
  'fix.correct': (p: { old: string; new: string }) => `Correct ${p.old} to ${p.new}`,
  'fix.replace': (p: { old: string; new: string }) => `Replace ${p.old} with ${p.new}`,
} satisfies Record<string, (p: never, t: Tools) => string>;

/** Every message: its arguments as English takes them, and the tools for a wording that needs them. */
export type Messages = { [K in keyof typeof messages]: (p: Parameters<typeof messages[K]>[0], t: Tools) => string };
