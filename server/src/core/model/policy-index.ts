/**
 * The merged model, indexed for checking: entities by id, acts by number, and one dictionary
 * automaton over every label in every language (names, variants, deprecated names, places,
 * bodies, instruments, act short titles, group labels, acronyms). Built once per model change.
 */
import type { Act, Acronym, Body, Country, Fact, FactKind, Group, Instrument, LanguageCode, Place, Term } from '../../../../schemas/policy-model';
import { DictionaryAutomaton } from '../match/automaton';
import { FuzzyIndex } from '../match/fuzzy';
import { looseKey } from '../text/normalize';
import type { MergedModel } from './merge';

export type LabelKind =
  | 'country' | 'country-deprecated' | 'place' | 'body' | 'body-former' | 'instrument' | 'group'
  | 'act-title' | 'acronym' | 'acronym-expansion' | 'acronym-deprecated-expansion' | 'term' | 'fact-phrase';

export interface Label {
  kind: LabelKind;
  id: string;
  lang: LanguageCode;
  text: string;
  /** For deprecated names and terms: what to write instead. */
  replacement?: string;
  /** For terms: IATE status. */
  status?: string;
  /** The entity is no longer in use (a historical country). */
  historical?: boolean;
  /** For deprecated names: the date from which the name is deprecated ("2019-02-12", "2022"). */
  since?: string;
}

export interface CountryName { id: string; text: string; short: string }

export class PolicyIndex {
  readonly countries: Map<string, Country>;
  readonly groups: Map<string, Group>;
  readonly acts: Map<string, Act>;
  readonly instruments: Map<string, Instrument>;
  readonly bodies: Map<string, Body>;
  readonly acronyms: Map<string, Acronym>;
  readonly facts: Map<string, Fact>;
  readonly factKinds: Map<string, FactKind>;
  readonly terminology: Map<string, Term>;
  readonly places: Map<string, Place>;
  readonly labels: DictionaryAutomaton<Label>;
  private readonly actsByNumber = new Map<string, Act[]>();
  private readonly countryNameIndexes = new Map<string, FuzzyIndex<CountryName>>();
  private readonly acronymForms = new Map<string, Map<string, Acronym[]>>();
  private readonly memos = new Map<string, unknown>();

  /** `labels`: the label automaton of exactly this model, built before (the precompiled built-in model's). */
  constructor(readonly merged: MergedModel, labels?: DictionaryAutomaton<Label>) {
    const s = merged.sections;
    this.countries = s.countries as unknown as Map<string, Country>;
    this.groups = s.groups as unknown as Map<string, Group>;
    this.acts = s.acts as unknown as Map<string, Act>;
    this.instruments = s.instruments as unknown as Map<string, Instrument>;
    this.bodies = s.bodies as unknown as Map<string, Body>;
    this.acronyms = s.acronyms as unknown as Map<string, Acronym>;
    this.facts = s.facts as unknown as Map<string, Fact>;
    this.factKinds = s.factKinds as unknown as Map<string, FactKind>;
    this.terminology = s.terminology as unknown as Map<string, Term>;
    this.places = s.places as unknown as Map<string, Place>;
    for (const act of this.acts.values()) {
      if (act.number === undefined) continue;
      const key = `${act.year}/${act.number}`;
      this.actsByNumber.set(key, [...(this.actsByNumber.get(key) ?? []), act]);
    }
    this.labels = labels ?? this.buildLabels();
  }

  /** A value derived from the model, computed once per model (indexes that only some rules need). */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  /** Countries an instrument covers: its own list and the members of its groups. */
  instrumentCountries(instrument: Instrument): Set<string> {
    const countries = new Set(instrument.countries ?? []);
    for (const groupId of instrument.groups ?? []) for (const id of this.groups.get(groupId)?.members ?? []) countries.add(id);
    return countries;
  }

  /** Facts of a kind about a subject. */
  factsAbout(kind: string, subject: string): Fact[] {
    return [...this.facts.values()].filter((fact) => fact.kind === kind && fact.subject === subject);
  }

  /** Acronyms by the form a language writes them in (EUAA, TAMM, Mocadem). */
  acronymsByForm(lang: string): Map<string, Acronym[]> {
    let map = this.acronymForms.get(lang);
    if (!map) {
      map = new Map();
      for (const acronym of this.acronyms.values()) {
        for (const form of acronym.forms[lang as LanguageCode] ?? []) map.set(form, [...(map.get(form) ?? []), acronym]);
      }
      this.acronymForms.set(lang, map);
    }
    return map;
  }

