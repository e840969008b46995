import assert from 'node:assert/strict';
import type { Nodes } from 'mdast';
import { IncrementalParser } from '../../server/src/core/markdown/incremental';
import { parseMarkdown } from '../../server/src/core/markdown/parse';

/**
 * A Markdown tree as offsets, types and values: what the checks read. Two parses agree when their
 * shapes are deep-equal (the `data` fields, which hold parser internals, are left out).
 */
export function treeShape(node: Nodes): unknown {
  const { position, ...rest } = node as Nodes & { children?: Nodes[] };
  const out: Record<string, unknown> = { type: node.type, start: position?.start.offset, end: position?.end.offset, line: position?.start.line };
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'children') out.children = (value as Nodes[]).map(treeShape);
    else if (key !== 'type' && key !== 'data') out[key] = value;
  }
  return out;
}

/** An edit: where (0–1 of the text's length), how many characters it removes, what it inserts. */
export type Edit = readonly [where: number, removed: number, inserted: string];

/**
 * Applies edits one after another through one IncrementalParser and asserts after each that its
 * tree equals a full parse of the text; returns the last text.
 */
export function assertEditsParseAsFull(text: string, edits: readonly Edit[]): string {
  const parser = new IncrementalParser();
  parser.parse(text);
  for (const [where, removed, inserted] of edits) {
    const at = Math.floor(where * text.length);
    text = text.slice(0, at) + inserted + text.slice(Math.min(text.length, at + removed));
    assert.deepEqual(treeShape(parser.parse(text)), treeShape(parseMarkdown(text)), JSON.stringify(text));
  }
  return text;
}
