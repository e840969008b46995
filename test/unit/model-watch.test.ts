/**
 * Issue 16, item 8: model files changed on disk (workspace/didChangeWatchedFiles). Notices are
 * coalesced (debounced as typing in a model document is), a file whose content did not change
 * causes no rebuild, and the rebuild runs after the notices, off the request path: a request sent
 * during a storm is answered from the last model. Rebuilds are counted by the
 * councilNotes/modelChanged notification the server sends after each one; nothing here depends
 * on how fast the machine is.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../support/lsp-client';

/** model(1) defines the act the draft cites; model(0) does not. */
const model = (n: number) => n === 1
  ? 'acts:\n  - id: "32019R9991"\n    type: regulation\n    domain: EU\n    year: 2019\n    number: 9991\n'
  : 'places:\n  - id: p0\n    kind: region\n    names: { en: [Atlantis] }\n';
const DRAFT = 'Regulation (EU) 2019/9991 applies to Atlantis.\n';

describe('model files changed on disk', function () {
  this.timeout(120_000);
  let workspace: string;
  let client: LspTestClient;
  let modelFile: string;
  let modelUri: string;
  const builds = () => client.notifications.filter((n) => n.method === 'councilNotes/modelChanged').length;
  const notice = () => void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: modelUri, type: 2 }] });
  const draftUri = () => pathToFileURL(join(workspace, 'note.md')).toString();
  /** Waits until the server published diagnostics for the draft whose rule codes satisfy a test. */
  const draftDiagnostics = (accept: (codes: string[]) => boolean) => client.diagnostics(draftUri(), (p) => accept(p.diagnostics.map((d) => String(d.code))));
  /** A request answered after every notification sent before it was handled. */
  const roundTrip = () => client.request('councilNotes/modelSummary', {});

  beforeEach(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'council-notes-watch-'));
    modelFile = join(workspace, 'team.policy.yaml');
    modelUri = pathToFileURL(modelFile).toString();
    writeFileSync(modelFile, model(0));
    client = new LspTestClient();
    await client.initialize(workspace);
    client.open(draftUri(), DRAFT);
    await draftDiagnostics((codes) => codes.includes('unknown-act'));
  });
  afterEach(async () => {
    assert.equal(await client.shutdown(), 0);
    rmSync(workspace, { recursive: true, force: true });
  });


  it('40 notices of a file whose content did not change cause no rebuild', async () => {
    const before = builds();
    for (let i = 0; i < 40; i++) notice();
    // A real change after the storm: the rebuild it causes is the only one.
    writeFileSync(modelFile, model(1));
    notice();
    await draftDiagnostics((codes) => !codes.includes('unknown-act'));
    await roundTrip();
    assert.equal(builds() - before, 1, `one rebuild for 41 notices, of which 40 changed nothing; logs:\n${client.logs.filter((l) => /model built/.test(l)).join('\n')}`);
  });

  it('a request during a storm of changes is answered from the last model, before any rebuild; the storm makes one rebuild', async () => {
    const before = builds();
    for (let i = 1; i <= 40; i++) {
      writeFileSync(modelFile, model(i % 2));
      notice();
    }
    const hover = await client.request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri: draftUri() }, position: { line: 0, character: 42 } });
    const buildsBeforeAnswer = builds() - before;
    assert.ok(hover, 'a hover for "Atlantis", from the model before the storm');
    assert.equal(buildsBeforeAnswer, 0, 'the request did not wait for rebuilds');
    // The file ends as it was after the 40th write (model(0)): one rebuild at most, and the draft checked against it.
    writeFileSync(modelFile, model(1));
    notice();
    await draftDiagnostics((codes) => !codes.includes('unknown-act'));
    await roundTrip();
    assert.ok(builds() - before <= 2, `at most two rebuilds for 41 notices, not one each (${builds() - before})`);
  });
});
