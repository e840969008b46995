/**
 * Defence against micromark's inline resolution, quadratic in the markers of one paragraph
 * (defences/index.ts). Figure: 50,000 "*_" in one paragraph 64 s → 71 ms. Delete when
 * micromark resolves attention, labels and code spans of one paragraph in linear time
 * (robust-pathological.test.ts then passes without it).
 *
 * A guard against paragraphs packed with inline markup. micromark resolves emphasis, links,
 * footnote calls and code spans of one paragraph in time quadratic in their number (it searches
 * back over every earlier delimiter, and splices its event list once per run of text): 50,000
 * "*_" take 64 s, 100,000 "[a](" 91 s, 50,000 footnote calls in one paragraph 81 s
 * (docs/robustness.md, problem 15). No real paragraph comes near: a long one holds a few dozen
 * such characters.
 *
 * A linear pre-scan counts those characters per block (a run of lines up to a blank line, a new
 * list item, quote, heading or table row; fenced code and front matter are not counted). In a
 * block with more than MAX_INLINE_MARKERS, they are replaced, for the parser only, by a private-use
 * character of the same length: the block is read as plain text, its words keep their offsets and
 * are still checked, and a notice on its first line says so.
 */
import type { Root } from 'mdast';
import type { Finding, Severity } from '../../findings';
import type { LineIndex } from '../../text/positions';
import { DEFINITION_LABEL, afterMarkers, closesFence, fenceAt, firstNonSpace, lineEnd, nextLineStart, noticeOnLine, skipFrontMatter, type Fence } from './lines';

/** More inline markup characters than this in one block and they are read as plain text. */
export const MAX_INLINE_MARKERS = 2000;

/** A block whose markup was read as plain text: where it starts, and how many markers it had. */
export interface LiteralMarkupBlock { start: number; markers: number }

interface LiteralMarkupData { literalMarkup: LiteralMarkupBlock[] }

/** Read by micromark like a letter: no markup, no white space, one UTF-16 code unit like the marker it stands for. */
const STAND_IN = '\uE000';
const MARKERS = '*_[]`';
const MARKER_PATTERN = /[*_[\]`]/g;

function isMarker(code: number): boolean {
  return code === 42 || code === 95 || code === 91 || code === 93 || code === 96;
}

/** The blocks with more inline markup than the parser can take, with the text the parser should read instead. */
export function limitInlineMarkup(text: string): { text: string; blocks: LiteralMarkupBlock[] } {
  const blocks: LiteralMarkupBlock[] = [];
  const counted: { start: number; end: number }[] = [];
  let block: { start: number; markers: number; end: number } | undefined;
  const close = () => {
    if (block && block.markers > MAX_INLINE_MARKERS) {
      blocks.push({ start: block.start, markers: block.markers });
      counted.push({ start: block.start, end: block.end });
    }
    block = undefined;
  };
  let fence: Fence | undefined;
  let start = skipFrontMatter(text);
  while (start <= text.length) {
    const end = lineEnd(text, start);
    const content = afterMarkers(text, start, end);
    const opened = fence ? undefined : fenceAt(text, content, end);
    if (fence) {
      if (closesFence(text, fence, content, end)) fence = undefined;
    } else if (opened) {
      close();
      fence = opened;
    } else if (content === end) {
      close();
    } else {
      if (startsBlock(text, start, content, end)) close();
      block ??= { start, markers: 0, end };
      if (!isThematicBreak(text, content, end)) for (let i = content; i < end; i++) if (isMarker(text.charCodeAt(i))) block.markers++;
      block.end = end;
    }
    start = nextLineStart(text, end);
  }
  close();
  if (blocks.length === 0) return { text, blocks };
  const parts: string[] = [];
  let from = 0;
  for (const span of counted) {
    parts.push(text.slice(from, span.start), text.slice(span.start, span.end).replace(MARKER_PATTERN, STAND_IN));
    from = span.end;
  }
  parts.push(text.slice(from));
  return { text: parts.join(''), blocks };
}

/** Marks a tree whose blocks were read with their markup as plain text. */
export function markLiteralMarkup(tree: Root, blocks: LiteralMarkupBlock[]): Root {
  if (blocks.length > 0) tree.data = { ...tree.data, literalMarkup: blocks } as Root['data'];
  return tree;
}

export function literalMarkupOf(tree: Root): LiteralMarkupBlock[] | undefined {
  return (tree.data as Partial<LiteralMarkupData> | undefined)?.literalMarkup;
}

/** The notice (a partial-check finding) on the first line of a block read as plain text. */
export function literalMarkupNotice(block: LiteralMarkupBlock, lines: LineIndex, text: string, severity: Severity): Finding {
  return noticeOnLine(block.start, lines, text, severity, `This paragraph holds ${block.markers.toLocaleString('en')} markup characters (${MARKERS.split('').join(' ')}): above ${MAX_INLINE_MARKERS.toLocaleString('en')} in one paragraph they are read as plain text, so its emphasis, links, footnote references and inline code are not recognised.`);
}

/**
 * Whether a line starts an inline unit of its own for micromark: after a container marker, a
 * heading, a link or footnote definition ("[label]:"), or a table row (any "|": cells are read one
 * by one). Erring towards a new block only counts fewer markers together.
 */
function startsBlock(text: string, start: number, content: number, end: number): boolean {
  const first = text.charCodeAt(content);
  if (content > firstNonSpace(text, start, end) || first === 35) return true;
  if (first === 91 && DEFINITION_LABEL.test(text.slice(content, Math.min(end, content + 1002)))) return true;
  for (let i = content; i < end; i++) if (text.charCodeAt(i) === 124) return true;
  return false;
}

/** "***" or "___" (with spaces): a thematic break, not emphasis. */
function isThematicBreak(text: string, from: number, end: number): boolean {
  const code = text.charCodeAt(from);
  if (code !== 42 && code !== 95) return false;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== code && c !== 32 && c !== 9) return false;
  }
  return true;
}
