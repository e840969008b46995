import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { IncrementalParser } from '../../server/src/core/markdown/incremental';
import { readTree } from '../../server/src/core/markdown/parse';
import { checkDraft } from '../../server/src/core/check';
import { packageRoot } from '../../server/src/node/resources';
import { testLanguages, testModel } from '../support/checker';
import { assertEditsParseAsFull } from '../support/incremental-edits';

const corpus = ['en', 'nl', 'fr', 'de'].flatMap((lang) => readdirSync(join(packageRoot(), 'examples', lang)).map((name) => readFileSync(join(packageRoot(), 'examples', lang, name), 'utf8')));
/** Edits a drafter makes, and some that change the block structure. */
const INSERTS = ['a', 'Tunesia ', ' ', '\n', '\n\n', '- ', '# ', '```\n', '> ', '| a | b |\n|---|---|\n', '[^1]', '[^1]: note\n', '<!-- x -->', '*', '1. ', '    ', '---\n', 'Kosovo', '(EMWP)', '[link][ref]\n\n[ref]: https://x.eu\n',
  // References whose label is written differently from its definition's, or escaped.
  '[REF]', '[ Ref ]', '[^1 ]', '\\[ref]', '[re\nf]', '[^2]: other\n\n'];

describe('incremental parsing', () => {
  it('equals a full parse after every edit of random edit sequences', function () {
    this.timeout(120_000);
    fc.assert(fc.property(
      fc.integer({ min: 0, max: corpus.length - 1 }),
      fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 12 }), fc.oneof(fc.constantFrom(...INSERTS), fc.string({ maxLength: 6 }))), { minLength: 1, maxLength: 25 }),
      (docIndex, edits) => { assertEditsParseAsFull(corpus[docIndex], edits); }), { numRuns: 150 });
  });

  it('gives the same findings as a full check', () => {
    const text = corpus.find((t) => t.includes('Tunis')) ?? corpus[0];
    const parser = new IncrementalParser();
    parser.parse(text);
    const edited = text.replace(/Tunis/, 'Tunesia');
    const draft = readTree(edited, parser.parse(edited));
    const settings = { language: 'en' };
    assert.deepEqual(checkDraft({ text: edited, model: testModel(), languages: testLanguages(), settings, draft }).findings, checkDraft({ text: edited, model: testModel(), languages: testLanguages(), settings }).findings);
  });

  it('reparses only the touched paragraph when typing in one', () => {
    const text = Array.from({ length: 200 }, (_, i) => `Paragraph ${i} about Morocco and Tunisia.`).join('\n\n');
    const parser = new IncrementalParser();
    parser.parse(text);
    const at = text.indexOf('Paragraph 100');
    parser.parse(`${text.slice(0, at)}x${text.slice(at)}`);
    assert.equal(parser.lastUpdate.full, false);
    assert.ok(parser.lastUpdate.reparsedEnd - parser.lastUpdate.reparsedStart < 200, `reparsed ${parser.lastUpdate.reparsedEnd - parser.lastUpdate.reparsedStart} characters`);
  });

  it('reads the whole draft as plain prose once an edit nests a line too deep, and as Markdown again once it no longer does', () => {
    const text = Array.from({ length: 20 }, (_, i) => `Paragraph ${i} about Tunesia.`).join('\n\n');
    const parser = new IncrementalParser();
    const read = (next: string) => readTree(next, parser.parse(next));
    assert.equal(read(text).plainProse, undefined);
    const at = text.indexOf('Paragraph 10');
    const deep = `${text.slice(0, at)}${'>'.repeat(500)} ${text.slice(at)}`;
    assert.deepEqual(read(deep).plainProse, { depth: 500, line: 20 });
    assert.equal(parser.lastUpdate.full, true);
    assert.equal(read(text).plainProse, undefined);
    assert.equal(parser.lastUpdate.full, true);
    assert.equal(read(`${text}x`).plainProse, undefined);
    assert.equal(parser.lastUpdate.full, false, 'back to incremental parsing');
  });
});
