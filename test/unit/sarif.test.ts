/**
 * SARIF that code scanning can place: URIs relative to %SRCROOT% (the git root, or --base),
 * percent-encoded, declared in originalUriBaseIds; rule metadata; fixes for the safe fixes only;
 * files not read as toolExecutionNotifications. Every log is validated against the official
 * SARIF 2.1.0 schema (runCli does it for every SARIF run in the tests).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../../server/src/core/rules/index';
import { LineIndex } from '../../server/src/core/text/positions';
import { runCli } from '../support/cli';
import { assertValidSarif } from '../support/sarif-schema';

const HEADER = '# NOTE\n\n**From:** Presidency  \n**To:** Council  \n**Subject:** Visa\n\n';

interface Region { startLine: number; startColumn: number; endLine: number; endColumn: number }

describe('SARIF output', function () {
  this.timeout(60_000);
  let repo: string;

  before(() => {
    repo = realpathSync(mkdtempSync(join(tmpdir(), 'council-notes-sarif-')));
    spawnSync('git', ['init', '-q'], { cwd: repo });
    mkdirSync(join(repo, 'drafts', 'sub'), { recursive: true });
    writeFileSync(join(repo, 'drafts', 'my note #1 é.md'), `${HEADER}Cooperation with Turkey continues.\n`);
    writeFileSync(join(repo, 'drafts', 'sub', 'article.md'), `${HEADER}Article 25c of the Visa Code applies.\n`);
    writeFileSync(join(repo, 'drafts', 'line\nbreak.md'), `${HEADER}Cooperation with Tunesia.\n`);
  });

  it('the schema validator rejects what is not SARIF (it can fail)', () => {
    assert.throws(() => assertValidSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x', informationUri: 'not a uri' } } }] }), /not valid SARIF/);
    assert.throws(() => assertValidSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] }), /not valid SARIF/);
  });

  it('writes percent-encoded URIs relative to %SRCROOT%, the git root, from a subfolder too', () => {
    for (const cwd of [repo, join(repo, 'drafts', 'sub')]) {
      const run = runCli(['check', '--format', 'sarif', join(repo, 'drafts')], cwd);
      assert.equal(run.status, 1, run.stderr);
      const sarif = JSON.parse(run.stdout);
      const [runLog] = sarif.runs;
      assert.deepEqual(runLog.originalUriBaseIds['%SRCROOT%'].uri, `${pathToFileURL(repo).href}/`);
      const uris = [...new Set(runLog.results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri))].sort(); // eslint-disable-line @typescript-eslint/no-explicit-any
      assert.deepEqual(uris, ['drafts/line%0Abreak.md', 'drafts/my%20note%20%231%20%C3%A9.md', 'drafts/sub/article.md']);
      for (const result of runLog.results) assert.equal(result.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.equal(runLog.invocations[0].executionSuccessful, true);
    }
  });

  it('takes the base from --base, and writes an absolute file URI for a file outside it', () => {
    const run = runCli(['check', '--format', 'sarif', '--base', join(repo, 'drafts'), join(repo, 'drafts', 'sub')], tmpdir());
    const [runLog] = JSON.parse(run.stdout).runs;
    assert.equal(runLog.originalUriBaseIds['%SRCROOT%'].uri, `${pathToFileURL(join(repo, 'drafts')).href}/`);
    assert.deepEqual(runLog.results[0].locations[0].physicalLocation.artifactLocation, { uri: 'sub/article.md', uriBaseId: '%SRCROOT%' });
    const outside = runCli(['check', '--format', 'sarif', '--base', join(repo, 'drafts', 'sub'), join(repo, 'drafts', 'my note #1 é.md')], tmpdir());
    const location = JSON.parse(outside.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    assert.deepEqual(location, { uri: pathToFileURL(join(repo, 'drafts', 'my note #1 é.md')).href });
    assert.match(location.uri, /^file:\/\/\/.*my%20note%20%231%20%C3%A9\.md$/);
  });

  it('describes every rule as code scanning reads it: descriptions, help, tags, default level, and ruleIndex', () => {
    const [runLog] = JSON.parse(runCli(['check', '--format', 'sarif', join(repo, 'drafts', 'sub')], repo).stdout).runs;
    const rules = runLog.tool.driver.rules;
    assert.deepEqual(rules.map((r: { id: string }) => r.id), RULES.map((r) => r.id));
    const level = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
    for (const [i, rule] of RULES.entries()) {
      const entry = rules[i];
      assert.equal(entry.shortDescription.text, rule.description);
      assert.ok(entry.fullDescription.text.length > 40 && !entry.fullDescription.text.includes('\n'), `${rule.id} fullDescription: ${entry.fullDescription.text}`);
      assert.notEqual(entry.fullDescription.text, entry.shortDescription.text, `${rule.id}: the full description comes from its page`);
      assert.match(entry.help.markdown, new RegExp(`^# ${rule.id}\\n`), `${rule.id} help is its page`);
      assert.match(entry.help.text, new RegExp(`docs/rules/${rule.id}\\.md$`));
      assert.match(entry.helpUri, new RegExp(`^https://.*/docs/rules/${rule.id}\\.md$`));
      assert.equal(entry.defaultConfiguration.level, level[rule.defaultSeverity]);
      assert.ok(entry.properties.tags.length >= 2 && !entry.properties.tags.includes('other'), `${rule.id} tags: ${entry.properties.tags}`);
    }
    for (const result of runLog.results) assert.equal(rules[result.ruleIndex].id, result.ruleId);
    assert.equal(runLog.tool.driver.version, JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')).version);
  });

  it('gives fixes for the safe fixes, which applied give what --fix writes; none for a finding without one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'council-notes-sarif-fix-'));
    const text = `${HEADER}Cooperation with Turkey continues. Article 25c of the Visa Code applies.\n`;
    const path = join(dir, 'fixable.md');
    writeFileSync(path, text);
    const [runLog] = JSON.parse(runCli(['check', '--format', 'sarif', '--base', dir, path]).stdout).runs;
    const byRule = new Map(runLog.results.map((r: any) => [r.ruleId, r])); // eslint-disable-line @typescript-eslint/no-explicit-any
    const article = byRule.get('unknown-article') as { fixes?: unknown };
    assert.ok(article, 'unknown-article reported');
    assert.equal(article.fixes, undefined, 'no fix where the core has no safe fix');
    const deprecated = byRule.get('deprecated-name') as { fixes: { artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: Region; insertedContent: { text: string } }[] }[] }[] };
    const [change] = deprecated.fixes[0].artifactChanges;
    assert.equal(change.artifactLocation.uri, 'fixable.md');
    // Apply the replacements as a SARIF consumer would (1-based lines and UTF-16 columns).
    const lines = new LineIndex(text);
    const offset = (line: number, column: number) => lines.offsetAt({ line: line - 1, character: column - 1 });
    let fixed = text;
    for (const r of [...change.replacements].reverse()) {
      fixed = fixed.slice(0, offset(r.deletedRegion.startLine, r.deletedRegion.startColumn)) + r.insertedContent.text + fixed.slice(offset(r.deletedRegion.endLine, r.deletedRegion.endColumn));
    }
    assert.equal(runCli(['check', '--fix', path]).status, 1);
    assert.equal(fixed, readFileSync(path, 'utf8'), 'the SARIF fix gives the text --fix writes');
    assert.match(fixed, /Cooperation with Türkiye continues/);
  });

  it('reports a file that could not be read as a tool execution notification, the rest still checked', () => {
    const run = runCli(['check', '--format', 'sarif', join(repo, 'drafts', 'sub', 'article.md'), join(repo, 'drafts', 'gone.md')], repo);
    assert.equal(run.status, 2);
    const [runLog] = JSON.parse(run.stdout).runs;
    assert.equal(runLog.invocations[0].executionSuccessful, false);
    const [notification] = runLog.invocations[0].toolExecutionNotifications;
    assert.equal(notification.level, 'error');
    assert.match(notification.message.text, /gone\.md: cannot read: no such file or directory/);
    assert.deepEqual(notification.locations[0].physicalLocation.artifactLocation, { uri: 'drafts/gone.md', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(runLog.results.map((r: { ruleId: string }) => r.ruleId), ['unknown-article']);
  });
});
