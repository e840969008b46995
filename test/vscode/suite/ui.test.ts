/**
 * The client's UI in the real workbench: palette commands, the language status item, the
 * References view and the read-only view of built-in model files. Everything shown comes from
 * the language server (custom requests of server/src/lsp/protocol.ts).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { WorkDoneProgress } from 'vscode-languageclient/node';
import {
  BUILT_IN_MODEL_SCHEME, CHECK_WORKSPACE, MODEL_FILE_TEXT,
  type CheckWorkspaceResult, type ModelSummary,
} from '../../../server/src/lsp/protocol';
import {
  CouncilNotesApi, EXTENSION_ID, ReferenceSnapshot, activateExtension, codeOf, describe as describeDiags,
  lineOf, open, ours, serverCaughtUp, sleep, waitFor, waitForDiagnostics, withLanguage, workspaceUri,
} from './helpers';

async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Runs a command that shows a quick pick and accepts the selected (first) item, as Enter would.
 * The pick is not observable from the API, so accept is retried until the command returns.
 */
async function acceptQuickPick<T>(command: Thenable<T>, timeoutMs = 20_000): Promise<T> {
  let settled = false;
  const result = Promise.resolve(command).finally(() => { settled = true; });
  const deadline = Date.now() + timeoutMs;
  while (!settled && Date.now() < deadline) {
    await sleep(400);
    if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  if (!settled) throw new Error('the quick pick was never accepted');
  return result;
}

/** Tabs showing a Markdown preview (a webview) whose label mentions `name`. */
function previewTabs(name: string): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && /markdown/i.test(t.input.viewType) && t.label.includes(name));
}

/** Calls `get` until `ok` holds for its value (or the time is up, then returns the last value). */
async function until<T>(get: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await get();
    if (ok(value) || Date.now() > deadline) return value;
    await sleep(200);
  }
}

function flatten(nodes: ReferenceSnapshot[], depth = 0): string {
  return nodes.map((n) => `${'  '.repeat(depth)}${n.label}${n.description ? ` [${n.description}]` : ''}\n${flatten(n.children ?? [], depth + 1)}`).join('');
}

