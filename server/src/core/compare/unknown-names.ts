/**
 * Names the policy model does not know ("Irini", "Sophia", "Valletta"): compared between
 * versions by their written form, since there is no id to compare. A name is a capitalised word
 * that does not open a sentence, is not one of the language's function or common words, and
 * that no label of the model covers. German capitalises every noun, so a German version offers
 * no names of its own; its words are still searched for the other version's names.
 */
import type { DraftAnalysis } from '../analysis/draft-analysis';
import { sentenceStart } from '../analysis/enumerations';
import { editDistance, isUpper, looseKey } from '../text/normalize';

export interface UnknownName { start: number; end: number; text: string; key: string }

/** Languages that capitalise common nouns. */
const CAPITALISED_NOUNS = new Set(['de', 'lb']);
/** A word: letters and marks, with inner hyphens and apostrophes (Guinea-Bissau, l'Union). */
export const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;

export function findUnknownNames(analysis: DraftAnalysis): UnknownName[] {
  const language = analysis.language;
  if (CAPITALISED_NOUNS.has(language.code)) return [];
  const { prose } = analysis;
  const ignored = new Set([...language.detection.stopwords, ...(language.commonWords ?? []), ...(language.notAcronyms ?? []),
    ...language.months, ...(language.weekdays ?? [])].map((word) => word.toLowerCase()));
  const covered = [...analysis.entities, ...analysis.citations, ...analysis.articleReferences].sort((a, b) => a.start - b.start);
  // A word that the draft also writes in lower case is an ordinary word, capitalised for emphasis or a title.
  const lowerCase = new Set<string>();
  for (const match of prose.matchAll(WORD)) if (!isUpper(match[0][0])) lowerCase.add(match[0].toLowerCase());
  const names: UnknownName[] = [];
  let c = 0;
  for (const match of prose.matchAll(WORD)) {
    const text = match[0];
    const start = match.index!;
    const end = start + text.length;
    if (!isUpper(text[0]) || text.length < 3 || text === text.toUpperCase()) continue;
    while (c < covered.length && covered[c].end <= start) c++;
    if (covered.slice(c, c + 8).some((span) => span.start < end && span.end > start)) continue;
    const lower = text.toLowerCase();
    if (ignored.has(lower) || lowerCase.has(lower)) continue;
    if (prose.slice(sentenceStart(prose, start), start).trim().replace(/^[\s\p{P}]+/u, '') === '') continue;
    names.push({ start, end, text, key: looseKey(text) });
  }
  return names;
}

/** Whether two written forms are the same name, allowing for a language's spelling ("Khartoum"/"Khartoem", "Valletta"/"La Valette"). */
export function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  // A name and a word made of it: "Europe" / "Europese", "Sahel" / "sahélienne".
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 6 && long.startsWith(short.slice(0, -1))) return true;
  const allowed = Math.min(a.length, b.length) <= 4 ? 0 : Math.min(a.length, b.length) <= 7 ? 1 : 2;
  return editDistance(a, b, allowed) <= allowed;
}
