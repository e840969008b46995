/**
 * Defence against two quadratic spots in micromark (defences/index.ts). Figures: 4,000 setext
 * headings 10 s; 100,000 footnote definitions did not finish in minutes. Report text and
 * reproductions: docs/upstream.md. Delete each half when its upstream fix is released and
 * installed (micromark-util-edit-map's consume; micromark-extension-gfm-footnote's and
 * micromark's label lookups), after robust-pathological.test.ts's setext-heading and footnote cases pass without it.
 *
 * Two places where micromark's time grows with the square of the draft, fixed without changing
 * what it produces (docs/robustness.md, problem 15):
 *
 * - micromark-util-edit-map 1.0.0 `EditMap#consume` copies the whole event list to apply a few
 *   edits at its end. micromark-core-commonmark 2.0.4 calls it for every setext heading (a line
 *   of text underlined by "---" or "==="), with the events of the whole draft so far: 4,000 such
 *   headings (80 kB) took 10 s, and 1 MB of notes spent 2.7 of its 4.5 s there. The
 *   replacement keeps the events before the first edit where they are and rebuilds only the rest.
 * - micromark-extension-gfm-footnote 2.1.0 keeps the labels of footnote definitions in an array
 *   and asks `includes` for every definition and reference: 100,000 footnotes did not finish in
 *   minutes. The parser now gets lists whose `includes` is a Set lookup (`labelLists`,
 *   `footnotesWithLabelSet`); micromark's own list of link definitions is replaced the same way.
 *
 * The replacement `consume` is checked against the original on random edits
 * (test/unit/micromark-fixes.test.ts), and the whole parse against the unchanged examples.
 */
import { EditMap } from 'micromark-util-edit-map';
import type { Construct, ConstructRecord, Event, Extension, TokenizeContext } from 'micromark-util-types';

type Change = [at: number, remove: number, add: Event[]];
interface EditMapState { map: Change[]; index: Map<number, Change> }

/** The original `consume`, kept for the test that compares the two. */
export const originalConsume: (this: EditMap, events: Event[]) => undefined = EditMap.prototype.consume;

/** Applies the edits, touching only the events from the first edit on. Same result as the original. */
export function consumeFromFirstEdit(this: EditMap, events: Event[]): undefined {
  const state = this as unknown as EditMapState;
  if (state.map.length === 0) return undefined;
  state.map.sort((a, b) => a[0] - b[0]);
  const first = state.map[0][0];
  const rebuilt: Event[] = [];
  let from = first;
  for (const [at, remove, add] of state.map) {
    for (let i = from; i < at; i++) rebuilt.push(events[i]);
    for (const event of add) rebuilt.push(event);
    from = at + remove;
  }
  for (let i = from; i < events.length; i++) rebuilt.push(events[i]);
  events.length = first;
  for (const event of rebuilt) events.push(event);
  state.map.length = 0;
  state.index.clear();
  return undefined;
}

EditMap.prototype.consume = consumeFromFirstEdit;

const NO_LABELS: ReadonlySet<string> = new Set();

/**
 * A list of labels whose `includes` is a Set lookup, over labels known beforehand (the definitions
 * of the whole draft when a part of it is parsed, shared by every part rather than copied into
 * each); `push` is the only way labels are added.
 */
export class LabelList extends Array<string> {
  private readonly labels = new Set<string>();
  private known: ReadonlySet<string> = NO_LABELS;
  // Array methods that make new arrays (map, slice) would call this with a length: keep them plain arrays.
  static override get [Symbol.species]() { return Array; }
  static holding(labels: Iterable<string>, known: ReadonlySet<string> = NO_LABELS): LabelList {
    const list = new LabelList();
    list.known = known;
    for (const label of labels) list.push(label);
    return list;
  }
  override includes(label: string): boolean { return this.labels.has(label) || this.known.has(label); }
  override push(...labels: string[]): number {
    for (const label of labels) this.labels.add(label);
    return super.push(...labels);
  }
}

/** Labels of the definitions in the whole draft, as micromark normalises them, for a parse of one part of it. */
export interface DefinitionLabels { links: ReadonlySet<string>; footnotes: ReadonlySet<string> }

interface DefinitionParser { defined: string[]; gfmFootnotes?: string[] }

let seeded: DefinitionLabels | undefined;

/**
 * Runs a parse whose parser knows the given definitions from the start, as if they were defined
 * elsewhere in the same document (chunked.ts parses a large draft in parts this way).
 */
export function withDefinitions<T>(labels: DefinitionLabels, parse: () => T): T {
  seeded = labels;
  try { return parse(); } finally { seeded = undefined; }
}

/**
 * Gives the parser Set-backed label lists (micromark's own `defined` for links is an array too,
 * searched for every reference), holding the seeded labels if any. Runs before the first
 * tokenizer that reads them: from the seed construct at the first line, or from a footnote tokenizer.
 */
function prepareParser(parser: DefinitionParser): void {
  if (parser.defined instanceof LabelList) return;
  parser.defined = LabelList.holding(parser.defined, seeded?.links);
  parser.gfmFootnotes = LabelList.holding(parser.gfmFootnotes ?? [], seeded?.footnotes);
}

/** A document construct tried at every line start (`null`: any character) that only prepares the parser, then fails. */
const prepareConstruct: Construct = {
  name: 'councilNotesPrepareParser',
  tokenize(this: TokenizeContext, _effects, _ok, nok) {
    prepareParser(this.parser as unknown as DefinitionParser);
    return nok;
  },
};

/** The micromark extension that installs the label lists (and seeded definitions) before anything reads them. */
export const labelLists: Extension = { document: { null: [prepareConstruct] } };

/**
 * The footnote extension with every tokenizer first preparing the parser, so that the
 * extension's own `self.parser.gfmFootnotes || (… = [])` finds a LabelList even when a footnote
 * definition opens the draft (its construct is tried before the `null` ones).
 */
export function footnotesWithLabelSet(extension: Extension): Extension {
  const wrapConstruct = (construct: Construct): Construct => {
    const wrapped: Construct = { ...construct, tokenize: withLabelList(construct.tokenize) };
    if (construct.continuation?.tokenize) wrapped.continuation = { ...construct.continuation, tokenize: withLabelList(construct.continuation.tokenize) };
    return wrapped;
  };
  const wrapRecord = (record: ConstructRecord | undefined): ConstructRecord | undefined => {
    if (!record) return undefined;
    const out: ConstructRecord = {};
    for (const [code, value] of Object.entries(record)) {
      if (value) out[code] = Array.isArray(value) ? value.map(wrapConstruct) : wrapConstruct(value);
    }
    return out;
  };
  return { ...extension, document: wrapRecord(extension.document), text: wrapRecord(extension.text) };
}

function withLabelList(tokenize: Construct['tokenize']): Construct['tokenize'] {
  return function (this: TokenizeContext, effects, ok, nok) {
    prepareParser(this.parser as unknown as DefinitionParser);
    return tokenize.call(this, effects, ok, nok);
  };
}
