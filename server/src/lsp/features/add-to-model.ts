/**
 * The "add to workspace policy model" code action: the entry a finding needs, written as a
 * minimal text edit into the workspace's model file (core/assist/model-edit.ts). Before an edit
 * is offered, the target's path is resolved (node/write-target.ts): never through a link out of
 * the workspace, never onto a file that cannot be read or has errors. A refused action is
 * still listed, disabled, with the reason (clients without `disabledSupport` get nothing, and
 * the reason goes to the log).
 */
import { CodeActionKind, type CodeAction, type CreateFile, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { basename } from 'node:path';
import { planEntryEdit, WORKSPACE_MODEL_FILE, type ModelAddition } from '../../core/assist/model-edit';
import { detectEol } from '../../core/fix/apply';
import { loadModelText } from '../../core/model/load';
import { LineIndex } from '../../core/text/positions';
import { resolveWriteTarget } from '../../node/write-target';
import type { ServerContext } from '../context';

type Planned = { file: string; exists: boolean; edit: TextEdit } | { refusal: string };

/** Where the addition goes and the edit that makes it, or why it is refused. */
function planAddition(ctx: ServerContext, draftFile: string | undefined, addition: ModelAddition): Planned | undefined {
  const target = ctx.workspaceModelTarget(draftFile, WORKSPACE_MODEL_FILE);
  if (!target) return undefined;
  const resolved = resolveWriteTarget(target.file, target.folder);
  if ('refusal' in resolved) return resolved;
  const name = basename(resolved.file);
  const text = resolved.exists ? ctx.textOf(resolved.file) : undefined;
  if (resolved.exists && text === undefined) return { refusal: `${name} cannot be read` };
  if (text !== undefined && text.trim() !== '') {
    const error = loadModelText(resolved.file, text).problems.find((p) => p.severity === 'error');
    if (error) return { refusal: `${name} has errors (line ${error.range.start.line + 1}: ${error.message}); fix them first` };
  }
  const plan = planEntryEdit(resolved.file, text, addition.section, addition.entry, text ? detectEol(text) : '\n');
  if ('refusal' in plan) return { refusal: `${name} ${plan.refusal}` };
  const lines = new LineIndex(text ?? '');
  return { file: resolved.file, exists: resolved.exists, edit: { range: lines.rangeOf(plan.edit.start, plan.edit.end), newText: plan.edit.newText } };
}

export function addToModelAction(ctx: ServerContext, document: TextDocument, addition: ModelAddition, diagnostics: Diagnostic[]): CodeAction | undefined {
  const uri = URI.parse(document.uri);
  const planned = planAddition(ctx, uri.scheme === 'file' ? uri.fsPath : undefined, addition);
  if (!planned) return undefined;
  if ('refusal' in planned) {
    const reason = `Not added to the workspace policy model: ${planned.refusal}.`;
    if (!ctx.capabilities.textDocument?.codeAction?.disabledSupport) { ctx.log(reason); return undefined; }
    return { title: addition.title, kind: CodeActionKind.QuickFix, diagnostics, disabled: { reason } };
  }
  const targetUri = URI.file(planned.file).toString();
  const workspaceEdit = ctx.capabilities.workspace?.workspaceEdit;
  const canCreate = !!workspaceEdit?.documentChanges && !!workspaceEdit.resourceOperations?.includes('create');
  let edit: WorkspaceEdit;
  if (!planned.exists) {
    if (!canCreate) return undefined;
    // Not `ignoreIfExists`: a file that appeared meanwhile must not get the new file's text inserted at its start.
    const create: CreateFile = { kind: 'create', uri: targetUri, options: { overwrite: false, ignoreIfExists: false } };
    edit = { documentChanges: [create, { textDocument: { uri: targetUri, version: null }, edits: [planned.edit] }] };
  } else if (workspaceEdit?.documentChanges) {
    const open = ctx.documents.get(targetUri);
    edit = { documentChanges: [{ textDocument: { uri: targetUri, version: open ? open.version : null }, edits: [planned.edit] }] };
  } else {
    edit = { changes: { [targetUri]: [planned.edit] } };
  }
  return { title: planned.exists ? `${addition.title} (${basename(planned.file)})` : addition.title, kind: CodeActionKind.QuickFix, diagnostics, edit };
}
