/**
 * Aho–Corasick dictionary automaton: finds every occurrence of every label in one pass over the
 * text, in time linear in the text plus the matches, however many labels the model has.
 * Matching folds case and typographic marks (see foldChar), collapses whitespace runs, and never
 * runs across BARRIER (non-prose content). Matches start and end on word boundaries.
 */
import { foldChar, isSpace, isWordChar, matchKey } from '../text/normalize';
import { BARRIER } from '../markdown/parse';

export interface AutomatonMatch<T> { start: number; end: number; value: T }

/** Folded code unit for every UTF-16 unit, computed once: scanning must not allocate per character. */
let foldTable: Uint16Array | undefined;
function folded(): Uint16Array {
  if (!foldTable) {
    foldTable = new Uint16Array(65536);
    for (let unit = 0; unit < 65536; unit++) {
      const char = String.fromCharCode(unit);
      foldTable[unit] = isSpace(char) ? 32 : foldChar(char).charCodeAt(0);
    }
  }
  return foldTable;
}
const BARRIER_UNIT = BARRIER.charCodeAt(0);

export class DictionaryAutomaton<T> {
  /** The trie while labels are added: per state, alternating [unit, child, unit, child, …]. */
  private building: number[][] = [[]];
  /** After build: the children of every state in one sorted array (CSR), and a direct table for the root. */
  private edgeStart = new Int32Array(1);
  private edgeUnit = new Uint16Array(0);
  private edgeTarget = new Int32Array(0);
  private rootTable = new Int32Array(0);
  private fail: Int32Array = new Int32Array(1);
  private readonly outputs: number[][] = [[]];
  /** For each state, the nearest state along the failure chain that has outputs (-1: none). */
  private outputLink: Int32Array = new Int32Array(1);
  private readonly patterns: { length: number; value: T; wordStart: boolean; wordEnd: boolean }[] = [];
  private built = false;
  private longest = 0;

  /** `openEnd`: the match may continue into a longer word (a term followed by a plural ending). */
  add(label: string, value: T, openEnd = false): void {
    if (this.built) throw new Error('automaton already built');
    const key = matchKey(label);
    if (key.length === 0) return;
    let state = 0;
    for (let i = 0; i < key.length; i++) {
      const unit = key.charCodeAt(i);
      const edges = this.building[state];
      let next = -1;
      for (let e = 0; e < edges.length; e += 2) if (edges[e] === unit) { next = edges[e + 1]; break; }
      if (next < 0) {
        next = this.building.length;
        this.building.push([]);
        this.outputs.push([]);
        edges.push(unit, next);
      }
      state = next;
    }
    this.outputs[state].push(this.patterns.length);
    this.patterns.push({ length: key.length, value, wordStart: isWordChar(key[0]), wordEnd: !openEnd && isWordChar(key[key.length - 1]) });
    this.longest = Math.max(this.longest, key.length);
  }

  get size(): number { return this.patterns.length; }

  build(): this {
    const stateCount = this.building.length;
    const edgeCount = this.building.reduce((sum, edges) => sum + edges.length / 2, 0);
    this.edgeStart = new Int32Array(stateCount + 1);
    this.edgeUnit = new Uint16Array(edgeCount);
    this.edgeTarget = new Int32Array(edgeCount);
    let at = 0;
    for (let state = 0; state < stateCount; state++) {
      this.edgeStart[state] = at;
      const pairs: [number, number][] = [];
      const edges = this.building[state];
      for (let e = 0; e < edges.length; e += 2) pairs.push([edges[e], edges[e + 1]]);
      pairs.sort((a, b) => a[0] - b[0]);
      for (const [unit, target] of pairs) { this.edgeUnit[at] = unit; this.edgeTarget[at] = target; at++; }
    }
    this.edgeStart[stateCount] = at;
    this.rootTable = new Int32Array(65536).fill(-1);
    for (let e = this.edgeStart[0]; e < this.edgeStart[1]; e++) this.rootTable[this.edgeUnit[e]] = this.edgeTarget[e];
    this.building = [];

    this.fail = new Int32Array(stateCount);
    this.outputLink = new Int32Array(stateCount).fill(-1);
    const queue: number[] = [];
    for (let e = this.edgeStart[0]; e < this.edgeStart[1]; e++) queue.push(this.edgeTarget[e]);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      for (let e = this.edgeStart[state]; e < this.edgeStart[state + 1]; e++) {
        const unit = this.edgeUnit[e];
        const target = this.edgeTarget[e];
        let f = this.fail[state];
        let candidate = this.goto(f, unit);
        while (candidate < 0 && f !== 0) { f = this.fail[f]; candidate = this.goto(f, unit); }
        this.fail[target] = candidate >= 0 && candidate !== target ? candidate : 0;
        const failState = this.fail[target];
        this.outputLink[target] = this.outputs[failState].length > 0 ? failState : this.outputLink[failState];
        queue.push(target);
      }
    }
    this.built = true;
    return this;
  }

  /** The child of a state for a unit, or -1. */
  private goto(state: number, unit: number): number {
    if (state === 0) return this.rootTable[unit];
    let low = this.edgeStart[state];
    let high = this.edgeStart[state + 1] - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const value = this.edgeUnit[mid];
      if (value === unit) return this.edgeTarget[mid];
      if (value < unit) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  /** All matches in text[from, to), in order of their end offset. */
  scan(text: string, from = 0, to = text.length): AutomatonMatch<T>[] {
    if (!this.built) this.build();
    const fold = folded();
    const found: AutomatonMatch<T>[] = [];
    const ringSize = this.longest + 1;
    const offsets = new Int32Array(ringSize);
    let fed = 0;
    let state = 0;
    let lastWasSpace = true;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (code === BARRIER_UNIT) { state = 0; lastWasSpace = true; continue; }
      const unit = fold[code];
      if (unit === 32) {
        if (lastWasSpace) continue;
        lastWasSpace = true;
      } else lastWasSpace = false;
      offsets[fed % ringSize] = i;
      fed++;
      let next = this.goto(state, unit);
      while (next < 0 && state !== 0) {
        state = this.fail[state];
        next = this.goto(state, unit);
      }
      state = next < 0 ? 0 : next;
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
