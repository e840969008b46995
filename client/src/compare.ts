/**
 * "Compare with another language version…": the drafter picks the original of the draft in the
 * editor (drafts of the workspace with the same file name first, or any file), and the server
 * publishes the differences on the draft, each pointing at the original, kept up to date as
 * either is edited (request COMPARE_WITH). For a lasting pairing, the front-matter key
 * `original: ../en/note.md` does the same without the command.
 */
import * as vscode from 'vscode';
import { COMPARE_WITH, type CompareWithResult } from '../../server/src/lsp/protocol';
import { Host, activeDraft, formatNumber, isDraft, languageName, request } from './host';

export const COMPARE_COMMAND = 'councilNotes.compareWithOriginal';

interface OriginalItem extends vscode.QuickPickItem { uri?: vscode.Uri }

/** The drafts that may be the original, the likeliest first: same file name in another folder ("en/note.md" for "nl/note.md"). */
async function pickOriginal(draft: vscode.Uri): Promise<vscode.Uri | undefined> {
  const name = draft.path.split('/').pop()!;
  const files = (await vscode.workspace.findFiles('**/*.{md,markdown}', '**/node_modules/**', 500)).filter((uri) => uri.toString() !== draft.toString());
  files.sort((a, b) => Number(b.path.endsWith(`/${name}`)) - Number(a.path.endsWith(`/${name}`)) || a.path.localeCompare(b.path));
  const browse: OriginalItem = { label: `$(folder-opened) ${vscode.l10n.t('Browse…')}` };
  const items: OriginalItem[] = [...files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri, false), uri })), browse];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('The original of {0}', vscode.workspace.asRelativePath(draft, false)) });
  if (!picked) return undefined;
  if (picked.uri) return picked.uri;
  const chosen = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Markdown: ['md', 'markdown'] }, openLabel: vscode.l10n.t('Compare') });
  return chosen?.[0];
}

/** The command: `target` and `original` skip the prompts (tests, other extensions); returns what the server found. */
export async function compareWithOriginal(host: Host, target?: vscode.Uri, original?: vscode.Uri): Promise<CompareWithResult | undefined> {
  const document = target ? await vscode.workspace.openTextDocument(target) : activeDraft();
  if (!isDraft(document)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open the translated Markdown draft to compare it with its original.'));
    return undefined;
  }
  const originalUri = original ?? await pickOriginal(document.uri);
  if (!originalUri) return undefined;
  let result: CompareWithResult | null;
  try {
    result = await request<CompareWithResult | null>(host, COMPARE_WITH, { uri: document.uri.toString(), original: originalUri.toString() });
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Council Notes could not compare the drafts: {0}', error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  if (!result) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Council Notes could not read {0} as the original.', vscode.workspace.asRelativePath(originalUri, false)));
    return undefined;
  }
  const names = [vscode.workspace.asRelativePath(document.uri, false), languageName(result.language), vscode.workspace.asRelativePath(originalUri, false), languageName(result.originalLanguage)] as const;
  if (result.findings === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} ({1}) agrees with {2} ({3}).', ...names));
  } else {
    const show = vscode.l10n.t('Show Problems');
    void vscode.window
      .showInformationMessage(vscode.l10n.t('{0} ({1}) differs from {2} ({3}): findings: {4}, errors: {5}.', ...names, formatNumber(result.findings), formatNumber(result.errors)), show)
      .then((choice) => { if (choice === show) void vscode.commands.executeCommand('workbench.actions.view.problems'); });
  }
  return result;
}

export function registerCompareCommand(host: Host): vscode.Disposable {
  return vscode.commands.registerCommand(COMPARE_COMMAND, (target?: unknown, original?: unknown) =>
    compareWithOriginal(host, target instanceof vscode.Uri ? target : undefined, original instanceof vscode.Uri ? original : undefined));
}
