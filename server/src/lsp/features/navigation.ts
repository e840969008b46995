/**
 * Navigation: go to definition (an entity's entry in its model file; built-in files under the
 * read-only `council-notes-model:` scheme), find references (an entity across the workspace's
 * drafts), document symbols (headings, questions to ministers, footnotes) and workspace
 * symbols (model entities).
 */
import { SymbolKind, type DefinitionParams, type DocumentSymbol, type DocumentSymbolParams, type Location, type ReferenceParams, type SymbolInformation, type WorkspaceSymbolParams } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import type { SectionName } from '../../../../schemas/policy-model';
import { entityRefs, refAt, refKey } from '../../core/assist/entity-refs';
import { searchModel } from '../../core/assist/model-search';
import { documentSymbols, type DraftSymbol } from '../../core/assist/symbols';
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
    if (!document || !ctx.isDraft(document)) return null;
    const offset = offsetOf(document, params.position);
    const snapshot = ctx.view(document);
    if (offset === undefined || !snapshot) return null;
    const ref = refAt(snapshot.view.analysis, offset);
    if (!ref) return null;
    const locations = ctx.entityLocations(ref.section, ref.id).map(({ uri, range }) => ({ uri, range }));
    return locations.length ? locations : null;
  }));

  connection.onReferences(guard(ctx, 'references', null, (params: ReferenceParams, token): Location[] | null => {
    const document = ctx.documents.get(params.textDocument?.uri);
    if (!document || !ctx.isDraft(document)) return null;
    const offset = offsetOf(document, params.position);
    const snapshot = ctx.view(document);
    if (offset === undefined || !snapshot) return null;
    const target = refAt(snapshot.view.analysis, offset);
    if (!target) return null;
    const key = refKey(target);
    const locations: Location[] = [];
    if (params.context?.includeDeclaration) {
      for (const { uri, range } of ctx.entityLocations(target.section, target.id)) locations.push({ uri, range });
    }
    for (const file of ctx.workspaceDrafts()) {
      if (token.isCancellationRequested) return null;
      const view = ctx.viewOfFile(file);
      if (!view) continue;
      const uri = URI.file(file).toString();
      for (const ref of entityRefs(view.analysis)) {
        if (refKey(ref) !== key) continue;
        locations.push({ uri, range: view.analysis.lines.rangeOf(ref.start, ref.end) });
      }
    }
    // An open draft that is not a file on disk (untitled) still counts.
    if (URI.parse(document.uri).scheme !== 'file') {
      for (const ref of entityRefs(snapshot.view.analysis)) {
        if (refKey(ref) === key) locations.push({ uri: document.uri, range: { start: document.positionAt(ref.start), end: document.positionAt(ref.end) } });
      }
    }
    return locations;
  }));

  connection.onDocumentSymbol(guard(ctx, 'document symbols', null, (params: DocumentSymbolParams): DocumentSymbol[] | null => {
    const document = ctx.documents.get(params.textDocument?.uri);
    if (!document || !ctx.isDraft(document)) return null;
    const convert = (symbol: DraftSymbol): DocumentSymbol => ({
      name: symbol.name,
      detail: symbol.detail,
      kind: SYMBOL_KIND[symbol.kind],
      range: { start: document.positionAt(symbol.start), end: document.positionAt(symbol.end) },
      selectionRange: { start: document.positionAt(symbol.selectionStart), end: document.positionAt(symbol.selectionEnd) },
      children: symbol.children.map(convert),
    });
    return documentSymbols(document.getText()).map(convert);
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
