import type { Rule, RuleContext } from '../rule';
import { say, type Message } from '../messages/message';
import type { DraftAnalysis } from '../analysis/draft-analysis';
import type { LanguageCode } from '../../../../schemas/policy-model';
import { editDistance } from '../text/normalize';
import { sameWordForm } from '../language/grammar';
import { namedEntityAdditions } from '../assist/model-addition';

interface KnownName { text: string; words: string[]; id: string; number: number }
interface Anchor { name: KnownName; position: number }
interface NameIndex {
  names: KnownName[];
  /** Names by each of their words, to align a window of the draft on a name. */
  byWord: Map<string, Anchor[]>;
  /** The names each word of the drafts anchors (its stems looked up in byWord), remembered: drafts repeat their words. */
  anchorsOf: Map<string, Anchor[]>;
  /** Shared openings of several names ("Team Europe Initiative on the"), with the names that share them. */
  families: { head: string[]; names: KnownName[]; lastWord: string }[];
}

/** Words split at apostrophes and hyphens, so "l'Agence" and "Rabat-Prozess" compare word by word. */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}/]*/gu;
const MAX_REMEMBERED_WORDS = 50_000;
/** Words too common to anchor a name on. */
const MIN_ANCHOR_LENGTH = 4;

/**
 * Named instruments, processes and bodies that are close to one the model knows but are not
 * one: a misspelt word ("the Khartoum Proces"), or a known family with an unknown member
 * ("Team Europe Initiative on the Eastern route"), with suggestions.
 */
export const unknownInstrument: Rule = {
  id: 'unknown-instrument',
  description: 'A named instrument, process or body that is close to one the model knows but is not one.',
  defaultSeverity: 'warning',
  scope: 'block',
  fixes: {
    // A misspelt word of a known name, corrected to the same word form.
    correct: { title: (c) => say('fix.correct', { old: { quote: c.old }, new: { quote: c.new } }), safety: 'grammar' },
    // Another member of a known family is another instrument: the drafter chooses.
    choose: { title: (c) => say('fix.replace-with', { new: { quote: c.new } }), safety: 'unsafe', fromSuggestions: true },
  },
  // A new member of a known family, as an instrument or a body; never a misspelt known name (core/assist/model-edit.ts).
  modelAddition: { sections: ['instruments', 'bodies'], additions: namedEntityAdditions },
  check(context) {
    const { analysis, language } = context;
    const index = analysis.model.memo(`instrument-names:${language.code}`, () => buildIndex(analysis, language.code));
    const words = [...analysis.prose.matchAll(WORD)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, key: wordKey(m[0]) }));
    const reported: { start: number; end: number }[] = [];
    const report: Report = (start, end, message, suggestions, misspelt = false) => {
      if (reported.some((r) => r.start < end && start < r.end)) return;
      reported.push({ start, end });
      const found = analysis.prose.slice(start, end);
      const correct = misspelt && suggestions.length === 1 ? [{ kind: 'correct', edits: [{ start, end, newText: suggestions[0] }], safe: sameWordForm(language, found, suggestions[0]) }] : undefined;
      context.report({ start, end, message, suggestions, fixes: correct });
    };
    nearMisses(context, index, words, report);
    unknownFamilyMembers(context, index, words, report);
  },
};

function buildIndex(analysis: DraftAnalysis, lang: string): NameIndex {
  const names: KnownName[] = [];
  const model = analysis.model;
  for (const entity of [...model.instruments.values(), ...model.bodies.values()]) {
    for (const text of entity.names[lang as LanguageCode] ?? []) {
      const words = [...text.matchAll(WORD)].map((m) => wordKey(m[0]));
      if (words.length >= 2) names.push({ text, words, id: entity.id, number: names.length });
    }
  }
  // Anchors are the names' words and their stems (without an ending), so that a declined word
  // ("Europäischen" for "Europäisches") still anchors the name.
  const suffixes = analysis.language.inflectionSuffixes ?? [];
  const byWord = new Map<string, Anchor[]>();
  for (const name of names) {
    name.words.forEach((word, position) => {
      if (word.length < MIN_ANCHOR_LENGTH) return;
      for (const stem of stems(word, suffixes)) {
        const list = byWord.get(stem) ?? [];
        if (!list.some((entry) => entry.name === name && entry.position === position)) list.push({ name, position });
        byWord.set(stem, list);
      }
    });
  }
  // Families: names of three or more words that share their first three words and differ after.
  const byHead = new Map<string, KnownName[]>();
  for (const name of names) {
    if (name.words.length < 4) continue;
    const head = name.words.slice(0, 3).join(' ');
    byHead.set(head, [...(byHead.get(head) ?? []), name]);
  }
  const families: NameIndex['families'] = [];
  for (const members of byHead.values()) {
    if (new Set(members.map((m) => m.id)).size < 2) continue;
    let length = 3;
    while (members.every((m) => m.words.length > length + 1 && m.words[length] === members[0].words[length])) length++;
    const lastWords = new Set(members.map((m) => m.words[m.words.length - 1]));
    families.push({ head: members[0].words.slice(0, length), names: members, lastWord: lastWords.size === 1 ? [...lastWords][0] : '' });
  }
  return { names, byWord, anchorsOf: new Map(), families };
}

type Report = (start: number, end: number, message: Message, suggestions: string[], misspelt?: boolean) => void;
type Word = { start: number; end: number; key: string };

