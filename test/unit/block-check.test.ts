import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkDraft, type CheckSettings } from '../../server/src/core/check';
import { BlockCache, blockRuns } from '../../server/src/core/analysis/block-cache';
import { IncrementalParser } from '../../server/src/core/markdown/incremental';
import { readDraft, readTree } from '../../server/src/core/markdown/parse';
import { RULES } from '../../server/src/core/rules/index';
import { analyseDraft } from '../../server/src/core/assist/analyse';
import { packageRoot } from '../../server/src/node/resources';
import { testLanguages, testModel } from '../support/checker';
import { draftArbitrary, modelVocabulary } from '../support/fuzz-gen';
import { SHARED_DIR, sharedExists } from '../support/shared';

const corpus = ['en', 'nl', 'fr', 'de'].flatMap((lang) => readdirSync(join(packageRoot(), 'examples', lang)).sort().map((name) => readFileSync(join(packageRoot(), 'examples', lang, name), 'utf8')));
const blockRules = RULES.filter((rule) => rule.scope === 'block').map((rule) => rule.id);

/** Block by block unless told otherwise (a plain check without a cache runs the whole draft at once). */
function check(text: string, options: { blockwise?: boolean; cache?: BlockCache; settings?: CheckSettings } = {}) {
  return checkDraft({ text, model: testModel(), languages: testLanguages(), settings: options.settings, blockwise: options.blockwise ?? true, blockCache: options.cache }).findings;
}

