/**
 * Semantic tokens for recognised entities, so themes can colour them. Custom types `country`,
 * `legalAct` (acts and articles), `body` and `acronym`, plus the standard `type` (instruments)
 * and `enum` (groups) and `namespace` (places); modifiers `deprecated` (a deprecated name) and
 * `definition` (an acronym where it is spelled out). Clients map the custom types to standard
 * ones through their own fallbacks (VS Code: `semanticTokenTypes` with a `superType`).
 */
import type { SemanticTokens, SemanticTokensLegend, SemanticTokensParams, SemanticTokensRangeParams } from 'vscode-languageserver/node';
import { flatRefs, type RefKind } from '../../core/assist/entity-refs';
import type { ServerContext } from '../context';
import { guard } from '../guard';

export const TOKEN_TYPES = ['country', 'legalAct', 'body', 'acronym', 'type', 'enum', 'namespace'] as const;
export const TOKEN_MODIFIERS = ['deprecated', 'definition'] as const;
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const TYPE_OF: Partial<Record<RefKind, typeof TOKEN_TYPES[number]>> = {
  country: 'country', act: 'legalAct', article: 'legalAct', body: 'body', acronym: 'acronym', instrument: 'type', group: 'enum', place: 'namespace',
};

export function registerSemanticTokens(ctx: ServerContext): void {
  const tokens = (uri: string, range?: { start: { line: number; character: number }; end: { line: number; character: number } }): SemanticTokens => {
    const document = ctx.documents.get(uri);
    const read = document && ctx.service.read(document.uri);
    if (!document || !read) return { data: [] };
    const { analysis } = read;
    const from = range ? document.offsetAt(range.start) : 0;
    const to = range ? document.offsetAt(range.end) : Number.MAX_SAFE_INTEGER;
    const data: number[] = [];
    let previousLine = 0;
    let previousChar = 0;
    for (const ref of flatRefs(analysis)) {
      if (ref.end <= from || ref.start >= to) continue;
      const type = TYPE_OF[ref.kind];
      if (!type) continue;
      const typeIndex = TOKEN_TYPES.indexOf(type);
      const modifiers = (ref.deprecated ? 1 : 0) | (ref.definition ? 2 : 0);
      // Tokens never span lines: a name broken over two lines is two tokens.
      let start = ref.start;
      while (start < ref.end) {
        const position = analysis.lines.positionAt(start);
        const lineEnd = position.line + 1 < analysis.lines.lineCount ? analysis.lines.lineStart(position.line + 1) : analysis.text.length;
        let end = Math.min(ref.end, lineEnd);
        while (end > start && /[\r\n]/.test(analysis.text[end - 1])) end--;
        if (end > start) {
          const deltaLine = position.line - previousLine;
          data.push(deltaLine, deltaLine === 0 ? position.character - previousChar : position.character, end - start, typeIndex, modifiers);
          previousLine = position.line;
          previousChar = position.character;
        }
        start = Math.max(lineEnd, start + 1);
        while (start < ref.end && /\s/.test(analysis.text[start])) start++;
      }
    }
    return { data };
  };
  ctx.connection.languages.semanticTokens.on(guard(ctx, 'semantic tokens', { data: [] }, (params: SemanticTokensParams) => tokens(params.textDocument?.uri)));
  ctx.connection.languages.semanticTokens.onRange(guard(ctx, 'semantic tokens (range)', { data: [] }, (params: SemanticTokensRangeParams) => tokens(params.textDocument?.uri, params.range)));
}
