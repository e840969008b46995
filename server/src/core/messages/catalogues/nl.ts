/** Dutch messages (EU style: "artikel", "Verordening", the polite "u"). */
import type { Messages } from './en';
import type { Conventions } from './tools';
import { pluralOf } from './tools';

const n = (count: number, one: string, other: string) => (pluralOf('nl', count) === 'one' ? one : other);

export const conventions: Conventions = {
  quote: (text) => `“${text}”`,
  and: 'en',
  semicolon: '; ',
  or: 'of',
  termStatus: { deprecated: 'afgeraden', obsolete: 'verouderd' },
  actFamily: { regulation: 'verordening', directive: 'richtlijn', decision: 'besluit', recommendation: 'aanbeveling', treaty: 'verdrag' },
};

export const messages: Messages = {
  'acronym-expansion.old-name': (p) => `${p.found} is niet waar ${p.acronym} voor staat: schrijf ${p.replacement}.`,
  'acronym-expansion.other': (p) => `${p.acronym} staat voor ${p.expansion}${p.found ? `, niet voor ${p.found}` : ''}.`,
  'date-format.style': (p) => `Schrijf ${p.right} (de EU-stijl in het ${p.language}), niet ${p.written}.`,
  'deprecated-name.replace': (p) => `De naam ${p.found} is verouderd: schrijf ${p.replacement}.`,
  'deprecated-term.use': (p) => `De term ${p.found} is ${conventions.termStatus[p.status]}: gebruik ${p.replacement}.`,
  'deprecated-term.preferred': (p) => `De term ${p.found} is ${conventions.termStatus[p.status]}: gebruik de voorkeursterm ${p.preferred}.`,
  'deprecated-term.status': (p) => `De term ${p.found} is ${conventions.termStatus[p.status]}.`,
  'designation-footnote.first-mention': (p) => `Bij de eerste vermelding van ${p.name} hoort de voetnoot over de benaming: schrijf ${p.marked} en voeg de voetnoot${p.footnote ? ` ${p.footnote}` : ''} toe.`,
  'designation-footnote.missing': (p) => `De voetnoot over de benaming van ${p.name} ontbreekt in het document${p.footnote ? `: ${p.footnote}` : '.'}`,
  'fact-mismatch.other-years': (p) => `Het beleidsmodel vermeldt dit voor ${p.country} in ${p.years}, niet in ${p.year}${p.kind ? ` (${p.kind})` : ''}`,
  'fact-mismatch.no-fact': (p) => `Het beleidsmodel vermeldt een dergelijk feit niet voor ${p.country}${p.kind ? ` (${p.kind})` : ''}`,
  'footnote-reference.undefined': (p) => `Voetnootverwijzing ${p.reference} heeft geen definitie (“${p.reference}: …”).`,
  'footnote-reference.unused': (p) => `Voetnoot [^${p.label}] is gedefinieerd, maar er wordt nergens naar verwezen.`,
  'group-membership.not-member': (p) =>
    `${p.item} behoort niet tot de ${p.group}${p.incomplete ? ' die in het beleidsmodel zijn opgenomen' : ''}.${p.missing ? ` In de lijst ${n(p.missingCount, 'ontbreekt', 'ontbreken')} ${p.missing}.` : ''}`,
  'group-membership.not-linked': (p, t) => `Het beleidsmodel koppelt ${p.item} niet aan het instrument ${t.quote(t.raw.instrument)}: dat betreft ${p.covered}.`,
  'invalid-date.day-zero': (p) => `${p.date} is geen datum: dag 0 bestaat niet.`,
  'invalid-date.month-length': (p) => `${p.date} is geen datum: ${p.month} heeft ${p.days} ${n(p.days, 'dag', 'dagen')}${p.year ? ` in ${p.year}` : ''}.`,
  'list-count.parts': (p) => `De tekst noemt ${p.stated}, maar de onderdelen tellen op tot ${p.sum}.`,
  'list-count.items': (p) => `De tekst noemt ${p.stated}, maar somt er ${p.count} op: ${p.items}.`,
  'malformed-citation.domain-not-yet': (p) => `Een handeling uit ${p.year} heeft niet ${p.written}: dat domein begon pas in ${p.from}; schrijf ${p.right}.`,
  'malformed-citation.domain-ended': (p) => `Een handeling uit ${p.year} heeft niet ${p.written}: dat domein eindigde in ${p.to}; schrijf ${p.right}.`,
  'malformed-citation.domain-spelling': (p) => `In het ${p.language} wordt het domein geschreven als ${p.expected}, niet als ${p.written}.`,
  'malformed-citation.no-marker': (p) => `Handelingen sinds ${p.since} krijgen geen ${p.marker}: schrijf ${p.right}.`,
  'malformed-citation.year-first': (p) => `Sinds ${p.since} staat het jaar voorop: ${p.right}.`,
  'malformed-citation.domain-before-number': (p) => `Sinds ${p.since} staat het domein tussen haakjes vóór het nummer: ${p.right}.`,
  'malformed-citation.marker-needed': (p) => `Verordeningen van vóór ${p.before} worden aangehaald met ${p.marker}: ${p.right}.`,
  'malformed-citation.marker-spelling': (p) => `In het ${p.language} is het nummerteken ${p.marker}, niet ${p.written}.`,
  'malformed-citation.number-first': (p) => `Verordeningen van vóór ${p.before} worden genummerd als nummer/jaar: ${p.right}.`,
  'malformed-citation.other-type': (p) => `${p.cited}: ${p.number} is ${p.right}, geen ${conventions.actFamily[p.family]}.`,
  'malformed-citation.inserted-article': (p) => `In het ${p.language} worden ingevoegde artikelen geschreven als ${p.right}, niet als ${p.written}.`,
  'note-header.missing-fields': (p) => `In de kop van deze nota ${n(p.missingCount, 'ontbreekt', 'ontbreken')} ${p.missing}: Raadsnota's in het ${p.language} vermelden ${p.fields} vóór de tekst.`,
  'undefined-acronym.before-definition': (p) => `${p.acronym} wordt gebruikt voordat het voluit is geschreven (op regel ${p.line}): schrijf het bij het eerste gebruik voluit.`,
  'undefined-acronym.never-defined': (p) => `${p.acronym} wordt nergens voluit geschreven: schrijf bij het eerste gebruik ${p.suggestion}.`,
  'undefined-acronym.never-defined-unknown': (p) => `${p.acronym} wordt nergens voluit geschreven: schrijf bij het eerste gebruik “volledige term (${p.acronym})”.`,
  'unknown-act.not-in-model': (p) => `${p.cited} staat niet in het beleidsmodel (CELEX ${p.celex}): ${p.url}`,
  'unknown-article.repealed': (p) => `${p.act}: artikel ${p.article} is geschrapt${p.by ? ` bij ${p.by}` : ''}.`,
  'unknown-article.missing': (p) => `${p.act} bevat geen artikel ${p.article} (wel de artikelen ${p.articles}).`,
  'unknown-country.near-miss': (p) => `${p.found} is geen bekende landnaam. Bedoelt u ${p.suggestions}?`,
  'unknown-country.other-language': (p) => `${p.found} is niet de naam in het ${p.language}. Bedoelt u ${p.suggestion}?`,
  'unknown-instrument.near-miss': (p) => `${p.found} is geen bekende naam. Bedoelt u ${p.name}?`,
  'unknown-instrument.family': (p, t) => `${p.found} is niet bekend als ${t.quote(t.raw.family)}. Bekend zijn: ${p.known}.`,
};
