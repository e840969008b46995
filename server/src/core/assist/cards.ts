/**
 * Hover cards and completion documentation: what the model knows about an entity, as Markdown.
 * Names in other languages, codes, groups, related instruments, dated facts, and for acts their
 * CELEX number and ELI with a EUR-Lex link. LSP-free: the server wraps the text in MarkupContent.
 */
import type { LanguageData } from '../../../../schemas/language';
import { EU_LANGUAGES, LANGUAGE_NAMES_EN } from '../../../../schemas/model-names';
import type { Act, Fact, LanguageCode, SectionName } from '../../../../schemas/policy-model';
import { actName, checkArticle, describeArticles, formatAct, formatArticleId } from '../analysis/acts';
import type { PolicyIndex } from '../model/policy-index';
import { originKey } from '../model/merge';

type Entity = { id: string } & Record<string, unknown>;

/** Escapes Markdown so that model text shows as written ("Kosovo*" is not emphasis). */
export function md(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);
}

const CELEX = /^[0-9][0-9]{4}[A-Z][0-9A-Z()]+$/;

export function celexOf(act: Act): string | undefined {
  return act.celex ?? (CELEX.test(act.id) ? act.id : undefined);
}

export function eurLexUrl(celex: string): string {
  return `https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:${encodeURIComponent(celex)}`;
}

function firstOf(record: Partial<Record<LanguageCode, string[]>> | undefined, lang: string): string | undefined {
  return record?.[lang as LanguageCode]?.[0] ?? record?.en?.[0] ?? Object.values(record ?? {}).find((list) => list && list.length > 0)?.[0];
}

/** The name of an entity in a language, falling back to English, then any, then its id. */
export function entityName(model: PolicyIndex, section: SectionName, id: string, language: LanguageData): string {
  const lang = language.code;
  switch (section) {
    case 'countries': {
      const names = model.countries.get(id)?.names;
      return names?.[lang]?.short ?? names?.en?.short ?? Object.values(names ?? {})[0]?.short ?? id;
    }
    case 'acts': {
      const act = model.acts.get(id);
      return act ? actName(act, language) : id;
    }
    case 'bodies': return firstOf(model.bodies.get(id)?.names, lang) ?? id;
    case 'instruments': return firstOf(model.instruments.get(id)?.names, lang) ?? id;
    case 'places': return firstOf(model.places.get(id)?.names, lang) ?? id;
    case 'groups': return firstOf(model.groups.get(id)?.labels, lang) ?? id;
    case 'acronyms': return firstOf(model.acronyms.get(id)?.forms, lang) ?? id;
    case 'terminology': {
      const terms = model.terminology.get(id)?.terms;
      const list = terms?.[lang] ?? terms?.en ?? [];
      return (list.find((t) => t.status === 'preferred') ?? list[0])?.text ?? id;
    }
    case 'factKinds': {
      const kind = model.factKinds.get(id);
      return kind?.description[lang] ?? kind?.description.en ?? id;
    }
    default: return id;
  }
}

interface Reverse {
  groupsOf: Map<string, string[]>;
  instrumentsOf: Map<string, string[]>;
  factsAbout: Map<string, Fact[]>;
  amendedBy: Map<string, string[]>;
  basedOn: Map<string, { section: SectionName; id: string }[]>;
}

const push = <T>(map: Map<string, T[]>, key: string, value: T) => { const list = map.get(key); if (list) list.push(value); else map.set(key, [value]); };

/** Links the model records from the other side (which groups hold a country…), once per model. */
function reverse(model: PolicyIndex): Reverse {
  return model.memo('assist:reverse', () => {
    const r: Reverse = { groupsOf: new Map(), instrumentsOf: new Map(), factsAbout: new Map(), amendedBy: new Map(), basedOn: new Map() };
    for (const group of model.groups.values()) for (const member of group.members) push(r.groupsOf, member, group.id);
    for (const instrument of model.instruments.values()) {
      for (const country of model.instrumentCountries(instrument)) push(r.instrumentsOf, country, instrument.id);
      for (const group of instrument.groups ?? []) push(r.instrumentsOf, group, instrument.id);
      for (const act of instrument.legalBasis ?? []) push(r.basedOn, act, { section: 'instruments', id: instrument.id });
    }
    for (const body of model.bodies.values()) for (const act of body.legalBasis ?? []) push(r.basedOn, act, { section: 'bodies', id: body.id });
    for (const fact of model.facts.values()) {
      for (const id of new Set([fact.subject, fact.act, fact.body].filter((x): x is string => !!x))) push(r.factsAbout, id, fact);
    }
    for (const act of model.acts.values()) for (const amended of act.amends ?? []) push(r.amendedBy, amended, act.id);
    return r;
  });
}

