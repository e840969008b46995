/**
 * The entries "add to workspace policy model" offers, built for the rule modules (each declares
 * in its `modelAddition` which of these its findings get): an act from its citation, a new
 * instrument or body, an acronym made well known, a country added to a group or linked to an
 * instrument, a dated fact. A new entity is complete (valid once merged with the other layers):
 * an id derived from its name, its name in the draft's language, and a `source` placeholder that
 * the model-schema check reminds about until the drafter says where the entry comes from.
 * LSP-free.
 */
import type { SectionName } from '../../../../schemas/policy-model';
import { LANGUAGE_NAMES_EN } from '../../../../schemas/model-names';
import type { DraftAnalysis } from '../analysis/draft-analysis';
import { eurLexReference, formatAct, UNIFIED_NUMBERING_YEAR } from '../analysis/acts';
import type { Citation } from '../analysis/citations';
import { countryOf } from '../analysis/enumerations';
import type { Finding } from '../findings';
import { SOURCE_PLACEHOLDER } from '../model/load';
import type { ModelAddition } from '../rule';
import { foldDiacritics } from '../text/normalize';
import { entityName } from './cards';

/** An id from a name: "Team Europe Initiative on the Eastern route" → "team-europe-initiative-on-the-eastern-route". */
export function slug(text: string): string {
  const base = trimEnd(foldDiacritics(text.toLowerCase()).replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '').slice(0, 60), '-');
  return base || 'entry';
}

/** The text without the characters of `chars` at its end (a loop: a regex such as /-+$/ is quadratic on long runs). */
function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

