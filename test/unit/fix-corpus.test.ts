/**
 * Fixes that never change a fact or break grammar (issue 14): the fix corpus
 * (test/fixtures/fix/<lang>, each draft with its hand-written expected output after --fix,
 * compared byte for byte), and properties over the example drafts and generated ones: fix-all
 * on a clean draft changes nothing, a second fix-all changes nothing, and no safe fix changes a
 * number, a date's value, or the countries, acts and articles cited.
 */
import assert from 'node:assert/strict';
import { renderMessage } from '../../server/src/core/messages/render';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { fixUntilStable, applyReplacements } from '../../server/src/core/fix/apply';
import { DraftAnalysis } from '../../server/src/core/analysis/draft-analysis';
import { readDraft } from '../../server/src/core/markdown/parse';
import { RULES } from '../../server/src/core/rules/index';
import { packageRoot } from '../../server/src/node/resources';
import { check, testLanguages, testModel } from '../support/checker';
import { runCli } from '../support/cli';
import { draftArbitrary, modelVocabulary } from '../support/fuzz-gen';

const corpus = join(packageRoot(), 'test', 'fixtures', 'fix');
const cases = readdirSync(corpus, { withFileTypes: true }).filter((d) => d.isDirectory())
  .flatMap((dir) => readdirSync(join(corpus, dir.name)).filter((n) => n.endsWith('.md')).map((name) => join(dir.name, name)));

describe('fix corpus: --fix output equals the hand-written expected output byte for byte', function () {
  this.timeout(120_000);
  it('has drafts in en, fr, de, nl, pl and cs', () => {
    assert.deepEqual([...new Set(cases.map((c) => c.split(/[\\/]/)[0]))].sort(), ['cs', 'de', 'en', 'fr', 'nl', 'pl']);
  });
  for (const name of cases) {
    it(name, () => {
      const dir = mkdtempSync(join(tmpdir(), 'council-notes-fix-corpus-'));
      const path = join(dir, 'draft.md');
      copyFileSync(join(corpus, name), path);
      const run = runCli(['check', '--fix', path]);
      // 2: a draft that is not valid UTF-8 is refused (and left as it is).
      assert.ok(run.status === 0 || run.status === 1 || (run.status === 2 && /not valid UTF-8/.test(run.stderr)), run.stderr);
      const expected = readFileSync(join(corpus, name.replace(/\.md$/, '.expected')));
      const actual = readFileSync(path);
      assert.ok(actual.equals(expected), `--fix wrote:\n${actual.toString('utf8')}\nexpected:\n${expected.toString('utf8')}\n${run.stdout}`);
    });
  }

  it('reports what it fixed and what it left as suggestions, with counts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'council-notes-fix-corpus-'));
    const path = join(dir, 'draft.md');
    copyFileSync(join(corpus, 'en', 'names-and-counts.md'), path);
    const run = runCli(['check', '--fix', path]);
    assert.equal(run.status, 1, 'the list-count errors are left: exit 1');
    assert.doesNotMatch(run.stdout, /fixed list-count/);
    assert.match(run.stdout, /error list-count: The text says 6 but lists 5[^\n]*\n {2}suggestion \(not applied by --fix\): Change the count to 5\n {2}suggestion \(not applied by --fix\): Add the missing members: Serbia\n/);
    assert.match(run.stdout, /suggestion \(not applied by --fix\): Change the count to Two/);
    assert.match(run.stdout, /Fixed 6 problems in 1 file\. Left 2 problems with 3 suggested fixes for you to choose/);
    const json = JSON.parse(runCli(['check', '--fix', '--format', 'json', path]).stdout);
    assert.equal(json.files[0].suggested, 2);
    const counts = json.files[0].diagnostics.filter((d: { rule: string }) => d.rule === 'list-count');
    assert.deepEqual(counts[0].fixes.map((f: { title: string; safe: boolean }) => [f.title, f.safe]), [['Change the count to 5', false], ['Add the missing members: Serbia', false]]);
    assert.equal(counts[0].fixes[1].edits[0].newText, ', North Macedonia and Serbia');
  });

  it('keeps a lone surrogate and every byte outside the fixed span', () => {
    const text = 'Cooperation with Turkey continues \uD800 and \uDC00 here.\n';
    const outcome = fixUntilStable(text, (t) => check(t, { language: 'en' }).findings);
    assert.equal(outcome.text, 'Cooperation with Türkiye continues \uD800 and \uDC00 here.\n');
  });
});

/** What a fix must not change: numbers, dates' values, and the countries, acts and articles cited. */
function facts(text: string) {
  const result = check(text);
  const language = testLanguages().get(result.language)!;
  const analysis = new DraftAnalysis(readDraft(text), language, testLanguages(), testModel());
  const countries = new Set(analysis.entities.flatMap((m) => m.values.filter((l) => l.kind === 'country' || l.kind === 'country-deprecated').map((l) => l.id)));
  return {
    dates: analysis.dates.map((d) => `${d.year}-${d.month}-${d.day}`).sort(),
    acts: analysis.citations.map((c) => `${c.year}/${c.number}`).sort(),
    articles: analysis.articleReferences.flatMap((r) => r.articles.map((a) => a.id)).sort(),
    countries,
  };
}
/** The numbers a text writes, by value ("05" is 5). */
const digits = (text: string) => (text.match(/\d+/g) ?? []).map(Number).sort((a, b) => a - b);

