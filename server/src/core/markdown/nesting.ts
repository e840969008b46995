/**
 * A guard against drafts nested absurdly deep. remark recurses once per level of block quotes and
 * lists (mdast-util-from-markdown, unist-util-visit-parents in remark-gfm), so 5,000 nested quotes
 * overflow the stack, and nested lists cost time quadratic in their depth before that (2,500
 * levels: 5 s). A linear pre-scan of each line's container markers finds such a draft before it
 * reaches the parser; it is then read as plain prose (blocks split at blank lines, the markers
 * left out), so its words are still checked, and a notice says so.
 */
import type { Paragraph, Root, Text } from 'mdast';
import type { Point } from 'unist';
import type { Finding, Severity } from '../findings';
import type { LineIndex } from '../text/positions';

/** Deeper than this many levels of block quotes and lists, a draft is read as plain prose. */
export const MAX_NESTING = 100;

const BOM = 0xfeff;

/** Why a draft was read as plain prose, for the notice. */
export interface PlainProseReason { depth: number; line: number }

/** Marks a tree made by readAsPlainProse (mdast's `data` travels with the tree). */
interface PlainProseData { plainProse: PlainProseReason }

/** Why the tree was made by readAsPlainProse, if it was. */
export function plainProseOf(tree: Root): PlainProseReason | undefined {
  return (tree.data as Partial<PlainProseData> | undefined)?.plainProse;
}

/**
 * The first line nested deeper than MAX_NESTING: its container markers (">", "-", "*", "+",
 * "1." or "1)") counted, plus half the indentation before the first one (a list nests by
 * indentation too).
 */
export function excessiveNesting(text: string): PlainProseReason | undefined {
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    const end = lineEnd(text, start);
    const depth = nestingOf(text, start, end);
    if (depth > MAX_NESTING) return { depth, line };
    start = nextLineStart(text, end);
  }
  return undefined;
}

function nestingOf(text: string, start: number, end: number): number {
  let markers = 0;
  let indent = 0;
  // "- - - -" and "* * * *" alone on a line are a thematic break, not nested lists.
  let breakChar = -1;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === BOM) {
      if (markers === 0 && c !== BOM) indent += c === 9 ? 4 : 1;
      i++;
      continue;
    }
    const after = markerEnd(text, i, end);
    if (after < 0) break;
    breakChar = markers === 0 ? (c === 45 || c === 42 ? c : 0) : breakChar === c ? c : 0;
    markers++;
    i = after;
  }
  if (markers === 0 || (i === end && breakChar > 0)) return 0;
  return markers + Math.floor(indent / 2);
}

/** The offset after a container marker at `i` (">" or a list marker followed by a space or the line end), or -1. */
function markerEnd(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c === 62) return i + 1; // >
  let after = -1;
  if (c === 45 || c === 42 || c === 43) after = i + 1; // - * +
  else if (c >= 48 && c <= 57) {
    let j = i;
    while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    const d = text.charCodeAt(j);
    if (d === 46 || d === 41) after = j + 1; // . )
  }
  if (after < 0) return -1;
  const next = text.charCodeAt(after);
  return after >= end || next === 32 || next === 9 ? after : -1;
}

/**
 * The draft as a tree of paragraphs of text, with no Markdown structure: each run of non-blank
 * lines is a paragraph, and each line's text after its container markers a text node.
 */
export function readAsPlainProse(text: string, reason: PlainProseReason): Root {
  const children: Paragraph[] = [];
  let paragraph: Paragraph | undefined;
  let line = 1;
  let lastLineStart = 0;
  for (let start = 0; start <= text.length; line++) {
    const end = lineEnd(text, start);
    const contentStart = afterMarkers(text, start, end);
    if (contentStart < end) {
      const node: Text = { type: 'text', value: text.slice(contentStart, end), position: { start: point(line, start, contentStart), end: point(line, start, end) } };
      if (paragraph) {
        paragraph.children.push(node);
        paragraph.position!.end = point(line, start, end);
      } else {
        paragraph = { type: 'paragraph', children: [node], position: { start: point(line, start, contentStart), end: point(line, start, end) } };
        children.push(paragraph);
      }
    } else paragraph = undefined;
    lastLineStart = start;
    start = nextLineStart(text, end);
  }
  const data: PlainProseData = { plainProse: reason };
  return { type: 'root', children, data, position: { start: point(1, 0, 0), end: point(line - 1, lastLineStart, text.length) } };
}

/** The notice (a partial-check finding) on the line that nests too deep. */
export function plainProseNotice(reason: PlainProseReason, lines: LineIndex, text: string, severity: Severity): Finding {
  const start = lines.lineStart(reason.line);
  const end = lineEnd(text, start);
  return {
    rule: 'partial-check',
    severity,
    message: `This line nests block quotes or lists ${reason.depth.toLocaleString('en')} levels deep: above ${MAX_NESTING} levels the draft is checked as plain text, without its Markdown structure (code, links, footnotes, tables).`,
    start,
    end,
    range: lines.rangeOf(start, end),
  };
}

function afterMarkers(text: string, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === BOM) { i++; continue; }
    const after = markerEnd(text, i, end);
    if (after < 0) break;
    i = after;
  }
  return i;
}

function point(line: number, lineStart: number, offset: number): Point {
  return { line, column: offset - lineStart + 1, offset };
}

/** The end of the line that starts at `start` (before its \n, \r\n or \r). */
function lineEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

/** The start of the next line (past the length of the text after the last one). */
function nextLineStart(text: string, end: number): number {
  if (end >= text.length) return text.length + 1;
  return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}