suite('Council Notes UI', function () {
  let api: CouncilNotesApi;

  suiteSetup(async function () {
    api = await activateExtension();
  });

  teardown(async function () {
    await closeAllEditors();
  });

  // ------------------------------------------------------------------------------ commands

  test('Validate Current Draft checks the active draft and counts its findings', async function () {
    const doc = await open('drafts', 'planted-errors.md');
    const result = await vscode.commands.executeCommand<{ uri: string; findings: number; errors: number }>('councilNotes.validateDocument');
    assert.ok(result, 'the command returns its result');
    assert.equal(result.uri, doc.uri.toString());
    await waitForDiagnostics(doc.uri, [{ code: 'unknown-country', line: lineOf(doc, 'Tunesia') }]);
    assert.ok(result.findings >= 3, `findings counted: ${result.findings} (${describeDiags(ours(doc.uri))})`);
    assert.ok(result.errors >= 1, `errors counted: ${result.errors}`);
  });

  test('Validate All Drafts in Workspace leaves findings of files that are not open in the Problems panel', async function () {
    // No test opens drafts/workspace-only.md: only the workspace check can report its findings.
    const draft = workspaceUri('drafts', 'workspace-only.md');
    const result = await vscode.commands.executeCommand<CheckWorkspaceResult>('councilNotes.validateWorkspace');
    assert.ok(result, 'the command returns the server\'s result');
    assert.equal(result.cancelled, false);
    assert.ok(result.files >= 4, `all fixture drafts checked (${result.files})`);
    assert.ok(result.findings >= 4 && result.errors >= 1, `findings ${result.findings}, errors ${result.errors}`);
    assert.ok(vscode.workspace.textDocuments.every((d) => d.uri.toString() !== draft.toString()), 'workspace-only.md is not open');
    const diags = await waitFor('findings of workspace-only.md', () => (ours(draft).length >= 2 ? ours(draft) : undefined), 10_000, () => describeDiags(ours(draft)));
    assert.deepEqual(diags.map(codeOf).sort(), ['unknown-article', 'unknown-country'], describeDiags(diags));
    await sleep(1_500);
    assert.equal(ours(draft).length, 2, 'the findings stay in the Problems panel');
    assert.deepEqual(ours(workspaceUri('drafts', 'clean.md')), [], 'a clean draft has none');
  });

  test('Validate All Drafts in Workspace reports progress and can be cancelled', async function () {
    const client = api.client as unknown as {
      onProgress(type: unknown, token: string, handler: (value: { kind: string; message?: string; percentage?: number }) => void): vscode.Disposable;
      sendRequest<R>(method: string, params: unknown, token?: vscode.CancellationToken): Promise<R>;
    };
    // Enough drafts that the check is still running when the cancellation arrives.
    const bulk = workspaceUri('bulk');
    const text = readFileSync(workspaceUri('drafts', 'references.md').fsPath);
    const copies = 400;
    await Promise.all(Array.from({ length: copies }, (_, i) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(bulk, `copy-${i}.md`), text)));
    try {
      const source = new vscode.CancellationTokenSource();
      const token = `test-${Date.now()}`;
      const seen: string[] = [];
      const subscription = client.onProgress(WorkDoneProgress.type, token, (value) => {
        seen.push(value.kind);
        if (value.kind === 'report') source.cancel();
      });
      let result: CheckWorkspaceResult | undefined;
      let error: unknown;
      try {
        result = await client.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE, { workDoneToken: token }, source.token);
      } catch (e) {
        error = e;
      } finally {
        subscription.dispose();
      }
      assert.ok(seen.includes('begin'), `progress began (${seen.join(', ')})`);
      assert.ok(source.token.isCancellationRequested, `cancelled after a progress report (${seen.join(', ')})`);
      if (result) {
        assert.equal(result.cancelled, true, `the result says cancelled: ${JSON.stringify(result)}`);
        assert.ok(result.files < copies, `stopped early: ${result.files} files`);
      } else {
        assert.match(String((error as Error)?.message ?? error), /cancel/i);
      }
      // The server still answers afterwards.
      const after = await vscode.commands.executeCommand<{ findings: number }>('councilNotes.validateDocument', workspaceUri('drafts', 'clean.md'));
      assert.equal(after?.findings, 0);
    } finally {
      await vscode.workspace.fs.delete(bulk, { recursive: true });
    }
  });

  test('Insert Note Skeleton inserts the skeleton of the language given', async function () {
    const result = await vscode.commands.executeCommand<{ language: string; uri: string }>('councilNotes.insertSkeleton', 'de');
    assert.equal(result?.language, 'de');
    const text = vscode.window.activeTextEditor!.document.getText();
    assert.match(text, /^# VERMERK/);
    assert.match(text, /\*\*Betr\.:\*\* Betreff/);
    assert.match(text, /Fragen an die Ministerinnen und Minister/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Insert Note Skeleton asks for the language, offering the configured one first', () => withLanguage('fr', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(document);
    const result = await acceptQuickPick(vscode.commands.executeCommand<{ language: string }>('councilNotes.insertSkeleton'));
    assert.equal(result?.language, 'fr');
    assert.match(document.getText(), /\*\*Objet:\*\*/);
    assert.match(document.getText(), /Questions aux ministres/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }));

  test('Reload Policy Model rebuilds the model from every file and returns its summary', async function () {
    const summary = await vscode.commands.executeCommand<ModelSummary>('councilNotes.reloadModel');
    assert.ok(summary, 'a summary');
    assert.ok((summary.entities.countries ?? 0) > 200, `countries: ${summary.entities.countries}`);
    assert.ok((summary.entities.acts ?? 0) > 10, `acts: ${summary.entities.acts}`);
    const files = summary.files.map((f) => f.path);
    assert.ok(files.some((f) => f.endsWith('extra.policy.yaml')), `the workspace layer is used: ${files.join(', ')}`);
    const broken = summary.files.find((f) => f.path.endsWith('broken.policy.yaml'));
    assert.ok(broken && broken.problems > 0, 'broken.policy.yaml has problems');
    assert.ok(summary.problems >= broken.problems);
  });

  test('Show Policy Model Entry opens a built-in entry read-only', async function () {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('councilNotes.showModelEntry', { section: 'countries', id: 'TUR' });
    assert.ok(editor, 'an editor');
    const document = editor.document;
    assert.equal(document.uri.scheme, BUILT_IN_MODEL_SCHEME);
    assert.match(document.uri.path, /^\/\d\d-[\w.-]+\.policy\.(yaml|json)$/, 'named after the bundled file');
    const line = document.lineAt(editor.selection.active.line).text;
    assert.match(line, /TUR/, `the selection is at the entry: ${line}`);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), document.uri.toString());
  });

  test('Show Policy Model Entry opens a workspace entry in its file', async function () {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('councilNotes.showModelEntry', { section: 'countries', id: 'XR' });
    assert.ok(editor, 'an editor');
    assert.equal(editor.document.uri.scheme, 'file');
    assert.match(editor.document.uri.path, /models\/extra\.policy\.yaml$/);
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /XR/);
  });

  test('Show Policy Model Entry lets the user pick an entity', async function () {
    const editor = await acceptQuickPick(vscode.commands.executeCommand<vscode.TextEditor | undefined>('councilNotes.showModelEntry'));
    assert.ok(editor, 'an entry was opened');
    assert.match(editor.document.uri.path, /\.policy\.(yaml|yml|json)$/);
    assert.ok([BUILT_IN_MODEL_SCHEME, 'file'].includes(editor.document.uri.scheme), editor.document.uri.toString());
  });

  test('Open Rule Documentation opens the rule page in the Markdown preview', async function () {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('councilNotes.openRuleDocumentation', 'unknown-article');
    assert.ok(uri, 'a page');
    assert.match(uri.path, /docs\/rules\/unknown-article\.md$/);
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
    assert.equal(uri.toString(), vscode.Uri.joinPath(root, 'docs', 'rules', 'unknown-article.md').toString());
    await waitFor('a Markdown preview of unknown-article.md', () => (previewTabs('unknown-article').length > 0 ? true : undefined), 10_000,
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', '));
    // The page's examples are wrong on purpose: it is documentation, not a draft to check. A draft
    // opened after the preview is checked after it: once that draft has its finding, the page
    // would have had its own.
    await serverCaughtUp();
    assert.equal(describeDiags(ours(uri)), describeDiags([]), 'the rule page is not checked');
  });

  test('Open Rule Documentation offers the rule of the finding at the cursor first', async function () {
    const doc = await open('drafts', 'planted-errors.md');
    const line = lineOf(doc, 'Article 25c of the Visa Code');
    const diags = await waitForDiagnostics(doc.uri, [{ code: 'unknown-article', line }]);
    const finding = diags.find((d) => codeOf(d) === 'unknown-article' && d.range.start.line === line)!;
    vscode.window.activeTextEditor!.selection = new vscode.Selection(finding.range.start, finding.range.start);
    const uri = await acceptQuickPick(vscode.commands.executeCommand<vscode.Uri | undefined>('councilNotes.openRuleDocumentation'));
    assert.match(uri?.path ?? '', /unknown-article\.md$/);
  });

  // ------------------------------------------------------------------------------ status item

  test('the language status item shows the draft\'s language and the model', async function () {
    await open('drafts', 'clean.md');
    const status = await api.status();
    // The fixture workspace sets councilNotes.language to "en".
    assert.match(status.text, /English \(from the settings\)/, status.text);
    assert.match(status.text, /: [\d,.\u00a0\u202f]+ entities/, status.text);
    assert.match(status.text, /model problems: [1-9]/, `broken.policy.yaml is counted: ${status.text}`);
    assert.match(status.detail ?? '', /countries: [\d,]+/, status.detail);
    assert.match(status.detail ?? '', /model files: \d+/, status.detail);
    assert.equal(status.severity, vscode.LanguageStatusSeverity.Warning, 'problems make it a warning');
    assert.equal(status.command, 'councilNotes.showOutput', 'clicking it opens the output channel');
    await vscode.commands.executeCommand(status.command!);
  });

  test('the language status item shows a detected language', () => withLanguage('auto', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: [
        '**NOTA**', '', '**van:** het voorzitterschap', '', '**aan:** de Raad', '', '**Betreft:** Samenwerking met derde landen', '',
        '1. Het voorzitterschap verzoekt de Raad de stand van zaken op te maken van de dialoog over migratie met Tunesië en Marokko.', '',
        '2. De samenwerking met Turkije bij het voorkomen van irreguliere vertrekken wordt voortgezet.', '',
      ].join('\n'),
    });
    await vscode.window.showTextDocument(document);
    const status = await until(() => api.status(), (s) => /Dutch/.test(s.text));
    assert.match(status.text, /Dutch \((detected|from the front matter)\)/, status.text);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }));

  // ------------------------------------------------------------------------------ References view

  test('the References view lists what the draft cites, grouped by kind with counts', async function () {
    const doc = await open('drafts', 'references.md');
    const tree = await api.references();
    const picture = flatten(tree);
    const group = (label: string) => tree.find((g) => g.label === label);

    const countries = group('Countries');
    assert.ok(countries, `a Countries group:\n${picture}`);
    assert.equal(countries.description, String(countries.children?.length), `the group counts its entries:\n${picture}`);
    const tunisia = countries.children?.find((c) => c.label === 'Tunisia');
    const morocco = countries.children?.find((c) => c.label === 'Morocco');
    assert.ok(tunisia && morocco, `Tunisia and Morocco:\n${picture}`);
    assert.equal(tunisia.description, '3×', `Tunisia is mentioned three times:\n${picture}`);
    assert.equal(tunisia.children?.length, 3, 'one child per mention');
    assert.deepEqual(tunisia.children?.map((c) => c.label), [
      `Line ${lineOf(doc, 'Subject:') + 1}`, `Line ${lineOf(doc, '1. The Presidency') + 1}`, `Line ${lineOf(doc, 'Rabat Process') + 1}`,
    ]);

    const labels = tree.map((g) => g.label);
    assert.ok(labels.includes('Acts') || labels.includes('Articles'), `acts and articles:\n${picture}`);
    assert.ok(labels.includes('Bodies'), `bodies (European Commission):\n${picture}`);
    assert.ok(labels.includes('Instruments'), `instruments (Rabat Process):\n${picture}`);
    const everything = JSON.stringify(tree);
    assert.match(everything, /2019\/1896|European Border and Coast Guard|Frontex/, `the Frontex Regulation:\n${picture}`);
    assert.match(everything, /Visa Code|810\/2009/, `the Visa Code:\n${picture}`);
  });

  test('clicking an entry of the References view reveals it in the draft', async function () {
    const doc = await open('drafts', 'references.md');
    const tree = await api.references();
    const morocco = tree.find((g) => g.label === 'Countries')?.children?.find((c) => c.label === 'Morocco');
    assert.ok(morocco?.command, `Morocco has a command:\n${flatten(tree)}`);
    // Move away first, so that the reveal is what puts the cursor there.
    await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
    await vscode.commands.executeCommand(morocco.command.command, ...(morocco.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), doc.uri.toString(), 'the draft is shown');
    assert.equal(doc.getText(editor.selection), 'Morocco', 'the mention is selected');
    assert.equal(editor.selection.start.line, lineOf(doc, 'Subject:'), 'the first mention');

    const second = morocco.children?.[1];
    assert.ok(second?.command, 'the second mention has a command');
    await vscode.commands.executeCommand(second.command.command, ...(second.command.arguments ?? []));
    assert.equal(vscode.window.activeTextEditor!.selection.start.line, lineOf(doc, '1. The Presidency'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('an entity of the References view opens its model entry', async function () {
    await open('drafts', 'references.md');
    const tree = await api.references();
    const tunisia = tree.find((g) => g.label === 'Countries')?.children?.find((c) => c.label === 'Tunisia');
    assert.equal(tunisia?.entry?.section, 'countries', flatten(tree));
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('councilNotes.showModelEntry', tunisia.entry);
    assert.equal(editor?.document.uri.scheme, BUILT_IN_MODEL_SCHEME);
    assert.ok(editor.document.lineAt(editor.selection.active.line).text.includes(tunisia.entry.id), 'at Tunisia\'s entry');

    // From the view's context menu the command gets the tree node; an article opens its act.
    const article = tree.flatMap((g) => g.children ?? []).find((c) => /Visa Code/.test(c.label) && /Article/.test(c.label));
    assert.ok(article?.entry, `an article of the Visa Code:\n${flatten(tree)}`);
    assert.equal(article.entry.section, 'acts');
    const fromMenu = await vscode.commands.executeCommand<vscode.TextEditor>('councilNotes.showModelEntry', {
      type: 'entity', uri: workspaceUri('drafts', 'references.md'), entity: { kind: 'article', id: `${article.entry.id}#21`, label: article.label, ranges: [] },
    });
    assert.ok(fromMenu, 'an editor');
    assert.match(fromMenu.document.getText(), new RegExp(`id: ${article.entry.id}`));
    assert.ok(fromMenu.document.lineAt(fromMenu.selection.active.line).text.includes(article.entry.id), 'at the act\'s entry');
  });

  test('the References view follows the active draft and edits', async function () {
    const doc = await open('drafts', 'references.md');
    const before = await api.references();
    assert.ok(before.find((g) => g.label === 'Countries')?.children?.some((c) => c.label === 'Tunisia'));
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((b) => b.insert(doc.lineAt(doc.lineCount - 1).range.end, '\n\n4. The dialogue with Egypt continues.\n'));
    const hasEgypt = (tree: ReferenceSnapshot[]) => !!tree.find((g) => g.label === 'Countries')?.children?.some((c) => c.label === 'Egypt');
    const after = await until(() => api.references(), hasEgypt);
    assert.ok(hasEgypt(after), flatten(after));
    await vscode.commands.executeCommand('workbench.action.files.revert');

    await open('drafts', 'clean.md');
    const clean = await api.references();
    assert.ok(!clean.find((g) => g.label === 'Instruments'), `clean.md cites no instrument:\n${flatten(clean)}`);
    assert.ok(clean.find((g) => g.label === 'Countries')?.children?.some((c) => c.label === 'Türkiye'), flatten(clean));
  });

  // ------------------------------------------------------------------------------ built-in model view

  test('built-in model files are served read-only from the server', async function () {
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
    const file = vscode.Uri.joinPath(root, 'model', 'default', '20-acts.policy.yaml');
    const uri = vscode.Uri.from({ scheme: BUILT_IN_MODEL_SCHEME, path: '/20-acts.policy.yaml' });
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.getText(), readFileSync(join(file.fsPath), 'utf8'), 'the text of the bundled file');
    assert.equal(document.languageId, 'yaml');
    const editor = await vscode.window.showTextDocument(document);

    // Read-only: typing into the editor changes nothing, and no file system can write the scheme.
    const before = document.getText();
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('type', { text: 'typed ' });
    await vscode.commands.executeCommand('deleteLeft');
    await sleep(200);
    assert.equal(document.getText(), before, 'typing does not change a built-in model file');
    // Control: the same typing does change an ordinary document.
    const control = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
    await vscode.window.showTextDocument(control);
    await vscode.commands.executeCommand('type', { text: 'typed' });
    assert.equal(control.getText(), 'typed', 'typing works in an ordinary editor');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    assert.equal(document.isDirty, false);
    assert.notEqual(vscode.workspace.fs.isWritableFileSystem(BUILT_IN_MODEL_SCHEME), true);
    assert.equal(readFileSync(file.fsPath, 'utf8'), before, 'the bundled file is untouched');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    // The server refuses files that are not built-in model files.
    // The answer is null (no error): an error would be a failure of the request, not a refusal.
    const outside = await api.client!.sendRequest<string | null>(MODEL_FILE_TEXT, { uri: `${BUILT_IN_MODEL_SCHEME}:/extra.policy.yaml` });
    assert.equal(outside, null, 'a workspace file is not served as built-in');
    const escape = await api.client!.sendRequest<string | null>(MODEL_FILE_TEXT, { uri: `${BUILT_IN_MODEL_SCHEME}:/../../package.json` });
    assert.equal(escape, null, 'no path outside the built-in model');
    // Control: a built-in file is served by the same request.
    const served = await api.client!.sendRequest<string | null>(MODEL_FILE_TEXT, { uri: `${BUILT_IN_MODEL_SCHEME}:/70-facts.policy.yaml` });
    assert.match(served ?? '', /^factKinds:/m);
  });
});
