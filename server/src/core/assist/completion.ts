/**
 * Completion candidates for a position in a draft, in the draft's language: country short
 * names, act short titles and citations, bodies, instruments, acronyms ("full term (ACRONYM)"
 * at first use), the articles of the act named next to "Article", and inside an enumeration
 * introduced by a group phrase the members not yet listed first. LSP-free: offsets in, plain
 * candidates out; the server turns them into CompletionItems.
 */
import type { LanguageData } from '../../../../schemas/language';
import type { Act, LanguageCode, SectionName } from '../../../../schemas/policy-model';
import type { DraftAnalysis } from '../analysis/draft-analysis';
import { actName, formatAct, formatArticleId } from '../analysis/acts';
import { familyOf } from '../analysis/citations';
import { countryOf, sentenceStart } from '../analysis/enumerations';
import type { PolicyIndex } from '../model/policy-index';
import { BARRIER } from '../markdown/parse';
import { foldDiacritics, isWordChar } from '../text/normalize';
import { entityDetail, entityName } from './cards';
import { phrasePattern } from '../text/regex';

export type CandidateKind = 'country' | 'act' | 'article' | 'body' | 'instrument' | 'acronym';

export interface CompletionCandidate {
  label: string;
  kind: CandidateKind;
  /** Inserted over [start, end) of the draft. */
  insertText: string;
  start: number;
  end: number;
  filterText: string;
  sortText: string;
  detail: string;
  /** The entity the item names, for its documentation. */
  section: SectionName;
  id: string;
  article?: string;
  preselect?: boolean;
}

export interface CompletionOptions {
  /** Asked for explicitly (Ctrl+Space), not while typing: an empty prefix still gets the full list. */
  explicit?: boolean;
  /** Asked after typing a space: only a context (Article, a citation, a list) gets items. */
  afterSpace?: boolean;
  /** At most this many items (the rest is left off and the list marked incomplete). */
  limit?: number;
}

export interface CompletionResult { items: CompletionCandidate[]; isIncomplete: boolean }

const EMPTY: CompletionResult = { items: [], isIncomplete: false };
const escape = phrasePattern;
const alternation = (words: Iterable<string>) => [...new Set(words)].sort((a, b) => b.length - a.length).map(escape).join('|');
const fold = (text: string) => foldDiacritics(text.toLowerCase()).replace(/[’‘]/g, "'");

/** What the text before the cursor says without the analysis (cheap: run on every space). */
export function quickContext(lineBefore: string, language: LanguageData): 'article' | 'citation' | 'list' | undefined {
  if (articlePattern(language).test(lineBefore)) return 'article';
  if (citationPattern(language).test(lineBefore)) return 'citation';
  const conjunctions = alternation(language.listConjunctions);
  if (new RegExp(`(?:[(,:;]|(?<![\\p{L}])(?:${conjunctions}|${alternation(language.inclusionMarkers ?? ['including'])}))\\s$`, 'iu').test(lineBefore)) return 'list';
  return undefined;
}

const articleCache = new WeakMap<LanguageData, RegExp>();
function articlePattern(language: LanguageData): RegExp {
  let pattern = articleCache.get(language);
  if (!pattern) {
    const latin = alternation(language.citation.latinSuffixes ?? []);
    pattern = new RegExp(`(?<![\\p{L}])(?:${alternation(language.citation.article)})\\s+(?<partial>\\d{0,4}(?:[a-z]{1,2}|\\s(?:${latin || 'bis'})?)?|[a-z]{0,2})$`, 'iu');
    articleCache.set(language, pattern);
  }
  return pattern;
}

const citationCache = new WeakMap<LanguageData, { pattern: RegExp; types: Map<string, Act['type']> }>();
function citationInfo(language: LanguageData): { pattern: RegExp; types: Map<string, Act['type']> } {
  let info = citationCache.get(language);
  if (!info) {
    // The type each word names: after "Regulation" regulations, after "Implementing Regulation"
    // implementing regulations (each is cited with its own type word).
    const types = new Map<string, Act['type']>();
    for (const [type, words] of Object.entries(language.citation.actTypes)) {
      for (const word of words ?? []) if (!types.has(fold(word))) types.set(fold(word), type as Act['type']);
    }
    const markers = alternation([...language.citation.numberMarker, 'No', 'Nr.', 'nr.', 'n°']);
    const pattern = new RegExp(`(?<![\\p{L}])(?<type>${alternation(Object.values(language.citation.actTypes).flat() as string[])})\\s+(?:\\([\\p{L}]{0,10}\\)?\\s*)?(?:(?:${markers})\\s*)?[\\d/]{0,10}$`, 'iu');
    info = { pattern, types };
    citationCache.set(language, info);
  }
  return info;
}
function citationPattern(language: LanguageData): RegExp { return citationInfo(language).pattern; }

