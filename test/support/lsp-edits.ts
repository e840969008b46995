/** Applying what a language server returns (TextEdits, WorkspaceEdits) the way an editor does. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'markdown', 1, text), [...edits]);
}

/** The edits a WorkspaceEdit makes to one document, and the files it creates. */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const out: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) out.push(...(change.edits as TextEdit[]));
  }
  out.push(...(edit.changes?.[uri] ?? []));
  return out;
}

export function createdFiles(edit: WorkspaceEdit | undefined): string[] {
  return (edit?.documentChanges ?? []).filter((c): c is { kind: 'create'; uri: string } => 'kind' in c && c.kind === 'create').map((c) => c.uri);
}

export function messageOf(d: Diagnostic): string { return typeof d.message === 'string' ? d.message : d.message.value; }

/** Diagnostics as comparable keys: rule and message (positions move when text is inserted). */
export function keys(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code}: ${messageOf(d).replace(/on line \d+/, 'on line N')}`).sort();
}

/** `after` holds nothing that `before` did not (as multisets) and lacks `gone`. */
export function onlyRemoved(before: readonly string[], after: readonly string[]): string[] {
  const remaining = [...before];
  const added: string[] = [];
  for (const key of after) {
    const at = remaining.indexOf(key);
    if (at >= 0) remaining.splice(at, 1);
    else added.push(key);
  }
  return added;
}
