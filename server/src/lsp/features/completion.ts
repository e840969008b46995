/** textDocument/completion and completionItem/resolve over core/assist/completion. */
import { CompletionItemKind, CompletionTriggerKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver/node';
import type { SectionName } from '../../../../schemas/policy-model';
import type { CandidateKind } from '../../core/assist/completion';
import { entityCard } from '../../core/assist/cards';
import type { ServerContext } from '../context';
import { guard, offsetOf } from '../guard';

const KIND: Record<CandidateKind, CompletionItemKind> = {
  country: CompletionItemKind.EnumMember,
  act: CompletionItemKind.Module,
  article: CompletionItemKind.Field,
  body: CompletionItemKind.Class,
  instrument: CompletionItemKind.Struct,
  acronym: CompletionItemKind.Constant,
};

export const COMPLETION_TRIGGERS = [' '];

interface ItemData { section: SectionName; id: string; article?: string; lang: string }

export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onCompletion(guard(ctx, 'completion', null, (params: CompletionParams, token): CompletionList | null => {
    const document = ctx.documents.get(params.textDocument?.uri);
    const offset = document && offsetOf(document, params.position);
    if (!document || offset === undefined) return null;
    const afterSpace = params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter && params.context.triggerCharacter === ' ';
    const result = ctx.service.complete(document.uri, offset, { explicit: params.context?.triggerKind === CompletionTriggerKind.Invoked, afterSpace });
    if (!result || token.isCancellationRequested) return null;
    const { language } = result;
    const items: CompletionItem[] = result.items.map((candidate) => ({
      label: candidate.label,
      kind: KIND[candidate.kind],
      detail: candidate.detail,
      sortText: candidate.sortText,
      filterText: candidate.filterText,
      preselect: candidate.preselect,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range: { start: document.positionAt(candidate.start), end: document.positionAt(candidate.end) }, newText: candidate.insertText },
      data: { section: candidate.section, id: candidate.id, article: candidate.article, lang: language.code } satisfies ItemData,
    }));
    return { isIncomplete: result.isIncomplete, items };
  }));

  ctx.connection.onCompletionResolve(async (item: CompletionItem) => {
    try {
      const data = item.data as ItemData | undefined;
      const language = data && ctx.languages.get(data.lang);
      if (!data || !language || !ctx.build) return item;
      const card = entityCard(ctx.build.index, language, data.section, data.id, { article: data.article });
      if (card) item.documentation = { kind: MarkupKind.Markdown, value: card };
    } catch (error) {
      ctx.log(`completion resolve failed: ${(error as Error).stack ?? error}`);
    }
    return item;
  });
}
