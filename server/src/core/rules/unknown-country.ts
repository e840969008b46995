import { LANGUAGE_NAMES_EN, type LanguageCode } from '../../../../schemas/policy-model';
import { FuzzyIndex } from '../match/fuzzy';
import type { Rule, RuleContext } from '../rule';
import { isUpper, looseKey, matchKey } from '../text/normalize';
import type { DraftAnalysis } from '../analysis/draft-analysis';
import type { LanguageData } from '../../../../schemas/language';
import { replaceName, sameWordForm } from '../language/grammar';

/** A word: letters and marks, with inner hyphens and apostrophes (Guinea-Bissau, Côte d'Ivoire). */
const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;
/** The longest country names that get misspelt have a few words ("Bosnia and Herzegovina"). */
const MAX_WORDS = 4;

/** How far a candidate may be from a name: short words only by diacritics, longer ones by 1–2 edits. */
export function allowedDistance(length: number): number {
  if (length <= 5) return 0;
  if (length <= 8) return 1;
  return 2;
}

interface Word { start: number; end: number; text: string }

/**
 * Words and phrases close to a country name of the draft's language but not a known name:
 * misspellings ("Tunesia") and missing diacritics ("Turkiye"). Known words never fire: any
 * label of the model in any language (names, cities, regions, processes, bodies), the
 * language's function words and its list of common look-alikes, and derived forms (Nigerian).
 */
export const unknownCountry: Rule = {
  id: 'unknown-country',
  description: 'A word or phrase that is not a known country name but is close to one (misspelling, missing diacritic).',
  defaultSeverity: 'warning',
  scope: 'block',
  fixes: {
    // A misspelling corrected to the same word form; in languages that decline names only when the ending is untouched.
    correct: { title: (c) => `Correct "${c.old}" to "${c.new}"`, safety: 'grammar' },
    // Several names are close: the drafter chooses.
    choose: { title: (c) => `Replace with "${c.new}"`, safety: 'unsafe', fromSuggestions: true },
  },
  check({ analysis, language, report }) {
    const names = analysis.model.countryNames(language.code, allowedDistance);
    const derivations = language.derivationSuffixes ?? [];
    reportOtherLanguageNames(analysis, report);
    const ignored = ignoredWords(analysis);
    const words = wordsOutsideEntities(analysis);
    for (let i = 0; i < words.length; i++) {
      const first = words[i];
      if (!isUpper(first.text[0]) || ignored.has(first.text.toLowerCase()) || isAcronym(first.text)) continue;
      // Longest phrase first, so "Bosnia and Herzegowina" is one finding, not two. Phrases are
      // only tried where the first word is close to the first word of a multi-word name.
      const maxWords = startsMultiWordName(analysis, first.text) ? MAX_WORDS : 1;
      for (let count = Math.min(maxWords, words.length - i); count >= 1; count--) {
        const last = words[i + count - 1];
        if (!isPhrase(analysis.prose, words, i, count)) continue;
        const phrase = analysis.prose.slice(first.start, last.end);
        const key = looseKey(phrase);
        const hits = names.lookup(key, allowedDistance(key.length)).filter((hit) => !isDerivedForm(key, hit.key, derivations));
        if (hits.length === 0) continue;
        // Same letters but other diacritics or case: only a real difference counts.
        const best = hits[0];
        if (matchKey(phrase) === matchKey(best.value.text)) break;
        const suggestions = [...new Set(hits.map((hit) => hit.value.short))].slice(0, 3);
        report({
          start: first.start,
          end: last.end,
          message: `"${phrase}" is not a known country name. Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?`,
          suggestions,
          fixes: suggestions.length === 1 ? [{ kind: 'correct', edits: [{ start: first.start, end: last.end, newText: suggestions[0] }], safe: sameWordForm(language, phrase, suggestions[0]) }] : undefined,
        });
        i += count - 1;
        break;
      }
    }
  },
};

/**
 * A country name of another language that is one slip away from this language's name
 * ("Tunisie" in a Dutch note, where it is "Tunesië"). Names of other languages that do not look
 * like this language's name (Island, Chili) are left alone: they are more likely other words.
 */
