/**
 * Incremental Markdown parsing: after an edit, only the top-level blocks the edit touches are
 * parsed again, and the rest of the previous tree is kept (shifted). Parsing is the cost of a
 * check (about 1.6 MB/s for remark); a keystroke in a 1 MB note touches one paragraph.
 *
 * The result must equal a full parse; where that cannot be guaranteed cheaply, the parser falls
 * back to a full parse (a link or footnote definition edited, created or removed at any depth,
 * front matter, a block whose end is not followed by a blank line, an edit that makes the
 * unchanged block after it part of something else). test/unit/incremental.test.ts and
 * incremental-definitions.test.ts check equality on random edits.
 */
import type { Root, RootContent, Nodes, Definition, FootnoteDefinition } from 'mdast';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { parseMarkdown } from './parse';
import { countLines, end, endPoint, literalMarkupOf, plainProseOf, shift, start } from './defences';

export interface IncrementalStats { full: boolean; reparsedStart: number; reparsedEnd: number }

export class IncrementalParser {
  private text = '';
  private tree: Root | undefined;
  /** What the last update did, for benchmarks and tests. */
  lastUpdate: IncrementalStats = { full: true, reparsedStart: 0, reparsedEnd: 0 };

  parse(text: string): Root {
    const tree = this.tree ? this.tryIncremental(text) : undefined;
    if (tree) {
      this.text = text;
      this.tree = tree;
      return tree;
    }
    this.lastUpdate = { full: true, reparsedStart: 0, reparsedEnd: text.length };
    this.text = text;
    this.tree = parseMarkdown(text);
    return this.tree;
  }

  private tryIncremental(text: string): Root | undefined {
    const old = this.text;
    const tree = this.tree!;
    if (old === text) {
      this.lastUpdate = { full: false, reparsedStart: 0, reparsedEnd: 0 };
      return tree;
    }
    const children = tree.children;
    // A document that opens with "---" is read differently by the front-matter extension (even
    // when the front matter is not closed): always parse such a document in full.
    if (children.length === 0 || children[0].type === 'yaml' || old.startsWith('---') || text.startsWith('---')) return undefined;
    // A draft read (in part) as plain prose is read in full again: the edit may change that.
    if (plainProseOf(tree) || literalMarkupOf(tree)) return undefined;

    // The changed region: common prefix and suffix of the old and new texts.
    const limit = Math.min(old.length, text.length);
    let prefix = 0;
    while (prefix < limit && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < limit - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
    const changeEnd = old.length - suffix;
    const delta = text.length - old.length;

    // Top-level blocks touched by the change, with one neighbour on each side (an edit at a
    // block's edge can merge it with the next one).
    let first = children.findIndex((child) => end(child) >= prefix);
    if (first < 0) first = children.length - 1;
    let last = first;
    while (last + 1 < children.length && start(children[last + 1]) <= changeEnd) last++;
    first = Math.max(0, first - 1);
    last = Math.min(children.length - 1, last + 1);
    // Each side must be a blank line, so the blocks outside cannot continue into the region.
    while (first > 0 && !blankLineBetween(old, end(children[first - 1]), start(children[first]))) first--;
    while (last + 1 < children.length && !blankLineBetween(old, end(children[last]), start(children[last + 1]))) last++;

    const regionStart = lineStart(old, start(children[first]));
    const oldRegionEnd = last + 1 < children.length ? start(children[last + 1]) : old.length;
    if (prefix < regionStart || changeEnd > oldRegionEnd) return undefined;
    const newRegionEnd = oldRegionEnd + delta;
    const slice = text.slice(regionStart, newRegionEnd);

    // Definitions resolve references anywhere in the document: editing, creating or removing one
    // (at any depth: "> [^1]: …" in a quote, "- [x]: …" in a list item) needs a full parse.
    if (DEFINITION_MARK.test(slice) || DEFINITION_MARK.test(old.slice(regionStart, oldRegionEnd))) return undefined;

    // The definitions the slice refers to, from anywhere outside it, are appended to it as
    // stand-ins, so that its references resolve as in context (appending all of them would make
    // a keystroke cost as much as every footnote).
    const labels = bracketedLabels(slice);
    const standIns: string[] = [];
    for (const definition of definitionsOutside(children, first, last)) {
      if (labels && !labels.has(definition.identifier)) continue;
      const standIn = standInFor(old, definition);
      if (standIn === undefined) return undefined;
      standIns.push(standIn);
    }
    const parsed = parseMarkdown(standIns.length > 0 ? `${slice}\n\n${standIns.join('\n\n')}\n` : slice);
    if (plainProseOf(parsed) || literalMarkupOf(parsed)) return undefined;
    const replacement = parsed.children.filter((child) => start(child) < slice.length);
    // The region must end where it ended in context: nothing may run on into the blank line after it.
    if (replacement.some((child) => end(child) > slice.length)) return undefined;
    if (last + 1 < children.length) {
      const lastNew = replacement[replacement.length - 1];
      if (!lastNew || !blankLineBetween(text, regionStart + end(lastNew), newRegionEnd)) return undefined;
      // The region's last block is the unchanged neighbour after the edit. Read as it was (same
      // type, same extent), it relates to the blocks after it as before; otherwise the edit has
      // made it part of something else (a list or an indented code block that an edit created can
      // take in the blocks after a blank line), and only a full parse can say how far that goes.
      const lastOld = children[last];
      if (lastNew.type !== lastOld.type || start(lastNew) + regionStart !== start(lastOld) + delta || end(lastNew) + regionStart !== end(lastOld) + delta) return undefined;
    }

    const lineOffset = countLines(text, 0, regionStart);
    for (const child of replacement) shift(child, regionStart, lineOffset);
    const lineDelta = countLines(text, regionStart, newRegionEnd) - countLines(old, regionStart, oldRegionEnd);
    const after = children.slice(last + 1);
    for (const child of after) shift(child, delta, lineDelta);

    this.lastUpdate = { full: false, reparsedStart: regionStart, reparsedEnd: newRegionEnd };
    const result: Root = { ...tree, children: [...children.slice(0, first), ...replacement, ...after] as RootContent[] };
    result.position = { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) };
    return result;
  }
}

