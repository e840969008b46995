/**
 * Near-miss lookup by symmetric deletion (as in SymSpell): every key is stored with all its
 * variants of up to N deleted characters, so a candidate is compared only with keys that share
 * such a variant, instead of with every key.
 *
 * The index keeps no variant strings: each (variant, entry) pair is one number in a sorted
 * Float64Array (32-bit hash of the variant × 2^21 + entry index), so a language's country names
 * take well under 1 MB instead of about 9 MB of strings in a Map. A hash can collide; a pair is
 * only taken when the candidate's variant really is a variant of the entry's key (a subsequence
 * at most `maxDistance` shorter), so the answers are exactly those of a string-keyed index.
 */
import { editDistance } from '../text/normalize';

export interface FuzzyHit<T> { key: string; value: T; distance: number }

/** Entry indexes take the low 21 bits of a pair; the hash the 32 above them (53 bits in all). */
const INDEX_BITS = 2 ** 21;

export class FuzzyIndex<T> {
  /** Sorted (hash × INDEX_BITS + entry index) pairs, without duplicates. */
  private pairs = new Float64Array(0);
  /** Pairs added since the last lookup, merged into `pairs` on the next one. */
  private pending: number[] = [];
  private readonly entries: { key: string; value: T; maxDistance: number }[] = [];
  /** Drafts repeat their words: answers are remembered (bounded, cleared when full). */
  private readonly answers = new Map<string, FuzzyHit<T>[]>();
  private static readonly MAX_ANSWERS = 100_000;

  constructor(private readonly maxDistance: number) {}

  get size(): number { return this.entries.length; }

  /** Adds a key that may be found up to `maxDistance` edits away (short keys need fewer variants). */
  add(key: string, value: T, maxDistance = this.maxDistance): void {
    const index = this.entries.length;
    if (index >= INDEX_BITS) throw new Error(`a fuzzy index holds at most ${INDEX_BITS} keys`);
    const distance = Math.min(maxDistance, this.maxDistance);
    this.entries.push({ key, value, maxDistance: distance });
    forEachDeletionHash(key, distance, (hash) => { this.pending.push(hash * INDEX_BITS + index); });
    if (this.answers.size > 0) this.answers.clear();
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

  private seal(): void {
    if (this.pending.length === 0) return;
    const all = new Float64Array(this.pairs.length + this.pending.length);
    all.set(this.pairs);
    all.set(this.pending, this.pairs.length);
    this.pending = [];
    all.sort();
    let kept = 0;
    for (let i = 0; i < all.length; i++) if (kept === 0 || all[i] !== all[kept - 1]) all[kept++] = all[i];
    this.pairs = all.slice(0, kept);
  }

  private search(candidate: string, maxDistance: number): FuzzyHit<T>[] {
    this.seal();
    const limit = Math.min(maxDistance, this.maxDistance);
    const seen = new Set<number>();
    const hits: FuzzyHit<T>[] = [];
    const pairs = this.pairs;
    for (const variant of deletionVariants(candidate, limit)) {
      const base = hashOf(variant, -1, -1) * INDEX_BITS;
      for (let at = lowerBound(pairs, base); at < pairs.length && pairs[at] < base + INDEX_BITS; at++) {
        const index = pairs[at] - base;
        if (seen.has(index)) continue;
        const entry = this.entries[index];
        // The hash may collide: take the entry only if the variant is really one of its own.
        if (!isVariantOf(variant, entry.key, entry.maxDistance)) continue;
        seen.add(index);
        // The candidate's length sets the limit; the entry's own limit only saved index space.
        const distance = editDistance(candidate, entry.key, limit);
        if (distance <= limit) hits.push({ key: entry.key, value: entry.value, distance });
      }
    }
    return hits.sort((a, b) => a.distance - b.distance || a.key.localeCompare(b.key));
  }
}

function lowerBound(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** `variant` is `key` with at most `depth` characters deleted: a subsequence of it, at most `depth` shorter. */
function isVariantOf(variant: string, key: string, depth: number): boolean {
  if (variant.length > key.length || key.length - variant.length > depth) return false;
  let v = 0;
  for (let k = 0; k < key.length && v < variant.length; k++) if (key.charCodeAt(k) === variant.charCodeAt(v)) v++;
  return v === variant.length;
}

/** FNV-1a over the UTF-16 units of `text`, skipping the units at `skipA` and `skipB` (32 bits, unsigned). */
function hashOf(text: string, skipA: number, skipB: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    if (i === skipA || i === skipB) continue;
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Calls `each` with the hash of every deletion variant of `key` (up to `depth` deletions) without
 * building the strings. A variant reachable by several deletions is hashed more than once; the
 * duplicates are dropped when the pairs are sorted.
 */
function forEachDeletionHash(key: string, depth: number, each: (hash: number) => void): void {
  each(hashOf(key, -1, -1));
  if (depth >= 1) for (let i = 0; i < key.length; i++) each(hashOf(key, i, -1));
  if (depth >= 2) for (let i = 0; i < key.length; i++) for (let j = i + 1; j < key.length; j++) each(hashOf(key, i, j));
  if (depth > 2) {
    // Deeper indexes are not used by the rules; build their variants as strings.
    const seen = new Set<string>();
    for (const variant of deletionVariants(key, depth)) {
      if (key.length - variant.length <= 2 || seen.has(variant)) continue;
      seen.add(variant);
      each(hashOf(variant, -1, -1));
    }
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