interface BaseCandidate { label: string; folded?: string; kind: CandidateKind; insertText: string; section: SectionName; id: string; detail: string; rank: number; acronymForm?: string; expansion?: string; wellKnown?: boolean }

/** Everything that can be completed in a language, built once per model. */
function baseCandidates(model: PolicyIndex, language: LanguageData): BaseCandidate[] {
  return model.memo(`assist:completion:${language.code}`, () => {
    const lang = language.code as LanguageCode;
    const out: BaseCandidate[] = [];
    const seen = new Set<string>();
    const add = (candidate: BaseCandidate) => {
      const key = `${candidate.kind}\u0000${candidate.label}`;
      if (seen.has(key) || !candidate.label.trim()) return;
      seen.add(key);
      out.push({ ...candidate, folded: fold(candidate.label) });
    };
    for (const country of model.countries.values()) {
      const names = country.names[lang];
      if (country.historical || !names) continue;
      const designated = country.designationFootnote !== undefined && Object.keys(country.designationFootnote).length > 0;
      add({ label: names.short, kind: 'country', insertText: designated ? `${names.short}*` : names.short, section: 'countries', id: country.id, detail: entityDetail(model, language, 'countries', country.id), rank: 2 });
    }
    for (const body of model.bodies.values()) {
      for (const name of body.names[lang] ?? []) add({ label: name, kind: 'body', insertText: name, section: 'bodies', id: body.id, detail: entityDetail(model, language, 'bodies', body.id), rank: 3 });
    }
    for (const instrument of model.instruments.values()) {
      for (const name of instrument.names[lang] ?? []) add({ label: name, kind: 'instrument', insertText: name, section: 'instruments', id: instrument.id, detail: entityDetail(model, language, 'instruments', instrument.id), rank: 4 });
    }
    const wellKnown = new Set(language.wellKnownAcronyms);
    for (const acronym of model.acronyms.values()) {
      const expansion = acronym.expansions[lang]?.[0];
      for (const form of acronym.forms[lang] ?? []) {
        add({ label: form, kind: 'acronym', insertText: form, section: 'acronyms', id: acronym.id, detail: `acronym${expansion ? ` · ${expansion}` : ''}`, rank: 5, acronymForm: form, expansion, wellKnown: wellKnown.has(form) || !!acronym.wellKnown?.includes(lang) });
      }
    }
    for (const act of model.acts.values()) {
      const citation = formatAct(act, language);
      for (const title of act.titles?.[lang]?.short ?? []) add({ label: title, kind: 'act', insertText: title, section: 'acts', id: act.id, detail: citation, rank: 6 });
      add({ label: citation, kind: 'act', insertText: citation, section: 'acts', id: act.id, detail: act.titles?.[lang]?.short?.[0] ?? act.titles?.[lang]?.full ?? act.titles?.en?.full ?? entityDetail(model, language, 'acts', act.id), rank: 7 });
    }
    return out;
  });
}

