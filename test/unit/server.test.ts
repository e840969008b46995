import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../support/lsp-client';

const HEADER = '# NOTE\n\n**From:** Presidency  \n**To:** Council  \n**Subject:** Visa\n\n';

describe('language server over stdio', function () {
  this.timeout(60_000);
  let workspace: string;
  let client: LspTestClient;
  const uri = (name: string) => pathToFileURL(join(workspace, name)).toString();

  beforeEach(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'council-notes-lsp-'));
    writeFileSync(join(workspace, 'team.policy.yaml'), 'places:\n  - id: atlantis\n    kind: region\n    names: { en: [Atlantis Bay] }\nacts:\n  - id: "32019R9999"\n    type: regulation\n    domain: EU\n    year: 2019\n    number: 9999\n');
    client = new LspTestClient();
    await client.initialize(workspace);
  });

  afterEach(async () => {
    const code = await client.shutdown();
    assert.equal(code, 0, 'the server exits cleanly after shutdown/exit');
  });

  it('publishes diagnostics with rule code, documentation link, source and version', async () => {
    client.open(uri('a.md'), `${HEADER}Article 25c of the Visa Code applies to Tunesia.\n`);
    const diagnostics = await client.diagnostics(uri('a.md'));
    assert.deepEqual(diagnostics.map((d) => d.code), ['unknown-article', 'unknown-country']);
    const [article] = diagnostics;
    assert.equal(article.source, 'council-notes');
    assert.equal(article.severity, 1);
    assert.match(article.codeDescription!.href, /docs\/rules\/unknown-article\.md$/);
    assert.deepEqual(article.range, { start: { line: 6, character: 8 }, end: { line: 6, character: 11 } });
  });

  it('re-checks on change and publishes for the latest version only', async () => {
    client.open(uri('a.md'), `${HEADER}Tunesia.\n`);
    await client.diagnostics(uri('a.md'));
    client.change(uri('a.md'), `${HEADER}Tunesiaa.\n`);
    client.change(uri('a.md'), `${HEADER}Tunisia.\n`);
    assert.deepEqual(await client.current(uri('a.md')), []);
  });

  it('clears diagnostics when a document closes', async () => {
    client.open(uri('a.md'), `${HEADER}Tunesia.\n`);
    assert.equal((await client.diagnostics(uri('a.md'))).length, 1);
    client.close(uri('a.md'));
    assert.deepEqual(await client.diagnostics(uri('a.md')), []);
  });

  it('uses the workspace model files', async () => {
    client.open(uri('a.md'), `${HEADER}Regulation (EU) 2019/9999 applies.\n`);
    assert.deepEqual(await client.diagnostics(uri('a.md')), []);
  });

  it('reports a broken model file at its line and keeps the last good model', async () => {
    client.open(uri('a.md'), `${HEADER}Regulation (EU) 2019/9999 applies.\n`);
    await client.diagnostics(uri('a.md'));
    const model = uri('team.policy.yaml');
    client.open(model, 'acts:\n  - id: "32019R9999"\n    type: regulation\n    domain: EU\n    year: twenty\n    number: 9999\n', 'yaml');
    const problems = await client.diagnostics(model, (p) => p.diagnostics.length > 0);
    assert.equal(problems[0].code, 'model-schema');
    assert.equal(problems[0].range.start.line, 4);
    client.save(model);
    client.change(uri('a.md'), `${HEADER}Regulation (EU) 2019/9999 still applies.\n`);
    assert.deepEqual(await client.current(uri('a.md')), [], 'the last good version of the model stays in use');
  });

  it('validates a model file as it is typed, and builds the model once, when typing pauses', async () => {
    const model = uri('team.policy.yaml');
    const act = (year: string) => `acts:\n  - id: "32019R9999"\n    type: regulation\n    domain: EU\n    year: ${year}\n    number: 9999\n`;
    const builds = () => client.count('councilNotes/modelChanged');
    await client.notification('councilNotes/modelChanged', 0); // the build at start-up
    const startBuilds = builds();
    client.open(model, act('2019'), 'yaml');
    // Typed faster than the debounce: the edits are sent back to back, with no pause between them.
    for (const year of ['t', 'tw', 'twe', 'twenty']) client.change(model, act(year));
    const problems = await client.diagnostics(model, (p) => p.diagnostics.length > 0);
    assert.deepEqual([problems[0].code, problems[0].range.start.line], ['model-schema', 4]);
    assert.equal(builds(), startBuilds, 'no model build while typing: the problems come first');
    await client.notification('councilNotes/modelChanged', startBuilds);
    // A round trip after the build: had the edits each scheduled a build, they would have been sent with it.
    await client.request('councilNotes/modelSummary', {});
    assert.equal(builds(), startBuilds + 1, 'one build after the pause');
  });

  it('re-checks every open draft when a model file is saved', async () => {
    client.open(uri('a.md'), `${HEADER}Regulation (EU) 2019/8888 applies.\n`);
    assert.equal((await client.diagnostics(uri('a.md')))[0].code, 'unknown-act');
    const model = uri('team.policy.yaml');
    client.open(model, 'acts:\n  - id: "32019R8888"\n    type: regulation\n    domain: EU\n    year: 2019\n    number: 8888\n', 'yaml');
    client.save(model);
    assert.deepEqual(await client.diagnostics(uri('a.md'), (p) => p.diagnostics.length === 0), []);
  });

  it('applies settings without a restart: rules off, severity, language', async () => {
    client.open(uri('a.md'), `${HEADER}Article 25c of the Visa Code applies to Tunesia.\n`);
    await client.diagnostics(uri('a.md'));
    client.changeSettings({ rules: { 'unknown-country': 'off', 'unknown-article': 'warning' } });
    const diagnostics = await client.diagnostics(uri('a.md'), (p) => p.diagnostics.length === 1);
    assert.equal(diagnostics[0].code, 'unknown-article');
    assert.equal(diagnostics[0].severity, 2);
  });

  it('takes settings pushed in didChangeConfiguration from clients that cannot be asked (Neovim 0.7)', async () => {
    const pushed = new LspTestClient();
    try {
      await pushed.initialize(workspace, { workspace: { configuration: false, didChangeConfiguration: { dynamicRegistration: false } } });
      pushed.open(uri('p.md'), `${HEADER}Cooperation with Tunesia.\n`);
      assert.equal((await pushed.diagnostics(uri('p.md')))[0].code, 'unknown-country');
      void pushed.connection.sendNotification('workspace/didChangeConfiguration', { settings: { councilNotes: { rules: { 'unknown-country': 'off' } } } });
      assert.deepEqual(await pushed.diagnostics(uri('p.md'), (p) => p.diagnostics.length === 0), []);
    } finally {
      await pushed.shutdown();
    }
  });

  it('survives malformed drafts', async () => {
    const garbage = `\uFEFF\u0000${'>'.repeat(500)} [^\uD800 ${'*'.repeat(1000)}\r\n---\n\u202E Kosovo`;
    client.open(uri('bad.md'), garbage);
    await client.diagnostics(uri('bad.md'));
    client.open(uri('a.md'), `${HEADER}Tunesia.\n`);
    assert.equal((await client.diagnostics(uri('a.md'))).length, 1, 'the server still answers');
  });
});
