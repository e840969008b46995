/**
 * Extension-host tests: the real VS Code API against the fixture workspace
 * (test/vscode/fixtures/workspace, copied to a scratch folder by the runners).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  CouncilNotesApi,
  EXTENSION_ID,
  activateExtension,
  assertNoFindings,
  codeOf,
  describe as describeDiags,
  has,
  lineOf,
  open,
  ours,
  waitFor,
  waitForAbsence,
  waitForDiagnostics,
} from './helpers';

async function plantedExpectations() {
  const doc = await open('drafts', 'planted-errors.md');
  return {
    doc,
    unknownCountry: { code: 'unknown-country', line: lineOf(doc, 'Tunesia') },
    deprecatedName: { code: 'deprecated-name', line: lineOf(doc, 'Turkey') },
    unknownArticle: { code: 'unknown-article', line: lineOf(doc, 'Article 25c of the Visa Code') },
    // Article 40 of an act that only the workspace model (models/extra.policy.yaml) knows:
    // unknown-article (not unknown-act) shows that the workspace layer was loaded.
    extraActArticle: { code: 'unknown-article', line: lineOf(doc, 'Article 40 of Regulation (EU) 2024/4321') },
  };
}

async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

suite('Council Notes in VS Code', function () {
  let api: CouncilNotesApi;

  suiteSetup(async function () {
    api = await activateExtension();
  });

  teardown(async function () {
    await closeAllEditors();
  });

  test('the extension activates and its language server runs', async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    assert.equal(extension.isActive, true);
    assert.ok(api.client, 'activate() returns the language client');
    assert.equal(api.client.isRunning(), true, 'the client is running');
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('councilNotes.restartServer'), 'restart command registered');
    assert.ok(commands.includes('councilNotes.showOutput'), 'show-output command registered');
  });

  test('a draft with planted errors gets the expected findings at the expected lines', async function () {
    const e = await plantedExpectations();
    const expected = [e.unknownCountry, e.deprecatedName, e.unknownArticle];
    const diags = await waitForDiagnostics(e.doc.uri, expected);

    const country = diags.find((d) => codeOf(d) === 'unknown-country' && d.range.start.line === e.unknownCountry.line)!;
    const column = e.doc.lineAt(e.unknownCountry.line).text.indexOf('Tunesia');
    assert.ok(
      country.range.start.character <= column && country.range.end.character >= column + 'Tunesia'.length,
      `unknown-country covers "Tunesia" (got ${country.range.start.character}-${country.range.end.character}, word at ${column})`,
    );
    assert.match(country.message, /Tunisia/, 'unknown-country suggests Tunisia');

    const deprecated = diags.find((d) => codeOf(d) === 'deprecated-name')!;
    assert.match(deprecated.message, /Türkiye/, 'deprecated-name names the replacement');

    for (const d of diags) {
      assert.ok(typeof d.code === 'object' && d.code.target, `${codeOf(d)} links to its rule documentation`);
    }
  });

  test('a citation of an act from a workspace model file is checked against that model', async function () {
    const e = await plantedExpectations();
    await waitForDiagnostics(e.doc.uri, [e.extraActArticle]);
    const unknownAct = ours(e.doc.uri).filter((d) => codeOf(d) === 'unknown-act');
    assert.deepEqual(unknownAct.map((d) => d.range.start.line), [], 'the act from extra.policy.yaml is known');
  });

  test('a clean draft gets no findings', async function () {
    await assertNoFindings(await open('drafts', 'clean.md'));
  });

  test('a draft using a country and an act from a workspace model file gets no findings', async function () {
    await assertNoFindings(await open('drafts', 'uses-extra.md'));
  });

  test('a broken model file gets a model-schema finding at the line of the problem', async function () {
    const doc = await open('models', 'broken.policy.yaml');
    const line = lineOf(doc, 'id: 42');
    const diags = await waitForDiagnostics(doc.uri, [{ code: 'model-schema', line }]);
    assert.ok(diags.every((d) => codeOf(d) === 'model-schema'), describeDiags(diags));
  });

  test('a valid workspace model file gets no findings', async function () {
    await assertNoFindings(await open('models', 'extra.policy.yaml'));
  });

  suite('settings apply without a restart', function () {
    const config = () => vscode.workspace.getConfiguration('councilNotes');

    teardown(async function () {
      await config().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    });

    test('turning a rule off removes its findings, turning it back on restores them', async function () {
      const e = await plantedExpectations();
      await waitForDiagnostics(e.doc.uri, [e.unknownCountry, e.deprecatedName, e.unknownArticle]);
      const clientBefore = api.client;

      await config().update('rules', { 'unknown-country': 'off' }, vscode.ConfigurationTarget.Workspace);
      const after = await waitForAbsence(e.doc.uri, 'unknown-country', (d) => codeOf(d) === 'unknown-country');
      assert.ok(has(after, e.deprecatedName), `other rules still report: ${describeDiags(after)}`);
      assert.ok(has(after, e.unknownArticle), `other rules still report: ${describeDiags(after)}`);

      await config().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(e.doc.uri, [e.unknownCountry]);
      assert.equal(api.client, clientBefore, 'the language server was not restarted');
    });

    test('a rule severity set in the settings is used', async function () {
      const e = await plantedExpectations();
      await waitForDiagnostics(e.doc.uri, [e.deprecatedName]);

      for (const [setting, severity] of [
        ['error', vscode.DiagnosticSeverity.Error],
        ['hint', vscode.DiagnosticSeverity.Hint],
      ] as const) {
        await config().update('rules', { 'deprecated-name': setting }, vscode.ConfigurationTarget.Workspace);
        await waitFor(
          `deprecated-name with severity ${setting}`,
          () => ours(e.doc.uri).find((d) => codeOf(d) === 'deprecated-name' && d.severity === severity),
          20_000,
          () => describeDiags(ours(e.doc.uri)) + ' severities ' + ours(e.doc.uri).map((d) => d.severity).join(','),
        );
      }
    });
  });

  test('editing a document updates its findings', async function () {
    const doc = await open('drafts', 'clean.md');
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), doc.uri.toString());
    const sentence = '4. A further exchange of views with Tunesia is planned.';

    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const prefix = doc.lineAt(doc.lineCount - 1).text === '' ? '\n' : '\n\n';
    assert.ok(await editor.edit((b) => b.insert(end, prefix + sentence + '\n')), 'edit applied');
    const line = lineOf(doc, sentence);
    await waitForDiagnostics(doc.uri, [{ code: 'unknown-country', line }]);

    const range = new vscode.Range(end, doc.lineAt(doc.lineCount - 1).range.end);
    assert.ok(await editor.edit((b) => b.delete(range)), 'edit undone');
    await waitForAbsence(doc.uri, 'the finding on the removed line', (d) => codeOf(d) === 'unknown-country');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('an untitled Markdown document is checked', async function () {
    const doc = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: [
        '# NOTE', '', '**From:** Presidency', '', '**To:** Council', '', '**Subject:** Draft', '',
        '1. The Council is invited to discuss the situation in Tunesia.', '',
      ].join('\n'),
    });
    await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(doc.uri, [{ code: 'unknown-country', line: lineOf(doc, 'Tunesia') }]);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the restart command starts a new server that checks again', async function () {
    const before = api.client;
    await vscode.commands.executeCommand('councilNotes.restartServer');
    await api.ready();
    assert.notEqual(api.client, before, 'a new client');
    assert.equal(api.client?.isRunning(), true);
    const e = await plantedExpectations();
    await waitForDiagnostics(e.doc.uri, [e.unknownCountry, e.deprecatedName]);
  });

  // The client's error handler (client/src/crash-policy.ts; its decisions are unit-tested in
  // test/unit/client-crash-policy.test.ts): a killed server is restarted by the same client.
  test('a server that is killed is restarted and checks again', async function () {
    const client = api.client!;
    const killed = client.serverProcess?.pid;
    assert.ok(killed, 'the server runs in a process of its own');
    process.kill(killed, 'SIGKILL');
    const restarted = () => client.isRunning() && client.serverProcess?.pid !== undefined && client.serverProcess.pid !== killed;
    await waitFor('a new server process', () => (restarted() ? true : undefined), 30_000);
    assert.equal(api.client, client, 'restarted by the client itself, not replaced');
    const e = await plantedExpectations();
    await waitForDiagnostics(e.doc.uri, [e.unknownCountry, e.deprecatedName]);
  });
});
