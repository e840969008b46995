/**
 * Detects the language of a draft from its function words: each word in a language's stopword
 * list is a vote for it. Function words are frequent and differ between languages, so a few
 * hundred words of prose are enough to tell en, nl, fr and de apart reliably.
 */
import type { LanguageRegistry } from './registry';

const WORD = /[\p{L}']+/gu;
/** Enough prose to decide; reading more only costs time. */
const SAMPLE_LENGTH = 20_000;

export interface Detection { code: string; confidence: number }

/**
 * The last few detections by sample: an editor detects again on every keystroke, and a keystroke
 * after the first 20,000 characters leaves the sample as it was.
 */
const recent = new Map<string, Detection>();
const RECENT_SAMPLES = 8;
/** The registry the remembered detections were made with. */
let recentRegistry: LanguageRegistry | undefined;

export function detectLanguage(prose: string, registry: LanguageRegistry, fallback = 'en'): Detection {
  const sample = prose.slice(0, SAMPLE_LENGTH);
  const key = `${fallback}:${sample}`;
  const known = recent.get(key);
  if (known && recentRegistry === registry) return known;
  if (recentRegistry !== registry) { recent.clear(); recentRegistry = registry; }
  const detection = detectInSample(sample, registry, fallback);
  recent.set(key, detection);
  if (recent.size > RECENT_SAMPLES) recent.delete(recent.keys().next().value!);
  return detection;
}

function detectInSample(sample: string, registry: LanguageRegistry, fallback: string): Detection {
  const votes = new Map<string, number>();
  let total = 0;
  for (const match of sample.matchAll(WORD)) {
    const languages = registry.languagesOfStopword(match[0].toLowerCase());
    if (languages.length === 0) continue;
    total++;
    // A word shared by several languages counts for each, less.
    for (const code of languages) votes.set(code, (votes.get(code) ?? 0) + 1 / languages.length);
  }
  let best = fallback;
  let bestVotes = 0;
  for (const [code, count] of votes) {
    if (count > bestVotes || (count === bestVotes && code === fallback)) { best = code; bestVotes = count; }
  }
  return { code: bestVotes > 0 ? best : fallback, confidence: total > 0 ? bestVotes / total : 0 };
}
