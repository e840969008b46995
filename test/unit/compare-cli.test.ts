/** `council-notes compare`: formats, exit codes and usage errors, through the real CLI. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { CORPUS_DIR } from '../support/compare-corpus';

describe('CLI: compare', function () {
  this.timeout(60_000);
  const original = join(CORPUS_DIR, 'energy-en-fr', 'original.en.md');
  const clean = join(CORPUS_DIR, 'energy-en-fr', 'translation.fr.md');
  let planted: string;

  before(() => {
    const dir = mkdtempSync(join(tmpdir(), 'council-notes-compare-'));
    planted = join(dir, 'translation.fr.md');
    writeFileSync(planted, readFileSync(clean, 'utf8').replace('du Qatar, de', 'de'));
  });

  it('a clean pair: exit 0 and a summary', () => {
    const run = runCli(['compare', original, clean]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /14 of the original's 14 units have a counterpart/);
    assert.match(run.stdout, /0 findings/);
  });

  it('text: each finding on the translation, with the original\'s place; exit 1 on errors', () => {
    const run = runCli(['compare', original, planted]);
    assert.equal(run.status, 1);
    assert.match(run.stdout, new RegExp(`${planted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:19:4: error compare-entity: Qatar is missing from this point 2: .*\\[original: .*original\\.en\\.md:18:64\\]`));
  });

  it('json: the documented shape, with the original\'s range', () => {
    const run = runCli(['compare', '--format', 'json', original, planted]);
    assert.equal(run.status, 1);
    const report = JSON.parse(run.stdout);
    assert.equal(report.version, 1);
    assert.deepEqual([report.original.language, report.translation.language], ['en', 'fr']);
    assert.equal(report.diagnostics.length, 1);
    const [finding] = report.diagnostics;
    assert.equal(finding.rule, 'compare-entity');
    assert.deepEqual(finding.range.start, { line: 18, character: 3 });
    assert.deepEqual(finding.original, { path: original, range: { start: { line: 17, character: 63 }, end: { line: 17, character: 68 } } });
  });

  it('sarif: results carry the original as a related location, rules are the compare rules', () => {
    const run = runCli(['compare', '--format', 'sarif', original, planted]);
    const sarif = JSON.parse(run.stdout);
    const [result] = sarif.runs[0].results;
    assert.equal(result.ruleId, 'compare-entity');
    assert.equal(result.relatedLocations[0].physicalLocation.region.startLine, 18);
    assert.ok(sarif.runs[0].tool.driver.rules.some((rule: { id: string }) => rule.id === 'compare-entity'));
  });

  it('usage errors exit 2 with a message', () => {
    for (const args of [['compare', original], ['compare', '--format', 'xml', original, clean], ['compare', '--lang', 'xx', original, clean], ['compare', original, join(CORPUS_DIR, 'missing.md')], ['compare', '--bogus', original, clean]]) {
      const run = runCli(args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /council-notes: .*\n\nUsage:/);
    }
  });
});
