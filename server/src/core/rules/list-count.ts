import type { Rule } from '../rule';
import type { LanguageData } from '../../../../schemas/language';
import type { DraftAnalysis } from '../analysis/draft-analysis';
import { inclusionMarkerIn, readColonList, readParenthesisedList } from '../analysis/enumerations';
import { escapeRegExp } from '../text/regex';

/** A number, a few words, then the list: "10 priority countries (A, B, …)", "three bodies: A, B and C". */
const WORDS_BETWEEN = /^(?:[ \u00a0\r\n]+[\p{L}][\p{L}\p{M}'’-]*){1,8}[ \u00a0\r\n]*(?=[(:])/u;
const DIGITS = /(?<![\p{L}\p{N}.,/:-])(\d{1,3})(?![\p{N}]|[.,/]\d)/gu;

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
  check({ analysis, report }) {
    for (const stated of statedNumbers(analysis)) {
      const between = WORDS_BETWEEN.exec(analysis.prose.slice(stated.end, stated.end + 200));
      if (!between || mentionsMonth(analysis, between[0])) continue;
      const listStart = stated.end + between[0].length;
      const list = analysis.prose[listStart] === '(' ? readParenthesisedList(analysis, listStart) : readColonList(analysis, listStart);
      if (!list || list.items.length < 2 || list.items.length === stated.value) continue;
      const breakdown = sumOfBreakdown(analysis, list.items.map((item) => item.text));
      if (breakdown !== undefined) {
        // "seven centres: two in Morocco, three in Tunisia and two in Egypt" counts by its parts.
        if (breakdown !== stated.value) report({ start: stated.start, end: stated.end, message: `The text says ${analysis.prose.slice(stated.start, stated.end)} but its parts add up to ${breakdown}.` });
        continue;
      }
      const nonExhaustive = inclusionMarkerIn(analysis, between[0]) || inclusionMarkerIn(analysis, analysis.prose.slice(list.start, list.end));
      if (nonExhaustive && list.items.length < stated.value) continue;
      const written = analysis.prose.slice(stated.start, stated.end);
      const replacement = /^\d+$/.test(written) ? String(list.items.length) : undefined;
      report({
        start: stated.start,
        end: stated.end,
        message: `The text says ${written} but lists ${list.items.length}: ${list.items.map((item) => item.text.replace(/[.;,:]+$/, '')).join('; ')}.`,
        suggestions: replacement ? [replacement] : undefined,
        fix: replacement ? [{ start: stated.start, end: stated.end, newText: replacement }] : undefined,
      });
    }
  },
};

function statedNumbers(analysis: DraftAnalysis): StatedNumber[] {
  const found: StatedNumber[] = [];
  for (const match of analysis.prose.matchAll(DIGITS)) {
    const value = Number(match[1]);
    if (value >= 2 && !followsCitationWord(analysis, match.index!)) found.push({ start: match.index!, end: match.index! + match[0].length, value });
  }
  const { pattern, values } = numberWordPattern(analysis.language);
  for (const match of analysis.prose.matchAll(pattern)) {
    found.push({ start: match.index!, end: match.index! + match[0].length, value: values.get(match[0].toLowerCase())! });
  }
  return found;
}

/** "Article 3 (a, b)", "No 2 (…)": numbers of articles and documents are not counts. */
function followsCitationWord(analysis: DraftAnalysis, offset: number): boolean {
  const before = analysis.prose.slice(Math.max(0, offset - 20), offset).trim().toLowerCase();
  const words = [...analysis.language.citation.article, ...analysis.language.citation.numberMarker].map((w) => w.toLowerCase());
  return words.some((word) => before.endsWith(word));
}

const patternCache = new WeakMap<LanguageData, { pattern: RegExp; values: Map<string, number>; months: RegExp }>();

/** Number words from two up ("one"/"een"/"un"/"ein" double as articles), and month names, per language. */
function numberWordPattern(language: LanguageData) {
  let cached = patternCache.get(language);
  if (!cached) {
    const values = new Map(Object.entries(language.numberWords).filter(([, value]) => value >= 2).map(([word, value]) => [word.toLowerCase(), value]));
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

