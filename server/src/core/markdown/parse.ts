/**
 * Reads a Markdown draft into what the rules need: a "prose mask" of the text, front matter,
 * blocks, footnotes. The mask is a copy of the text, offset for offset, in which everything that
 * is not prose (code, inline code, URLs, HTML and comments, front matter, list and table syntax)
 * is replaced by BARRIER, and inline markup (emphasis markers, link brackets and destinations,
 * a quote's "> " on continuation lines) by spaces. Rules scan the mask and report offsets that
 * are valid in the original.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import type { Processor } from 'unified';
import { parseDocument, isScalar } from 'yaml';
import { duplicateKeys } from '../text/yaml-keys';
import { hideAutolinks } from './autolinks';
import type { Root, Nodes, Parents } from 'mdast';
import { footnotesWithLabelSet, labelLists, literalMarkupOf, parseDefended, plainProseOf, type LiteralMarkupBlock, type PlainProseReason } from './defences';

/** Stands for non-prose content in the mask: it ends words, names and sentences. */
export const BARRIER = '\u0001';
const BARRIER_CODE = 1;
const SPACE_CODE = 32;

export interface Span { start: number; end: number }
export interface Block extends Span { kind: 'paragraph' | 'heading' | 'tableCell'; depth?: number }
export interface FootnoteReference extends Span { identifier: string; label: string }
export interface FootnoteDefinition extends Span { identifier: string; label: string; labelEnd: number }
export interface FrontMatter extends Span { data: Record<string, unknown>; error?: string }
/** An HTML comment in the draft (inline or block), for directives such as council-notes-disable. */
export interface Comment extends Span { text: string }

export interface ParsedDraft {
  text: string;
  prose: string;
  blocks: Block[];
  frontMatter?: FrontMatter;
  footnoteReferences: FootnoteReference[];
  footnoteDefinitions: FootnoteDefinition[];
  comments: Comment[];
  /** Set when the draft was nested too deep to be read as Markdown and was read as plain prose. */
  plainProse?: PlainProseReason;
  /** Blocks with too much inline markup, read as plain text (see defences/inline-limits.ts). */
  literalMarkup?: LiteralMarkupBlock[];
}

/**
 * The two GFM constructs that change what is prose: tables (cells are prose, pipes are not) and
 * footnotes. Strikethrough and task lists leave the words as they are, and literal autolinks are
 * masked after the parse (autolinks.ts): leaving those three extensions out makes the parse about
 * a quarter faster, and the autolink transform no longer walks the tree recursively.
 */
function remarkTablesAndFootnotes(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(labelLists, gfmTable(), footnotesWithLabelSet(gfmFootnote()));
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmFootnoteFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkTablesAndFootnotes).use(remarkFrontmatter, ['yaml']);
const withoutFrontMatter = unified().use(remarkParse).use(remarkTablesAndFootnotes);

/** The Markdown tree of a draft, as micromark reads it, behind the parser's defences (defences/index.ts). */
export function parseMarkdown(text: string): Root {
  return parseDefended(text, parsePart);
}

/** A draft, or a part of one: only the part that opens the draft can hold front matter. */
export function parsePart(text: string, first: boolean): Root {
  if (!first) return withoutFrontMatter.parse(text) as Root;
  const tree = processor.parse(text) as Root;
  // micromark-extension-frontmatter 2.0.0 (docs/upstream.md): a draft that opens with "---" but has no front matter
  // gets no block quotes or lists at all ("---\n\n> quote" is a paragraph). Parse it again without.
  if (text.startsWith('---') && tree.children[0]?.type !== 'yaml') return withoutFrontMatter.parse(text) as Root;
  return tree;
}

export function readDraft(text: string): ParsedDraft {
  return readTree(text, parseMarkdown(text));
}