/** `base`, or `base-2`, `base-3`… where the model already has an entity of that id in the section. */
function uniqueId(analysis: DraftAnalysis, section: SectionName, base: string): string {
  const taken = analysis.model.merged.sections[section];
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** The text of a finding, on one line. */
export function foundText(finding: Finding, analysis: DraftAnalysis): string {
  return analysis.prose.slice(finding.start, finding.end).replace(/\s+/g, ' ').trim();
}

/** Kinds of new named entity a finding may be, with their section and the words of the action's title. */
const NEW_ENTITY = {
  instrument: { section: 'instruments', as: 'an instrument' },
  body: { section: 'bodies', as: 'a body' },
} as const satisfies Record<string, { section: SectionName; as: string }>;
export type NewEntityKind = keyof typeof NEW_ENTITY;

/**
 * A new instrument or body named `name` in the draft's language. `entityKind` is the schema's
 * `kind` (initiative, working-party…), "other" where the finding does not say.
 */
export function newEntityAddition(kind: NewEntityKind, name: string, analysis: DraftAnalysis, entityKind = 'other'): ModelAddition {
  const { section, as } = NEW_ENTITY[kind];
  const entry = { id: uniqueId(analysis, section, slug(name)), kind: entityKind, names: { [analysis.language.code]: [name] }, source: SOURCE_PLACEHOLDER };
  return { section, entry, title: `Add "${name}" to the workspace policy model as ${as}`, newName: name };
}

/**
 * A named instrument or body the model lacks ("Team Europe Initiative on the Eastern route"), as
 * an instrument and as a body: the drafter says which. The kind of the known names it resembles
 * (its suggestions) comes first, with their schema `kind` where they share one.
 */
export function namedEntityAdditions(finding: Finding, analysis: DraftAnalysis): ModelAddition[] {
  const name = foundText(finding, analysis);
  if (!name) return [];
  const lang = analysis.language.code;
  const { model } = analysis;
  const named = (entity: { names: Partial<Record<string, string[]>>; kind: string }) => finding.suggestions?.some((s) => entity.names[lang]?.includes(s));
  const kindsOf = (entities: Iterable<{ names: Partial<Record<string, string[]>>; kind: string }>) => new Set([...entities].filter(named).map((e) => e.kind));
  const instrumentKinds = kindsOf(model.instruments.values());
  const bodyKinds = kindsOf(model.bodies.values());
  const instrument = newEntityAddition('instrument', name, analysis, instrumentKinds.size === 1 ? [...instrumentKinds][0] : 'other');
  const body = newEntityAddition('body', name, analysis, bodyKinds.size === 1 ? [...bodyKinds][0] : 'other');
  return bodyKinds.size > instrumentKinds.size ? [body, instrument] : [instrument, body];
}

/**
 * An acronym made well known in the draft's language: the model's entry extended where the model
 * has one, else a new entry with the acronym's form.
 */
export function wellKnownAcronymAdditions(finding: Finding, analysis: DraftAnalysis): ModelAddition[] {
  const form = analysis.prose.slice(finding.start, finding.end);
  // Spelled out later in the draft: the fix is to spell it out at its first use, not to call it well known.
  if (analysis.acronymUses.some((use) => use.acronym === form && use.definition)) return [];
  return [wellKnownAcronymAddition(form, analysis)];
}

function wellKnownAcronymAddition(form: string, analysis: DraftAnalysis): ModelAddition {
  const lang = analysis.language.code;
  const existing = analysis.model.acronymsByForm(lang).get(form)?.[0];
  const title = `Add ${form} to the workspace policy model as well known in ${LANGUAGE_NAMES_EN[lang]}`;
  if (existing) return { section: 'acronyms', entry: { id: existing.id, wellKnown: [lang] }, title };
  const entry = { id: uniqueId(analysis, 'acronyms', `acr-${slug(form)}`), forms: { [lang]: [form] }, expansions: {}, wellKnown: [lang], source: SOURCE_PLACEHOLDER };
  return { section: 'acronyms', entry, title, newName: form };
}

/**
 * The act a citation names, as the model writes acts: type, domain, year, number, its numbering,
 * CELEX and (where the type word says which) ELI, computed from the citation; its full title
 * where the draft writes it after the citation; `source` left for the drafter.
 */
export function actAdditions(finding: Finding, analysis: DraftAnalysis): ModelAddition[] {
  const citation = analysis.citations.find((c) => c.start === finding.start);
  return citation ? [actAddition(citation, analysis)] : [];
}

function actAddition(citation: Citation, analysis: DraftAnalysis): ModelAddition {
  const language = analysis.language;
  const { celex, eli } = eurLexReference(citation, language.code);
  const domains = language.citation.domains;
  const suffixCode = citation.suffix && (Object.entries(domains).find(([, text]) => text === citation.suffix)?.[0] ?? (citation.suffix in domains ? citation.suffix : undefined));
  const domain = citation.domain?.code ?? suffixCode ?? (citation.year >= UNIFIED_NUMBERING_YEAR ? 'EU' : 'EC');
  const numbering = citation.family === 'regulation' && citation.year < UNIFIED_NUMBERING_YEAR ? 'number/year' : 'year/number';
  const full = fullTitleAt(citation, analysis);
  const entry = {
    id: uniqueId(analysis, 'acts', celex), type: citation.type, domain, year: citation.year, number: citation.number, numbering, celex,
    ...(eli ? { eli } : {}),
    ...(full ? { titles: { [language.code]: { full } } } : {}),
    source: SOURCE_PLACEHOLDER,
  };
  return { section: 'acts', entry, title: `Add ${formatAct(entry as never, language)} to the workspace policy model` };
}

/** A title's date follows the citation within this many characters ("of the European Parliament and of the Council of"). */
const TITLE_DATE_WITHIN = 120;
const MAX_TITLE_LENGTH = 600;

/**
 * The act's full title where the draft writes it out: the citation, then its date and its
 * subject, as every language's official titles run ("Regulation (EU) 2019/1896 of the European
 * Parliament and of the Council of 13 November 2019 on the European Border and Coast Guard …").
 * Where a title ends in running text cannot be told from the sentence's verb in 24 languages, so
 * a title is only taken where its end is plain: before a bracket that is not a domain ("(OJ L
 * 295 …)", "(the 'Visa Code')"), or at the end of a paragraph, footnote or list item that the
 * citation opens. Without a date it is not a full title.
 */
function fullTitleAt(citation: Citation, analysis: DraftAnalysis): string | undefined {
  const prose = analysis.prose;
  const date = analysis.dates.find((d) => d.start >= citation.end);
  if (!date || date.start - citation.end > TITLE_DATE_WITHIN || /[.;!?]\s|\u0001|\(/.test(prose.slice(citation.end, date.start))) return undefined;
  const block = analysis.draft.blocks.find((b) => b.start <= citation.start && citation.end <= b.end);
  if (!block) return undefined;
  const domains = new Set(Object.values(analysis.language.citation.domains));
  const limit = Math.min(block.end, citation.start + MAX_TITLE_LENGTH);
  let end = date.end;
  for (; end < limit; end++) {
    const char = prose[end];
    if (char === '\u0001' || ((char === '.' || char === ';' || char === '!' || char === '?') && /^[.;!?]\s+\S/.test(prose.slice(end, limit)))) return undefined;
    if (char === '(') {
      const close = prose.indexOf(')', end);
      if (close < 0 || !domains.has(prose.slice(end + 1, close))) break;
    }
  }
  if (end === limit && (end < block.end || prose.slice(block.start, citation.start).trim() !== '')) return undefined;
  const title = trimEnd(prose.slice(citation.start, end).replace(/\s+/g, ' '), ' ,;:.');
  const subject = title.slice(date.end - citation.start);
  // Official titles start with a capital ("Règlement"), also where the sentence writes "le règlement".
  return (subject.match(/\p{L}+/gu) ?? []).length >= 2 ? title[0].toUpperCase() + title.slice(1) : undefined;
}

/** A country added to the group the text places it in, or linked to the instrument it names. */
export function groupMemberAdditions(finding: Finding, analysis: DraftAnalysis): ModelAddition[] {
  const { model, language } = analysis;
  const countryId = countryIn(analysis, finding.start, finding.end);
  const owner = ownerBefore(analysis, finding.start);
  if (!countryId || !owner) return [];
  const country = entityName(model, 'countries', countryId, language);
  if (owner.kind === 'group') {
    return [{ section: 'groups', entry: { id: owner.id, members: [countryId] }, title: `Add ${country} to "${entityName(model, 'groups', owner.id, language)}" in the workspace policy model` }];
  }
  return [{ section: 'instruments', entry: { id: owner.id, countries: [countryId] }, title: `Link ${country} to "${entityName(model, 'instruments', owner.id, language)}" in the workspace policy model` }];
}

/** The dated fact a finding's year states for the country and the kind of fact named before it. */
export function factAdditions(finding: Finding, analysis: DraftAnalysis): ModelAddition[] {
  const year = Number(foundText(finding, analysis));
  const countryId = countryBefore(analysis, finding.start);
  const kind = factKindBefore(analysis, finding.start);
  if (!Number.isInteger(year) || !countryId || !kind) return [];
  const entry = { id: uniqueId(analysis, 'facts', `${kind}-${countryId}-${year}`.toLowerCase()), kind, subject: countryId, year, source: SOURCE_PLACEHOLDER };
  return [{ section: 'facts', entry, title: `Record this fact in the workspace policy model (${entityName(analysis.model, 'countries', countryId, analysis.language)}, ${year})` }];
}

function countryIn(analysis: DraftAnalysis, start: number, end: number): string | undefined {
  for (const match of analysis.entities) {
    if (match.end <= start) continue;
    if (match.start >= end) break;
    const id = countryOf(match);
    if (id) return id;
  }
  return undefined;
}

/** The group or instrument named last before an offset, in the same paragraph. */
function ownerBefore(analysis: DraftAnalysis, offset: number): { kind: 'group' | 'instrument'; id: string } | undefined {
  let owner: { kind: 'group' | 'instrument'; id: string } | undefined;
  for (const match of analysis.entities) {
    if (match.start >= offset) break;
    if (/\n\s*\n|\u0001/.test(analysis.prose.slice(match.end, offset))) continue;
    const label = analysis.labelsInLanguage(match).find((l) => l.kind === 'group' || l.kind === 'instrument');
    if (label) owner = { kind: label.kind as 'group' | 'instrument', id: label.id };
  }
  return owner;
}

function countryBefore(analysis: DraftAnalysis, offset: number): string | undefined {
  let found: string | undefined;
  for (const match of analysis.entities) {
    if (match.start >= offset) break;
    const id = countryOf(match);
    if (id) found = id;
  }
  return found;
}

function factKindBefore(analysis: DraftAnalysis, offset: number): string | undefined {
  let found: string | undefined;
  for (const match of analysis.entities) {
    if (match.start >= offset) break;
    const label = analysis.labelsInLanguage(match).find((l) => l.kind === 'fact-phrase');
    if (label) found = label.id;
  }
  return found;
}
