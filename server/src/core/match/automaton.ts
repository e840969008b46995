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

/** A built automaton's state: see DictionaryAutomaton.toParts. */
export interface AutomatonParts<T> {
  arrays: {
    edgeStart: Int32Array; edgeUnit: Uint16Array; edgeTarget: Int32Array; rootTable: Int32Array; fail: Int32Array;
    outputStart: Int32Array; outputPattern: Int32Array; outputLink: Int32Array; patternLength: Int32Array; patternFlags: Uint8Array;
  };
  values: T[];
  longest: number;
}

export class DictionaryAutomaton<T> {
  /**
   * The trie while labels are added, one entry per state in flat arrays (no array per state: the
   * built-in model has over 100,000 states): its first child, its next sibling, the unit of the
   * edge into it. The root's children are found through `rootTable`.
   */
  private firstChild: number[] = [-1];
  private nextSibling: number[] = [-1];
  private unitInto: number[] = [0];
  /** The state each pattern ends in, until build() turns them into per-state output lists. */
  private patternState: number[] = [];
  /** After build: the children of every state in one sorted array (CSR), and a direct table for the root. */
  private edgeStart = new Int32Array(1);
  private edgeUnit = new Uint16Array(0);
  private edgeTarget = new Int32Array(0);
  private rootTable = new Int32Array(65536).fill(-1);
  private fail: Int32Array = new Int32Array(1);
  /** The patterns ending in each state (CSR: outputPattern[outputStart[s] .. outputStart[s + 1]]). */
  private outputStart = new Int32Array(2);
  private outputPattern = new Int32Array(0);
  /** For each state, the nearest state along the failure chain that has outputs (-1: none). */
  private outputLink: Int32Array = new Int32Array(1);
  /** Per pattern: its length in units, and whether it must start / end on a word boundary (bit 1 / bit 2). */
  private patternLength: number[] | Int32Array = [];
  private patternFlags: number[] | Uint8Array = [];
  private readonly values: T[] = [];
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
      let next = -1;
      if (state === 0) next = this.rootTable[unit];
      else for (let child = this.firstChild[state]; child >= 0; child = this.nextSibling[child]) if (this.unitInto[child] === unit) { next = child; break; }
      if (next < 0) {
        next = this.firstChild.length;
        this.firstChild.push(-1);
        this.unitInto.push(unit);
        if (state === 0) { this.rootTable[unit] = next; this.nextSibling.push(-1); } else {
          this.nextSibling.push(this.firstChild[state]);
          this.firstChild[state] = next;
        }
      }
      state = next;
    }
    this.patternState.push(state);
    (this.patternLength as number[]).push(key.length);
    (this.patternFlags as number[]).push((isWordChar(key[0]) ? 1 : 0) | (!openEnd && isWordChar(key[key.length - 1]) ? 2 : 0));
    this.values.push(value);
    this.longest = Math.max(this.longest, key.length);
  }

  get size(): number { return this.values.length; }

  build(): this {
    const stateCount = this.firstChild.length;
    // Children in CSR order: each state's children sorted by unit, for the binary search in goto().
    this.edgeStart = new Int32Array(stateCount + 1);
    this.edgeUnit = new Uint16Array(Math.max(0, stateCount - 1));
    this.edgeTarget = new Int32Array(Math.max(0, stateCount - 1));
    const children: number[] = [];
    let at = 0;
    for (let state = 0; state < stateCount; state++) {
      this.edgeStart[state] = at;
      children.length = 0;
      if (state === 0) { for (let unit = 0; unit < 65536; unit++) if (this.rootTable[unit] >= 0) children.push(this.rootTable[unit]); } else {
        for (let child = this.firstChild[state]; child >= 0; child = this.nextSibling[child]) children.push(child);
        children.sort((a, b) => this.unitInto[a] - this.unitInto[b]);
      }
      for (const child of children) { this.edgeUnit[at] = this.unitInto[child]; this.edgeTarget[at] = child; at++; }
    }
    this.edgeStart[stateCount] = at;
    this.firstChild = [];
    this.nextSibling = [];
    this.unitInto = [];

    // Output lists per state, patterns in the order they were added.
    this.outputStart = new Int32Array(stateCount + 1);
    for (const state of this.patternState) this.outputStart[state + 1]++;
    for (let state = 0; state < stateCount; state++) this.outputStart[state + 1] += this.outputStart[state];
    this.outputPattern = new Int32Array(this.patternState.length);
    const fill = this.outputStart.slice(0, stateCount);
    this.patternState.forEach((state, pattern) => { this.outputPattern[fill[state]++] = pattern; });
    this.patternState = [];
    this.patternLength = Int32Array.from(this.patternLength);
    this.patternFlags = Uint8Array.from(this.patternFlags);

    this.fail = new Int32Array(stateCount);
    this.outputLink = new Int32Array(stateCount).fill(-1);
    const queue = new Int32Array(stateCount);
    let tail = 0;
    for (let e = this.edgeStart[0]; e < this.edgeStart[1]; e++) queue[tail++] = this.edgeTarget[e];
    for (let head = 0; head < tail; head++) {
      const state = queue[head];
      for (let e = this.edgeStart[state]; e < this.edgeStart[state + 1]; e++) {
        const unit = this.edgeUnit[e];
        const target = this.edgeTarget[e];
        let f = this.fail[state];
        let candidate = this.goto(f, unit);
        while (candidate < 0 && f !== 0) { f = this.fail[f]; candidate = this.goto(f, unit); }
        this.fail[target] = candidate >= 0 && candidate !== target ? candidate : 0;
        const failState = this.fail[target];
        this.outputLink[target] = this.hasOutput(failState) ? failState : this.outputLink[failState];
        queue[tail++] = target;
      }
    }
    this.built = true;
    return this;
  }

  /**
   * The built automaton as typed arrays and its values, to be stored and read back with
   * fromParts (the built-in model's is made at build time: node/precompiled.ts).
   */
  toParts(): AutomatonParts<T> {
    if (!this.built) this.build();
    return {
      arrays: {
        edgeStart: this.edgeStart, edgeUnit: this.edgeUnit, edgeTarget: this.edgeTarget, rootTable: this.rootTable, fail: this.fail,
        outputStart: this.outputStart, outputPattern: this.outputPattern, outputLink: this.outputLink,
        patternLength: this.patternLength as Int32Array, patternFlags: this.patternFlags as Uint8Array,
      },
      values: this.values,
      longest: this.longest,
    };
  }

  /** An automaton equal to the one `toParts` was taken from. */
  static fromParts<T>(parts: AutomatonParts<T>): DictionaryAutomaton<T> {
    const automaton = new DictionaryAutomaton<T>();
    const a = parts.arrays;
    Object.assign(automaton, {
      edgeStart: a.edgeStart, edgeUnit: a.edgeUnit, edgeTarget: a.edgeTarget, rootTable: a.rootTable, fail: a.fail,
      outputStart: a.outputStart, outputPattern: a.outputPattern, outputLink: a.outputLink, patternLength: a.patternLength, patternFlags: a.patternFlags,
      firstChild: [], nextSibling: [], unitInto: [], patternState: [], longest: parts.longest, built: true,
    });
    automaton.values.push(...parts.values);
    return automaton;
  }

  private hasOutput(state: number): boolean { return this.outputStart[state + 1] > this.outputStart[state]; }

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
      for (let out = this.hasOutput(state) ? state : this.outputLink[state]; out > 0; out = this.outputLink[out]) {
        for (let o = this.outputStart[out]; o < this.outputStart[out + 1]; o++) {
          const pattern = this.outputPattern[o];
          const flags = this.patternFlags[pattern];
          const start = offsets[(fed - this.patternLength[pattern]) % ringSize];
          const end = i + 1;
          if ((flags & 1) !== 0 && isWordChar(text[start - 1])) continue;
          if ((flags & 2) !== 0 && isWordChar(text[end])) continue;
          found.push({ start, end, value: this.values[pattern] });
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
