/**
 * Near-miss lookup by symmetric deletion (as in SymSpell): every key is stored with all its
 * variants of up to N deleted characters, so a candidate is compared only with keys that share
 * such a variant, instead of with every key.
 */
import { editDistance } from '../text/normalize';

export interface FuzzyHit<T> { key: string; value: T; distance: number }

export class FuzzyIndex<T> {
  /** Deletion variant → entry index, or indexes when several share it (most have one: no Set per variant). */
  private readonly deletes = new Map<string, number | number[]>();
  private readonly entries: { key: string; value: T; maxDistance: number }[] = [];
  /** Drafts repeat their words: answers are remembered (bounded, cleared when full). */
  private readonly answers = new Map<string, FuzzyHit<T>[]>();
  private static readonly MAX_ANSWERS = 100_000;

  constructor(private readonly maxDistance: number) {}

  /** Adds a key that may be found up to `maxDistance` edits away (short keys need fewer variants). */
  add(key: string, value: T, maxDistance = this.maxDistance): void {
    const index = this.entries.length;
    const distance = Math.min(maxDistance, this.maxDistance);
    this.entries.push({ key, value, maxDistance: distance });
    for (const variant of deletionVariants(key, distance)) {
      const known = this.deletes.get(variant);
      if (known === undefined) this.deletes.set(variant, index);
      else if (typeof known === 'number') { if (known !== index) this.deletes.set(variant, [known, index]); }
      else if (!known.includes(index)) known.push(index);
    }
  }

  /** Entries within `maxDistance` edits of the candidate, and within their own limit (0 included), nearest first. */
  lookup(candidate: string, maxDistance: number): FuzzyHit<T>[] {
    const memoKey = `${maxDistance}\u0000${candidate}`;
    const known = this.answers.get(memoKey);
    if (known) return known;
    const hits = this.search(candidate, maxDistance);
    if (this.answers.size >= FuzzyIndex.MAX_ANSWERS) this.answers.clear();
    this.answers.set(memoKey, hits);
    return hits;
  }

  private search(candidate: string, maxDistance: number): FuzzyHit<T>[] {
    const limit = Math.min(maxDistance, this.maxDistance);
    const seen = new Set<number>();
    const hits: FuzzyHit<T>[] = [];
    for (const variant of deletionVariants(candidate, limit)) {
      const found = this.deletes.get(variant);
      if (found === undefined) continue;
      for (const index of typeof found === 'number' ? [found] : found) {
        if (seen.has(index)) continue;
        seen.add(index);
        const entry = this.entries[index];
        // The candidate's length sets the limit; the entry's own limit only saved index space.
        const entryLimit = limit;
        const distance = editDistance(candidate, entry.key, entryLimit);
        if (distance <= entryLimit) hits.push({ key: entry.key, value: entry.value, distance });
      }
    }
    return hits.sort((a, b) => a.distance - b.distance || a.key.localeCompare(b.key));
  }
}

function deletionVariants(key: string, depth: number): Set<string> {
  const variants = new Set<string>([key]);
  let frontier = [key];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const word of frontier) {
      for (let i = 0; i < word.length; i++) {
        const variant = word.slice(0, i) + word.slice(i + 1);
        if (!variants.has(variant)) { variants.add(variant); next.push(variant); }
      }
    }
    frontier = next;
  }
  return variants;
}
