/**
 * Defence against micromark's fixed cost per block (defences/index.ts). Figure: 200,000 one-line
 * blocks took 32 s. Delete when micromark parses a one-line paragraph in a few µs (measure
 * `npm run bench` with chunked.ts calling micromark for every part).
 *
 * Reading the plainest blocks of a large draft without micromark. micromark costs 50–80 µs per
 * block however small the block (two tokenizers, a dozen events and the mdast compiler for each):
 * 100,000 footnote calls and their definitions, 200,000 one-line blocks, took 32 s to parse.
 *
 * This reads blocks that are nothing but plain text and footnote calls (a paragraph, an ATX or
 * setext heading, or a footnote definition holding a paragraph, and after it a tight list of
 * one-line items) into the mdast micromark gives them, and declines everything else, which is then
 * parsed by micromark. "Plain" is kept narrow so that equality is evident: every line starts with
 * a letter (no block syntax can start there) or digits that are not a list marker, after the
 * block's opening ("# ", "[^label]: ", or a list marker and one space: a letter there), the last line of the first block may instead be a setext underline of "="
 * or "-" only, no line ends in a space, no character that starts inline syntax (backslash,
 * backtick, `*`, `_`, `<`, `&`, `[`, `]`, `|`, `~`, `!` before `[`) appears outside a call
 * "[^label]" to a label the draft defines, and there are no tabs, nor carriage returns other than
 * in \r\n line endings.
 * test/unit/simple-blocks.test.ts compares it with micromark on examples and generated blocks.
 */
import type { FootnoteDefinition, Heading, List, ListItem, Paragraph, PhrasingContent } from 'mdast';
import type { Point } from 'unist';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { markerEnd, onlySpaces } from './lines';

export type SimpleBlock = Paragraph | Heading | FootnoteDefinition | List;

/** Where a block starts: its offset in the draft and its line (1-based). */
export interface BlockStart { offset: number; line: number }

const LETTER = /\p{L}/uy;
/** A footnote definition's opening: "[^label]: " followed by a letter. */
const DEFINITION_OPENING = /\[\^([A-Za-z0-9-]{1,100})\]: (?=\p{L})/uy;
/** An ATX heading's opening: one to six "#" and a space, followed by a letter or digit ("## 1. Scope": no list inside a heading). */
const ATX_OPENING = /(#{1,6}) (?=[\p{L}\p{N}])/uy;
/** A list item's marker and one space, followed by a letter: "-", "*", "+", or up to nine digits and "." or ")". */
const ITEM_MARKER = /(?:[-*+]|(\d{1,9})[.)]) (?=\p{L})/uy;
/** A footnote call's label and closing bracket, from after "[^". */
const CALL_LABEL = /([A-Za-z0-9-]{1,100})\]/y;

const LF = 10;
const CR = 13;
const SPACE = 32;
const OPEN_BRACKET = 91;
const HASH = 35;
const EQUALS = 61;
const DASH = 45;
const CARET = 94;
const EXCLAMATION = 33;
const OPEN_PARENTHESIS = 40;
const COLON = 58;
/** ASCII characters that start or end inline syntax in the parser's extensions, or tables. */
const SYNTAX = new Set('\\`*_<>&[]|~$'.split('').map((c) => c.charCodeAt(0)));

/**
 * The blocks in [from, to) as mdast, or undefined when they are not plain. [from, to) starts at a
 * line at the left margin and holds one block, optionally blank lines and a tight list of one-line
 * items, then only blank lines. `footnotes` holds the draft's footnote labels as micromark
 * normalises them.
 */
export function readSimpleBlocks(text: string, from: number, to: number, at: BlockStart, footnotes: ReadonlySet<string>): SimpleBlock[] | undefined {
  const groups = lineGroups(text, from, to);
  if (!groups || groups.length > 2) return undefined;
  // Points are read in increasing order of offset.
  const points = new PointReader(text, at);
  const block = readBlock(text, groups[0], points, footnotes);
  if (!block) return undefined;
  if (groups.length === 1) return [block];
  const list = readList(text, groups[1], points, footnotes);
  return list ? [block, list] : undefined;
}

