/**
 * The code actions that write to the workspace policy model, and opening a finding's link:
 * - "Add … to the workspace policy model (as …)": the entries a finding's rule declares
 *   (core/assist/model-edit.ts), one action per kind of entity the finding may name;
 * - "Add every unknown act of this draft …" where the rule declares such an action, one edit;
 * - "Open on EUR-Lex" for a finding with a link.
 * Each addition is a WorkspaceEdit the editor can undo (a CreateFile where the model file does not
 * exist yet, then a minimal text edit), planned as node/model-write.ts plans writes: never through
 * a link out of the workspace, never into a file that cannot be read or has errors. A refused
 * action is still listed, disabled, with the reason (clients without `disabledSupport` get nothing,
 * and the reason goes to the log). A client that cannot create files gets the creating actions as
 * a command that the server carries out with the same checks.
 */
import { CodeActionKind, MessageType, ShowMessageNotification, type CodeAction, type Command, type CreateFile, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { basename } from 'node:path';
import { everyAdditionOf, modelAdditionsFor, WORKSPACE_MODEL_FILE, type ModelAddition } from '../../core/assist/model-edit';
import { SECTION_NAMES } from '../../../../schemas/policy-model';
import type { DraftAnalysis } from '../../core/analysis/draft-analysis';
import type { Finding } from '../../core/findings';
import { RULES_BY_ID } from '../../core/rules/index';
import { LineIndex } from '../../core/text/positions';
import { planModelWrite, writeModelEntries } from '../../node/model-write';
import type { ServerContext } from '../context';
import { toDiagnostic } from '../diagnostics';
import { OPEN_LINK_CLIENT_COMMAND } from '../protocol';
import { guard } from '../guard';

/** Commands the server carries out (workspace/executeCommand). */
export const ADD_TO_MODEL_COMMAND = 'councilNotes.server.addToModel';
export const OPEN_LINK_COMMAND = 'councilNotes.server.openLink';
export const MODEL_COMMANDS = [ADD_TO_MODEL_COMMAND, OPEN_LINK_COMMAND];
interface AddToModelArguments { uri: string; entries: Pick<ModelAddition, 'section' | 'entry'>[] }

/** The model actions for one finding. */
export function modelActions(ctx: ServerContext, document: TextDocument, finding: Finding, findings: readonly Finding[], analysis: DraftAnalysis | undefined): CodeAction[] {
  const diagnostics = [toDiagnostic(finding)];
  const actions: CodeAction[] = [];
  if (analysis) {
    for (const addition of modelAdditionsFor(finding, analysis)) push(actions, addToModelAction(ctx, document, [addition], addition.title, diagnostics));
    const everyTitle = RULES_BY_ID.get(finding.rule)?.modelAddition?.everyTitle;
    const every = everyTitle ? everyAdditionOf(finding.rule, findings, analysis) : [];
    if (everyTitle && every.length > 1) {
      const all = findings.filter((f) => f.rule === finding.rule).map(toDiagnostic);
      push(actions, addToModelAction(ctx, document, every, everyTitle(every.length), all));
    }
  }
  if (finding.link) push(actions, openLinkAction(ctx, finding.link, diagnostics));
  return actions;
}

function push(actions: CodeAction[], action: CodeAction | undefined): void {
  if (action) actions.push(action);
}

/** "Open on EUR-Lex": the client's own command where it has one, else the server's (window/showDocument). */
function openLinkAction(ctx: ServerContext, link: string, diagnostics: Diagnostic[]): CodeAction | undefined {
  let host: string;
  try { host = new URL(link).hostname; } catch { return undefined; }
  const title = `Open on ${host === 'eur-lex.europa.eu' ? 'EUR-Lex' : host}`;
  const clientCommands = (ctx.capabilities.experimental as { commands?: { commands?: unknown } } | undefined)?.commands?.commands;
  if (Array.isArray(clientCommands) && clientCommands.includes(OPEN_LINK_CLIENT_COMMAND)) {
    return { title, kind: CodeActionKind.QuickFix, diagnostics, command: { title, command: OPEN_LINK_CLIENT_COMMAND, arguments: [link] } };
  }
  if (!ctx.capabilities.window?.showDocument?.support) return undefined;
  return { title, kind: CodeActionKind.QuickFix, diagnostics, command: { title, command: OPEN_LINK_COMMAND, arguments: [link] } };
}

/** Where model entries for a draft go: its workspace folder's model file (ServerContext.workspaceModelTarget). */
function targetFor(ctx: ServerContext, draftUri: string): { file: string; folder: string } | undefined {
  const uri = URI.parse(draftUri);
  return ctx.workspaceModelTarget(uri.scheme === 'file' ? uri.fsPath : undefined, WORKSPACE_MODEL_FILE);
}

function addToModelAction(ctx: ServerContext, document: TextDocument, additions: readonly ModelAddition[], title: string, diagnostics: Diagnostic[]): CodeAction | undefined {
  const target = targetFor(ctx, document.uri);
  if (!target) return undefined;
  const entries = additions.map(({ section, entry }) => ({ section, entry }));
  const planned = planModelWrite(target.file, target.folder, entries, (file) => ctx.textOf(file));
  if ('refusal' in planned) {
    const reason = `Not added to the workspace policy model: ${planned.refusal}.`;
    if (!ctx.capabilities.textDocument?.codeAction?.disabledSupport) { ctx.log(reason); return undefined; }
    return { title, kind: CodeActionKind.QuickFix, diagnostics, disabled: { reason } };
  }
  const targetUri = URI.file(planned.file).toString();
  const lines = new LineIndex(planned.text);
  const edit = { range: lines.rangeOf(planned.edit.start, planned.edit.end), newText: planned.edit.newText };
  const workspaceEdit = ctx.capabilities.workspace?.workspaceEdit;
  const canCreate = !!workspaceEdit?.documentChanges && !!workspaceEdit.resourceOperations?.includes('create');
  if (!planned.exists) {
    if (!canCreate) {
      // The server writes the new file itself, with the same checks, when the action is chosen.
      const command: Command = { title, command: ADD_TO_MODEL_COMMAND, arguments: [{ uri: document.uri, entries } satisfies AddToModelArguments] };
      return { title, kind: CodeActionKind.QuickFix, diagnostics, command };
    }
    // Not `ignoreIfExists`: a file that appeared meanwhile must not get the new file's text inserted at its start.
    const create: CreateFile = { kind: 'create', uri: targetUri, options: { overwrite: false, ignoreIfExists: false } };
    const change: WorkspaceEdit = { documentChanges: [create, { textDocument: { uri: targetUri, version: null }, edits: [edit] }] };
    return { title, kind: CodeActionKind.QuickFix, diagnostics, edit: change };
  }
  let change: WorkspaceEdit;
  if (workspaceEdit?.documentChanges) {
    const open = ctx.documents.get(targetUri);
    change = { documentChanges: [{ textDocument: { uri: targetUri, version: open ? open.version : null }, edits: [edit] }] };
  } else {
    change = { changes: { [targetUri]: [edit] } };
  }
  return { title: `${title} (${basename(planned.file)})`, kind: CodeActionKind.QuickFix, diagnostics, edit: change };
}

/** workspace/executeCommand for MODEL_COMMANDS. */
export function registerModelCommands(ctx: ServerContext): void {
  ctx.connection.onExecuteCommand(guard(ctx, 'command', null, async (params) => {
    const [argument] = params.arguments ?? [];
    if (params.command === OPEN_LINK_COMMAND && typeof argument === 'string' && /^https?:\/\//.test(argument)) {
      await ctx.connection.window.showDocument({ uri: argument, external: true });
    } else if (params.command === ADD_TO_MODEL_COMMAND) {
      const { uri, entries } = (argument ?? {}) as Partial<AddToModelArguments>;
      const wellFormed = Array.isArray(entries) && entries.every((e) => SECTION_NAMES.includes(e?.section) && typeof e.entry === 'object' && e.entry !== null && !Array.isArray(e.entry));
      const target = typeof uri === 'string' && wellFormed ? targetFor(ctx, uri) : undefined;
      if (!target) return null;
      const written = writeModelEntries(target.file, target.folder, entries!);
      if ('refusal' in written) {
        // A notification, not window/showMessageRequest: there is nothing to answer.
        void ctx.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Not added to the workspace policy model: ${written.refusal}.` });
      } else {
        ctx.log(`added ${entries!.length} entr${entries!.length === 1 ? 'y' : 'ies'} to ${written.file}`);
        ctx.reloadModel(`added to ${written.file}`, true);
      }
    }
    return null;
  }));
}
