import type { FixInput, Rule } from '../rule';
import { say } from '../messages/message';
import type { LanguageData } from '../../../../schemas/language';
import type { DraftAnalysis } from '../analysis/draft-analysis';
import type { Replacement } from '../findings';
import { inclusionMarkerIn, leadingArticleLength, readBulletList, readColonList, readParenthesisedList, type Enumeration } from '../analysis/enumerations';
import { countryName } from '../analysis/names';
import { countWord, nameWithArticle } from '../language/grammar';
import { escapeRegExp } from '../text/regex';

/** A number, a few words, then the list: "10 priority countries (A, B, …)", "three bodies: A, B and C". */
const WORDS_BETWEEN = /^(?:[ \u00a0\r\n]+[\p{L}][\p{L}\p{M}'’-]*){1,8}[ \u00a0\r\n]*(?=[(:])/u;
const DIGITS = /(?<![\p{L}\p{N}.,/:-])(\d{1,3})(?![\p{N}]|[.,/]\d)/gu;
/** "COM(2018) 732", "SWD(2019) 12": the number of a document, not a count. */
const DOCUMENT_NUMBER = /\b[A-Z]{2,}\s?\(\d{4}\)\s*$/u;

interface StatedNumber { start: number; end: number; value: number }

/**
 * "10 prioritaire landen (A, B, … 9 items)": the number a sentence states and the length of the
 * list that follows it differ. Lists introduced as non-exhaustive ("including", "such as", "…")
 * are left alone unless they hold more items than stated.
 */
export const listCount: Rule = {
  id: 'list-count',
  description: 'A stated number followed by an enumeration of a different length.',
  defaultSeverity: 'error',
  fixes: {
    // Never safe: the number or the list may be the wrong part, and the noun after a changed number may need another form.
    count: { title: (c) => say('fix.change-count', { count: { draft: c.new } }), safety: 'unsafe' },
    // Where the list names a group of the model and leaves out some of its members.
    members: { title: (c) => say('fix.add-members', { members: { draft: c.detail ?? '' } }), safety: 'unsafe' },
  },
  check({ analysis, report }) {
    // Run of blocks by run: numbers and what stands right before them are within one block.
    for (const stated of analysis.scanByRun('list-count: stated numbers', (prose) => statedNumbers(prose, analysis.language))) {
      const between = WORDS_BETWEEN.exec(analysis.prose.slice(stated.end, stated.end + 200));
      if (!between || mentionsMonth(analysis, between[0]) || isFieldLabel(between[0])) continue;
      const listStart = stated.end + between[0].length;
      const list = readList(analysis, listStart);
      if (!list || list.items.length < 2 || list.items.length === stated.value) continue;
      const breakdown = sumOfBreakdown(analysis, list.items.map((item) => item.text));
      if (breakdown !== undefined) {
        // "seven centres: two in Morocco, three in Tunisia and two in Egypt" counts by its parts.
        if (breakdown !== stated.value) report({ start: stated.start, end: stated.end, message: say('list-count.parts', { stated: { draft: analysis.prose.slice(stated.start, stated.end) }, sum: breakdown }) });
        continue;
      }
      const nonExhaustive = inclusionMarkerIn(analysis, between[0]) || inclusionMarkerIn(analysis, analysis.prose.slice(list.start, list.end));
      if (nonExhaustive && list.items.length < stated.value) continue;
      const written = analysis.prose.slice(stated.start, stated.end);
      const count = countWord(analysis.language, written, list.items.length);
      const fixes: FixInput[] = [{ kind: 'count', edits: [{ start: stated.start, end: stated.end, newText: count }] }];
      const members = missingMembers(analysis, stated, listStart, list);
      if (members) fixes.push(members);
      report({
        start: stated.start,
        end: stated.end,
        message: say('list-count.items', { stated: { draft: written }, count: list.items.length, items: { list: list.items.map((item) => ({ draft: item.text.replace(/[.;,:]+$/, '') })), join: 'semicolon' } }),
        suggestions: [count],
        fixes,
      });
    }
  },
};

/** The list at `at`: in brackets, after a colon in the sentence, or as bullets after a colon that ends the paragraph. */
function readList(analysis: DraftAnalysis, at: number): (Enumeration & { marker?: string }) | undefined {
  if (analysis.prose[at] === '(') return readParenthesisedList(analysis, at);
  const inline = readColonList(analysis, at);
  return inline && inline.items.length > 0 ? inline : readBulletList(analysis, at);
}

/**
 * "The 6 Western Balkan partners (five of them)": the group the words before the list name,
 * when the stated number is its size and every listed item is one of its members; the fix adds
 * the members the list leaves out, named in the draft's language (with an article where the
 * list's items have one).
 */
function missingMembers(analysis: DraftAnalysis, stated: StatedNumber, listStart: number, list: Enumeration & { marker?: string }): FixInput | undefined {
  const group = analysis.entities
    .filter((match) => match.end > stated.start && match.start < listStart)
    .flatMap((match) => analysis.labelsInLanguage(match).filter((label) => label.kind === 'group'))
    .map((label) => analysis.model.groups.get(label.id))
    .find((g) => g && g.members.length === stated.value);
  if (!group || list.items.length >= stated.value || list.items.some((item) => !item.countryId || !group.members.includes(item.countryId))) return undefined;
  const listed = new Set(list.items.map((item) => item.countryId));
  const lang = analysis.language.code;
  const withArticles = list.items.every((item) => leadingArticleLength(analysis, item.text) > 0);
  const names = group.members.filter((id) => !listed.has(id)).map((id) => countryName(analysis.model, id, lang));
  if (names.length === 0) return undefined;
  const written = names.map((name) => (withArticles ? nameWithArticle(analysis.language, name) : name));
  return { kind: 'members', edits: appendItems(analysis, list, written), detail: names.join(', ') };
}

/** Edits that add items at the end of a list: "A, B and C" → "A, B, C and D"; a bullet list gets new bullets. */
function appendItems(analysis: DraftAnalysis, list: Enumeration & { marker?: string }, added: string[]): Replacement[] {
  const { text } = analysis;
  const last = list.items[list.items.length - 1];
  if (list.marker !== undefined) {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const lineEnd = text.slice(last.end).search(/\r?\n|$/) + last.end;
    const tail = text.slice(last.end, lineEnd).trimEnd();
    const ending = /[;,.]/.test(tail.slice(-1)) ? tail.slice(-1) : '';
    return [{ start: lineEnd, end: lineEnd, newText: added.map((item) => `${eol}${list.marker}${item}${ending}`).join('') }];
  }
  const previous = list.items[list.items.length - 2];
  const join = text.slice(previous.end, last.start);
  // "A, B and C": the conjunction moves to before the last added item.
  if (/[\p{L}]/u.test(join)) {
    const items = [last.text, ...added];
    return [{ start: previous.end, end: last.end, newText: `, ${items.slice(0, -1).join(', ')}${join}${items[items.length - 1]}` }];
  }
  return [{ start: last.end, end: last.end, newText: added.map((item) => `${join}${item}`).join('') }];
}

function statedNumbers(prose: string, language: LanguageData): StatedNumber[] {
  const found: StatedNumber[] = [];
  for (const match of prose.matchAll(DIGITS)) {
    const value = Number(match[1]);
    if (value >= 2 && !followsCitationWord(prose, language, match.index!) && !DOCUMENT_NUMBER.test(prose.slice(Math.max(0, match.index! - 12), match.index!))) {
      found.push({ start: match.index!, end: match.index! + match[0].length, value });
    }
  }
  const { pattern, values } = numberWordPattern(language);
  for (const match of prose.matchAll(pattern)) {
    found.push({ start: match.index!, end: match.index! + match[0].length, value: values.get(match[0].toLowerCase())! });
  }
  return found;
}

/**
 * "COM(2018) 732 final\n**Subject:** Proposal …": words that run onto a new line starting with
 * a capital before the colon are a letterhead field's label, not the noun a count announces (a
 * hard-wrapped sentence goes on in lower case: "five\nlegislative acts concerning:").
 */
function isFieldLabel(between: string): boolean {
  const lastLine = /\n([^\n]*)$/.exec(between)?.[1];
  return lastLine !== undefined && /^[\s\u0001]*\p{Lu}/u.test(lastLine);
}

/** "Article 3 (a, b)", "No 2 (…)": numbers of articles and documents are not counts. */
function followsCitationWord(prose: string, language: LanguageData, offset: number): boolean {
  const before = prose.slice(Math.max(0, offset - 20), offset).trim().toLowerCase();
  const words = [...language.citation.article, ...language.citation.numberMarker].map((w) => w.toLowerCase());
  return words.some((word) => before.endsWith(word));
}

const patternCache = new WeakMap<LanguageData, { pattern: RegExp; values: Map<string, number>; months: RegExp }>();

/** Number words from two up ("one"/"een"/"un"/"ein" double as articles), and month names, per language. */
function numberWordPattern(language: LanguageData) {
  let cached = patternCache.get(language);
  if (!cached) {
    const values = new Map(Object.entries(language.numberWords).filter(([, value]) => value >= 2).map(([word, value]) => [word.toLowerCase(), value]));
    // Declined forms of the grammar data ("trzech", "dwóch") count too.
    for (const forms of language.grammar?.numberForms ?? []) for (const [value, word] of Object.entries(forms)) if (Number(value) >= 2) values.set(word.toLowerCase(), Number(value));
    const alternation = [...values.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
    const months = language.months.map(escapeRegExp).join('|');
    cached = {
      pattern: new RegExp(`(?<![\\p{L}])(?:${alternation || '(?!)'})(?![\\p{L}])`, 'giu'),
      values,
      months: new RegExp(`(?<![\\p{L}])(?:${months})(?![\\p{L}])`, 'iu'),
    };
    patternCache.set(language, cached);
  }
  return cached;
}

/** When every item starts with a number, the list is a breakdown: the sum of its numbers, else undefined. */
function sumOfBreakdown(analysis: DraftAnalysis, items: string[]): number | undefined {
  let sum = 0;
  for (const item of items) {
    const first = /^[\p{L}\p{N}]+/u.exec(item)?.[0].toLowerCase() ?? '';
    const value = /^\d+$/.test(first) ? Number(first) : analysis.language.numberWords[first];
    if (typeof value !== 'number') return undefined;
    sum += value;
  }
  return sum;
}

function mentionsMonth(analysis: DraftAnalysis, text: string): boolean {
  return numberWordPattern(analysis.language).months.test(text);
}
