/** textDocument/hover: the model's card for the entity under the cursor. */
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import { guard, offsetOf } from '../guard';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(guard(ctx, 'hover', null, (params: HoverParams): Hover | null => {
    const document = ctx.documents.get(params.textDocument?.uri);
    const offset = document && offsetOf(document, params.position);
    const card = offset !== undefined && ctx.service.hover(document!.uri, offset);
    if (!card) return null;
    return { contents: { kind: MarkupKind.Markdown, value: card.markdown }, range: { start: document!.positionAt(card.start), end: document!.positionAt(card.end) } };
  }));
}
