/** textDocument/hover: the model's card for the entity under the cursor. */
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { entityCard } from '../../core/assist/cards';
import { refAt } from '../../core/assist/entity-refs';
import type { ServerContext } from '../context';
import { guard, offsetOf } from '../guard';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(guard(ctx, 'hover', null, (params: HoverParams): Hover | null => {
    const document = ctx.documents.get(params.textDocument?.uri);
    if (!document || !ctx.isDraft(document) || !ctx.build) return null;
    const offset = offsetOf(document, params.position);
    const snapshot = ctx.view(document);
    if (offset === undefined || !snapshot) return null;
    const { analysis, language } = snapshot.view;
    const ref = refAt(analysis, offset);
    if (!ref) return null;
    const card = entityCard(ctx.build.index, language, ref.section, ref.id, { article: ref.article });
    if (!card) return null;
    return { contents: { kind: MarkupKind.Markdown, value: card }, range: { start: document.positionAt(ref.start), end: document.positionAt(ref.end) } };
  }));
}