/** Builds the mask and indexes from a tree already parsed (so callers can reuse a parse). */
export function readTree(text: string, tree: Root): ParsedDraft {
  const mask = new Uint16Array(text.length).fill(BARRIER_CODE);
  const draft: ParsedDraft = { text, prose: '', blocks: [], footnoteReferences: [], footnoteDefinitions: [], comments: [] };

  const fill = (span: Span, code: number) => mask.fill(code, span.start, span.end);
  /** Inline markup becomes spaces; line breaks stay (rules look for paragraph and line ends). */
  const markupToSpaces = (span: Span) => {
    fill(span, SPACE_CODE);
    for (let i = span.start; i < span.end; i++) if (text.charCodeAt(i) === 10) mask[i] = 10;
  };
  // A text node spans its continuation lines' container prefixes ("> " of a quote, a list item's
  // indentation), which are not in its value: they stay spaces, so "European\n> Union" is two words.
  const copy = (span: Span) => {
    let lineStart = false;
    for (let i = span.start; i < span.end; i++) {
      const code = text.charCodeAt(i);
      if (lineStart && (code === 32 || code === 9 || code === 62)) continue;
      lineStart = code === 10 || code === 13;
      mask[i] = code;
    }
  };

  // An explicit stack, not recursion: the depth of the tree must not overflow the call stack.
  const stack: { node: Nodes; inProse: boolean }[] = [{ node: tree, inProse: false }];
  const visit = (node: Nodes, inProse: boolean) => {
    const span = spanOf(node);
    switch (node.type) {
      case 'yaml':
        if (span) draft.frontMatter = readFrontMatter(node.value, span);
        return;
      case 'paragraph': case 'heading': case 'tableCell':
        if (span) {
          // Inside a phrasing container markup becomes space, so "*Bosnia* and Herzegovina" still reads as one name.
          markupToSpaces(span);
          // The pipe before a cell ends the cell before it: no name runs from one cell into the next.
          if (node.type === 'tableCell' && text.charCodeAt(span.start) === 124) mask[span.start] = BARRIER_CODE;
          draft.blocks.push({ ...span, kind: node.type, depth: node.type === 'heading' ? node.depth : undefined });
        }
        break;
      case 'text':
        if (span && inProse) copy(span);
        return;
      case 'html':
        if (span) {
          fill(span, BARRIER_CODE);
          // indexOf, not a lazy regex: with "-->" missing that regex is quadratic.
          for (let open = node.value.indexOf('<!--'); open >= 0;) {
            const close = node.value.indexOf('-->', open + 4);
            if (close < 0) break;
            const start = span.start + open;
            draft.comments.push({ start, end: span.start + close + 3, text: node.value.slice(open + 4, close).trim() });
            open = node.value.indexOf('<!--', close + 3);
          }
        }
        return;
      case 'inlineCode': case 'image': case 'imageReference': case 'break':
        if (span) fill(span, BARRIER_CODE);
        return;
      case 'footnoteReference':
        if (span) {
          fill(span, BARRIER_CODE);
          draft.footnoteReferences.push({ ...span, identifier: node.identifier, label: node.label ?? node.identifier });
        }
        return;
      case 'footnoteDefinition':
        if (span) {
          const labelEnd = text.indexOf(']', span.start) + 1;
          draft.footnoteDefinitions.push({ ...span, identifier: node.identifier, label: node.label ?? node.identifier, labelEnd });
        }
        break;
      case 'link': case 'linkReference':
        // An autolink shows its URL as its text: that is not prose.
        if (node.type === 'link' && isAutolink(node, text)) {
          if (span) fill(span, BARRIER_CODE);
          return;
        }
        // The brackets and the destination are markup, not prose: spaces, so that the link text reads
        // on into the sentence around it as it does when shown ("the [Visa Code](…) (VC)").
        if (span) markupToSpaces(span);
        break;
      case 'code': case 'definition': case 'thematicBreak':
        return;
      default:
        break;
    }
    if ('children' in node) {
      const prose = inProse || node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell';
      // Inline HTML code elements (<code>…</code>) hold code, not prose, like backticks do.
      let openCodeTag: string | undefined;
      const next: Nodes[] = [];
      for (const child of (node as Parents).children as Nodes[]) {
        if (child.type === 'html') {
          const tag = /^<\/?(code|kbd|samp|var|tt)\b[^>]*>$/i.exec(child.value.trim());
          if (tag) openCodeTag = child.value.trim().startsWith('</') ? undefined : tag[1].toLowerCase();
        }
        if (openCodeTag && child.type !== 'html') {
          const childSpan = spanOf(child);
          if (childSpan) fill(childSpan, BARRIER_CODE);
          continue;
        }
        next.push(child);
      }
      // Last child on top: children are read in document order.
      for (let i = next.length - 1; i >= 0; i--) stack.push({ node: next[i], inProse: prose });
    }
  };
  while (stack.length > 0) {
    const { node, inProse } = stack.pop()!;
    visit(node, inProse);
  }
  const plain = plainProseOf(tree);
  if (plain) draft.plainProse = plain;
  const literal = literalMarkupOf(tree);
  if (literal) draft.literalMarkup = literal;

  draft.prose = hideAutolinks(codesToString(mask));
  return draft;
}

function spanOf(node: Nodes): Span | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

function isAutolink(node: Nodes & { type: 'link' }, text: string): boolean {
  const span = spanOf(node);
  if (!span) return false;
  const source = text.slice(span.start, span.end);
  return !source.startsWith('[');
}

function readFrontMatter(value: string, span: Span): FrontMatter {
  try {
    // The yaml package does not end a line at a lone CR (YAML 1.2 does): give it LF instead.
    const doc = parseDocument(value.replace(/\r(?!\n)/g, '\n'), { uniqueKeys: false, logLevel: 'error' });
    const [error] = doc.errors;
    if (error) return { ...span, data: {}, error: error.message };
    const [duplicate] = duplicateKeys(doc);
    if (duplicate) return { ...span, data: {}, error: `Map keys must be unique: "${String(isScalar(duplicate) ? duplicate.value : duplicate)}" is repeated` };
    const data: unknown = doc.toJS({ maxAliasCount: 100 });
    return { ...span, data: data && typeof data === 'object' && !Array.isArray(data) ? data as Record<string, unknown> : {} };
  } catch (error) {
    return { ...span, data: {}, error: (error as Error).message };
  }
}

/**
 * The mask as a string, decoded in one call (ten times faster than String.fromCharCode in
 * chunks). A lone surrogate becomes U+FFFD, one code unit as well, so offsets stay; neither is a
 * word character for any rule.
 */
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

function codesToString(codes: Uint16Array): string {
  return UTF16.decode(codes);
}