/** Checks every safe fix of `text` one by one. */
function assertSafeFixesKeepFacts(text: string): void {
  const before = facts(text);
  for (const finding of check(text).findings) {
    for (const fix of finding.fixes ?? []) {
      if (!fix.safe) continue;
      const after = applyReplacements(text, fix.edits);
      const where = `${finding.rule} "${fix.title}" in:\n${text}`;
      // A designation footnote added at the end cites the resolution it names; nothing else adds a number.
      const footnote = finding.rule === 'designation-footnote' && fix.edits.every((e) => e.start === text.length);
      if (!footnote) for (const edit of fix.edits) assert.deepEqual(digits(edit.newText), digits(text.slice(edit.start, edit.end)), `numbers kept: ${where}`);
      const now = facts(after);
      assert.deepEqual(now.dates, before.dates, `dates kept: ${where}`);
      assert.deepEqual(now.acts, before.acts, `acts kept: ${where}`);
      assert.deepEqual(now.articles, before.articles, `articles kept: ${where}`);
      // A misspelt name corrected becomes a name: a country may be added, the one the fix writes; none is lost or changed.
      for (const id of before.countries) assert.ok(now.countries.has(id), `country ${id} kept: ${where}`);
      const added = [...now.countries].filter((id) => !before.countries.has(id));
      for (const id of added) {
        const names = Object.values(testModel().countries.get(id)?.names ?? {}).flatMap((n) => [n?.short, n?.formal, ...(n?.variants ?? [])]);
        assert.ok(fix.edits.some((e) => names.some((n) => n && e.newText.includes(n))), `country ${id} added only by naming it: ${where}`);
      }
    }
  }
}

describe('fix properties over example and generated drafts', function () {
  this.timeout(300_000);
  const root = join(packageRoot(), 'examples');
  const examples = ['en', 'nl', 'fr', 'de'].flatMap((lang) => readdirSync(join(root, lang)).filter((n) => n.endsWith('.md')).map((n) => readFileSync(join(root, lang, n), 'utf8')));
  // (A draft that is not valid UTF-8 is never rewritten: its expected output is not a fixed draft.)
  const expectedOutputs = cases.map((name) => readFileSync(join(corpus, name.replace(/\.md$/, '.expected')), 'utf8')).filter((text) => !text.includes('\uFFFD'));
  const fixAll = (text: string) => fixUntilStable(text, (t) => check(t).findings).text;

  it('fix-all changes nothing on a clean draft (the clean examples and the corpus\'s expected outputs)', () => {
    const clean = [...examples.filter((text) => check(text).findings.every((f) => !f.fix)), ...expectedOutputs];
    assert.ok(clean.length >= 10, `${clean.length} clean drafts`);
    for (const text of clean) assert.equal(fixAll(text), text);
  });

  it('fix-all twice equals fix-all once (examples and corpus)', () => {
    for (const text of [...examples, ...cases.map((name) => readFileSync(join(corpus, name), 'utf8'))]) {
      const once = fixAll(text);
      assert.equal(fixAll(once), once);
    }
  });

  it('no safe fix changes a number, a date, or the countries, acts and articles cited (examples and corpus)', () => {
    for (const text of [...examples, ...cases.map((name) => readFileSync(join(corpus, name), 'utf8'))]) assertSafeFixesKeepFacts(text);
  });

  it('the same on generated drafts, and fix-all twice equals once', () => {
    const vocabulary = modelVocabulary(testModel());
    fc.assert(fc.property(draftArbitrary(vocabulary, { maxBlocks: 3 }), (text) => {
      assertSafeFixesKeepFacts(text);
      const once = fixAll(text);
      assert.equal(fixAll(once), once);
    }), { numRuns: 60, seed: 14 });
  });

  it('every rule that reports a fix declares its kinds, titles and safety', () => {
    for (const rule of RULES) {
      for (const [kind, declaration] of Object.entries(rule.fixes ?? {})) {
        assert.ok(['safe', 'unsafe', 'grammar'].includes(declaration.safety), `${rule.id} ${kind}`);
        assert.ok(renderMessage(declaration.title({ old: 'a', new: 'b', detail: 'c' }), { locale: 'en', draftLanguage: 'en' }).length > 0);
      }
    }
    // Every fix the examples produce has a declared title (an undeclared kind would be titled "Replace …" and never safe).
    for (const text of examples) {
      for (const finding of check(text).findings) {
        for (const fix of finding.fixes ?? []) assert.ok(RULES.find((r) => r.id === finding.rule)?.fixes, `${finding.rule} declares its fixes`);
      }
    }
  });
});
