import type { Rule } from '../rule';
import type { DraftAnalysis } from '../analysis/draft-analysis';
import { inclusionMarkerIn, readColonList, readParenthesisedList } from '../analysis/enumerations';

/** A number, a few words, then the list: "10 priority countries (A, B, …)", "three bodies: A, B and C". */
const WORDS_BETWEEN = /^(?:[ \u00a0\n]+[\p{L}][\p{L}\p{M}'’-]*){1,8}[ \u00a0\n]*(?=[(:])/u;
const DIGITS = /(?<![\p{L}\p{N}.,/:-])(\d{1,3})(?![\p{N}]|[.,/]\d)/gu;
const WORD = /(?<![\p{L}])[\p{L}]+(?![\p{L}])/gu;

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
      const nonExhaustive = inclusionMarkerIn(analysis, between[0]) || inclusionMarkerIn(analysis, analysis.prose.slice(list.start, list.end));
      if (nonExhaustive && list.items.length < stated.value) continue;
      const written = analysis.prose.slice(stated.start, stated.end);
      const replacement = /^\d+$/.test(written) ? String(list.items.length) : undefined;
      report({
        start: stated.start,
        end: stated.end,
        message: `The text says ${written} but lists ${list.items.length}: ${list.items.map((item) => item.text).join('; ')}.`,
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
  const words = analysis.language.numberWords;
  for (const match of analysis.prose.matchAll(WORD)) {
    const value = words[match[0].toLowerCase()];
    // "one"/"een"/"un"/"ein" double as articles: only numbers from two up state a count.
    if (value !== undefined && value >= 2) found.push({ start: match.index!, end: match.index! + match[0].length, value });
  }
  return found;
}

/** "Article 3 (a, b)", "No 2 (…)": numbers of articles and documents are not counts. */
function followsCitationWord(analysis: DraftAnalysis, offset: number): boolean {
  const before = analysis.prose.slice(Math.max(0, offset - 20), offset).trim().toLowerCase();
  const words = [...analysis.language.citation.article, ...analysis.language.citation.numberMarker].map((w) => w.toLowerCase());
  return words.some((word) => before.endsWith(word));
}

function mentionsMonth(analysis: DraftAnalysis, text: string): boolean {
  const lower = text.toLowerCase();
  return analysis.language.months.some((month) => new RegExp(`(?<![\\p{L}])${month}(?![\\p{L}])`, 'u').test(lower));
}

