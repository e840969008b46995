/**
 * The incremental parser with link and footnote definitions inside containers (block quotes, list
 * items, footnote definitions), and with edits that create or remove a container. A definition
 * resolves references anywhere in the document, so one lost after an edit nearby turns every
 * call to it into plain text: the server then published false footnote-reference warnings that a
 * fresh check did not give (issue 18 §3).
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { IncrementalParser } from '../../server/src/core/markdown/incremental';
import { parseMarkdown } from '../../server/src/core/markdown/parse';
import { LspTestClient } from '../support/lsp-client';
import { assertEditsParseAsFull, treeShape } from '../support/incremental-edits';

/** Parses `before`, then `after` incrementally, and compares with a full parse of `after`. */
function assertSameAfterEdit(before: string, after: string): void {
  const parser = new IncrementalParser();
  parser.parse(before);
  assert.deepEqual(treeShape(parser.parse(after)), treeShape(parseMarkdown(after)), `${JSON.stringify(before)} -> ${JSON.stringify(after)}`);
}

/** Replaces the first occurrence of `from` after `marker` (so the edit lands where the case says). */
function edit(text: string, marker: string, from: string, to: string): string {
  const at = text.indexOf(from, text.indexOf(marker));
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const FILLER = Array.from({ length: 6 }, (_, i) => `Paragraph ${i} on the energy market.`).join('\n\n');

describe('incremental parsing with definitions inside containers', () => {
  const containers: [string, string][] = [
    ['a block quote', '> [^1]: Note.'],
    ['a list item', '- [^1]: Note.'],
    ['an ordered list item', '1. [^1]: Note.'],
    ['a block quote in a list item', '- > [^1]: Note.'],
    ['a list item in a block quote', '> - [^1]: Note.'],
    ['a block quote in a block quote', '> > [^1]: Note.'],
    ['a second paragraph of a list item', '- item\n\n  [^1]: Note.'],
  ];
  for (const [where, definition] of containers) {
    it(`keeps a footnote definition in ${where} after an edit elsewhere`, () => {
      const text = `Text[^1].\n\nMore.\n\n${FILLER}\n\n${definition}\n`;
      assertSameAfterEdit(text, edit(text, 'Text', '.', '!'));
      assertSameAfterEdit(text, edit(text, 'More', '.', '!'));
      // The definition first, the call after it.
      const reversed = `${definition}\n\n${FILLER}\n\nMore.\n\nText[^1].\n`;
      assertSameAfterEdit(reversed, edit(reversed, 'Text', '.', '!'));
    });

    it(`keeps a link reference definition in ${where} after an edit elsewhere`, () => {
      const text = `See [the code] and [Code][].\n\nMore.\n\n${FILLER}\n\n${definition.replace('[^1]: Note.', '[The Code]: https://eur-lex.europa.eu "Title"')}\n`;
      assertSameAfterEdit(text, edit(text, 'See', '.', '!'));
      assertSameAfterEdit(text, edit(text, 'More', '.', '!'));
    });
  }

  it('keeps a link definition inside a footnote definition that the edited paragraph does not call', () => {
    const text = `See [x].\n\nMore.\n\n[^n]: A note.\n\n    [x]: https://eur-lex.europa.eu\n`;
    assertSameAfterEdit(text, edit(text, 'See', '.', '!'));
  });

  it('keeps a definition whose label differs in case and spacing from its calls', () => {
    const text = `Text[^Note  One].\n\nMore.\n\n> [^note one]: Note.\n`;
    assertSameAfterEdit(text, edit(text, 'Text', '.', '!'));
  });

  it('reads a definition in a container again when the edit removes or creates it', () => {
    const text = `Text[^1].\n\nMore.\n\n> [^1]: Note.\n`;
    assertSameAfterEdit(text, edit(text, '> [^1]', ':', ''));
    assertSameAfterEdit(text, edit(text, '> [^1]', '> ', ''));
    const without = `Text[^1].\n\nMore.\n\n> [^1] Note.\n`;
    assertSameAfterEdit(without, edit(without, '> [^1]', ' Note', ': Note'));
    assertSameAfterEdit(`Text[^1].\n\nMore.\n\n[^1]: Note.\n`, `Text[^1].\n\nMore.\n\n> [^1]: Note.\n`);
  });

  it('reads a definition whose label spans lines in a block quote as a full parse does', () => {
    const text = `See [foo bar].\n\nMore.\n\n> [foo\n> bar]: https://eur-lex.europa.eu\n`;
    assertSameAfterEdit(text, edit(text, 'See', '.', '!'));
  });

  it('lets a list that an edit creates take in the blocks after it, as a full parse does', () => {
    // "a" becomes a list item; the indented paragraphs after it, and the next item, join it.
    assertSameAfterEdit('a\n\n  x\n\n  y\n\nz\n', '- a\n\n  x\n\n  y\n\nz\n');
    assertSameAfterEdit('a\n\n  x\n\n- b\n\nz\n', '- a\n\n  x\n\n- b\n\nz\n');
    assertSameAfterEdit('1) a\n\n   x\n\n1. b\n\nz\n', '1. a\n\n   x\n\n1. b\n\nz\n');
    // An indented code block that an edit creates takes in the indented block after it.
    assertSameAfterEdit('a\n\nb\n\n    x\n\n    y\n', 'a\n\n    b\n\n    x\n\n    y\n');
  });

  it('lets an edit that removes a container give its blocks back, as a full parse does', () => {
    assertSameAfterEdit('- a\n\n  x\n\n  y\n\nz\n', 'a\n\n  x\n\n  y\n\nz\n');
    assertSameAfterEdit('> a\n>\n> [^1]: Note.\n\nText[^1].\n', 'a\n>\n> [^1]: Note.\n\nText[^1].\n');
  });

  it('equals a full parse after random edits of drafts with containers and definitions', function () {
    this.timeout(120_000);
    const drafts = [
      `Text[^1] and [the code].\n\n${FILLER}\n\n> [^1]: Note.\n>\n> [The Code]: https://eur-lex.europa.eu\n`,
      `- one [x]\n\n  [x]: https://a.eu\n\n- two[^a]\n\n${FILLER}\n\n1. > [^a]: In a quote in a list.\n`,
      `${FILLER}\n\n[^n]: A note.\n\n    [y]: https://b.eu\n\nSee [y] and[^n].\n\n> > deep [y]\n`,
    ];
    const inserts = ['.', '!', ' ', '\n', '\n\n', '- ', '> ', '1. ', '  ', '    ', ':', '[', ']', '^', '[^1]', '[x]', '[^1]: n\n', '[x]: /u\n', '>'];
    fc.assert(fc.property(
      fc.integer({ min: 0, max: drafts.length - 1 }),
      fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 3 }), fc.constantFrom(...inserts)), { minLength: 1, maxLength: 12 }),
      (index, edits) => { assertEditsParseAsFull(drafts[index], edits); }), { numRuns: 120, seed: 18 });
  });
});

