/**
 * Defence against recursion per nesting level in remark (defences/index.ts). Figure: 5,000
 * nested quotes overflowed the stack; 2,500 list levels took 5 s. Delete when
 * mdast-util-from-markdown and the tree walkers read 10,000 levels without recursion and in
 * linear time (robust-pathological.test.ts then passes without it).
 *
 * A guard against drafts nested absurdly deep. remark recurses once per level of block quotes and
 * lists (mdast-util-from-markdown, unist-util-visit-parents in remark-gfm), so 5,000 nested quotes
 * overflow the stack, and nested lists cost time quadratic in their depth before that (2,500
 * levels: 5 s). A linear pre-scan of each line's container markers finds such a draft before it
 * reaches the parser; it is then read as plain prose (blocks split at blank lines, the markers
 * left out), so its words are still checked, and a notice says so.
 */
import type { Paragraph, Root, Text, Yaml } from 'mdast';
import type { Point } from 'unist';
import type { Finding, Severity } from '../../findings';
import type { LineIndex } from '../../text/positions';
import { countLines } from './tree-positions';
import { BOM, afterMarkers, isLeadingSpace, frontMatterSpan, lineEnd, markerEnd, nextLineStart, noticeOnLine } from './lines';

/** Deeper than this many levels of block quotes and lists, a draft is read as plain prose. */
export const MAX_NESTING = 100;


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
    if (isLeadingSpace(text, i)) {
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

/**
 * The draft as a tree of paragraphs of text, with no Markdown structure: each run of non-blank
 * lines is a paragraph, and each line's text after its container markers a text node.
 */
export function readAsPlainProse(text: string, reason: PlainProseReason): Root {
  const children: (Paragraph | Yaml)[] = [];
  let paragraph: Paragraph | undefined;
  let line = 1;
  let lastLineStart = 0;
  // Front matter is still read (its `lang` chooses the language), as remark-frontmatter reads it.
  const frontMatter = frontMatterSpan(text);
  let bodyStart = 0;
  if (frontMatter) {
    line = countLines(text, 0, frontMatter.closeStart) + 1;
    children.push({ type: 'yaml', value: text.slice(frontMatter.valueStart, Math.max(frontMatter.valueStart, frontMatter.valueEnd)), position: { start: point(1, 0, frontMatter.start), end: point(line, frontMatter.closeStart, frontMatter.closeEnd) } });
    lastLineStart = frontMatter.closeStart;
    bodyStart = frontMatter.bodyStart;
    line++;
  }
  for (let start = bodyStart; start <= text.length; line++) {
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
  return noticeOnLine(lines.lineStart(reason.line), lines, text, severity, `This line nests block quotes or lists ${reason.depth.toLocaleString('en')} levels deep: above ${MAX_NESTING} levels the draft is checked as plain text, without its Markdown structure (code, links, footnotes, tables).`);
}

function point(line: number, lineStart: number, offset: number): Point {
  return { line, column: offset - lineStart + 1, offset };
}
