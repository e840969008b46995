/**
 * textDocument/codeAction: for each finding under the cursor, its fixes as its rule declares
 * them (the safe one preferred; the others offered, never preferred, so that auto-fix does not
 * apply them), "add to workspace policy model", disabling the rule for the line or the file,
 * and fixing every finding of the rule that has a safe fix at once; and the
 * `source.fixAll.councilNotes` source action, which applies every safe fix and re-checks until
 * nothing is left (as `--fix` does). Each fix action says whether it is safe in `data.safe`.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Replacement } from '../../core/findings';
import { detectEol, minimalEdit, selectFixes, withEol, type Eol } from '../../core/fix/apply';
import { disableFileEdit, disableLineEdit } from '../../core/fix/directives';
import type { DraftService } from '../../core/service';
import { modelActions } from './add-to-model';
import type { ServerContext } from '../context';
import { toDiagnostic } from '../diagnostics';
import { guard } from '../guard';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.councilNotes`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];


export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(guard(ctx, 'code actions', null, async (params: CodeActionParams, token): Promise<CodeAction[] | null> => {
    const document = ctx.documents.get(params.textDocument?.uri);
    const checked = document && await ctx.service.codeActions(document.uri, token);
    if (!document || !checked || ctx.documents.get(document.uri)?.version !== checked.version) return null;
    const only = params.context?.only;
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const actions: CodeAction[] = [];
    const text = checked.text;
    const eol = detectEol(text);
    const start = document.offsetAt(params.range.start);
    const end = document.offsetAt(params.range.end);
    const findings = checked.result.findings;

    if (wants(CodeActionKind.QuickFix)) {
      for (const finding of checked.findingsIn(start, end)) {
        actions.push(...quickFixes(ctx, document, text, eol, finding, findings, checked));
      }
    }
    // Source actions only when asked for (on save, or from the Source Action menu).
    if (only && wants(FIX_ALL_KIND) && findings.some((f) => f.fix)) {
      const outcome = await ctx.service.fixAll(document.uri, eol, token);
      const edit = outcome && minimalEdit(text, outcome.text);
      if (edit) actions.push({ title: `Fix all Council Notes problems that have a safe fix (${outcome!.applied.length})`, kind: FIX_ALL_KIND, edit: documentEdit(ctx, document, [toTextEdit(document, edit)]) });
    }
    return actions;
  }));
}

function quickFixes(ctx: ServerContext, document: TextDocument, text: string, eol: Eol, finding: Finding, all: Finding[], checked: NonNullable<Awaited<ReturnType<DraftService['codeActions']>>>): CodeAction[] {
  const actions: CodeAction[] = [];
  const diagnostics = [toDiagnostic(finding)];
  const edit = (replacements: readonly Replacement[]) => documentEdit(ctx, document, replacements.map((r) => toTextEdit(document, { ...r, newText: withEol(r.newText, eol) })));
  let preferred = false;
  for (const fix of finding.fixes ?? []) {
    // Edits that overlap or fall outside the text are not offered.
    if (selectFixes([{ ...finding, fix: fix.edits }], text.length).length !== 1) continue;
    const isPreferred = fix.safe && !preferred ? true : undefined;
    preferred ||= fix.safe;
    actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred, edit: edit(fix.edits), data: { safe: fix.safe } });
  }

  actions.push(...modelActions(ctx, document, finding, all, checked.analysis));

  const line = disableLineEdit(checked.draft, finding.start, finding.rule, eol);
  if (line) actions.push({ title: `Disable ${finding.rule} for this line`, kind: CodeActionKind.QuickFix, diagnostics, edit: edit([line.edit]) });
  actions.push({ title: `Disable ${finding.rule} for the entire file`, kind: CodeActionKind.QuickFix, diagnostics, edit: edit([disableFileEdit(checked.draft, finding.rule, eol).edit]) });

  const sameRule = selectFixes(all, text.length, (f) => f.rule === finding.rule);
  if (sameRule.length > 1) {
    actions.push({ title: `Fix all ${finding.rule} problems in this file (${sameRule.length})`, kind: CodeActionKind.QuickFix, diagnostics, edit: edit(sameRule.flatMap((f) => f.fix!)) });
  }
  return actions;
}

function toTextEdit(document: TextDocument, replacement: Replacement): TextEdit {
  return { range: { start: document.positionAt(replacement.start), end: document.positionAt(replacement.end) }, newText: replacement.newText };
}

/** An edit of this document, versioned where the client supports it (so a stale fix is refused). */
function documentEdit(ctx: ServerContext, document: TextDocument, edits: TextEdit[]): WorkspaceEdit {
  if (ctx.capabilities.workspace?.workspaceEdit?.documentChanges) {
    const change: TextDocumentEdit = { textDocument: { uri: document.uri, version: document.version }, edits };
    return { documentChanges: [change] };
  }
  return { changes: { [document.uri]: edits } };
}
