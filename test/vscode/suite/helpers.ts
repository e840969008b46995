/** Helpers for the extension-host tests. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'council-notes.council-notes';
export const SOURCE = 'council-notes';

export interface CouncilNotesApi {
  readonly client: { isRunning(): boolean; readonly serverProcess?: { readonly pid?: number }; sendRequest<R>(method: string, params: unknown, token?: vscode.CancellationToken): Promise<R> } | undefined;
  ready(): Promise<void>;
  restart(): Promise<void>;
  /** The language status item, after asking the server again. */
  status(): Promise<{ text: string; detail: string | undefined; severity: vscode.LanguageStatusSeverity; busy: boolean; command?: string }>;
  /** The References view, fully expanded. */
  references(): Promise<ReferenceSnapshot[]>;
}

export interface ReferenceSnapshot {
  label: string;
  description?: string;
  command?: { command: string; arguments?: unknown[] };
  entry?: { section: string; id: string };
  children?: ReferenceSnapshot[];
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until it returns a value other than undefined, or throws after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined,
  timeoutMs = 20_000,
  describeLast?: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      const last = describeLast ? ` Last seen: ${describeLast()}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.${last}`);
    }
    await sleep(100);
  }
}

export async function activateExtension(): Promise<CouncilNotesApi> {
  const extension = vscode.extensions.getExtension<CouncilNotesApi>(EXTENSION_ID);
  if (!extension) throw new Error(`Extension ${EXTENSION_ID} is not installed in this host.`);
  const api = await extension.activate();
  await api.ready();
  return api;
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The tests need the fixture workspace open as a folder.');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function open(...segments: string[]): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(...segments));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codeOf(d: vscode.Diagnostic): string {
  const code = d.code;
  if (code === undefined) return '';
  if (typeof code === 'object') return String(code.value);
  return String(code);
}

export function describe(diags: readonly vscode.Diagnostic[]): string {
  if (diags.length === 0) return '(no council-notes diagnostics)';
  return diags
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)} ${JSON.stringify(d.message)}`)
    .join('; ');
}

/** 0-based line of the first line of `doc` containing `text`. */
export function lineOf(doc: vscode.TextDocument, text: string): number {
  for (let line = 0; line < doc.lineCount; line++) {
    if (doc.lineAt(line).text.includes(text)) return line;
  }
  throw new Error(`${doc.uri.path} has no line containing ${JSON.stringify(text)}.`);
}

export interface Expected {
  code: string;
  line: number;
}

export function has(diags: readonly vscode.Diagnostic[], e: Expected): boolean {
  return diags.some((d) => codeOf(d) === e.code && d.range.start.line === e.line);
}

/** Waits until every expected diagnostic is there; returns all council-notes diagnostics. */
export function waitForDiagnostics(uri: vscode.Uri, expected: Expected[], timeoutMs = 20_000) {
  const want = expected.map((e) => `${e.code} at line ${e.line + 1}`).join(', ');
  return waitFor(
    `${want} in ${uri.path}`,
    () => {
      const diags = ours(uri);
      return expected.every((e) => has(diags, e)) ? diags : undefined;
    },
    timeoutMs,
    () => describe(ours(uri)),
  );
}

/** Waits until no diagnostic matches `match`. */
export function waitForAbsence(uri: vscode.Uri, what: string, match: (d: vscode.Diagnostic) => boolean, timeoutMs = 20_000) {
  return waitFor(
    `${what} to disappear from ${uri.path}`,
    () => {
      const diags = ours(uri);
      return diags.some(match) ? undefined : diags;
    },
    timeoutMs,
    () => describe(ours(uri)),
  );
}

/**
 * Asserts that a document has no finding of its own. VS Code shows no version with diagnostics,
 * so silence alone cannot tell "clean" from "not checked yet": a sentinel line with a known
 * finding is appended (unsaved), and once its finding is there the rest of that publication is
 * the document's own. The document is reverted to its saved text afterwards.
 */
export async function assertNoFindings(doc: vscode.TextDocument, message?: string): Promise<void> {
  const isModel = /\.policy\.(ya?ml|json)$/.test(doc.uri.path);
  // A Markdown footnote call without definition, or a YAML key the model schema does not know.
  const sentinel = isModel ? '\nsentinelKeyForTests: 1\n' : '\n\nSentinel.[^999]\n';
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, doc.lineAt(doc.lineCount - 1).range.end, sentinel);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the sentinel was inserted');
  const line = lineOf(doc, isModel ? 'sentinelKeyForTests' : 'Sentinel.[^999]');
  const isSentinel = (d: vscode.Diagnostic) => d.range.start.line === line && codeOf(d) === (isModel ? 'model-schema' : 'footnote-reference');
  try {
    const diags = await waitFor(`the sentinel finding in ${doc.uri.path}`, () => (ours(doc.uri).some(isSentinel) ? ours(doc.uri) : undefined), 20_000, () => describe(ours(doc.uri)));
    assert.equal(describe(diags.filter((d) => !isSentinel(d))), describe([]), message);
  } finally {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
}

/**
 * Resolves once the server has handled what it was sent before: a new untitled draft with a
 * finding gets that finding (the server checks drafts in the order they arrive).
 */
export async function serverCaughtUp(): Promise<void> {
  const probe = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'The Council invited Tunesia.\n' });
  await waitForDiagnostics(probe.uri, [{ code: 'unknown-country', line: 0 }]);
}

/**
 * Runs `body` with `councilNotes.language` set in the workspace, then puts back the fixture's
 * own value (its .vscode/settings.json sets "en"; removing the key would leave "auto").
 */
export async function withLanguage<T>(language: string, body: () => Promise<T>): Promise<T> {
  const config = () => vscode.workspace.getConfiguration('councilNotes');
  const before = config().inspect<string>('language')?.workspaceValue;
  await config().update('language', language, vscode.ConfigurationTarget.Workspace);
  try {
    return await body();
  } finally {
    await config().update('language', before, vscode.ConfigurationTarget.Workspace);
  }
}
