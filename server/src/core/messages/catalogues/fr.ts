/**
 * French messages (EU style: « article », « règlement », the imperative of « vous »; a no-break
 * space before « : », « ; », « ? » and inside guillemets).
 */
import type { Messages } from './en';
import type { Conventions } from './tools';
import { pluralOf } from './tools';

/** No-break space, before high punctuation. */
const _ = '\u00a0';
const n = (count: number, one: string, other: string) => (pluralOf('fr', count) === 'one' ? one : other);

export const conventions: Conventions = {
  quote: (text) => `«${_}${text}${_}»`,
  and: 'et',
  semicolon: `${_}; `,
  or: 'ou',
  termStatus: { deprecated: 'déconseillé', obsolete: 'obsolète' },
  actFamily: { regulation: 'un règlement', directive: 'une directive', decision: 'une décision', recommendation: 'une recommandation', treaty: 'un traité' },
};

export const messages: Messages = {
  'acronym-expansion.old-name': (p) => `${p.acronym} ne signifie pas ${p.found}${_}: écrivez ${p.replacement}.`,
  'acronym-expansion.other': (p) => `${p.acronym} signifie ${p.expansion}${p.found ? `, et non ${p.found}` : ''}.`,
  'date-format.style': (p) => `Écrivez ${p.right} (style de l’UE en ${p.language}), et non ${p.written}.`,
  'deprecated-name.replace': (p) => `Le nom ${p.found} n’est plus d’usage${_}: écrivez ${p.replacement}.`,
  'deprecated-term.use': (p) => `Le terme ${p.found} est ${conventions.termStatus[p.status]}${_}: utilisez ${p.replacement}.`,
  'deprecated-term.preferred': (p) => `Le terme ${p.found} est ${conventions.termStatus[p.status]}${_}: utilisez le terme privilégié ${p.preferred}.`,
  'deprecated-term.status': (p) => `Le terme ${p.found} est ${conventions.termStatus[p.status]}.`,
  'designation-footnote.first-mention': (p) => `La première mention de ${p.name} appelle la note relative à la désignation${_}: écrivez ${p.marked} et ajoutez la note${p.footnote ? ` ${p.footnote}` : ''}.`,
  'designation-footnote.missing': (p) => `La note relative à la désignation de ${p.name} manque dans le document${p.footnote ? `${_}: ${p.footnote}` : '.'}`,
  'fact-mismatch.other-years': (p) => `${p.country}${_}: le modèle de référence enregistre ce fait en ${p.years}, et non en ${p.year}${p.kind ? ` (${p.kind})` : ''}`,
  'fact-mismatch.no-fact': (p) => `${p.country}${_}: le modèle de référence n’enregistre aucun fait de ce type${p.kind ? ` (${p.kind})` : ''}`,
  'footnote-reference.undefined': (p) => `L’appel de note ${p.reference} n’a pas de définition («${_}${p.reference}: …${_}»).`,
  'footnote-reference.unused': (p) => `La note [^${p.label}] est définie, mais n’est jamais appelée.`,
  'group-membership.not-member': (p) =>
    `${p.item}${_}: ce pays ne fait pas partie des ${p.group}${p.incomplete ? ' recensés dans le modèle de référence' : ''}.${p.missing ? ` Il manque dans la liste${_}: ${p.missing}.` : ''}`,
  'group-membership.not-linked': (p, t) => `${p.item}${_}: le modèle de référence ne rattache pas ce pays à l’instrument ${t.quote(t.raw.instrument)}, qui couvre${_}: ${p.covered}.`,
  'invalid-date.day-zero': (p) => `${p.date} n’est pas une date${_}: il n’y a pas de jour 0.`,
  'invalid-date.month-length': (p) => `${p.date} n’est pas une date${_}: ${p.month} compte ${p.days} ${n(p.days, 'jour', 'jours')}${p.year ? ` en ${p.year}` : ''}.`,
  'list-count.parts': (p) => `Le texte indique ${p.stated}, mais la somme des éléments donne ${p.sum}.`,
  'list-count.items': (p) => `Le texte indique ${p.stated}, mais en énumère ${p.count}${_}: ${p.items}.`,
  'malformed-citation.domain-not-yet': (p) => `Un acte de ${p.year} ne peut porter ${p.written}${_}: ce domaine n’existe que depuis ${p.from}${_}; écrivez ${p.right}.`,
  'malformed-citation.domain-ended': (p) => `Un acte de ${p.year} ne peut porter ${p.written}${_}: ce domaine a pris fin en ${p.to}${_}; écrivez ${p.right}.`,
  'malformed-citation.domain-spelling': (p) => `En ${p.language}, le domaine s’écrit ${p.expected}, et non ${p.written}.`,
  'malformed-citation.no-marker': (p) => `Depuis ${p.since}, les actes ne prennent pas ${p.marker}${_}: écrivez ${p.right}.`,
  'malformed-citation.year-first': (p) => `Depuis ${p.since}, l’année vient en premier${_}: ${p.right}.`,
  'malformed-citation.domain-before-number': (p) => `Depuis ${p.since}, le domaine figure entre parenthèses avant le numéro${_}: ${p.right}.`,
  'malformed-citation.marker-needed': (p) => `Les règlements antérieurs à ${p.before} sont cités avec ${p.marker}${_}: ${p.right}.`,
  'malformed-citation.marker-spelling': (p) => `En ${p.language}, le signe du numéro est ${p.marker}, et non ${p.written}.`,
  'malformed-citation.number-first': (p) => `Les règlements antérieurs à ${p.before} sont numérotés numéro/année${_}: ${p.right}.`,
  'malformed-citation.other-type': (p) => `${p.cited}${_}: ${p.number} désigne ${p.right}, qui n’est pas ${conventions.actFamily[p.family]}.`,
  'malformed-citation.inserted-article': (p) => `En ${p.language}, les articles insérés s’écrivent ${p.right}, et non ${p.written}.`,
  'note-header.missing-fields': (p) => `Il manque ${p.missing} dans l’en-tête de cette note${_}: les notes du Conseil en ${p.language} indiquent ${p.fields} avant le texte.`,
  'undefined-acronym.before-definition': (p) => `${p.acronym} est employé avant d’être développé (à la ligne ${p.line})${_}: développez-le à sa première occurrence.`,
  'undefined-acronym.never-defined': (p) => `${p.acronym} n’est jamais développé${_}: à sa première occurrence, écrivez ${p.suggestion}.`,
  'undefined-acronym.never-defined-unknown': (p) => `${p.acronym} n’est jamais développé${_}: à sa première occurrence, écrivez «${_}terme complet (${p.acronym})${_}».`,
  'unknown-act.not-in-model': (p) => `${p.cited} ne figure pas dans le modèle de référence (CELEX ${p.celex})${_}: ${p.url}`,
  'unknown-article.repealed': (p) => `${p.act}${_}: l’article ${p.article} a été supprimé${p.by ? ` par ${p.by}` : ''}.`,
  'unknown-article.missing': (p) => `${p.act}${_}: il n’y a pas d’article ${p.article} (articles existants${_}: ${p.articles}).`,
  'unknown-country.near-miss': (p) => `${p.found} n’est pas un nom de pays connu. Vouliez-vous dire ${p.suggestions}${_}?`,
  'unknown-country.other-language': (p) => `${p.found} n’est pas le nom en ${p.language}. Vouliez-vous dire ${p.suggestion}${_}?`,
  'unknown-instrument.near-miss': (p) => `${p.found} n’est pas un nom connu. Vouliez-vous dire ${p.name}${_}?`,
  'unknown-instrument.family': (p, t) => `${p.found} n’est pas un nom connu de la série ${t.quote(t.raw.family)}. Noms connus${_}: ${p.known}.`,
  'fix.write-expansion': (p) => `Écrire la forme développée ${p.expansion}`,
  'fix.write': (p) => `Écrire ${p.text}`,
  'fix.replace-deprecated': (p) => `Remplacer ${p.old}, qui n’est plus d’usage, par ${p.new}`,
  'fix.add-designation-asterisk': () => 'Ajouter l’astérisque de la désignation',
  'fix.add-designation-footnote': () => 'Ajouter la note relative à la désignation',
  'fix.replace-with': (p) => `Remplacer par ${p.new}`,
  'fix.change-count': (p) => `Remplacer le nombre par ${p.count}`,
  'fix.add-members': (p) => `Ajouter les membres manquants${_}: ${p.members}`,
  'fix.remove': (p) => `Supprimer ${p.old}`,
  'fix.insert': (p) => `Insérer ${p.new}`,
  'fix.write-instead': (p) => `Écrire ${p.new} au lieu de ${p.old}`,
  'fix.spell-out': (p) => `Développer ${p.acronym} à sa première occurrence${_}: ${p.new}`,
  'fix.correct': (p) => `Corriger ${p.old} en ${p.new}`,
  'fix.replace': (p) => `Remplacer ${p.old} par ${p.new}`,
};