/** A paragraph, heading or footnote definition, or undefined. */
function readBlock(text: string, lines: Line[], points: PointReader, footnotes: ReadonlySet<string>): Paragraph | Heading | FootnoteDefinition | undefined {
  const from = lines[0].start;
  const first = text.charCodeAt(from);
  const opening = first === OPEN_BRACKET ? DEFINITION_OPENING : first === HASH ? ATX_OPENING : undefined;
  let contentStart = from;
  let marker: string | undefined;
  if (opening) {
    opening.lastIndex = from;
    const match = opening.exec(text);
    // An ATX heading is one line; what follows it would be another block.
    if (!match || (opening === ATX_OPENING && lines.length > 1)) return undefined;
    marker = match[1];
    contentStart = from + match[0].length;
  } else if (!opensText(text, lines[0])) return undefined;
  const underline = !opening && lines.length > 1 ? setextUnderline(text, lines[lines.length - 1]) : undefined;
  const contentLines = underline ? lines.slice(0, -1) : lines;
  for (const line of contentLines.slice(1)) if (!opensText(text, line)) return undefined;
  const contentEnd = contentLines[contentLines.length - 1].end;
  if (opening === DEFINITION_OPENING && !footnotes.has(normalizeIdentifier(marker!))) return undefined;
  if (opening === ATX_OPENING && text.charCodeAt(contentEnd - 1) === HASH) return undefined; // a closing sequence
  const blockStart = points.at(from);
  const phrasingStart = points.at(contentStart);
  const children = phrasing(text, contentStart, contentEnd, points, footnotes);
  if (!children) return undefined;
  if (underline) return { type: 'heading', depth: underline, children, position: { start: blockStart, end: points.at(lines[lines.length - 1].end) } };
  if (opening === ATX_OPENING) return { type: 'heading', depth: marker!.length as Heading['depth'], children, position: { start: blockStart, end: points.at(contentEnd) } };
  const paragraph: Paragraph = { type: 'paragraph', children, position: { start: phrasingStart, end: points.at(contentEnd) } };
  if (opening !== DEFINITION_OPENING) return paragraph;
  return { type: 'footnoteDefinition', identifier: identifierOf(marker!), label: marker!, children: [paragraph], position: { start: blockStart, end: points.at(contentEnd) } };
}

/**
 * A tight list whose every line is an item of one line of plain text, all with the same kind of
 * marker (a change of bullet or of "." and ")" starts another list), or undefined.
 */
function readList(text: string, lines: Line[], points: PointReader, footnotes: ReadonlySet<string>): List | undefined {
  const items: ListItem[] = [];
  let start: number | null = null;
  let markerKind = -1;
  for (const line of lines) {
    ITEM_MARKER.lastIndex = line.start;
    const match = ITEM_MARKER.exec(text);
    if (!match) return undefined;
    const contentStart = line.start + match[0].length;
    // The bullet character, or the delimiter after the number.
    const kind = text.charCodeAt(contentStart - 2);
    if (markerKind >= 0 && kind !== markerKind) return undefined;
    if (markerKind < 0 && match[1] !== undefined) start = Number.parseInt(match[1], 10);
    markerKind = kind;
    const itemStart = points.at(line.start);
    const paragraphStart = points.at(contentStart);
    const children = phrasing(text, contentStart, line.end, points, footnotes);
    if (!children) return undefined;
    const paragraph: Paragraph = { type: 'paragraph', children, position: { start: paragraphStart, end: points.at(line.end) } };
    items.push({ type: 'listItem', spread: false, checked: null, children: [paragraph], position: { start: itemStart, end: points.at(line.end) } });
  }
  const position = { start: { ...items[0].position!.start }, end: { ...items[items.length - 1].position!.end } };
  return { type: 'list', ordered: start !== null, start, spread: false, children: items, position };
}

interface Line { start: number; end: number }

