/**
 * Navigation: go to definition (an entity's entry in its model file; built-in files under the
 * read-only `council-notes-model:` scheme), find references (an entity across the workspace's
 * drafts), document symbols (headings, questions to ministers, footnotes) and workspace
 * symbols (model entities).
 */
import { SymbolKind, type DefinitionParams, type DocumentSymbol, type DocumentSymbolParams, type Location, type ReferenceParams, type SymbolInformation, type WorkspaceSymbolParams } from 'vscode-languageserver/node';
import type { SectionName } from '../../../../schemas/policy-model';
import { searchModel } from '../../core/assist/model-search';
import type { DraftSymbol } from '../../core/assist/symbols';
import type { ServerContext } from '../context';
import { guard, offsetOf } from '../guard';

const SYMBOL_KIND: Record<DraftSymbol['kind'], SymbolKind> = { heading: SymbolKind.String, question: SymbolKind.Event, footnote: SymbolKind.Key };

const SECTION_KIND: Partial<Record<SectionName, SymbolKind>> = {
  countries: SymbolKind.EnumMember, acts: SymbolKind.Module, bodies: SymbolKind.Class, instruments: SymbolKind.Struct,
  acronyms: SymbolKind.Constant, groups: SymbolKind.Enum, places: SymbolKind.Namespace, terminology: SymbolKind.String, factKinds: SymbolKind.Event,
};

export function registerNavigation(ctx: ServerContext): void {
  const { connection } = ctx;

  connection.onDefinition(guard(ctx, 'definition', null, (params: DefinitionParams): Location[] | null => {
    const document = ctx.documents.get(params.textDocument?.uri);
    const offset = document && offsetOf(document, params.position);
    const locations = offset === undefined ? [] : ctx.service.definition(document!.uri, offset);
    return locations.length ? locations : null;
  }));

  connection.onReferences(guard(ctx, 'references', null, (params: ReferenceParams, token): Location[] | null => {
    const document = ctx.documents.get(params.textDocument?.uri);
    const offset = document && offsetOf(document, params.position);
    if (offset === undefined || !ctx.service.isOpen(document!.uri)) return null;
    return ctx.service.references(document!.uri, offset, { includeDeclaration: params.context?.includeDeclaration }, token);
  }));

  connection.onDocumentSymbol(guard(ctx, 'document symbols', null, (params: DocumentSymbolParams): DocumentSymbol[] | null => {
    const document = ctx.documents.get(params.textDocument?.uri);
    if (!document || !ctx.service.isOpen(document.uri)) return null;
    const convert = (symbol: DraftSymbol): DocumentSymbol => ({
      name: symbol.name,
      detail: symbol.detail,
      kind: SYMBOL_KIND[symbol.kind],
      range: { start: document.positionAt(symbol.start), end: document.positionAt(symbol.end) },
      selectionRange: { start: document.positionAt(symbol.selectionStart), end: document.positionAt(symbol.selectionEnd) },
      children: symbol.children.map(convert),
    });
    return ctx.service.symbols(document.uri).map(convert);
  }));

  connection.onWorkspaceSymbol(guard(ctx, 'workspace symbols', null, (params: WorkspaceSymbolParams, token): SymbolInformation[] | null => {
    if (!ctx.build) return null;
    const language = ctx.languages.get(ctx.settings.language) ?? ctx.languages.get('en')!;
    const out: SymbolInformation[] = [];
    for (const symbol of searchModel(ctx.build.index, language, typeof params.query === 'string' ? params.query : '', 100)) {
      if (token.isCancellationRequested) return null;
      const [location] = ctx.entityLocations(symbol.section, symbol.id);
      if (!location) continue;
      out.push({ name: symbol.name, kind: SECTION_KIND[symbol.section] ?? SymbolKind.Object, containerName: `${symbol.section} · ${symbol.detail}`, location: { uri: location.uri, range: location.range } });
    }
    return out;
  }));
}
