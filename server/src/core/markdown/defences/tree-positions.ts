/**
 * Positions in mdast trees: where a node starts and ends, and moving subtrees parsed apart into place.
 *
 * Part of the parser's defences (defences/index.ts), and used by the incremental parser, which
 * moves reparsed blocks into place too: it stays as long as either parses a draft in pieces.
 */
import type { Nodes, Root } from 'mdast';
import type { Point } from 'unist';

export function start(node: Nodes): number { return node.position!.start.offset!; }

export function end(node: Nodes): number { return node.position!.end.offset!; }

/** Line breaks between two offsets, counted as micromark counts them (\n, \r\n and a lone \r). */
export function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}

/** The point after the last character of a text. */
export function endPoint(text: string): Point {
  const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return { line: countLines(text, 0, text.length) + 1, column: text.length - lastBreak, offset: text.length };
}

/** Moves a subtree by an offset and a number of lines (columns stay: regions start at line starts). */
export function shift(node: Nodes, offset: number, lines: number): void {
  if (offset === 0 && lines === 0) return;
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const position = current.position;
    // In place: every node has points of its own (mdast-util-from-markdown makes new ones).
    if (position) {
      position.start.line += lines;
      position.start.offset! += offset;
      position.end.line += lines;
      position.end.offset! += offset;
    }
    if ('children' in current) for (const child of current.children) stack.push(child as Nodes);
  }
}

/**
 * A tree parsed from the text after a leading byte-order mark, moved one code unit on so that its
 * offsets are the draft's (micromark drops the mark, which would shift every position by one).
 */
export function movedPastBom(tree: Root): Root {
  const move = (point: Point): Point => ({ line: point.line, column: point.line === 1 ? point.column + 1 : point.column, offset: (point.offset ?? 0) + 1 });
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.position) node.position = { start: move(node.position.start), end: move(node.position.end) };
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  tree.position!.start = { line: 1, column: 1, offset: 0 };
  return tree;
}
