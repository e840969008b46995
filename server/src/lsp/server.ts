/**
 * The language server: a thin LSP layer over the core. State (documents, model, settings,
 * per-document analysis and check) lives in ServerContext; each feature registers itself from
 * ./features. Checks are debounced per document, superseded checks cancelled, and diagnostics
 * published only for the version that was checked.
 */
import { resolve } from 'node:path';
import { format } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import {
  createConnection, ProposedFeatures, TextDocumentSyncKind, DidChangeConfigurationNotification,
  type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { MODEL_FILE } from '../node/resources';
import { ServerContext } from './context';
import { toDiagnostic } from './diagnostics';
import { registerCompletion, COMPLETION_TRIGGERS } from './features/completion';
import { registerHover } from './features/hover';
import { registerCodeActions, CODE_ACTION_KINDS } from './features/code-actions';
import { registerModelCommands, MODEL_COMMANDS } from './features/add-to-model';
import { registerNavigation } from './features/navigation';
import { registerSemanticTokens, SEMANTIC_TOKENS_LEGEND } from './features/semantic-tokens';
import { registerCustomRequests } from './features/custom-requests';
import { registerCompareDiagnostics } from './features/compare-diagnostics';
import { FrameGuard } from './framing';

/**
 * A language server lives as long as the editor and holds what it checked: V8's "optimize for
 * size" mode keeps its heap close to what is in use (20 open 100 KB drafts: 124 instead of
 * 265 MB RSS) for a few percent more time in the garbage collector (docs/performance.md).
 * Set before the server allocates anything, and for every editor, whichever way it starts us.
 */
function preferSmallHeap(): void {
  if (process.env.COUNCIL_NOTES_OPTIMIZE_FOR_SIZE !== '0') setFlagsFromString('--optimize-for-size');
}

/**
 * Over stdio, stdin goes through a FrameGuard (./framing.ts): a message with a broken header is
 * dropped and reading goes on from the next one; when none comes, the server exits with an error
 * (status 1) so that the editor restarts it, instead of running on deaf.
 */
function defaultConnection(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const say = (message: string) => process.stderr.write(`council-notes: ${message}\n`);
  const guard = new FrameGuard({
    broken: (reason) => say(`dropped a message with a broken message header (${reason}); reading on from the next header`),
    resynchronised: (skipped) => say(`reading again after ${skipped.toLocaleString('en')} skipped bytes`),
    unrecoverable: (reason) => { say(`${reason}: the editor's messages cannot be read any more; exiting so that the editor restarts the server`); process.exit(1); },
  });
  process.stdin.pipe(guard);
  // vscode-languageserver sends console output to the editor only when it opens stdio itself;
  // here stdout carries the protocol, so console output goes to stderr.
  for (const name of ['log', 'info', 'debug', 'warn', 'trace'] as const) console[name] = (...args: unknown[]) => { process.stderr.write(`${format(...args)}\n`); };
  return createConnection(ProposedFeatures.all, guard, process.stdout);
}

export function startServer(connection: Connection = defaultConnection()): Connection {
  preferSmallHeap();
  const ctx = new ServerContext(connection);
  const { documents } = ctx;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    ctx.capabilities = params.capabilities ?? {};
    ctx.supportsConfiguration = !!params.capabilities?.workspace?.configuration;
    ctx.clientLocale = params.locale;
    // resolve() drops a trailing separator ("file:///ws/"), so that paths compare with the folder.
    ctx.workspaceFolders = (params.workspaceFolders ?? []).map((folder) => resolve(URI.parse(folder.uri).fsPath));
    if (ctx.workspaceFolders.length === 0 && params.rootUri) ctx.workspaceFolders = [resolve(URI.parse(params.rootUri).fsPath)];
    const options = (params.initializationOptions ?? {}) as { builtInModelUris?: unknown };
    if (options.builtInModelUris === 'file') ctx.builtInModelUris = 'file';
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        workspace: { workspaceFolders: { supported: true } },
        completionProvider: { resolveProvider: true, triggerCharacters: COMPLETION_TRIGGERS },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
        executeCommandProvider: { commands: MODEL_COMMANDS },
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: { label: 'Council Notes' },
        workspaceSymbolProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true },
      },
    };
  });

  connection.onInitialized(async () => {
    // Register for configuration changes only with clients that support registering them (eglot warns otherwise).
    if (ctx.supportsConfiguration && ctx.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'councilNotes' });
    await ctx.refreshSettings();
    ctx.reloadModel('startup');
  });

  documents.onDidOpen(({ document }) => {
    if (ctx.isModelDocument(document.uri)) { ctx.modelDocumentChanged(document); return; }
    if (ctx.isDraft(document)) ctx.service.open(document);
    ctx.schedule(document, 0);
  });
  documents.onDidChangeContent(({ document }) => {
    if (ctx.isModelDocument(document.uri)) { ctx.modelDocumentChanged(document); return; }
    if (ctx.isDraft(document)) ctx.service.update(document);
    ctx.schedule(document);
  });
  documents.onDidSave(({ document }) => {
    if (ctx.isModelDocument(document.uri)) ctx.modelDocumentSaved(document);
  });
  documents.onDidClose(({ document }) => {
    ctx.cancelPending(document.uri);
    if (ctx.isModelDocument(document.uri)) {
      // Back to the version on disk.
      const file = URI.parse(document.uri).fsPath;
      ctx.cancelModelUpdate(file);
      if (ctx.store.has(file)) ctx.reloadModel(`closed ${file}`);
      return;
    }
    // A draft a workspace check reported keeps its findings (for the version on disk).
    const file = URI.parse(document.uri);
    const text = ctx.workspacePublished.has(document.uri) && file.scheme === 'file' ? ctx.textOf(file.fsPath) : undefined;
    if (text !== undefined && ctx.build) {
      try {
        const { findings } = ctx.service.checkText(document.uri, text)!;
        void connection.sendDiagnostics({ uri: document.uri, diagnostics: findings.map(toDiagnostic) });
        return;
      } catch (error) {
        ctx.log(`check of ${document.uri} failed: ${(error as Error).message}`);
      }
    }
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(async (params) => {
    const before = ctx.modelOrder().join('\n');
    await ctx.refreshSettings(params.settings);
    // Only a change of model files rebuilds the model; rule and language settings just re-check.
    if (ctx.modelOrder().join('\n') !== before) ctx.reloadModel('model settings changed');
    else {
      ctx.publishModelProblems();
      for (const document of documents.all()) ctx.schedule(document, 0);
    }
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    const files = changes.map((change) => URI.parse(change.uri).fsPath).filter((file) => MODEL_FILE.test(file));
    if (files.length > 0) ctx.modelFilesChangedOnDisk(files);
  });

  registerCompletion(ctx);
  registerHover(ctx);
  registerCodeActions(ctx);
  registerModelCommands(ctx);
  registerNavigation(ctx);
  registerSemanticTokens(ctx);
  registerCustomRequests(ctx);
  registerCompareDiagnostics(ctx);

  documents.listen(connection);
  connection.listen();
  return connection;
}
