import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { EditMap } from 'micromark-util-edit-map';
import type { Event } from 'micromark-util-types';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { LabelList, consumeFromFirstEdit, originalConsume } from '../../server/src/core/markdown/defences/micromark-fixes';
import { parseMarkdown } from '../../server/src/core/markdown/parse';
import { packageRoot } from '../../server/src/node/resources';

/** Stand-in events: only their identity matters to an edit map. */
const eventsOf = (length: number, tag: string) => Array.from({ length }, (_, i) => [tag, i] as unknown as Event);
const editArbitrary = fc.record({ at: fc.nat(40), remove: fc.nat(5), add: fc.nat(3), before: fc.boolean() });

function applyEdits(consume: typeof originalConsume, length: number, edits: { at: number; remove: number; add: number; before: boolean }[]): Event[] {
  const events = eventsOf(length, 'old');
  const map = new EditMap();
  edits.forEach((edit, n) => {
    const added = eventsOf(edit.add, `new${n}`);
    if (edit.before) map.addBefore(edit.at, edit.remove, added);
    else map.add(edit.at, edit.remove, added);
  });
  consume.call(map, events);
  return events;
}

/** Parses with micromark's own EditMap#consume for the duration of one call. */
function withOriginalConsume<T>(run: () => T): T {
  EditMap.prototype.consume = originalConsume;
  try { return run(); } finally { EditMap.prototype.consume = consumeFromFirstEdit; }
}

describe('micromark fixes (docs/robustness.md problem 15)', () => {
  it('the EditMap used by the parser is the patched one', () => {
    let calls = 0;
    EditMap.prototype.consume = function (this: EditMap, events: Event[]) { calls++; return consumeFromFirstEdit.call(this, events); };
    try { parseMarkdown('Heading\n---\n\nText.\n\nOther heading\n===\n'); } finally { EditMap.prototype.consume = consumeFromFirstEdit; }
    assert.ok(calls >= 2, `consume called ${calls} times`);
  });

  it('consumeFromFirstEdit gives the same events as the original for random edits (including overlapping ones)', () => {
    fc.assert(fc.property(fc.nat(40), fc.array(editArbitrary, { maxLength: 8 }), (length, edits) => {
      const fitting = edits.map((e) => ({ ...e, at: Math.min(e.at, length) }));
      assert.deepEqual(applyEdits(consumeFromFirstEdit, length, fitting), applyEdits(originalConsume, length, fitting));
    }), { numRuns: 2000 });
  });

  it('setext headings, with and without link definitions in them, parse to the same tree as before', () => {
    const drafts = [
      'Intro paragraph.\n\nHeading one\n---\n\nText [a].\n\n[a]: https://example.eu\nHeading with a definition\n===\n\n- item\n  Nested heading\n  ---\n',
      Array.from({ length: 50 }, (_, i) => `Heading ${i}\n${i % 2 ? '===' : '---'}\n\n> quoted ${i}\n> ---\n`).join('\n'),
    ];
    const examples = readdirSync(join(packageRoot(), 'examples', 'en')).filter((n) => n.endsWith('.md')).map((n) => readFileSync(join(packageRoot(), 'examples', 'en', n), 'utf8'));
    for (const text of [...drafts, examples.join('\n\n')]) assert.deepEqual(parseMarkdown(text), withOriginalConsume(() => parseMarkdown(text)));
  });

  it('LabelList answers includes from its set and stays a list', () => {
    const labels = new LabelList();
    assert.equal(labels.includes('a'), false);
    labels.push('a', 'b');
    assert.deepEqual([labels.includes('a'), labels.includes('b'), labels.includes('c'), labels.length, [...labels]], [true, true, false, 2, ['a', 'b']]);
    assert.equal(labels.map((l) => l.toUpperCase()).constructor, Array);
  });

  it('footnotes parse to the same tree as with the extension alone (defined, undefined, repeated, case-folded labels)', () => {
    const plain = unified().use(remarkParse);
    const data = plain.data();
    data.micromarkExtensions = [gfmFootnote()];
    data.fromMarkdownExtensions = [gfmFootnoteFromMarkdown()];
    const text = 'One[^a], two[^B], none[^missing], again[^A] and [^b].\n\n[^a]: First.\n[^b]: Second.\n    Continued.\n[^a]: Repeated.\n\n> [^q]: In a quote[^q].\n';
    const strip = (tree: unknown) => JSON.parse(JSON.stringify(tree));
    assert.deepEqual(strip(parseMarkdown(text)), strip(plain.parse(text)));
  });
});
