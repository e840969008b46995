/**
 * textDocument/codeAction: for each finding under the cursor, its fix (preferred) or its
 * suggestions, "add to workspace policy model", disabling the rule for the line or the file,
 * and fixing every finding of the rule at once; and the `source.fixAll.councilNotes` source
 * action, which applies every safe fix and re-checks until nothing is left (as `--fix` does).
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkDraft } from '../../core/check';
import type { Finding, Replacement } from '../../core/findings';
import { detectEol, fixUntilStable, minimalEdit, selectFixes, withEol, type Eol } from '../../core/fix/apply';
import { disableFileEdit, disableLineEdit } from '../../core/fix/directives';
import { modelAdditionFor } from '../../core/assist/model-edit';
import { addToModelAction } from './add-to-model';
import type { ServerContext } from '../context';
import { toDiagnostic } from '../diagnostics';
import { guard } from '../guard';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.councilNotes`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** Rules whose suggestions replace the finding's own text (others suggest text for elsewhere). */
const SUGGESTION_REPLACES_SPAN = new Set(['unknown-country', 'deprecated-name', 'deprecated-term', 'malformed-citation', 'date-format', 'list-count',
  'unknown-instrument', 'group-membership', 'fact-mismatch', 'unknown-act', 'designation-footnote']);

const clip = (text: string, max = 60) => { const one = text.replace(/\s+/g, ' ').trim(); return one.length > max ? `${one.slice(0, max - 1)}…` : one; };

/** What applying a finding's fix does, in words. */
export function fixTitle(finding: Finding, text: string): string {
  const edits = finding.fix ?? [];
  const single = edits.length === 1 ? edits[0] : undefined;
  const old = single ? text.slice(single.start, single.end) : '';
  const neu = single?.newText ?? '';
  switch (finding.rule) {
    case 'deprecated-name': case 'deprecated-term': return `Replace deprecated "${clip(old)}" with "${clip(neu)}"`;
    case 'designation-footnote':
      return single && single.start === single.end && neu === '*' ? `Add the designation asterisk: "${clip(text.slice(finding.start, finding.end))}*"` : 'Add the designation footnote';
    case 'undefined-acronym': return `Spell out ${clip(old)} at its first use: "${clip(neu)}"`;
    case 'list-count': return `Correct the count to ${clip(neu)}`;
    case 'acronym-expansion': return `Write the expansion "${clip(neu)}"`;
    case 'malformed-citation': return neu === '' ? `Remove "${clip(old)}"` : old === '' ? `Insert "${clip(neu)}"` : `Write "${clip(neu)}" instead of "${clip(old)}"`;
    case 'date-format': return `Write "${clip(neu)}"`;
    default: return single ? `Replace "${clip(old)}" with "${clip(neu)}"` : `Fix: ${clip(finding.message)}`;
  }
}

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(guard(ctx, 'code actions', null, (params: CodeActionParams, token): CodeAction[] | null => {
    const document = ctx.documents.get(params.textDocument?.uri);
    if (!document || !ctx.isDraft(document) || !ctx.build) return null;
    const checked = ctx.checked(document, token);
    if (!checked) return null;
    const only = params.context?.only;
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const actions: CodeAction[] = [];
    const text = checked.text;
    const eol = detectEol(text);
    const start = document.offsetAt(params.range.start);
    const end = document.offsetAt(params.range.end);
    const findings = checked.result.findings;

    if (wants(CodeActionKind.QuickFix)) {
      for (const finding of findings) {
        if (finding.start > end || finding.end < start) continue;
        actions.push(...quickFixes(ctx, document, text, eol, finding, findings, checked));
      }
    }
    // Source actions only when asked for (on save, or from the Source Action menu).
    if (only && wants(FIX_ALL_KIND) && findings.some((f) => f.fix)) {
      const outcome = fixUntilStable(text, (t) => t === text ? findings : checkDraft({ text: t, model: ctx.build!.index, languages: ctx.languages, settings: ctx.checkSettings(), token }).findings, { eol });
      const edit = minimalEdit(text, outcome.text);
      if (edit) actions.push({ title: `Fix all Council Notes problems that have a safe fix (${outcome.applied.length})`, kind: FIX_ALL_KIND, edit: documentEdit(ctx, document, [toTextEdit(document, edit)]) });
    }
    return actions;
  }));
}

function quickFixes(ctx: ServerContext, document: TextDocument, text: string, eol: Eol, finding: Finding, all: Finding[], checked: NonNullable<ReturnType<ServerContext['checked']>>): CodeAction[] {
  const actions: CodeAction[] = [];
  const diagnostics = [toDiagnostic(finding)];
  const edit = (replacements: readonly Replacement[]) => documentEdit(ctx, document, replacements.map((r) => toTextEdit(document, { ...r, newText: withEol(r.newText, eol) })));
  const fix = finding.fix && selectFixes([finding], text.length).length === 1 ? finding.fix : undefined;
  if (fix) actions.push({ title: fixTitle(finding, text), kind: CodeActionKind.QuickFix, diagnostics, isPreferred: true, edit: edit(fix) });

  if (SUGGESTION_REPLACES_SPAN.has(finding.rule)) {
    const fixed = fix?.length === 1 && fix[0].start === finding.start && fix[0].end === finding.end ? fix[0].newText : undefined;
    const suggestions = (finding.suggestions ?? []).filter((s) => s !== fixed && !(finding.rule === 'designation-footnote' && fix));
    suggestions.forEach((suggestion) => {
      actions.push({
        title: `Replace with "${clip(suggestion)}"`, kind: CodeActionKind.QuickFix, diagnostics,
        isPreferred: !fix && suggestions.length === 1 ? true : undefined,
        edit: edit([{ start: finding.start, end: finding.end, newText: suggestion }]),
      });
    });
  }

  const addition = checked.view ?? ctx.view(document)?.view;
  const model = addition && modelAdditionFor(finding, addition.analysis);
  if (model) {
    const action = addToModelAction(ctx, document, model, diagnostics);
    if (action) actions.push(action);
  }

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