/** "]:" ends a definition's label; a slice without one defines nothing. */
const DEFINITION_MARK = /\]:/;

/**
 * The link and footnote definitions of a tree outside its top-level children first..last, at any
 * depth. Only containers hold definitions (block quotes, lists and their items, footnote
 * definitions), so paragraphs, headings and tables are not walked: a keystroke stays cheap.
 */
function definitionsOutside(children: RootContent[], first: number, last: number): (Definition | FootnoteDefinition)[] {
  const found: (Definition | FootnoteDefinition)[] = [];
  const stack: Nodes[] = [...children.slice(last + 1).reverse(), ...children.slice(0, first).reverse()];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'definition') found.push(node);
    else if (node.type === 'footnoteDefinition') found.push(node);
    if (node.type === 'footnoteDefinition' || node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    }
  }
  return found;
}

/**
 * A definition that defines the same label as one in the draft: its label as written (micromark
 * matches labels on their source, escapes included) and a placeholder, "[label]: #" or
 * "[^label]: #". Only the label resolves references, and a stand-in costs a few characters to
 * parse where a footnote's text may be long. Undefined when the label spans lines: inside a
 * container, its source there holds the container's markers ("> "), which the label does not.
 */
function standInFor(text: string, definition: Definition | FootnoteDefinition): string | undefined {
  const open = start(definition);
  for (let i = open + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 92) i++; // a backslash escapes the next character
    else if (code === 10 || code === 13) return undefined;
    else if (code === 93) return `${text.slice(open, i + 1)}: #`;
  }
  return undefined;
}

/**
 * The labels of every "[…]" in a text, normalised as mdast normalises identifiers (white space
 * collapsed, case folded), also without a footnote's "^"; undefined when a backslash escape or a
 * line break makes that reading unsafe, so that the caller keeps every definition.
 */
function bracketedLabels(text: string): Set<string> | undefined {
  if (/\\[[\]]/.test(text)) return undefined;
  const labels = new Set<string>();
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 91) open = i;
    else if (code === 93 && open >= 0) {
      const label = text.slice(open + 1, i);
      // Across lines a container's markers ("> ") could stand inside the label: keep everything.
      if (label.includes('\n')) return undefined;
      const identifier = normalizeIdentifier(label).toLowerCase();
      labels.add(identifier);
      if (identifier.startsWith('^')) labels.add(identifier.slice(1));
      open = -1;
    }
  }
  return labels;
}

function lineStart(text: string, offset: number): number {
  const newline = text.lastIndexOf('\n', offset - 1);
  return newline + 1;
}

/** Whether a blank line separates two blocks (the text between them holds an empty line). */
function blankLineBetween(text: string, from: number, to: number): boolean {
  return /\n[ \t]*\r?\n/.test(text.slice(from, to));
}
