/**
 * The custom requests of ../protocol.ts: check the whole workspace (work-done progress,
 * cancellation), reload the model, the model summary, a draft's language, what a draft cites,
 * where a model entity is defined, and the text of a built-in model file.
 */
import type { CancellationToken, ProgressToken, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { readFileSync } from 'node:fs';
import type { SectionName } from '../../../../schemas/policy-model';
import { SECTION_NAMES } from '../../../../schemas/model-names';
import { CancelledError } from '../../core/check';
import { referencesByKind } from '../../core/assist/references';
import type { ServerContext } from '../context';
import { toDiagnostic } from '../diagnostics';
import { guard } from '../guard';
import {
  CHECK_WORKSPACE, DOCUMENT_INFO, DOCUMENT_REFERENCES, MODEL_ENTRY, MODEL_FILE_TEXT, MODEL_SUMMARY, RELOAD_MODEL,
  type CheckWorkspaceResult, type DocumentInfo, type DocumentInfoParams, type DocumentReferences, type DocumentReferencesParams,
  type ModelEntryLocation, type ModelEntryParams, type ModelFileTextParams, type ModelSummary,
} from '../protocol';

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function registerCustomRequests(ctx: ServerContext): void {
  const { connection } = ctx;

  connection.onRequest(CHECK_WORKSPACE, guard(ctx, 'check workspace', null as CheckWorkspaceResult | null, async (params: { workDoneToken?: ProgressToken } | undefined, token: CancellationToken) => {
    return checkWorkspace(ctx, params?.workDoneToken, token);
  }));

  connection.onRequest(RELOAD_MODEL, guard(ctx, 'reload model', null as ModelSummary | null, async () => {
    ctx.reloadModel('reload requested');
    return ctx.modelSummary();
  }));

  connection.onRequest(MODEL_SUMMARY, guard(ctx, 'model summary', null as ModelSummary | null, () => ctx.build ? ctx.modelSummary() : null));

  connection.onRequest(DOCUMENT_INFO, guard(ctx, 'document info', null as DocumentInfo | null, (params: DocumentInfoParams) => {
    const document = typeof params?.uri === 'string' ? ctx.documents.get(params.uri) : undefined;
    const read = document && ctx.service.read(document.uri);
    return read ? { language: read.analysis.language.code, languageSource: read.analysis.languageSource } : null;
  }));

  connection.onRequest(DOCUMENT_REFERENCES, guard(ctx, 'document references', null as DocumentReferences | null, (params: DocumentReferencesParams) => {
    if (typeof params?.uri !== 'string') return null;
    const document = ctx.documents.get(params.uri);
    let analysis;
    if (document) analysis = ctx.service.read(document.uri)?.analysis;
    else {
      const uri = URI.parse(params.uri);
      analysis = uri.scheme === 'file' && /\.(md|markdown)$/i.test(uri.path) ? ctx.service.readFile(uri.fsPath, params.uri) : undefined;
    }
    if (!analysis) return null;
    const lines = analysis.lines;
    return {
      groups: referencesByKind(analysis).map((group) => ({
        kind: group.kind,
        entities: group.entries.map((entry) => ({ kind: entry.kind, id: entry.id, label: entry.label, ranges: entry.spans.map((s) => lines.rangeOf(s.start, s.end)) })),
      })),
    };
  }));

  connection.onRequest(MODEL_ENTRY, guard(ctx, 'model entry', null as ModelEntryLocation | null, (params: ModelEntryParams) => {
    if (typeof params?.section !== 'string' || typeof params.id !== 'string' || !SECTION_NAMES.includes(params.section as SectionName)) return null;
    // Articles are listed as "<act id>#<article>": their entry is the act's.
    const article = params.id.indexOf('#');
    const id = params.section === 'acts' && article >= 0 ? params.id.slice(0, article) : params.id;
    const [location] = ctx.entityLocations(params.section as SectionName, id);
    return location ? { uri: location.uri, range: location.range, builtIn: location.builtIn } : null;
  }));

  connection.onRequest(MODEL_FILE_TEXT, guard(ctx, 'model file text', null as string | null, (params: ModelFileTextParams) => {
    if (typeof params?.uri !== 'string') return null;
    const file = ctx.builtInFileOf(params.uri);
    return file ? readFileSync(file, 'utf8') : null;
  }));
}

async function checkWorkspace(ctx: ServerContext, workDoneToken: ProgressToken | undefined, token: CancellationToken): Promise<CheckWorkspaceResult> {
  const result: CheckWorkspaceResult = { files: 0, findings: 0, errors: 0, cancelled: false };
  if (!ctx.build) return result;
  let progress: WorkDoneProgressReporter | undefined;
  let progressToken: CancellationToken | undefined;
  if (workDoneToken !== undefined) progress = ctx.connection.window.attachWorkDoneProgress(workDoneToken);
  else if (ctx.capabilities.window?.workDoneProgress) {
    const created = await ctx.connection.window.createWorkDoneProgress().catch(() => undefined);
    progress = created;
    progressToken = created?.token;
  }
  const files = ctx.workspaceDrafts();
  progress?.begin('Council Notes: checking drafts', 0, `0/${files.length}`, true);
  const cancelled = () => token.isCancellationRequested || !!progressToken?.isCancellationRequested;
  try {
    for (const [i, file] of files.entries()) {
      // Let cancellation (and other requests) in between files.
      await yieldToEventLoop();
      if (cancelled()) { result.cancelled = true; break; }
      const uri = URI.file(file).toString();
      const open = ctx.documents.get(uri);
      let findings;
      let version: number | undefined;
      const stop = { get isCancellationRequested() { return cancelled(); } };
      if (open && ctx.service.isOpen(uri)) {
        version = open.version;
        // Typed in meanwhile: the newer version's own check publishes.
        const checked = await ctx.service.check(uri, stop).catch((error) => { if (error instanceof CancelledError && !cancelled()) return undefined; throw error; });
        if (!checked || ctx.documents.get(uri)?.version !== version) continue;
        findings = checked.findings;
      } else {
        const text = ctx.textOf(file);
        const checked = text === undefined ? undefined : ctx.service.checkText(uri, text, stop);
        if (!checked) continue;
        findings = checked.findings;
        ctx.workspacePublished.add(uri);
      }
      // An open draft keeps the diagnostics its check publishes with (a comparison with its original).
      void ctx.connection.sendDiagnostics({ uri, version, diagnostics: [...findings.map(toDiagnostic), ...(open ? ctx.diagnosticSources.flatMap((source) => source(open)) : [])] });
      result.files++;
      result.findings += findings.length;
      result.errors += findings.filter((f) => f.severity === 'error').length;
      progress?.report(Math.round(((i + 1) / files.length) * 100), `${i + 1}/${files.length} ${file.split(/[\\/]/).pop()}`);
    }
  } catch (error) {
    if (!cancelled()) throw error;
    result.cancelled = true;
  } finally {
    progress?.done();
  }
  ctx.log(`workspace check: ${result.files} drafts, ${result.findings} findings${result.cancelled ? ' (cancelled)' : ''}`);
  return result;
}
