import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';

const HEADER = '# NOTE\n\n**From:** Presidency  \n**To:** Council  \n**Subject:** Visa\n\n';

describe('CLI', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'council-notes-cli-'));
    writeFileSync(join(dir, 'bad.md'), `${HEADER}Article 25c of the Visa Code applies to 😀 Tunesia.\n`);
    writeFileSync(join(dir, 'clean.md'), `${HEADER}Article 25a of the Visa Code applies to Tunisia.\n`);
    writeFileSync(join(dir, 'warn.md'), `${HEADER}Cooperation with Tunesia.\n`);
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'nested.md'), `${HEADER}Regulation (EU) 2019/9999 applies.\n`);
    writeFileSync(join(dir, 'sub', 'notes.txt'), 'Tunesia is not checked in .txt files.\n');
    writeFileSync(join(dir, 'extra.policy.yaml'), 'acts:\n  - id: "32019R9999"\n    type: regulation\n    domain: EU\n    year: 2019\n    number: 9999\n');
    writeFileSync(join(dir, 'broken.policy.yaml'), 'countries:\n  - id: XXA\n    names:\n      en:\n        short: 42\n');
  });

  it('prints exactly one JSON object in the documented shape, exit 1 on errors', () => {
    const path = join(dir, 'bad.md');
    const run = runCli(['check', '--format', 'json', path]);
    assert.equal(run.status, 1);
    const report = JSON.parse(run.stdout);
    assert.equal(report.version, 1);
    assert.equal(report.files[0].path, path);
    assert.equal(report.files[0].language, 'en');
    const rules = report.files[0].diagnostics.map((d: { rule: string }) => d.rule);
    assert.deepEqual(rules, ['unknown-article', 'unknown-country']);
    const country = report.files[0].diagnostics[1];
    assert.equal(country.severity, 'warning');
    // Line 7 (0-based 6); the emoji before "Tunesia" counts as two UTF-16 code units.
    const line = `Article 25a of the Visa Code applies to 😀 Tunesia.`;
    assert.deepEqual(country.range, { start: { line: 6, character: line.indexOf('Tunesia') }, end: { line: 6, character: line.indexOf('Tunesia') + 7 } });
  });

  it('exits 0 when there are only warnings or nothing', () => {
    assert.equal(runCli(['check', join(dir, 'clean.md')]).status, 0);
    const warn = runCli(['check', join(dir, 'warn.md')]);
    assert.equal(warn.status, 0);
    assert.match(warn.stdout, /warn\.md:7:18: warning unknown-country: "Tunesia"/);
  });

  it('searches directories for *.md files', () => {
    const report = JSON.parse(runCli(['check', '--format', 'json', dir]).stdout);
    const paths = report.files.map((f: { path: string }) => f.path.slice(dir.length + 1)).sort();
    assert.deepEqual(paths, ['bad.md', 'clean.md', 'sub/nested.md', 'warn.md']);
  });

  it('layers --model files over the built-in model', () => {
    const nested = join(dir, 'sub', 'nested.md');
    assert.match(runCli(['check', nested]).stdout, /unknown-act/);
    assert.doesNotMatch(runCli(['check', '--model', join(dir, 'extra.policy.yaml'), nested]).stdout, /unknown-act/);
  });

  it('exits 2 with the file and line of a broken model', () => {
    const run = runCli(['check', '--model', join(dir, 'broken.policy.yaml'), join(dir, 'clean.md')]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /broken\.policy\.yaml:5:\d+: error model-schema: countries\[0\]\.names\.en\.short/);
  });

  it('forces the language with --lang', () => {
    const report = JSON.parse(runCli(['check', '--format', 'json', '--lang', 'nl', join(dir, 'clean.md')]).stdout);
    assert.equal(report.files[0].language, 'nl');
  });

  it('writes SARIF 2.1.0 with 1-based UTF-16 columns', () => {
    const sarif = JSON.parse(runCli(['check', '--format', 'sarif', join(dir, 'warn.md')]).stdout);
    assert.equal(sarif.version, '2.1.0');
    const [result] = sarif.runs[0].results;
    assert.equal(result.ruleId, 'unknown-country');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 7, startColumn: 18, endLine: 7, endColumn: 25 });
    assert.ok(sarif.runs[0].tool.driver.rules.some((r: { id: string }) => r.id === 'note-header'));
  });

  it('checks large trees on worker threads with the same results', () => {
    const tree = join(dir, 'many');
    mkdirSync(tree);
    for (let i = 0; i < 45; i++) writeFileSync(join(tree, `note-${i}.md`), `${HEADER}${i % 3 === 0 ? 'Tunesia' : 'Tunisia'} and Article ${20 + i} of the Visa Code.\n`);
    const sequential = runCli(['check', '--format', 'json', '--jobs', '1', tree]);
    const parallel = runCli(['check', '--format', 'json', '--jobs', '2', tree]);
    assert.equal(parallel.status, sequential.status);
    assert.deepEqual(JSON.parse(parallel.stdout), JSON.parse(sequential.stdout));
    assert.equal(JSON.parse(parallel.stdout).files.length, 45);
    // More threads than work: every file checked once, in order, whichever thread took it.
    const many = runCli(['check', '--format', 'json', '--jobs', '3', tree]);
    assert.deepEqual(JSON.parse(many.stdout), JSON.parse(sequential.stdout));
  });

  it('reports model errors and checks nothing when a large tree would go to worker threads', () => {
    const tree = join(dir, 'many-broken');
    mkdirSync(tree);
    for (let i = 0; i < 45; i++) writeFileSync(join(tree, `note-${i}.md`), `${HEADER}Tunesia.\n`);
    const run = runCli(['check', '--format', 'json', '--jobs', '2', '--model', join(dir, 'broken.policy.yaml'), tree]);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /broken\.policy\.yaml:5:\d+: error model-schema/);
  });

  it('exits 2 on usage errors with a message', () => {
    for (const args of [['check'], ['check', '--jobs', '0', 'a.md'], ['check', '--format', 'xml', 'a.md'], ['check', '--bogus', 'a.md'], ['frobnicate'], ['check', '--lang', 'xx', join(dir, 'clean.md')]]) {
      const run = runCli(args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /council-notes: /);
    }
    // A missing file is a per-file error, reported in the output itself.
    const missing = runCli(['check', join(dir, 'missing.md')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stdout, /missing\.md: error: cannot read: no such file or directory/);
  });
});