describe('language server: definitions in containers after an edit nearby', function () {
  this.timeout(60_000);
  let client: LspTestClient;
  let workspace: string;
  const uri = (name: string) => pathToFileURL(join(workspace, name)).toString();

  beforeEach(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'council-notes-defs-'));
    client = new LspTestClient();
    await client.initialize(workspace);
  });

  afterEach(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  const cases: [string, string, string][] = [
    // The footnote call is read as a call again (not as text) after the edit.
    ['a footnote definition in a block quote', 'Text[^1].\n\nMore.\n\n> [^1]: Note.\n', 'Text[^1]!'],
    ['a footnote definition in a list item', 'Text[^1].\n\nMore.\n\n- [^1]: Note.\n', 'Text[^1]!'],
    // A lost definition turns "[the plan][EMWP]" into text, and EMWP into an undefined acronym.
    ['a link definition in a list item', 'We follow [the plan][EMWP].\n\nMore.\n\n- [EMWP]: https://eur-lex.europa.eu\n', 'plan][EMWP]!'],
    ['a link definition in a block quote', 'We follow [the plan][EMWP].\n\nMore.\n\n> [EMWP]: https://eur-lex.europa.eu\n', 'plan][EMWP]!'],
  ];
  for (const [what, text, replacement] of cases) {
    it(`publishes after an edit what a fresh check of the edited text publishes, with ${what}`, async () => {
      const edited = text.replace(/plan\]\[EMWP\]\.|Text\[\^1\]\./, replacement);
      client.open(uri('typed.md'), text);
      await client.current(uri('typed.md'));
      client.change(uri('typed.md'), edited);
      const typed = await client.current(uri('typed.md'));
      client.open(uri('fresh.md'), edited);
      const fresh = await client.current(uri('fresh.md'));
      assert.deepEqual(typed.map((d) => [d.code, d.range, d.message]), fresh.map((d) => [d.code, d.range, d.message]));
    });
  }
});