/** Completion candidates at `offset` of the analysed draft. */
export function completionCandidates(analysis: DraftAnalysis, offset: number, options: CompletionOptions = {}): CompletionResult {
  const { text, language, model } = analysis;
  if (offset < 0 || offset > text.length) return EMPTY;
  const lineStart = analysis.lines.lineStart(analysis.lines.positionAt(offset).line);
  const before = text.slice(lineStart, offset);
  const blankLine = before.trim() === '';
  // Only prose gets completions: not code, URLs, comments or front matter (BARRIER in the mask),
  // nor markup read as spaces, such as a link's destination (the mask differs from the text).
  if (!blankLine && (analysis.prose[offset - 1] === BARRIER || analysis.prose[offset - 1] !== text[offset - 1])) return EMPTY;
  if (blankLine && !options.explicit) return EMPTY;
  const limit = options.limit ?? 2000;

  const article = articlePattern(language).exec(before);
  if (article) return articleCandidates(analysis, offset, article.groups!.partial ?? '');
  const citation = citationPattern(language).exec(before);
  if (citation) return citationCandidates(analysis, offset, offset - citation[0].length, citation.groups!.type);

  const listContext = groupListAt(analysis, offset);
  if (options.afterSpace && !listContext) return EMPTY;

  const word = typedWord(before);
  if (!options.explicit && !options.afterSpace && word === '') return EMPTY;
  const typedWords = candidateStarts(before).map((s) => ({ start: lineStart + s, typed: fold(before.slice(s)) })).filter((w) => w.typed.length > word.length);
  const foldedWord = fold(word);
  const acronymUses = analysis.acronymUses;
  const items: CompletionCandidate[] = [];
  const missing = new Map((listContext?.missing ?? []).map((id, i) => [id, i]));

  for (const base of baseCandidates(model, language)) {
    const inList = base.kind === 'country' && missing.has(base.id);
    if (options.afterSpace && !inList) continue;
    const foldedLabel = base.folded!;
    // The candidate may continue words already typed: "Bosnia and H" → "Bosnia and Herzegovina".
    let start = offset - word.length;
    for (const typed of typedWords) {
      if (foldedLabel.startsWith(typed.typed)) { start = typed.start; break; }
    }
    if (start === offset - word.length && word && !matchesWord(foldedWord, foldedLabel)) continue;
    let insertText = base.insertText;
    let detail = base.detail;
    if (base.kind === 'acronym' && base.expansion && !base.wellKnown) {
      const usedBefore = acronymUses.some((use) => use.acronym === base.acronymForm && use.start < start);
      if (!usedBefore) { insertText = `${base.expansion} (${base.acronymForm})`; detail = `first use: ${insertText}`; }
    }
    const rank = inList ? `0${String(missing.get(base.id)).padStart(3, '0')}` : String(base.rank);
    items.push({
      label: base.label, kind: base.kind, insertText, start, end: offset, filterText: base.label,
      sortText: `${rank}:${foldedLabel}`, detail: inList ? `${detail} · not yet listed in ${listContext!.groupText}` : detail,
      section: base.section, id: base.id, preselect: inList && missing.get(base.id) === 0 ? true : undefined,
    });
  }
  items.sort((a, b) => a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0);
  return items.length > limit ? { items: items.slice(0, limit), isIncomplete: true } : { items, isIncomplete: false };
}

/**
 * The word being typed: the letters, marks, digits, apostrophes and hyphens that end `before`,
 * read backwards from the cursor (a regex anchored at $ would rescan the line from every start).
 */
