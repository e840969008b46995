/**
 * Aho–Corasick dictionary automaton: finds every occurrence of every label in one pass over the
 * text, in time linear in the text plus the matches, however many labels the model has.
 * Matching folds case and typographic marks (see foldChar), collapses whitespace runs, and never
 * runs across BARRIER (non-prose content). Matches start and end on word boundaries.
 */
import { foldChar, isSpace, isWordChar, matchKey } from '../text/normalize';
import { BARRIER } from '../markdown/parse';

export interface AutomatonMatch<T> { start: number; end: number; value: T }

export class DictionaryAutomaton<T> {
  /** Goto function as one map keyed by state * 65536 + UTF-16 unit: far fewer objects than a map per state. */
  private readonly transitions = new Map<number, number>();
  private fail: Int32Array = new Int32Array(1);
  private readonly outputs: number[][] = [[]];
  /** For each state, the nearest state along the failure chain that has outputs (-1: none). */
  private outputLink: Int32Array = new Int32Array(1);
  private readonly patterns: { length: number; value: T; wordStart: boolean; wordEnd: boolean }[] = [];
  private stateCount = 1;
  private built = false;
  private longest = 0;

  /** `openEnd`: the match may continue into a longer word (a term followed by a plural ending). */
  add(label: string, value: T, openEnd = false): void {
    if (this.built) throw new Error('automaton already built');
    const key = matchKey(label);
    if (key.length === 0) return;
    let state = 0;
    for (let i = 0; i < key.length; i++) {
      const edge = state * 65536 + key.charCodeAt(i);
      let next = this.transitions.get(edge);
      if (next === undefined) {
        next = this.stateCount++;
        this.transitions.set(edge, next);
        this.outputs.push([]);
      }
      state = next;
    }
    this.outputs[state].push(this.patterns.length);
    this.patterns.push({ length: key.length, value, wordStart: isWordChar(key[0]), wordEnd: !openEnd && isWordChar(key[key.length - 1]) });
    this.longest = Math.max(this.longest, key.length);
  }

  get size(): number { return this.patterns.length; }

  build(): this {
    const children = new Map<number, [number, number][]>();
    for (const [edge, target] of this.transitions) {
      const from = Math.floor(edge / 65536);
      let list = children.get(from);
      if (!list) children.set(from, list = []);
      list.push([edge % 65536, target]);
    }
    this.fail = new Int32Array(this.stateCount);
    this.outputLink = new Int32Array(this.stateCount).fill(-1);
    const queue: number[] = [];
    for (const [, target] of children.get(0) ?? []) queue.push(target);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      for (const [unit, target] of children.get(state) ?? []) {
        let f = this.fail[state];
        while (f !== 0 && !this.transitions.has(f * 65536 + unit)) f = this.fail[f];
        const candidate = this.transitions.get(f * 65536 + unit);
        this.fail[target] = candidate !== undefined && candidate !== target ? candidate : 0;
        const failState = this.fail[target];
        this.outputLink[target] = this.outputs[failState].length > 0 ? failState : this.outputLink[failState];
        queue.push(target);
      }
    }
    this.built = true;
    return this;
  }

  /** All matches in text[from, to), in order of their end offset. */
  scan(text: string, from = 0, to = text.length): AutomatonMatch<T>[] {
    if (!this.built) this.build();
    const found: AutomatonMatch<T>[] = [];
    const ringSize = this.longest + 1;
    const offsets = new Int32Array(ringSize);
    let fed = 0;
    let state = 0;
    let lastWasSpace = true;
    for (let i = from; i < to; i++) {
      const char = text[i];
      if (char === BARRIER) { state = 0; lastWasSpace = true; continue; }
      let unit: number;
      if (isSpace(char)) {
        if (lastWasSpace) continue;
        lastWasSpace = true;
        unit = 32;
      } else {
        lastWasSpace = false;
        unit = foldChar(char).charCodeAt(0);
      }
      offsets[fed % ringSize] = i;
      fed++;
      let next = this.transitions.get(state * 65536 + unit);
      while (next === undefined && state !== 0) {
        state = this.fail[state];
        next = this.transitions.get(state * 65536 + unit);
      }
      state = next ?? 0;
      for (let out = this.outputs[state].length > 0 ? state : this.outputLink[state]; out > 0; out = this.outputLink[out]) {
        for (const patternIndex of this.outputs[out]) {
          const pattern = this.patterns[patternIndex];
          const start = offsets[(fed - pattern.length) % ringSize];
          const end = i + 1;
          if (pattern.wordStart && isWordChar(text[start - 1])) continue;
          if (pattern.wordEnd && isWordChar(text[end])) continue;
          found.push({ start, end, value: pattern.value });
        }
      }
    }
    return found;
  }
}

export interface SpanMatch<T> { start: number; end: number; values: T[] }

/**
 * Keeps the leftmost-longest of overlapping matches, as a reader would: "Bosnia and Herzegovina"
 * wins over "Bosnia", "Republic of Türkiye" over "Türkiye". Every value found on the kept span
 * is returned with it (one label can name entities in several languages).
 */
export function leftmostLongest<T>(matches: AutomatonMatch<T>[]): SpanMatch<T>[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: SpanMatch<T>[] = [];
  let reach = -1;
  for (const match of sorted) {
    const last = kept[kept.length - 1];
    if (last && match.start === last.start && match.end === last.end) last.values.push(match.value);
    else if (match.start >= reach) {
      kept.push({ start: match.start, end: match.end, values: [match.value] });
      reach = match.end;
    }
  }
  return kept;
}