export interface CardOptions {
  /** For article references: the article id. */
  article?: string;
  /** File names of the model layers that define the entity, shown at the end. */
  definedIn?: boolean;
}

/** A Markdown card for an entity, or undefined when the model does not hold it. */
export function entityCard(model: PolicyIndex, language: LanguageData, section: SectionName, id: string, options: CardOptions = {}): string | undefined {
  const entity = (model.merged.sections[section]?.get(id)) as Entity | undefined;
  if (!entity) return undefined;
  const lines: string[] = [];
  const name = (s: SectionName, i: string) => entityName(model, s, i, language);
  const lang = language.code;
  const r = reverse(model);

  switch (section) {
    case 'countries': {
      const country = model.countries.get(id)!;
      const names = country.names[lang] ?? country.names.en;
      lines.push(`**${md(name('countries', id))}** · country \`${id}\`${country.historical ? ' · historical' : ''}`);
      if (names?.formal) lines.push('', `Formal name: ${md(names.formal)}`);
      if (names?.variants?.length) lines.push('', `Also written: ${names.variants.map(md).join(', ')}`);
      if (names?.deprecated?.length) lines.push('', `Do not write: ${names.deprecated.map((d) => `~~${md(d.name)}~~ → ${md(d.replacement)}`).join(', ')}`);
      const footnote = country.designationFootnote?.[lang] ?? country.designationFootnote?.en;
      if (footnote) lines.push('', `Designation footnote (write “${md(names?.short ?? id)}\\*”): \\* ${md(footnote)}`);
      lines.push(...otherLanguages(lang, Object.fromEntries(Object.entries(country.names).map(([l, n]) => [l, n?.short ?? '']))));
      const groups = r.groupsOf.get(id) ?? [];
      if (groups.length) lines.push('', `Groups: ${groups.map((g) => md(name('groups', g))).join('; ')}`);
      const instruments = r.instrumentsOf.get(id) ?? [];
      if (instruments.length) lines.push('', `Instruments: ${instruments.map((i) => md(name('instruments', i))).join('; ')}`);
      break;
    }
    case 'acts': {
      const act = model.acts.get(id)!;
      lines.push(...actLines(model, language, act, options.article));
      break;
    }
    case 'bodies': {
      const body = model.bodies.get(id)!;
      const acronyms = body.acronyms?.[lang] ?? [];
      lines.push(`**${md(name('bodies', id))}**${acronyms.length ? ` (${acronyms.map(md).join(', ')})` : ''} · ${body.kind.replace(/-/g, ' ')}`);
      const others = (body.names[lang] ?? []).slice(1);
      if (others.length) lines.push('', `Also written: ${others.map(md).join(', ')}`);
      const former = body.formerNames?.[lang] ?? [];
      if (former.length) lines.push('', `Former names: ${former.map((d) => `~~${md(d.name)}~~ → ${md(d.replacement)}`).join(', ')}`);
      lines.push(...otherLanguages(lang, firstNames(body.names)));
      if (body.legalBasis?.length) lines.push('', `Legal basis: ${body.legalBasis.map((a) => md(actLabel(model, language, a))).join('; ')}`);
      break;
    }
    case 'instruments': {
      const instrument = model.instruments.get(id)!;
      const acronyms = instrument.acronyms?.[lang] ?? [];
      lines.push(`**${md(name('instruments', id))}**${acronyms.length ? ` (${acronyms.map(md).join(', ')})` : ''} · ${instrument.kind.replace(/-/g, ' ')}${instrument.count !== undefined ? ` · ${instrument.count}` : ''}`);
      const others = (instrument.names[lang] ?? []).slice(1);
      if (others.length) lines.push('', `Also written: ${others.map(md).join(', ')}`);
      lines.push(...otherLanguages(lang, firstNames(instrument.names)));
      if (instrument.countries?.length) lines.push('', `Countries: ${instrument.countries.map((c) => md(name('countries', c))).join(', ')}`);
      if (instrument.groups?.length) lines.push('', `Groups: ${instrument.groups.map((g) => md(name('groups', g))).join('; ')}`);
      if (instrument.legalBasis?.length) lines.push('', `Legal basis: ${instrument.legalBasis.map((a) => md(actLabel(model, language, a))).join('; ')}`);
      break;
    }
    case 'acronyms': {
      const acronym = model.acronyms.get(id)!;
      const forms = acronym.forms[lang] ?? acronym.forms.en ?? [];
      const expansions = acronym.expansions[lang] ?? acronym.expansions.en ?? [];
      lines.push(`**${md(forms[0] ?? id)}**${expansions.length ? ` — ${md(expansions[0])}` : ''} · acronym`);
      if (expansions.length > 1) lines.push('', `Also spelled out: ${expansions.slice(1).map(md).join(', ')}`);
      const deprecated = acronym.deprecatedExpansions?.[lang] ?? [];
      if (deprecated.length) lines.push('', `Not: ${deprecated.map((d) => `~~${md(d.name)}~~ → ${md(d.replacement)}`).join(', ')}`);
      lines.push('', acronym.wellKnown?.includes(lang)
        ? `Well known in ${LANGUAGE_NAMES_EN[lang]}: needs no expansion.`
        : `Spell it out at its first use: “${md(expansions[0] ?? 'full term')} (${md(forms[0] ?? id)})”.`);
      lines.push(...otherLanguages(lang, Object.fromEntries(EU_LANGUAGES.filter((l) => acronym.forms[l]?.length).map((l) => [l, `${acronym.forms[l]![0]}${acronym.expansions[l]?.[0] ? ` (${acronym.expansions[l]![0]})` : ''}`]))));
      if (acronym.refersTo) {
        const target = (['bodies', 'instruments', 'acts', 'groups'] as SectionName[]).find((s) => model.merged.sections[s].has(acronym.refersTo!));
        if (target) lines.push('', `Refers to: ${md(name(target, acronym.refersTo))}`);
      }
      break;
    }
    case 'groups': {
      const group = model.groups.get(id)!;
      lines.push(`**${md(name('groups', id))}** · group of ${group.members.length} countries${group.complete === false ? ' (not exhaustive)' : ''}`);
      lines.push('', `Members: ${group.members.map((c) => md(name('countries', c))).join(', ')}`);
      const instruments = r.instrumentsOf.get(id) ?? [];
      if (instruments.length) lines.push('', `Instruments: ${instruments.map((i) => md(name('instruments', i))).join('; ')}`);
      break;
    }
    case 'places': {
      const place = model.places.get(id)!;
      lines.push(`**${md(name('places', id))}** · ${place.kind}${place.country ? ` in ${md(name('countries', place.country))}` : ''}`);
      lines.push(...otherLanguages(lang, firstNames(place.names)));
      break;
    }
    case 'terminology': {
      const term = model.terminology.get(id)!;
      const list = term.terms[lang] ?? [];
      lines.push(`**${md(name('terminology', id))}** · term${term.domain ? ` (${md(term.domain)})` : ''}${term.iate ? ` · IATE ${md(term.iate)}` : ''}`);
      if (list.length) lines.push('', list.map((t) => `${t.status === 'deprecated' || t.status === 'obsolete' ? `~~${md(t.text)}~~` : md(t.text)} (${t.status})`).join(', '));
      break;
    }
    case 'factKinds': {
      const kind = model.factKinds.get(id)!;
      lines.push(`**${md(kind.description[lang] ?? kind.description.en ?? id)}**`);
      const facts = [...model.facts.values()].filter((fact) => fact.kind === id);
      if (facts.length) lines.push('', ...facts.map((fact) => `- ${md(name('countries', fact.subject))}: ${fact.date ?? fact.year ?? ''}`));
      break;
    }
    default:
      lines.push(`**${md(id)}** · ${section}`);
  }

  const facts = section === 'factKinds' ? [] : r.factsAbout.get(id) ?? [];
  if (facts.length) lines.push('', '**Dated facts**', '', ...facts.slice(0, 12).map((fact) => `- ${factLine(model, language, fact)}`));
  const note = typeof entity.note === 'string' && section !== 'acts' ? entity.note : undefined;
  if (note) lines.push('', `*${md(note.length > 400 ? `${note.slice(0, 400)}…` : note)}*`);
  const source = typeof entity.source === 'string' ? entity.source : undefined;
  if (source) {
    const title = (model.merged.sections.sources.get(source) as { title?: string; url?: string } | undefined);
    lines.push('', `Source: ${title?.url ? `[${md(title.title ?? source)}](${title.url})` : md(title?.title ?? source)}`);
  }
  if (options.definedIn !== false) {
    const origins = model.merged.origins.get(originKey(section, id)) ?? [];
    if (origins.length) lines.push('', `Defined in ${origins.map((o) => `\`${o.file.split(/[\\/]/).pop()}\``).join(', ')}`);
  }
  return lines.join('\n');
}

function actLines(model: PolicyIndex, language: LanguageData, act: Act, article?: string): string[] {
  const lines: string[] = [];
  const citation = formatAct(act, language);
  const short = act.titles?.[language.code]?.short?.[0];
  if (article !== undefined) {
    const word = language.citation.article[0];
    const shown = `${word.charAt(0).toUpperCase()}${word.slice(1)} ${formatArticleId(article, language)}`;
    const result = checkArticle(act, article);
    const inserted = act.articles?.inserted?.find((a) => a.article === article);
    lines.push(`**${md(shown)}** · ${md(short ?? citation)}`);
    if (!result.known) lines.push('', 'The model does not record this act\'s articles.');
    else if (result.repealedBy !== undefined) lines.push('', `Repealed${result.repealedBy ? ` by ${md(actLabel(model, language, result.repealedBy))}` : ''}.`);
    else if (!result.exists) lines.push('', `Not in this act: it has ${md(describeArticles(act, language))}.`);
    else if (inserted) lines.push('', `Inserted by ${md(actLabel(model, language, inserted.by))}.`);
    lines.push('', '---', '');
  }
  lines.push(`**${md(short ?? citation)}**${short ? ` · ${md(citation)}` : ''} · ${act.type.replace(/-/g, ' ')}`);
  const full = act.titles?.[language.code]?.full ?? act.titles?.en?.full;
  if (full) lines.push('', md(full));
  const celex = celexOf(act);
  const refs: string[] = [];
  if (celex) refs.push(`CELEX [${md(celex)}](${eurLexUrl(celex)})`);
  if (act.eli) refs.push(`ELI ${/^https?:\/\//.test(act.eli) ? `[${md(act.eli)}](${act.eli})` : md(act.eli)}`);
  if (refs.length) lines.push('', refs.join(' · '));
  if (act.articles && article === undefined) lines.push('', `Articles ${md(describeArticles(act, language))}`);
  const r = reverse(model);
  if (act.amends?.length) lines.push('', `Amends ${act.amends.map((a) => md(actLabel(model, language, a))).join('; ')}`);
  const amendedBy = r.amendedBy.get(act.id) ?? [];
  if (amendedBy.length) lines.push('', `Amended by ${amendedBy.map((a) => md(actLabel(model, language, a))).join('; ')}`);
  const based = r.basedOn.get(act.id) ?? [];
  if (based.length) lines.push('', `Legal basis of ${based.map((b) => md(entityName(model, b.section, b.id, language))).join('; ')}`);
  lines.push(...otherLanguages(language.code, Object.fromEntries(Object.entries(act.titles ?? {}).map(([l, t]) => [l, t?.short?.[0] ?? '']))));
  return lines;
}

function actLabel(model: PolicyIndex, language: LanguageData, id: string): string {
  const act = model.acts.get(id);
  return act ? formatAct(act, language) : id;
}

function factLine(model: PolicyIndex, language: LanguageData, fact: Fact): string {
  const when = fact.date ?? (fact.year !== undefined ? String(fact.year) : '');
  const kind = model.factKinds.get(fact.kind);
  const description = fact.description?.[language.code] ?? fact.description?.en ?? kind?.description[language.code] ?? kind?.description.en ?? fact.kind;
  const subject = (['countries', 'instruments', 'bodies', 'groups', 'acts', 'places'] as SectionName[]).find((s) => model.merged.sections[s].has(fact.subject));
  const about = subject ? `${entityName(model, subject, fact.subject, language)}: ` : '';
  return `${when ? `**${md(when)}** ` : ''}${md(about)}${md(description.length > 200 ? `${description.slice(0, 200)}…` : description)}`;
}

function firstNames(record: Partial<Record<LanguageCode, string[]>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([l, names]) => [l, names?.[0] ?? '']));
}

