import assert from 'node:assert/strict';
import { FuzzyIndex, type FuzzyHit } from '../../server/src/core/match/fuzzy';
import { editDistance, looseKey } from '../../server/src/core/text/normalize';
import { allowedDistance } from '../../server/src/core/rules/unknown-country';
import { loadModelFromDisk } from '../../server/src/node/session';
import type { LanguageCode } from '../../schemas/policy-model';

/** The string-keyed index FuzzyIndex replaced (deletion variants as Map keys): the reference for its answers. */
class ReferenceIndex<T> {
  private readonly deletes = new Map<string, number[]>();
  private readonly entries: { key: string; value: T }[] = [];
  constructor(private readonly maxDistance: number) {}
  add(key: string, value: T, maxDistance = this.maxDistance): void {
    const index = this.entries.length;
    this.entries.push({ key, value });
    for (const variant of variants(key, Math.min(maxDistance, this.maxDistance))) {
      const list = this.deletes.get(variant) ?? [];
      if (!list.includes(index)) list.push(index);
      this.deletes.set(variant, list);
    }
  }
  lookup(candidate: string, maxDistance: number): FuzzyHit<T>[] {
    const limit = Math.min(maxDistance, this.maxDistance);
    const seen = new Set<number>();
    const hits: FuzzyHit<T>[] = [];
    for (const variant of variants(candidate, limit)) {
      for (const index of this.deletes.get(variant) ?? []) {
        if (seen.has(index)) continue;
        seen.add(index);
        const entry = this.entries[index];
        const distance = editDistance(candidate, entry.key, limit);
        if (distance <= limit) hits.push({ key: entry.key, value: entry.value, distance });
      }
    }
    return hits.sort((a, b) => a.distance - b.distance || a.key.localeCompare(b.key));
  }
}

function variants(key: string, depth: number): Set<string> {
  const all = new Set([key]);
  let frontier = [key];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const word of frontier) for (let i = 0; i < word.length; i++) {
      const variant = word.slice(0, i) + word.slice(i + 1);
      if (!all.has(variant)) { all.add(variant); next.push(variant); }
    }
    frontier = next;
  }
  return all;
}

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => { state = (Math.imul(state, 1664525) + 1013904223) >>> 0; return state / 2 ** 32; };
}

function mutate(word: string, next: () => number, edits: number): string {
  let out = word;
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * (out.length + 1));
    const letter = 'aeinorstuëü '[Math.floor(next() * 12)];
    const op = Math.floor(next() * 4);
    if (op === 0) out = out.slice(0, at) + letter + out.slice(at);
    else if (op === 1) out = out.slice(0, at) + out.slice(at + 1);
    else if (op === 2) out = out.slice(0, at) + letter + out.slice(at + 1);
    else if (at + 1 < out.length) out = out.slice(0, at) + out[at + 1] + out[at] + out.slice(at + 2);
  }
  return out;
}

describe('FuzzyIndex', () => {
  it('finds keys within the distance, nearest first', () => {
    const index = new FuzzyIndex<string>(2);
    for (const key of ['tunisia', 'tanzania', 'austria', 'australia']) index.add(key, key.toUpperCase());
    assert.deepEqual(index.lookup('tunesia', 2).map((hit) => [hit.key, hit.distance]), [['tunisia', 1]]);
    assert.deepEqual(index.lookup('austrlia', 2).map((hit) => [hit.key, hit.distance]), [['australia', 1], ['austria', 1]]);
    assert.deepEqual(index.lookup('xyz', 2), []);
  });

  it('answers exactly as a string-keyed index on random keys (hash collisions never add a hit)', () => {
    const next = random(7);
    const words = Array.from({ length: 400 }, () => Array.from({ length: 3 + Math.floor(next() * 14) }, () => 'abcdeinorstu'[Math.floor(next() * 12)]).join(''));
    const fast = new FuzzyIndex<number>(2);
    const reference = new ReferenceIndex<number>(2);
    words.forEach((word, i) => { const d = allowedDistance(word.length); fast.add(word, i, d); reference.add(word, i, d); });
    for (let i = 0; i < 3000; i++) {
      const candidate = mutate(words[Math.floor(next() * words.length)], next, Math.floor(next() * 4));
      const limit = allowedDistance(candidate.length);
      assert.deepEqual(fast.lookup(candidate, limit), reference.lookup(candidate, limit), candidate);
    }
  });

  it('answers exactly as a string-keyed index on the built-in country names', () => {
    const model = loadModelFromDisk([]).build.index;
    const next = random(11);
    for (const lang of ['en', 'fr', 'de', 'nl', 'el', 'pl'] as LanguageCode[]) {
      const fast = model.countryNames(lang, allowedDistance);
      const reference = new ReferenceIndex<string>(2);
      const keys: string[] = [];
      for (const country of model.countries.values()) {
        const names = country.names[lang];
        if (country.historical || !names) continue;
        for (const text of [names.short, names.formal, ...(names.variants ?? [])]) {
          if (!text) continue;
          const key = looseKey(text);
          keys.push(key);
          reference.add(key, country.id, allowedDistance(key.length));
        }
      }
      assert.ok(keys.length > 200, lang);
      for (let i = 0; i < 600; i++) {
        const candidate = mutate(keys[Math.floor(next() * keys.length)], next, Math.floor(next() * 3));
        const limit = allowedDistance(candidate.length);
        assert.deepEqual(fast.lookup(candidate, limit).map((hit) => [hit.key, hit.value.id, hit.distance]), reference.lookup(candidate, limit).map((hit) => [hit.key, hit.value, hit.distance]), `${lang}: ${candidate}`);
      }
    }
  });

  it('takes keys added after a lookup', () => {
    const index = new FuzzyIndex<number>(1);
    index.add('malta', 1);
    assert.equal(index.lookup('malte', 1).length, 1);
    index.add('malti', 2);
    assert.deepEqual(index.lookup('malte', 1).map((hit) => hit.value), [1, 2]);
  });
});
