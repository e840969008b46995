/** German messages (EU style: „Artikel“, „Verordnung“, the polite „Sie“; „…“ quotation marks). */
import type { Messages } from './en';
import type { Conventions } from './tools';
import { pluralOf } from './tools';

const n = (count: number, one: string, other: string) => (pluralOf('de', count) === 'one' ? one : other);

export const conventions: Conventions = {
  quote: (text) => `„${text}“`,
  and: 'und',
  semicolon: '; ',
  or: 'oder',
  termStatus: { deprecated: 'zu vermeiden', obsolete: 'veraltet' },
  actFamily: { regulation: 'keine Verordnung', directive: 'keine Richtlinie', decision: 'kein Beschluss', recommendation: 'keine Empfehlung', treaty: 'kein Vertrag' },
};

export const messages: Messages = {
  'acronym-expansion.old-name': (p) => `${p.found} ist nicht die Langform von ${p.acronym}: Schreiben Sie ${p.replacement}.`,
  'acronym-expansion.other': (p) => `${p.acronym} steht für ${p.expansion}${p.found ? `, nicht für ${p.found}` : ''}.`,
  'date-format.style': (p) => `Schreiben Sie ${p.right} (EU-Stil auf ${p.language}), nicht ${p.written}.`,
  'deprecated-name.replace': (p) => `Der Name ${p.found} ist veraltet: Schreiben Sie ${p.replacement}.`,
  'deprecated-term.use': (p) => `Der Begriff ${p.found} ist ${conventions.termStatus[p.status]}: Verwenden Sie ${p.replacement}.`,
  'deprecated-term.preferred': (p) => `Der Begriff ${p.found} ist ${conventions.termStatus[p.status]}: Verwenden Sie die Vorzugsbenennung ${p.preferred}.`,
  'deprecated-term.status': (p) => `Der Begriff ${p.found} ist ${conventions.termStatus[p.status]}.`,
  'designation-footnote.first-mention': (p) => `Bei der ersten Nennung von ${p.name} ist die Fußnote zur Bezeichnung erforderlich: Schreiben Sie ${p.marked} und fügen Sie die Fußnote${p.footnote ? ` ${p.footnote}` : ''} hinzu.`,
  'designation-footnote.missing': (p) => `Die Fußnote zur Bezeichnung von ${p.name} fehlt im Dokument${p.footnote ? `: ${p.footnote}` : '.'}`,
  'fact-mismatch.other-years': (p) => `${p.country}: Das Policy-Modell verzeichnet dies für ${p.years}, nicht für ${p.year}${p.kind ? ` (${p.kind})` : ''}`,
  'fact-mismatch.no-fact': (p) => `${p.country}: Das Policy-Modell verzeichnet keine solche Tatsache${p.kind ? ` (${p.kind})` : ''}`,
  'footnote-reference.undefined': (p) => `Der Fußnotenverweis ${p.reference} hat keine Definition („${p.reference}: …“).`,
  'footnote-reference.unused': (p) => `Die Fußnote [^${p.label}] ist definiert, aber es wird nirgends auf sie verwiesen.`,
  'group-membership.not-member': (p, t) =>
    `${p.item}: ${p.incomplete ? `Dieses Land ist im Policy-Modell nicht als Mitglied der Gruppe ${t.quote(t.raw.group)} verzeichnet` : `Dieses Land gehört nicht zur Gruppe ${t.quote(t.raw.group)}`}.${p.missing ? ` In der Liste ${n(p.missingCount, 'fehlt', 'fehlen')} ${p.missing}.` : ''}`,
  'group-membership.not-linked': (p, t) => `${p.item}: Das Policy-Modell verknüpft dieses Land nicht mit dem Instrument ${t.quote(t.raw.instrument)}; es umfasst ${p.covered}.`,
  'invalid-date.day-zero': (p) => `${p.date} ist kein Datum: Einen Tag 0 gibt es nicht.`,
  'invalid-date.month-length': (p) => `${p.date} ist kein Datum: Der ${p.month} hat ${p.days} ${n(p.days, 'Tag', 'Tage')}${p.year ? ` im Jahr ${p.year}` : ''}.`,
  'list-count.parts': (p) => `Der Text nennt ${p.stated}, die Teile ergeben aber ${p.sum}.`,
  'list-count.items': (p) => `Der Text nennt ${p.stated}, zählt aber ${p.count} auf: ${p.items}.`,
  'malformed-citation.domain-not-yet': (p) => `Ein Rechtsakt aus dem Jahr ${p.year} trägt nicht das Kürzel ${p.written}: Dieses Kürzel gilt erst ab ${p.from}; schreiben Sie ${p.right}.`,
  'malformed-citation.domain-ended': (p) => `Ein Rechtsakt aus dem Jahr ${p.year} trägt nicht das Kürzel ${p.written}: Dieses Kürzel galt nur bis ${p.to}; schreiben Sie ${p.right}.`,
  'malformed-citation.domain-spelling': (p) => `Auf ${p.language} lautet das Kürzel ${p.expected}, nicht ${p.written}.`,
  'malformed-citation.no-marker': (p) => `Rechtsakte seit ${p.since} tragen kein ${p.marker}: Schreiben Sie ${p.right}.`,
  'malformed-citation.year-first': (p) => `Seit ${p.since} steht das Jahr vorn: ${p.right}.`,
  'malformed-citation.domain-before-number': (p) => `Seit ${p.since} steht das Kürzel in Klammern vor der Nummer: ${p.right}.`,
  'malformed-citation.marker-needed': (p) => `Verordnungen vor ${p.before} werden mit ${p.marker} zitiert: ${p.right}.`,
  'malformed-citation.marker-spelling': (p) => `Auf ${p.language} lautet das Nummernzeichen ${p.marker}, nicht ${p.written}.`,
  'malformed-citation.number-first': (p) => `Verordnungen vor ${p.before} werden als Nummer/Jahr nummeriert: ${p.right}.`,
  'malformed-citation.other-type': (p) => `${p.cited}: ${p.number} bezeichnet ${p.right}, ${conventions.actFamily[p.family]}.`,
  'malformed-citation.inserted-article': (p) => `Auf ${p.language} werden eingefügte Artikel als ${p.right} geschrieben, nicht als ${p.written}.`,
  'note-header.missing-fields': (p) => `Im Kopf dieses Vermerks ${n(p.missingCount, 'fehlt', 'fehlen')} ${p.missing}: Ratsvermerke auf ${p.language} nennen ${p.fields} vor dem Text.`,
  'undefined-acronym.before-definition': (p) => `${p.acronym} wird verwendet, bevor es ausgeschrieben wird (in Zeile ${p.line}): Schreiben Sie es bei der ersten Verwendung aus.`,
  'undefined-acronym.never-defined': (p) => `${p.acronym} wird nirgends ausgeschrieben: Schreiben Sie bei der ersten Verwendung ${p.suggestion}.`,
  'undefined-acronym.never-defined-unknown': (p) => `${p.acronym} wird nirgends ausgeschrieben: Schreiben Sie bei der ersten Verwendung „vollständige Bezeichnung (${p.acronym})“.`,
  'unknown-act.not-in-model': (p) => `${p.cited} ist nicht im Policy-Modell enthalten (CELEX ${p.celex}): ${p.url}`,
  'unknown-article.repealed': (p) => `${p.act}: Artikel ${p.article} wurde${p.by ? ` durch ${p.by}` : ''} gestrichen.`,
  'unknown-article.missing': (p) => `${p.act}: Einen Artikel ${p.article} gibt es nicht (vorhanden: Artikel ${p.articles}).`,
  'unknown-country.near-miss': (p) => `${p.found} ist kein bekannter Ländername. Meinten Sie ${p.suggestions}?`,
  'unknown-country.other-language': (p) => `${p.found} ist nicht der Name auf ${p.language}. Meinten Sie ${p.suggestion}?`,
  'unknown-instrument.near-miss': (p) => `${p.found} ist kein bekannter Name. Meinten Sie ${p.name}?`,
  'unknown-instrument.family': (p, t) => `${p.found} ist kein bekannter Name der Reihe ${t.quote(t.raw.family)}. Bekannt: ${p.known}.`,
};
