/**
 * The numbers a version states, as values: digits read in the language's format ("1,500.5" in
 * English, "1.500,5" in Dutch and German, "1 500,5" in French) and number words from two up
 * ("ten", "tien", "dix", "zehn": the language data's numberWords). Digits that belong to
 * something else are left out: a date's day and year (compared as dates), the numbers of a
 * cited act or article (compared as entities).
 */
import type { LanguageData } from '../../../../schemas/language';
import type { DraftAnalysis } from '../analysis/draft-analysis';
import { escapeRegExp } from '../text/regex';

export interface StatedNumber { start: number; end: number; value: number; text: string }

/** Languages that write a decimal point; the others write a decimal comma and group thousands with a point or a space. */
const DECIMAL_POINT = new Set(['en', 'ga', 'mt']);

/** Digits with groups of three and a decimal part: "1,500", "1.500", "1 500", "2,5", "10". */
const DIGITS = /(?<![\p{L}\p{N}.,])\d{1,3}(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?(?![\p{N}])|(?<![\p{L}\p{N}.,])\d+(?:[.,]\d+)?(?![\p{N}])/gu;

const wordPatterns = new WeakMap<LanguageData, { pattern: RegExp; values: Map<string, number> }>();

/** Number words from two up: "one", "een", "un", "ein" double as articles. */
function numberWords(language: LanguageData) {
  let found = wordPatterns.get(language);
  if (!found) {
    const values = new Map(Object.entries(language.numberWords).filter(([, value]) => value >= 2).map(([word, value]) => [word.toLowerCase(), value]));
    const alternation = [...values.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
    found = { pattern: new RegExp(`(?<![\\p{L}\\p{N}-])(?:${alternation || '(?!)'})(?![\\p{L}\\p{N}-])`, 'giu'), values };
    wordPatterns.set(language, found);
  }
  return found;
}

/** The value of digits as the language writes them; undefined when they do not read as one number. */
export function readDigits(written: string, language: string): number | undefined {
  const decimalPoint = DECIMAL_POINT.has(language);
  const group = decimalPoint ? /[,\u00a0\u202f ]/g : /[.\u00a0\u202f ]/g;
  const decimal = decimalPoint ? '.' : ',';
  // "1.500" is 1500 in Dutch but 1.5 in English: a separator the language does not group with
  // is read as its decimal mark only when it is followed by other than three digits, or once.
  const normalised = written.replace(group, '').replace(decimal, '.');
  if (/[.,][^.,]*[.,]/.test(normalised) || /,/.test(normalised)) return undefined;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : undefined;
}

export function findNumbers(analysis: DraftAnalysis): StatedNumber[] {
  const { prose } = analysis;
  const taken: { start: number; end: number }[] = [];
  for (const date of analysis.dates) taken.push({ start: date.start, end: date.end });
  for (const citation of analysis.citations) taken.push({ start: citation.start, end: citation.end });
  for (const reference of analysis.articleReferences) taken.push({ start: reference.start, end: reference.end });
  taken.sort((a, b) => a.start - b.start);
  const isTaken = (start: number, end: number) => {
    // Few spans per draft compared with numbers: a binary search is not worth its code.
    for (const span of taken) {
      if (span.start >= end) break;
      if (span.end > start) return true;
    }
    return false;
  };
  const found: StatedNumber[] = [];
  const code = analysis.language.code;
  for (const match of prose.matchAll(DIGITS)) {
    const start = match.index!;
    // A match never ends in a separator (a group has three digits after it, a decimal part one
    // or more), so "10, 20 and 30" reads as three numbers.
    const written = match[0];
    const end = start + written.length;
    if (isTaken(start, end)) continue;
    const value = readDigits(written, code);
    if (value !== undefined) found.push({ start, end, value, text: written });
  }
  const { pattern, values } = numberWords(analysis.language);
  for (const match of prose.matchAll(pattern)) {
    const start = match.index!;
    const end = start + match[0].length;
    if (!isTaken(start, end)) found.push({ start, end, value: values.get(match[0].toLowerCase())!, text: match[0] });
  }
  return found.sort((a, b) => a.start - b.start);
}
