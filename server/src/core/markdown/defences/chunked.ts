/**
 * Defence against micromark's memory (defences/index.ts). Figure: 100,000 footnotes and their
 * calls held 2.7 GB at half scale, 63 s → 37 s parsed in parts. Delete when micromark frees a
 * block's events and tokenizer state once the block is compiled (memory flat in the number of
 * blocks); then parse.ts's parseMarkdown parses whole and chunked.test.ts goes with it.
 *
 * Parsing a large draft in parts. micromark keeps the events and tokenizer state of every block
 * (about 10 kB each) until the whole document is parsed: 50,000 footnotes and their references
 * (1.8 MB) held 2.7 GB and spent half their time collecting garbage. Parsed in parts of about
 * PART_SIZE characters, only one part's state is alive at a time.
 *
 * A part ends before a line that cannot continue anything above it: at the left margin, not a list
 * item, outside fenced code and HTML blocks, after a blank line or between two footnote
 * definitions. Definitions resolve references anywhere in a document, so every part is parsed with
 * the labels of all of the draft's definitions known (micromark-fixes.ts `withDefinitions`).
 * Between two such lines, plain text (paragraphs, headings, footnote definitions, tight lists
 * without markup) is read without micromark (simple-blocks.ts), and a part ends before and after
 * it. Small parts cost no more than large ones: reading plain text only in runs of eight blocks or
 * more made 1 MB of the example notes parse about a third slower than reading every such block.
 *
 * The result must equal a whole parse; where that cannot be shown (a part whose last block runs
 * on into its blank lines, or labels found by the scan that are not the definitions the parts
 * hold), the caller parses the draft whole. test/unit/chunked.test.ts compares both on examples
 * and generated drafts.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { withDefinitions, type DefinitionLabels } from './micromark-fixes';
import { BOM, DEFINITION_LABEL, afterMarkers, closesFence, fenceAt, firstNonSpace, lineEnd, markerEnd, nextLineStart, skipFrontMatter, type Fence } from './lines';
import { countLines, end, endPoint, shift } from './tree-positions';
import { readSimpleBlocks } from './simple-blocks';

/** Drafts at least this long are parsed in parts. */
export const PARTS_FROM = 256 * 1024;
/** The size a part grows to before it ends at the next safe line. */
export const PART_SIZE = 64 * 1024;

/** Parses one part; `first` is the part that opens the draft (the only one that may hold front matter). */
export type PartParser = (part: string, first: boolean) => Root;

/** The draft parsed part by part, or undefined when that would not give the tree of a whole parse. */
export function parseInParts(text: string, parsePart: PartParser, partSize = PART_SIZE): Root | undefined {
  const cuts = safeCuts(text);
  if (cuts.length === 0) return undefined;
  const labels = definitionLabels(text);
  const children: RootContent[] = [];
  // The part not parsed yet, and its first line (0-based).
  let partFrom = 0;
  let partLines = 0;
  /** Parses [partFrom, to) with micromark; false when its last block runs on into its blank lines. */
  const parseThePart = (to: number): boolean => {
    if (to === partFrom) return true;
    const part = text.slice(partFrom, to);
    const tree = withDefinitions(labels, () => parsePart(part, partFrom === 0));
    const last = tree.children.at(-1);
    // The blank lines that end a part must be outside every block, as they are in the whole draft.
    if (to < text.length && last && end(last) > contentEnd(part)) return false;
    for (const child of tree.children) {
      shift(child, partFrom, partLines);
      children.push(child);
    }
    return true;
  };
  const starts = [0, ...cuts, text.length];
  let lines = 0;
  for (let i = 0; i + 1 < starts.length; i++) {
    const from = starts[i];
    const to = starts[i + 1];
    const blocks = from > 0 ? readSimpleBlocks(text, from, to, { offset: from, line: lines + 1 }, labels.footnotes) : undefined;
    const linesAfter = lines + countLines(text, from, to);
    if (blocks) {
      if (!parseThePart(from)) return undefined;
      for (const block of blocks) children.push(block);
      [partFrom, partLines] = [to, linesAfter];
    } else if (from - partFrom >= partSize) {
      if (!parseThePart(from)) return undefined;
      [partFrom, partLines] = [from, lines];
    }
    lines = linesAfter;
  }
  if (!parseThePart(text.length)) return undefined;
  const root: Root = { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) } };
  return sameLabels(labels, definedIn(root)) ? root : undefined;
}

/**
 * Offsets where a part may end: the start of a line at the left margin, not a list item, outside
 * code and HTML blocks, after a blank line or between two footnote definitions.
 */