/** The non-blank lines of [from, to) in groups separated by blank lines, or undefined if there are none. */
function lineGroups(text: string, from: number, to: number): Line[][] | undefined {
  const groups: Line[][] = [];
  let group: Line[] | undefined;
  let lineStart = from;
  while (lineStart < to) {
    let next = text.indexOf('\n', lineStart);
    if (next < 0 || next > to) next = to;
    // A CR before the LF ends the line with it; any other CR is declined with the text.
    const lineEnd = next > lineStart && text.charCodeAt(next - 1) === CR ? next - 1 : next;
    if (onlySpaces(text, lineStart, lineEnd)) group = undefined;
    else {
      if (!group) groups.push(group = []);
      group.push({ start: lineStart, end: lineEnd });
    }
    lineStart = next + 1;
  }
  return groups.length > 0 ? groups : undefined;
}

/** Whether a line starts with a letter, or with a digit that does not open a list item ("1." or "1)"). */
function opensText(text: string, line: Line): boolean {
  LETTER.lastIndex = line.start;
  if (LETTER.test(text)) return true;
  const first = text.charCodeAt(line.start);
  return first >= 48 && first <= 57 && markerEnd(text, line.start, line.end) < 0;
}

/** The depth of the setext heading a line underlines (1 for "=", 2 for "-"), if it is only an underline. */
function setextUnderline(text: string, line: Line): 1 | 2 | undefined {
  const marker = text.charCodeAt(line.start);
  if (marker !== EQUALS && marker !== DASH) return undefined;
  for (let i = line.start + 1; i < line.end; i++) if (text.charCodeAt(i) !== marker) return undefined;
  return marker === EQUALS ? 1 : 2;
}

/** Text and footnote calls between two offsets, or undefined at anything else. */
function phrasing(text: string, start: number, end: number, points: PointReader, footnotes: ReadonlySet<string>): PhrasingContent[] | undefined {
  const children: PhrasingContent[] = [];
  let textStart = start;
  const flush = (until: number) => {
    if (until > textStart) children.push({ type: 'text', value: text.slice(textStart, until), position: { start: points.at(textStart), end: points.at(until) } });
  };
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    // A line ending (\n or \r\n) inside the text, not after a space (a hard break, or trimmed).
    if (code === CR && text.charCodeAt(i + 1) === LF) continue;
    if (code === LF) {
      const before = text.charCodeAt(text.charCodeAt(i - 1) === CR ? i - 2 : i - 1);
      if (before === SPACE) return undefined;
      continue;
    }
    if (code < SPACE || code === 127) return undefined;
    if (code === EXCLAMATION && text.charCodeAt(i + 1) === OPEN_BRACKET) return undefined;
    if (!SYNTAX.has(code)) continue;
    if (code !== OPEN_BRACKET || text.charCodeAt(i + 1) !== CARET) return undefined;
    CALL_LABEL.lastIndex = i + 2;
    const call = CALL_LABEL.exec(text);
    if (!call || call.index + call[0].length > end) return undefined;
    const label = call[1];
    const callEnd = i + 2 + call[0].length;
    const after = text.charCodeAt(callEnd);
    if (!footnotes.has(normalizeIdentifier(label)) || after === OPEN_PARENTHESIS || after === COLON) return undefined;
    flush(i);
    children.push({ type: 'footnoteReference', identifier: identifierOf(label), label, position: { start: points.at(i), end: points.at(callEnd) } });
    textStart = callEnd;
    i = callEnd - 1;
  }
  if (text.charCodeAt(end - 1) === SPACE) return undefined;
  flush(end);
  return children;
}

/** mdast's identifier for a label: micromark's normalised form, lower-cased. */
function identifierOf(label: string): string {
  return normalizeIdentifier(label).toLowerCase();
}

/** Points (line, column, offset) at increasing offsets of a block, counting lines as it goes. */
class PointReader {
  private offset: number;
  private line: number;
  private lineStart: number;

  constructor(private readonly text: string, at: BlockStart) {
    this.offset = at.offset;
    this.line = at.line;
    this.lineStart = at.offset;
  }

  at(offset: number): Point {
    for (let i = this.offset; i < offset; i++) {
      if (this.text.charCodeAt(i) === LF) {
        this.line++;
        this.lineStart = i + 1;
      }
    }
    this.offset = Math.max(this.offset, offset);
    return { line: this.line, column: offset - this.lineStart + 1, offset };
  }
}