  /** Countries whose name needs a designation footnote (Kosovo*), in any language. */
  designatedCountries(): Country[] {
    return this.memo('designated-countries', () => [...this.countries.values()].filter((c) => Object.keys(c.designationFootnote ?? {}).length > 0));
  }

  /** Acts numbered year/number (any type); the caller filters by type. */
  actsNumbered(year: number, number: number): Act[] { return this.actsByNumber.get(`${year}/${number}`) ?? []; }

  get entityCount(): number {
    return Object.values(this.merged.sections).reduce((sum, section) => sum + section.size, 0);
  }

  /**
   * Country names of one language (short, formal, variants), for near-miss lookups. Built on
   * first use. `distanceFor` says how many edits away a name of that length may be found.
   */
  countryNames(lang: string, distanceFor: (length: number) => number = () => 2): FuzzyIndex<CountryName> {
    let index = this.countryNameIndexes.get(lang);
    if (!index) {
      index = new FuzzyIndex<CountryName>(2);
      for (const country of this.countries.values()) {
        if (country.historical) continue;
        const names = country.names[lang as LanguageCode];
        if (!names) continue;
        for (const text of [names.short, names.formal, ...(names.variants ?? [])]) {
          if (!text) continue;
          const key = looseKey(text);
          index.add(key, { id: country.id, text, short: names.short }, distanceFor(key.length));
        }
      }
      this.countryNameIndexes.set(lang, index);
    }
    return index;
  }

  private buildLabels(): DictionaryAutomaton<Label> {
    const automaton = new DictionaryAutomaton<Label>();
    const add = (label: Label) => automaton.add(label.text, label);
    const perLanguage = <T>(record: Partial<Record<LanguageCode, T>> | undefined, each: (lang: LanguageCode, value: T) => void) => {
      for (const [lang, value] of Object.entries(record ?? {}) as [LanguageCode, T][]) each(lang, value);
    };
    for (const country of this.countries.values()) {
      perLanguage(country.names, (lang, names) => {
        for (const text of [names.short, names.formal, ...(names.variants ?? [])]) {
          if (text) add({ kind: 'country', id: country.id, lang, text, historical: country.historical });
        }
        for (const old of names.deprecated ?? []) add({ kind: 'country-deprecated', id: country.id, lang, text: old.name, replacement: old.replacement, since: old.since });
      });
    }
    for (const place of this.places.values()) perLanguage(place.names, (lang, names) => names.forEach((text) => add({ kind: 'place', id: place.id, lang, text })));
    for (const body of this.bodies.values()) {
      perLanguage(body.names, (lang, names) => names.forEach((text) => add({ kind: 'body', id: body.id, lang, text })));
      perLanguage(body.formerNames, (lang, names) => names.forEach((old) => add({ kind: 'body-former', id: body.id, lang, text: old.name, replacement: old.replacement, since: old.since })));
    }
    for (const instrument of this.instruments.values()) {
      perLanguage(instrument.names, (lang, names) => names.forEach((text) => add({ kind: 'instrument', id: instrument.id, lang, text })));
    }
    for (const group of this.groups.values()) perLanguage(group.labels, (lang, labels) => labels.forEach((text) => add({ kind: 'group', id: group.id, lang, text })));
    for (const act of this.acts.values()) {
      perLanguage(act.titles, (lang, titles) => (titles.short ?? []).forEach((text) => add({ kind: 'act-title', id: act.id, lang, text })));
    }
    for (const acronym of this.acronyms.values()) {
      perLanguage(acronym.forms, (lang, forms) => forms.forEach((text) => add({ kind: 'acronym', id: acronym.id, lang, text })));
      perLanguage(acronym.expansions, (lang, texts) => texts.forEach((text) => add({ kind: 'acronym-expansion', id: acronym.id, lang, text })));
      perLanguage(acronym.deprecatedExpansions, (lang, olds) => olds.forEach((old) => add({ kind: 'acronym-deprecated-expansion', id: acronym.id, lang, text: old.name, replacement: old.replacement })));
    }
    for (const kind of this.factKinds.values()) {
      perLanguage(kind.phrases, (lang, phrases) => phrases.forEach((text) => add({ kind: 'fact-phrase', id: kind.id, lang, text })));
    }
    for (const term of this.terminology.values()) {
      perLanguage(term.terms, (lang, terms) => {
        const preferred = terms.find((t) => t.status === 'preferred')?.text;
        // Terms inflect ("illegal migrants"): the rule checks the ending against the language's suffixes.
        for (const t of terms) automaton.add(t.text, { kind: 'term', id: term.id, lang, text: t.text, status: t.status, replacement: preferred }, true);
      });
    }
    return automaton.build();
  }
}