/** "bg Тунис · cs Tunisko · …": the names in the other languages, in language order. */
function otherLanguages(lang: string, names: Record<string, string>): string[] {
  const parts = EU_LANGUAGES.filter((l) => l !== lang && names[l]).map((l) => `${l} ${md(names[l])}`);
  return parts.length ? ['', `Other languages: ${parts.join(' · ')}`] : [];
}

/** A one-line description for completion items and symbol lists. */
export function entityDetail(model: PolicyIndex, language: LanguageData, section: SectionName, id: string): string {
  switch (section) {
    case 'countries': {
      const country = model.countries.get(id);
      return `country · ${id}${country?.names[language.code]?.formal ? ` · ${country.names[language.code]!.formal}` : ''}`;
    }
    case 'acts': {
      const act = model.acts.get(id);
      return act ? `${formatAct(act, language)}${celexOf(act) ? ` · CELEX ${celexOf(act)}` : ''}` : id;
    }
    case 'bodies': return `${model.bodies.get(id)?.kind.replace(/-/g, ' ') ?? 'body'}`;
    case 'instruments': return `${model.instruments.get(id)?.kind.replace(/-/g, ' ') ?? 'instrument'}`;
    case 'acronyms': {
      const acronym = model.acronyms.get(id);
      return `acronym · ${acronym?.expansions[language.code]?.[0] ?? acronym?.expansions.en?.[0] ?? ''}`;
    }
    case 'groups': return `group · ${model.groups.get(id)?.members.length ?? 0} countries`;
    case 'places': return `place · ${model.places.get(id)?.kind ?? ''}`;
    default: return section;
  }
}