function typedWord(before: string): string {
  let start = before.length;
  while (start > 0) {
    const low = before.charCodeAt(start - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && start >= 2 && (before.charCodeAt(start - 2) & 0xfc00) === 0xd800 ? 2 : 1;
    const char = before.slice(start - width, start);
    if (!isWordChar(char) && !WORD_PUNCTUATION.includes(char)) break;
    start -= width;
  }
  return before.slice(start);
}
const WORD_PUNCTUATION = "'’-";

/** Offsets in the line where the last few words begin, earliest first. */
function candidateStarts(before: string): number[] {
  const starts: number[] = [];
  const word = /[\p{L}\p{N}]+/gu;
  for (const match of before.matchAll(word)) starts.push(match.index!);
  return starts.slice(-6);
}

/**
 * The typed word could be the start of this label as an editor filters: its first letter
 * starts a word of the label, and the rest follows in order ("ni" → Niger, not Bosnia).
 */
function matchesWord(typed: string, label: string): boolean {
  for (let at = label.indexOf(typed[0]); at >= 0; at = label.indexOf(typed[0], at + 1)) {
    if (at > 0 && /[\p{L}\p{N}]/u.test(label[at - 1])) continue;
    let i = 1;
    for (let j = at + 1; i < typed.length && j < label.length; j++) if (typed[i] === label[j]) i++;
    if (i === typed.length) return true;
  }
  return false;
}

/** After "Article": the articles of the act named next to it, or the inserted articles of every act. */
function articleCandidates(analysis: DraftAnalysis, offset: number, partial: string): CompletionResult {
  const { language, model } = analysis;
  const act = actAfter(analysis, offset);
  const start = offset - partial.length;
  const items: CompletionCandidate[] = [];
  const add = (owner: Act, id: string, detail: string) => {
    const label = formatArticleId(id, language);
    if (partial && !fold(label).startsWith(fold(partial).replace(/\s+/g, ' '))) return;
    const number = /^\d+/.exec(id)?.[0] ?? '0';
    items.push({ label, kind: 'article', insertText: label, start, end: offset, filterText: label, sortText: `${number.padStart(5, '0')}${id.slice(number.length)}:${owner.id}`, detail, section: 'acts', id: owner.id, article: id });
  };
  if (act) {
    const articles = act.articles;
    if (!articles) return EMPTY;
    const repealed = new Set((articles.repealed ?? []).map((r) => r.article));
    const name = actName(act, language);
    for (let n = articles.range[0]; n <= articles.range[1] && n - articles.range[0] < 2000; n++) if (!repealed.has(String(n))) add(act, String(n), name);
    for (const inserted of articles.inserted ?? []) {
      if (repealed.has(inserted.article)) continue;
      const by = model.acts.get(inserted.by);
      add(act, inserted.article, `${name} · inserted by ${by ? formatAct(by, language) : inserted.by}`);
    }
  } else {
    for (const owner of model.acts.values()) {
      for (const inserted of owner.articles?.inserted ?? []) {
        const by = model.acts.get(inserted.by);
        add(owner, inserted.article, `${actName(owner, language)} · inserted by ${by ? formatAct(by, language) : inserted.by}`);
      }
    }
  }
  items.sort((a, b) => a.sortText < b.sortText ? -1 : 1);
  return { items, isIncomplete: false };
}

/** "Article | of the Visa Code", "artikel | van Verordening (EU) 2019/1155": the act after the cursor. */
function actAfter(analysis: DraftAnalysis, offset: number): Act | undefined {
  const { prose, language, model } = analysis;
  const rest = /^[\p{L}\p{N}]*(?:\s(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies)(?![\p{L}]))?(?:\(\w{1,3}\))*/u.exec(prose.slice(offset, offset + 40))![0];
  const connector = new RegExp(`^\\s+(?:${alternation(language.citation.connectors)})\\s+`, 'iu').exec(prose.slice(offset + rest.length, offset + rest.length + 40));
  if (!connector) return undefined;
  const at = offset + rest.length + connector[0].length;
  const citation = analysis.citations.find((c) => c.start === at);
  if (citation) return model.actsNumbered(citation.year, citation.number).find((act) => familyOf(act.type) === citation.family);
  const entity = analysis.entityAt(at);
  const title = entity?.values.find((label) => label.kind === 'act-title' && label.lang === language.code) ?? entity?.values.find((label) => label.kind === 'act-title');
  return title ? model.acts.get(title.id) : undefined;
}

/** After "Regulation ": the acts of that type, cited in the language's form. */
function citationCandidates(analysis: DraftAnalysis, offset: number, start: number, typeWord: string): CompletionResult {
  const { language, model } = analysis;
  const type = citationInfo(language).types.get(fold(typeWord));
  const items: CompletionCandidate[] = [];
  const lowerFirst = typeWord.charAt(0) !== typeWord.charAt(0).toUpperCase();
  for (const act of model.acts.values()) {
    if (act.number === undefined || (type && act.type !== type)) continue;
    let label = formatAct(act, language);
    if (lowerFirst) label = label.charAt(0).toLowerCase() + label.slice(1);
    const short = act.titles?.[language.code]?.short?.[0];
    items.push({ label, kind: 'act', insertText: label, start, end: offset, filterText: label, sortText: `${act.year}/${String(act.number).padStart(5, '0')}`, detail: short ?? entityDetail(model, language, 'acts', act.id), section: 'acts', id: act.id });
  }
  items.sort((a, b) => a.sortText < b.sortText ? 1 : -1);
  return { items, isIncomplete: false };
}

interface GroupList { groupId: string; groupText: string; missing: string[] }

/**
 * The cursor is in a list that a group's name opens ("the 10 priority countries (Afghanistan,
 * |"): the group and its members not yet in the list, in the model's order.
 */
export function groupListAt(analysis: DraftAnalysis, offset: number): GroupList | undefined {
  const { prose, language, model } = analysis;
  const from = sentenceStart(prose, offset);
  let group: { id: string; start: number; end: number } | undefined;
  for (const match of analysis.entities) {
    if (match.start < from) continue;
    if (match.end > offset) break;
    const label = match.values.find((l) => l.kind === 'group' && l.lang === language.code);
    if (label) group = { id: label.id, start: match.start, end: match.end };
  }
  if (!group || offset - group.end > 600) return undefined;
  const between = prose.slice(group.end, offset);
  const open = between.search(/[(:]/);
  const markers = (language.inclusionMarkers ?? []).map((m) => new RegExp(`(?<![\\p{L}])${escape(m)}(?![\\p{L}])`, 'iu'));
  const opened = open >= 0 ? group.end + open : markers.some((m) => m.test(between)) ? group.end : -1;
  if (opened < 0 || (between[open] === '(' && between.slice(open).includes(')'))) return undefined;
  const g = model.groups.get(group.id);
  if (!g) return undefined;
  // Countries already in the list, before the cursor and after it up to the list's end.
  const closing = prose.slice(offset, offset + 600).search(/[)]|[.!?](?:\s|$)|\n\s*\n|\u0001/);
  const listEnd = closing < 0 ? offset : offset + closing;
  const listed = new Set<string>();
  for (const match of analysis.entities) {
    if (match.start < opened || match.start >= listEnd) continue;
    const id = countryOf(match);
    if (id) listed.add(id);
  }
  const missing = g.members.filter((id) => !listed.has(id));
  return missing.length ? { groupId: g.id, groupText: entityName(model, 'groups', g.id, language), missing } : undefined;
}
