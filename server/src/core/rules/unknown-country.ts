import type { LanguageCode } from '../../../../schemas/policy-model';
import { say } from '../messages/message';
import { FuzzyIndex } from '../match/fuzzy';
import type { Rule, RuleContext } from '../rule';
import { isUpper, looseKey, matchKey } from '../text/normalize';
import type { DraftAnalysis } from '../analysis/draft-analysis';
import type { LanguageData } from '../../../../schemas/language';
import { replaceName, sameWordForm } from '../language/grammar';
import type { PolicyIndex } from '../model/policy-index';

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

/** A doubled letter moved ("Morroco" for "Morocco") is two edits; names of this length take it. */
const MOVED_DOUBLE_MIN_LENGTH = 7;

/** How deep the name index must reach for isNearMiss: two edits from seven letters on. */
export function nearMissIndexDistance(length: number): number {
  return length >= MOVED_DOUBLE_MIN_LENGTH ? 2 : allowedDistance(length);
}

/** "Morroco" and "Morocco" are the same letters once doubled letters are written once. */
function withoutDoubles(key: string): string {
  return key.replace(/(.)\1+/gu, '$1');
}

/**
 * Whether a candidate found `hit.distance` edits from a name key is a slip of that name: within
 * the allowed distance, or a doubled letter moved in a name of seven letters or more, and not a
 * derived word (Nigerian). The rule and scripts/gen-common-words.ts share this test.
 */
export function isNearMiss(candidate: string, hit: { key: string; distance: number }, derivations: readonly string[]): boolean {
  return isSlip(candidate, hit) && !isDerivedForm(candidate, hit.key, derivations);
}

/** Whether a candidate is close enough to a name key to be a slip of it, by distance alone. */
export function isSlip(candidate: string, hit: { key: string; distance: number }): boolean {
  return hit.distance <= allowedDistance(candidate.length)
    || (hit.distance === 2 && hit.key.length >= MOVED_DOUBLE_MIN_LENGTH && withoutDoubles(candidate) === withoutDoubles(hit.key));
}

/** The words of the language's country names (short, formal, variants), as written. */
export function countryNameWords(model: PolicyIndex, lang: string): Set<string> {
  return model.memo(`country-name-words:${lang}`, () => {
    const words = new Set<string>();
    for (const country of model.countries.values()) {
      if (country.historical) continue;
      const names = country.names[lang as LanguageCode];
      for (const text of [names?.short, names?.formal, ...(names?.variants ?? [])]) {
        for (const word of text?.match(WORD) ?? []) words.add(word);
      }
    }
    return words;
  });
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
    correct: { title: (c) => say('fix.correct', { old: { quote: c.old }, new: { quote: c.new } }), safety: 'grammar' },
    // Several names are close: the drafter chooses.
    choose: { title: (c) => say('fix.replace-with', { new: { quote: c.new } }), safety: 'unsafe', fromSuggestions: true },
  },
  // No "add to workspace policy model": every finding is a near miss of a known country name, and
  // a misspelling added to the model would be accepted everywhere (core/assist/model-edit.ts).
  check({ analysis, language, report }) {
    const names = analysis.model.countryNames(language.code, nearMissIndexDistance);
    const derivations = language.derivationSuffixes ?? [];
    reportOtherLanguageNames(analysis, report);
    const ignored = ignoredWords(analysis);
    const isCorrectWord = correctWords(analysis);
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
        const hits = names.lookup(key, nearMissIndexDistance(key.length)).filter((hit) => isNearMiss(key, hit, derivations));
        if (hits.length === 0) continue;
        // Correct words of the language near a name: inflected forms of the name ("Europäischen
        // Union", "z Tunezją") and ordinary words ("Inland"). Not a misspelling, so no finding.
        if (words.slice(i, i + count).every((word) => isCorrectWord(word.text))) break;
        // Same letters but other diacritics or case: only a real difference counts.
        const best = hits[0];
        if (matchKey(phrase) === matchKey(best.value.text)) break;
        const suggestions = [...new Set(hits.map((hit) => hit.value.short))].slice(0, 3);
        report({
          start: first.start,
          end: last.end,
          message: say('unknown-country.near-miss', { found: { quote: phrase }, suggestions: { list: suggestions.map((s) => ({ quote: s })), join: 'or' } }),
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
  const names = analysis.model.countryNames(analysis.language.code, nearMissIndexDistance);
  for (const match of analysis.entities) {
    if (match.values.some((label) => label.lang === analysis.language.code)) continue;
    const countryIds = new Set(match.values.filter((label) => label.kind === 'country').map((label) => label.id));
    if (countryIds.size === 0) continue;
    const phrase = analysis.prose.slice(match.start, match.end);
    const key = looseKey(phrase);
    const derivations = analysis.language.derivationSuffixes ?? [];
    const hit = names.lookup(key, allowedDistance(key.length)).find((h) => countryIds.has(h.value.id) && isNearMiss(key, h, derivations));
    if (!hit) continue;
    report({
      start: match.start,
      end: match.end,
      message: say('unknown-country.other-language', { found: { quote: phrase }, language: { language: analysis.language.code }, suggestion: { quote: hit.value.short } }),
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

/** The language's function words and capitalised non-acronyms, in lower case (built once per language): no name starts with them. */
function ignoredWords(analysis: DraftAnalysis): Set<string> {
  const language = analysis.language;
  let words = ignoredWordsOf.get(language);
  if (!words) {
    words = new Set([...language.detection.stopwords, ...(language.notAcronyms ?? [])].map((w) => w.toLowerCase()));
    ignoredWordsOf.set(language, words);
  }
  return words;
}

const commonWordsOf = new WeakMap<LanguageData, Set<string>>();

/**
 * Whether a word is a correct word of the language: one of its common words near a name (the
 * Hunspell forms of languages/<code>.json commonWords), a word of one of its country names
 * ("Union"), or a function word.
 */
function correctWords(analysis: DraftAnalysis): (word: string) => boolean {
  const language = analysis.language;
  let common = commonWordsOf.get(language);
  if (!common) {
    common = new Set((language.commonWords ?? []).map((w) => w.toLowerCase()));
    commonWordsOf.set(language, common);
  }
  const known = common;
  const ignored = ignoredWords(analysis);
  const nameWords = analysis.model.memo(`country-name-words-lower:${language.code}`, () => new Set([...countryNameWords(analysis.model, language.code)].map((w) => w.toLowerCase())));
  return (word) => {
    const lower = word.toLowerCase();
    return known.has(lower) || nameWords.has(lower) || ignored.has(lower);
  };
}

/** Words of the prose that no known label covers. */
function wordsOutsideEntities(analysis: DraftAnalysis): Word[] {
  const entities = analysis.entities;
  const words: Word[] = [];
  let e = 0;
  for (const match of analysis.prose.matchAll(WORD)) {
    const elided = ELIDED_ARTICLE.exec(match[0]);
    const start = match.index! + (elided ? elided[0].length : 0);
    const end = match.index! + match[0].length;
    while (e < entities.length && entities[e].end <= start) e++;
    if (e < entities.length && entities[e].start < end) continue;
    words.push({ start, end, text: match[0].slice(start - match.index!) });
  }
  return words;
}

/**
 * An elided article or preposition before a capitalised word: fr "l'Ukraine", "d'Albanie",
 * it "dell'Albania", "nell'Unione". The name starts after the apostrophe.
 */
const ELIDED_ARTICLE = /^\p{Ll}{1,5}['’](?=\p{Lu})/u;

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