describe('block rules, checked block by block', () => {
  it('are the rules that only read their block (and include the costly scans)', () => {
    for (const id of ['unknown-country', 'unknown-instrument', 'deprecated-name', 'date-format']) assert.ok(blockRules.includes(id), id);
    // These read across blocks: an acronym defined earlier, a list after its colon, the header.
    for (const id of ['undefined-acronym', 'acronym-expansion', 'list-count', 'note-header', 'footnote-reference', 'designation-footnote']) assert.ok(!blockRules.includes(id), id);
  });

  it('give the findings of a whole-draft check on every example draft', function () {
    this.timeout(60_000);
    for (const text of corpus) assert.deepEqual(check(text), check(text, { blockwise: false }));
  });

  it('give the findings of a whole-draft check on generated drafts (tables, lists, quotes, footnotes, nasty Unicode)', function () {
    this.timeout(300_000);
    const vocabulary = modelVocabulary(testModel());
    fc.assert(fc.property(draftArbitrary(vocabulary), (text) => {
      assert.deepEqual(check(text), check(text, { blockwise: false }));
    }), { numRuns: 400, seed: 20261128 });
  });

  it('reuse the findings of unchanged blocks and equal a fresh check after random edits', function () {
    this.timeout(300_000);
    const INSERTS = ['a', 'Tunesia ', ' ', '\n', '\n\n', '- ', '# ', '> ', '| a | b |\n|---|---|\n', 'Turkey', 'Khartoum Proces', 'September 28, 2023', 'Regulation (EU) 2099/1', '*'];
    fc.assert(fc.property(
      fc.integer({ min: 0, max: corpus.length - 1 }),
      fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 12 }), fc.constantFrom(...INSERTS)), { minLength: 1, maxLength: 15 }),
      (docIndex, edits) => {
        let text = corpus[docIndex];
        const cache = new BlockCache();
        const parser = new IncrementalParser();
        for (const [where, removed, inserted] of edits) {
          const at = Math.floor(where * text.length);
          text = text.slice(0, at) + inserted + text.slice(Math.min(text.length, at + removed));
          const draft = readTree(text, parser.parse(text));
          const cached = checkDraft({ text, draft, model: testModel(), languages: testLanguages(), blockCache: cache }).findings;
          assert.deepEqual(cached, check(text, { blockwise: false }));
        }
      }), { numRuns: 60 });
  });

  it('keep only the runs of blocks the draft still has, and forget them all when the language changes', () => {
    const cache = new BlockCache();
    const paragraphs = Array.from({ length: 60 }, (_, i) => `Paragraph ${i}: Tunesia met Egypt and Marocco.`);
    const text = paragraphs.join('\n\n');
    check(text, { cache });
    const runs = blockRuns(readDraft(text)).length;
    assert.ok(runs > 2 && runs < 30, `${runs} runs`);
    assert.equal(cache.size, runs);
    const shorter = paragraphs.slice(0, 20).join('\n\n');
    check(shorter, { cache });
    assert.equal(cache.size, blockRuns(readDraft(shorter)).length);
    const english = check(text, { cache, settings: { language: 'en' } });
    const dutch = check(text, { cache, settings: { language: 'nl' } });
    assert.notDeepEqual(english.map((f) => f.message), dutch.map((f) => f.message));
    assert.deepEqual(dutch, check(text, { settings: { language: 'nl' } }));
  });

  it('check again only the run of blocks an edit touched', () => {
    const cache = new BlockCache();
    const paragraphs = Array.from({ length: 60 }, (_, i) => `Paragraph ${i}: Tunesia met Egypt and Marocco.`);
    check(paragraphs.join('\n\n'), { cache });
    const before = cache.created;
    paragraphs[30] = 'Paragraph 30: Tunisia met Egypt and Libia.';
    const edited = paragraphs.join('\n\n');
    assert.deepEqual(check(edited, { cache }), check(edited));
    // The edited run, and the next one if the edit moved where its run ends.
    assert.ok(cache.created - before <= 2, `${cache.created - before} runs checked again`);
  });

  it('read a table cell as its own block: no name runs from one cell into the next', () => {
    const text = '| Bosnia and | Herzegovina |\n|---|---|\n| Tunesia | 2022 |\n';
    const whole = check(text, { blockwise: false });
    assert.deepEqual(check(text), whole);
    assert.deepEqual(whole.filter((f) => f.rule === 'unknown-country').map((f) => text.slice(f.start, f.end)), ['Tunesia']);
    const analysis = analyseDraft(text, testModel(), testLanguages(), { language: 'en' });
    assert.ok(!analysis.entities.some((m) => text.slice(m.start, m.end).includes('|')), 'a name across cells');
  });

  it('scan names only in changed blocks, with the same matches as a scan of the whole prose', () => {
    const cache = new BlockCache();
    const text = corpus[0];
    const scanned = (t: string, c?: BlockCache) => analyseDraft(t, testModel(), testLanguages(), {}, readTree(t, new IncrementalParser().parse(t)), c).entities;
    assert.deepEqual(scanned(text, cache), scanned(text));
    const edited = text.replace(/\n\n/, '\n\nA new paragraph on Marocco.\n\n');
    assert.deepEqual(scanned(edited, cache), scanned(edited));
  });

  it('find the acronym uses run by run, the same as in the whole draft (examples, real texts, generated drafts)', function () {
    this.timeout(300_000);
    const uses = (text: string, cache?: BlockCache) => analyseDraft(text, testModel(), testLanguages(), {}, readDraft(text), cache).acronymUses;
    const real = join(SHARED_DIR, 'real-texts');
    const texts = [...corpus, ...(sharedExists() ? readdirSync(real).filter((name) => name.endsWith('.md')).map((name) => readFileSync(join(real, name), 'utf8')) : [])];
    for (const text of texts) assert.deepEqual(uses(text, new BlockCache()), uses(text));
    assert.ok(texts.some((text) => uses(text, new BlockCache()).some((use) => use.definition === 'after-expansion')));
    const vocabulary = modelVocabulary(testModel());
    fc.assert(fc.property(draftArbitrary(vocabulary), (text) => {
      assert.deepEqual(uses(text, new BlockCache()), uses(text));
    }), { numRuns: 200, seed: 20261204 });
  });

  it('find the numbers a list count states run by run, and keep them right after edits elsewhere', () => {
    const cache = new BlockCache();
    const text = 'Intro.\n\nThe Council invited three countries (Morocco, Tunisia).\n\nArticle 3 (a, b) applies.\n';
    const counts = (t: string) => check(t, { cache }).filter((f) => f.rule === 'list-count').map((f) => t.slice(f.start, f.end));
    assert.deepEqual(counts(text), ['three']);
    const edited = `A new paragraph on 2 items: one.\n\n${text.replace('Intro.', 'Intro, longer.')}`;
    assert.deepEqual(check(edited, { cache }), check(edited, { blockwise: false }));
    assert.deepEqual(counts(edited), ['three']);
  });

  it('move the findings and fixes of a block that moved', () => {
    const cache = new BlockCache();
    const text = 'Intro.\n\nThe Council invited Tunesia.\n';
    const before = check(text, { cache }).find((f) => f.rule === 'unknown-country')!;
    const shifted = `A new opening paragraph.\n\n${text}`;
    const after = check(shifted, { cache }).find((f) => f.rule === 'unknown-country')!;
    const by = shifted.length - text.length;
    assert.equal(after.start, before.start + by);
    assert.deepEqual(after.fix?.map((r) => r.start), before.fix?.map((r) => r.start + by));
    assert.equal(shifted.slice(after.start, after.end), 'Tunesia');
  });

  it('stop between runs of blocks when the check is cancelled', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `Paragraph ${i} on Tunesia.`).join('\n\n');
    // Only block rules on: every look at the token is made between two blocks.
    const rules = Object.fromEntries(RULES.filter((rule) => rule.scope !== 'block').map((rule) => [rule.id, 'off' as const]));
    let looks = 0;
    const token = { get isCancellationRequested() { return ++looks > 30; } };
    assert.throws(() => checkDraft({ text, model: testModel(), languages: testLanguages(), settings: { rules }, token, blockwise: true }), /cancelled/);
    assert.equal(looks, 31);
  });
});
