/**
 * Built-in model files, shown read-only. They ship inside the extension and are not the user's
 * to edit, so the server hands out `council-notes-model:` URIs for them (in go-to-definition and
 * MODEL_ENTRY) and this provider serves their text from the server (MODEL_FILE_TEXT). Documents
 * of a TextDocumentContentProvider are read-only in VS Code.
 */
import * as vscode from 'vscode';
import { BUILT_IN_MODEL_SCHEME, MODEL_FILE_TEXT, type ModelEntryLocation } from '../../server/src/lsp/protocol';
import { Host, request } from './host';

export class BuiltInModelProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly host: Host) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const text = await request<string | null>(this.host, MODEL_FILE_TEXT, { uri: uri.toString() }, token);
    if (typeof text !== 'string') throw new Error(vscode.l10n.t('{0} is not a built-in model file.', uri.path));
    return text;
  }

  /** Built-in files can change only when the extension is updated; re-read open ones after a restart. */
  refreshOpen(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme === BUILT_IN_MODEL_SCHEME) this.changed.fire(document.uri);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * The URI to open for a model entry: workspace files as they are; built-in files under the
 * read-only scheme, named by their file name (`council-notes-model:/20-acts.policy.yaml`), which
 * the server uses unless a client asked it for file URIs.
 */
export function entryUri(location: ModelEntryLocation): vscode.Uri {
  const uri = vscode.Uri.parse(location.uri);
  if (location.builtIn && uri.scheme === 'file') return vscode.Uri.from({ scheme: BUILT_IN_MODEL_SCHEME, path: `/${uri.path.split('/').pop()}` });
  return uri;
}

/** Opens a model entry and selects it. */
export async function openModelEntry(location: ModelEntryLocation): Promise<vscode.TextEditor> {
  const uri = entryUri(location);
  const r = location.range;
  const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { selection: new vscode.Range(range.start, range.start), preview: true });
  editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
  return editor;
}