/** Every word of a known name but one is there, and that one is a slip away: "Khartoum Proces". */
function nearMisses({ analysis, language }: RuleContext, index: NameIndex, words: Word[], report: Report): void {
  const suffixes = language.inflectionSuffixes ?? [];
  const anchorsOf = index.anchorsOf;
  // A long session meets many words: start over rather than grow without end.
  if (anchorsOf.size > MAX_REMEMBERED_WORDS) anchorsOf.clear();
  // Alignments (a name placed at a word) already tried, as first word × names + name number.
  const seen = new Set<number>();
  const nameCount = index.names.length;
  words.forEach((word, i) => {
    let anchored = anchorsOf.get(word.key);
    if (!anchored) anchorsOf.set(word.key, anchored = stems(word.key, suffixes).flatMap((stem) => index.byWord.get(stem) ?? []));
    for (const { name, position } of anchored) {
      const first = i - position;
      const last = first + name.words.length - 1;
      if (first < 0 || last >= words.length) continue;
      const alignment = first * nameCount + name.number;
      if (seen.has(alignment)) continue;
      seen.add(alignment);
      // Exactly one word differs by more than its ending ("des Europäischen Migrationsnetwerks").
      let differing = -1;
      let count = 0;
      for (let k = 0; k < name.words.length && count < 2; k++) {
        const found = words[first + k].key;
        if (found === name.words[k] || isInflection(found, name.words[k], suffixes, k < name.words.length - 1)) continue;
        differing = k;
        count++;
      }
      if (count !== 1 || !sameSentence(analysis.prose, words[first].start, words[last].end)) continue;
      const found = words[first + differing].key;
      const expected = name.words[differing];
      if (editDistance(found, expected, 2) > (expected.length >= 6 ? 2 : 1) || isInflection(found, expected, suffixes, false)) continue;
      const start = words[first].start;
      const end = words[last].end;
      if (coveredByKnownName(analysis, start, end)) continue;
      report(start, end, say('unknown-instrument.near-miss', { found: { quote: analysis.prose.slice(start, end) }, name: { quote: name.text } }), [name.text], true);
    }
  });
}

/** "Team Europe Initiative on the Eastern route": a known family, but no member of it. */
function unknownFamilyMembers({ analysis }: RuleContext, index: NameIndex, words: Word[], report: Report): void {
  for (const family of index.families) {
    for (let i = 0; i + family.head.length < words.length; i++) {
      if (!family.head.every((key, k) => words[i + k].key === key)) continue;
      const start = words[i].start;
      // A generic name ("Team Europe Initiative") may cover the head; a family member covers more.
      if (coveredByKnownName(analysis, start, words[i + family.head.length].end)) continue;
      // The name runs to the family's last word ("route") or to the end of the clause.
      let last = i + family.head.length;
      const limit = Math.min(words.length - 1, i + Math.max(...family.names.map((n) => n.words.length)) + 1);
      while (last < limit && words[last].key !== family.lastWord && sameSentence(analysis.prose, words[last].end, words[last + 1].start + 1) && !/[,;:()]/.test(analysis.prose.slice(words[last].end, words[last + 1].start))) last++;
      if (family.lastWord && words[last].key !== family.lastWord) continue;
      const end = words[last].end;
      const found = analysis.prose.slice(start, end);
      // One name per member: its shortest.
      const byMember = new Map<string, string>();
      for (const name of family.names) if (!byMember.has(name.id) || name.text.length < byMember.get(name.id)!.length) byMember.set(name.id, name.text);
      const suggestions = [...byMember.values()];
      report(start, end, say('unknown-instrument.family', { found: { quote: found }, family: { draft: family.names[0].text.split(/\s+/).slice(0, 3).join(' ') }, known: { list: suggestions.map((s) => ({ quote: s })), join: 'comma' } }), suggestions);
    }
  }
}

/** Whether the dictionary matched a known instrument or body name over this span. */
function coveredByKnownName(analysis: DraftAnalysis, start: number, end: number): boolean {
  return analysis.entities.some((match) => match.start <= start && end <= match.end && match.values.some((l) => l.kind === 'instrument' || l.kind === 'body'));
}

function sameSentence(prose: string, start: number, end: number): boolean {
  return !/[.!?]\s|\u0001|\n\s*\n/.test(prose.slice(start, end - 1));
}

/**
 * "Asylpakets" for "Asylpaket": the same word with an ending. Words before the last (adjectives)
 * may also swap endings ("mehrjährige" for "mehrjähriger"); the last word may not, or "Proces"
 * would pass for an inflected "Process".
 */
function isInflection(found: string, expected: string, suffixes: readonly string[], swapEndings: boolean): boolean {
  if (suffixes.some((suffix) => found === expected + suffix)) return true;
  if (!swapEndings) return false;
  const endings = ['', ...suffixes];
  return endings.some((a) => found.endsWith(a) && endings.some((b) => expected.endsWith(b)
    && found.length - a.length >= 4 && found.slice(0, found.length - a.length) === expected.slice(0, expected.length - b.length)));
}

/** Words compare in lower case (with typographic apostrophes folded): cheap enough for every word of a draft. */
function wordKey(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

/** A word and the word without each ending it may carry (at least four letters left). */
function stems(word: string, suffixes: readonly string[]): string[] {
  const out = [word];
  for (const suffix of suffixes) if (word.length - suffix.length >= MIN_ANCHOR_LENGTH && word.endsWith(suffix)) out.push(word.slice(0, -suffix.length));
  return out;
}
