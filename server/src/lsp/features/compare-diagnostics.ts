/**
 * A translation compared with its original in the editor: the front-matter key
 * `original: ../en/note.md` (a path relative to the translation), or the "Compare with another
 * language version…" command (request COMPARE_WITH), names the original. Its findings
 * (core/compare) are published with the translation's check, each with relatedInformation at the
 * original's range, and re-published when either version changes.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { dirname, isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DraftAnalysis } from '../../core/analysis/draft-analysis';
import type { CompareFinding } from '../../core/compare/compare';
import { packageRoot } from '../../node/resources';
import type { ServerContext } from '../context';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from '../diagnostics';
import { guard } from '../guard';
import { COMPARE_WITH, type CompareWithParams, type CompareWithResult } from '../protocol';

const DOC_HREF = pathToFileURL(resolve(packageRoot(), 'docs', 'compare.md')).toString();

export function registerCompareDiagnostics(ctx: ServerContext): void {
  const { documents } = ctx;
  /** Originals chosen with the command, by translation URI (they win over the front matter). */
  const chosen = new Map<string, string>();
  /** The original each open translation was last compared with, to re-check it when the original changes. */
  const originalOf = new Map<string, string>();
  /** The comparison of a translation, or a problem with its `original:` key; undefined when it names no original. */
  const compare = (document: TextDocument): { file: string; findings: CompareFinding[]; translation: DraftAnalysis; original: DraftAnalysis } | { problem: Diagnostic } | undefined => {
    const analysis = ctx.service.read(document.uri)?.analysis;
    if (!analysis) return undefined;
    const frontMatter = analysis.draft.frontMatter;
    const declared = frontMatter?.data.original;
    const file = chosen.get(document.uri) ?? (typeof declared === 'string' && declared.trim() ? resolveOriginal(document.uri, declared.trim()) : undefined);
    if (!file) {
      originalOf.delete(document.uri);
      return undefined;
    }
    originalOf.set(document.uri, file);
    const keyRange = () => {
      const at = frontMatter ? document.getText().indexOf('original:', frontMatter.start) : -1;
      return at >= 0 ? { start: document.positionAt(at), end: document.positionAt(document.getText().indexOf('\n', at)) } : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    };
    const compared = ctx.service.compare(document.uri, file, file === URI.parse(document.uri).fsPath);
    if (!compared) return undefined;
    return 'problem' in compared ? { problem: problem(keyRange(), compared.problem) } : { file, ...compared };
  };

  ctx.diagnosticSources.push((document) => {
    try {
      const compared = compare(document);
      if (!compared) return [];
      if ('problem' in compared) return [compared.problem];
      const uri = URI.file(compared.file).toString();
      return compared.findings.map((finding) => ({
        ...toDiagnostic(finding),
        codeDescription: { href: `${DOC_HREF}#${finding.rule}` },
        relatedInformation: [{ location: { uri, range: finding.original.range }, message: 'The original' }],
      }));
    } catch (error) {
      ctx.log(`comparison of ${document.uri} failed: ${(error as Error).stack ?? error}`);
      return [];
    }
  });

  /** An edited, opened or closed draft may be another's original: that translation is re-checked. */
  const recheckTranslationsOf = (document: TextDocument) => {
    const uri = URI.parse(document.uri);
    if (uri.scheme !== 'file') return;
    for (const [translation, original] of originalOf) {
      const open = original === uri.fsPath && translation !== document.uri ? documents.get(translation) : undefined;
      if (open) ctx.schedule(open);
    }
  };
  documents.onDidChangeContent(({ document }) => recheckTranslationsOf(document));
  documents.onDidOpen(({ document }) => recheckTranslationsOf(document));
  // Closed: the original is read from disk again.
  documents.onDidClose(({ document }) => { recheckTranslationsOf(document); originalOf.delete(document.uri); });

  ctx.connection.onRequest(COMPARE_WITH, guard(ctx, 'compare with', null as CompareWithResult | null, (params: CompareWithParams) => {
    const document = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    if (!document || !ctx.isDraft(document)) return null;
    if (params.original === null) {
      chosen.delete(document.uri);
      ctx.schedule(document, 0);
      return null;
    }
    if (typeof params.original !== 'string') return null;
    const file = URI.parse(params.original).scheme === 'file' && params.original.startsWith('file:') ? URI.parse(params.original).fsPath : resolveOriginal(document.uri, params.original);
    if (!file) return null;
    chosen.set(document.uri, file);
    const compared = compare(document);
    ctx.schedule(document, 0);
    if (!compared || 'problem' in compared) return null;
    return {
      original: compared.file,
      language: compared.translation.language.code,
      originalLanguage: compared.original.language.code,
      findings: compared.findings.length,
      errors: compared.findings.filter((finding) => finding.severity === 'error').length,
    };
  }));
}

/** An `original:` path: absolute, or relative to the translation's folder (a translation not saved yet has none). */
function resolveOriginal(translationUri: string, path: string): string | undefined {
  if (isAbsolute(path)) return resolve(path);
  const uri = URI.parse(translationUri);
  return uri.scheme === 'file' ? resolve(dirname(uri.fsPath), path) : undefined;
}

function problem(range: Diagnostic['range'], message: string): Diagnostic {
  return { range, severity: DiagnosticSeverity.Warning, code: 'compare-original', codeDescription: { href: DOC_HREF }, source: DIAGNOSTIC_SOURCE, message };
}