function reportOtherLanguageNames(analysis: DraftAnalysis, report: RuleContext['report']): void {
  const names = analysis.model.countryNames(analysis.language.code, allowedDistance);
  for (const match of analysis.entities) {
    if (match.values.some((label) => label.lang === analysis.language.code)) continue;
    const countryIds = new Set(match.values.filter((label) => label.kind === 'country').map((label) => label.id));
    if (countryIds.size === 0) continue;
    const phrase = analysis.prose.slice(match.start, match.end);
    const key = looseKey(phrase);
    const derivations = analysis.language.derivationSuffixes ?? [];
    const hit = names.lookup(key, allowedDistance(key.length)).find((h) => countryIds.has(h.value.id) && !isDerivedForm(key, h.key, derivations));
    if (!hit) continue;
    report({
      start: match.start,
      end: match.end,
      message: `"${phrase}" is not the ${LANGUAGE_NAMES_EN[analysis.language.code]} name. Did you mean "${hit.value.short}"?`,
      suggestions: [hit.value.short],
      fixes: [{ kind: 'correct', ...replaceName(analysis.language, analysis.prose, match.start, match.end, hit.value.short) }],
    });
  }
}

/** Whether a word is within one edit of the first word of a multi-word country name of the language. */
function startsMultiWordName(analysis: DraftAnalysis, word: string): boolean {
  const lang = analysis.language.code;
  const firstWords = analysis.model.memo(`country-first-words:${lang}`, () => {
    const index = new FuzzyIndex<true>(1);
    for (const country of analysis.model.countries.values()) {
      const names = country.names[lang as LanguageCode];
      for (const text of [names?.short, names?.formal, ...(names?.variants ?? [])]) {
        const words = text?.split(/\s+/) ?? [];
        if (words.length > 1) index.add(looseKey(words[0]), true);
      }
    }
    return index;
  });
  return firstWords.lookup(looseKey(word), 1).length > 0;
}

const ignoredWordsOf = new WeakMap<LanguageData, Set<string>>();

/** The language's function words, common look-alikes and capitalised non-acronyms, in lower case (built once per language). */
function ignoredWords(analysis: DraftAnalysis): Set<string> {
  const language = analysis.language;
  let words = ignoredWordsOf.get(language);
  if (!words) {
    words = new Set([...language.detection.stopwords, ...(language.commonWords ?? []), ...(language.notAcronyms ?? [])].map((w) => w.toLowerCase()));
    ignoredWordsOf.set(language, words);
  }
  return words;
}

/** Words of the prose that no known label covers. */
function wordsOutsideEntities(analysis: DraftAnalysis): Word[] {
  const entities = analysis.entities;
  const words: Word[] = [];
  let e = 0;
  for (const match of analysis.prose.matchAll(WORD)) {
    const start = match.index!;
    const end = start + match[0].length;
    while (e < entities.length && entities[e].end <= start) e++;
    if (e < entities.length && entities[e].start < end) continue;
    words.push({ start, end, text: match[0] });
  }
  return words;
}

/** Words i..i+count-1 form one phrase: only spaces between them, capitalised at both ends. */
function isPhrase(prose: string, words: Word[], i: number, count: number): boolean {
  if (count > 1 && !isUpper(words[i + count - 1].text[0])) return false;
  for (let k = i; k < i + count - 1; k++) {
    if (!/^\s+$/.test(prose.slice(words[k].end, words[k + 1].start))) return false;
  }
  return true;
}

/**
 * "Nigerian", "Tunisians", "Pakistani", nl "Guinese": a name followed by an ending, or with its
 * last letter replaced by one of the language's derivation endings, is a derived word, not a
 * misspelling. A doubled last letter ("Senegall") is a slip, not an ending.
 */
export function isDerivedForm(candidate: string, name: string, suffixes: readonly string[] = []): boolean {
  if (candidate.length > name.length && candidate.startsWith(name)) {
    const ending = candidate.slice(name.length);
    if (ending.length > 1 || ending !== name[name.length - 1]) return true;
  }
  return suffixes.some((suffix) => {
    if (!candidate.endsWith(suffix)) return false;
    const stem = candidate.slice(0, -suffix.length);
    return stem.length >= 3 && (stem === name || stem === name.slice(0, -1));
  });
}

function isAcronym(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase();
}