export function safeCuts(text: string): number[] {
  const cuts: number[] = [];
  let previousBlank = false;
  let fence: Fence | undefined;
  let htmlEnd: string | undefined;
  // Other HTML blocks (CommonMark kinds 6 and 7) end at a blank line.
  let htmlUntilBlank = false;
  let previousFootnote = false;
  for (let start = skipFrontMatter(text); start < text.length;) {
    const end = lineEnd(text, start);
    const content = firstNonSpace(text, start, end);
    const line = text.slice(content, Math.min(end, content + 12)).toLowerCase();
    if (fence) {
      if (content - start < 4 && closesFence(text, fence, content, end)) fence = undefined;
    } else if (htmlEnd) {
      if (text.slice(start, end).toLowerCase().includes(htmlEnd)) htmlEnd = undefined;
    } else {
      const blank = content === end;
      if (blank) htmlUntilBlank = false;
      // Not before a byte-order mark either: micromark would drop it at the start of a part.
      const atMargin = content === start && !blank && markerEnd(text, start, end) < 0 && text.charCodeAt(start) !== BOM;
      const footnote = atMargin && !htmlUntilBlank && plainFootnoteDefinition(text, start, end);
      if (atMargin && (previousBlank || (footnote && previousFootnote))) cuts.push(start);
      previousFootnote = footnote;
      if (content - start < 4) {
        fence = fenceAt(text, content, end);
        htmlEnd = fence ? undefined : htmlBlockEnd(line);
        if (htmlEnd && text.slice(content + 2, end).toLowerCase().includes(htmlEnd)) htmlEnd = undefined;
        if (!fence && !htmlEnd && line.startsWith('<')) htmlUntilBlank = true;
      }
      previousBlank = blank;
    }
    start = nextLineStart(text, end);
  }
  return cuts;
}

/**
 * Whether a line at the left margin is a footnote definition ("[^label]: text") whose text starts
 * with a letter, so that it holds a paragraph and nothing else. A part may also end between two
 * such lines, without a blank line (the second interrupts the first's paragraph): a run of 100,000
 * definitions is otherwise one part. After other blocks micromark's reading of such a line
 * varies (an HTML block in a quote keeps its line ending), so those cuts are not made.
 */
function plainFootnoteDefinition(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start) !== 91 || text.charCodeAt(start + 1) !== 94) return false;
  const label = DEFINITION_LABEL.exec(text.slice(start, Math.min(end, start + 2002)));
  return label !== null && /^[ \t]*\p{L}/u.test(text.slice(start + label[0].length, Math.min(end, start + label[0].length + 20)));
}

/** The text that ends an HTML block that may hold blank lines (CommonMark kinds 1 to 5), if the line opens one. */
function htmlBlockEnd(line: string): string | undefined {
  if (line.startsWith('<!--')) return '-->';
  if (line.startsWith('<?')) return '?>';
  if (line.startsWith('<![cdata[')) return ']]>';
  if (/^<![a-z]/.test(line)) return '>';
  const raw = /^<(script|pre|style|textarea)(?=[\s>]|$)/.exec(line);
  return raw ? `</${raw[1]}>` : undefined;
}

/** The labels of every line that looks like a link or footnote definition, normalised as micromark does. */
export function definitionLabels(text: string): DefinitionLabels {
  const links = new Set<string>();
  const footnotes = new Set<string>();
  for (let start = 0; start < text.length;) {
    const end = lineEnd(text, start);
    const content = afterMarkers(text, start, end);
    if (text.charCodeAt(content) === 91) {
      const label = DEFINITION_LABEL.exec(text.slice(content, Math.min(end, content + 2002)))?.[1];
      if (label !== undefined) {
        if (label.startsWith('^')) footnotes.add(normalizeIdentifier(label.slice(1)));
        else links.add(normalizeIdentifier(label));
      }
    }
    start = nextLineStart(text, end);
  }
  return { links, footnotes };
}

/** The definitions the tree holds, as mdast identifies them (normalised and lower-cased). */
function definedIn(tree: Root): { links: Set<string>; footnotes: Set<string> } {
  const links = new Set<string>();
  const footnotes = new Set<string>();
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'definition') links.add(node.identifier);
    else if (node.type === 'footnoteDefinition') footnotes.add(node.identifier);
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return { links, footnotes };
}

function sameLabels(scanned: DefinitionLabels, defined: { links: Set<string>; footnotes: Set<string> }): boolean {
  const same = (labels: ReadonlySet<string>, identifiers: Set<string>) => {
    if (labels.size !== identifiers.size) return false;
    for (const label of labels) if (!identifiers.has(label.toLowerCase())) return false;
    return true;
  };
  return same(scanned.links, defined.links) && same(scanned.footnotes, defined.footnotes);
}

/** The offset after the last character of a part that is not a line break, space or tab. */
function contentEnd(part: string): number {
  let i = part.length;
  while (i > 0 && ' \t\r\n'.includes(part[i - 1])) i--;
  return i;
}
