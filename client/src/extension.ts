/**
 * Council Notes: the VS Code side. A thin client that starts the language server
 * (dist/server.js) over IPC and forwards documents, settings and model-file events to it.
 * All checking logic lives in the server; the UI (commands.ts, status.ts, references.ts,
 * model-documents.ts) only asks the server and shows its answers.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
  type ErrorHandler,
} from 'vscode-languageclient/node';
import { BUILT_IN_MODEL_SCHEME, MODEL_CHANGED, type ModelSummary } from '../../server/src/lsp/protocol';
import { clientCommandsFeature, registerCommands } from './commands';
import type { Host } from './host';
import { CRASH_WINDOW_MS, CrashPolicy, MAX_RESTARTS, type CrashNotice } from './crash-policy';
import { BuiltInModelProvider } from './model-documents';
import { Publications } from './publications';
import { REVEAL_COMMAND, ReferencesProvider, revealReference, type ReferenceSnapshot } from './references-view';
import { StatusItem, type StatusSnapshot } from './status';

/** Model files the server validates and reads. */
export const MODEL_FILE_GLOB = '**/*.policy.{yaml,yml,json}';

/**
 * Documents synchronised with the server: drafts and workspace model files. Only `file` model
 * files: built-in ones shown read-only (council-notes-model:) are the server's own.
 */
const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'untitled', language: 'markdown' },
  { scheme: 'file', pattern: MODEL_FILE_GLOB },
];

/** Fires when a new server runs and when the server reports a rebuilt model. */
const modelChanged = new vscode.EventEmitter<ModelSummary | undefined>();
/** Fires when a new server runs (after a restart too). */
const clientStarted = new vscode.EventEmitter<void>();
/** Publications of diagnostics, seen through the client's middleware (made on activation). */
let publications: Publications | undefined;

/** What `activate` returns; tests use it to wait until the server is running. */
export interface CouncilNotesApi {
  /** The current client (replaced on restart). */
  readonly client: LanguageClient | undefined;
  /** Resolves once the current client has started (after a restart too). */
  ready(): Promise<void>;
  /** Stops and starts the server again. */
  restart(): Promise<void>;
  /** The language status item: asks the server again and resolves with what it shows. */
  status(): Promise<StatusSnapshot>;
  /** The References view, fully expanded, for the draft it shows. */
  references(): Promise<ReferenceSnapshot[]>;
}

let client: LanguageClient | undefined;
let starting: Promise<void> | undefined;
/** Serialises restarts, so two quick restarts never run two servers. */
let restarting: Promise<void> = Promise.resolve();

/** A file of the installed extension outside every workspace folder (so not while developing it). */
function isOwnFile(context: vscode.ExtensionContext, uri: vscode.Uri): boolean {
  if (uri.scheme !== context.extensionUri.scheme) return false;
  const root = context.extensionUri.path.replace(/\/$/, '');
  return uri.path.startsWith(`${root}/`) && !vscode.workspace.getWorkspaceFolder(uri);
}

/**
 * Restarts a server that stopped unexpectedly, telling the user once, and gives up with a message
 * when it keeps stopping (CrashPolicy). Messages are shown here (`handled`), not by the client
 * library, which would show the restart only at revealOutputChannelOn "info".
 */
function crashHandler(output: vscode.LogOutputChannel): ErrorHandler {
  const policy = new CrashPolicy();
  const tell = (notice: CrashNotice) => {
    const message = notice === 'restarted'
      ? vscode.l10n.t('The Council Notes language server stopped unexpectedly and was restarted. The output shows why.')
      : vscode.l10n.t('The Council Notes language server stopped {0} times in {1} minutes and is not restarted again. The output shows why; run "Council Notes: Restart Language Server" once the cause is fixed.', MAX_RESTARTS + 1, CRASH_WINDOW_MS / 60_000);
    output.error(message);
    const show = notice === 'restarted' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
    const showOutput = vscode.l10n.t('Show Output');
    void show(message, showOutput).then((choice) => { if (choice === showOutput) output.show(true); });
  };
  return {
    error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () => {
      const decision = policy.closed();
      if (decision.notice) tell(decision.notice);
      return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
    },
  };
}

function createClient(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
  watcher: vscode.FileSystemWatcher,
): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    errorHandler: crashHandler(output),
    synchronize: {
      configurationSection: 'councilNotes',
      fileEvents: watcher,
    },
    middleware: {
      handleDiagnostics(uri, diagnostics, next) {
        next(uri, diagnostics);
        publications?.didPublish(uri);
      },
      // The extension's own files (the rule pages opened by "Open Rule Documentation", whose
      // examples are wrong on purpose) are not drafts: never sent to the server.
      didOpen: (document, next) => (isOwnFile(context, document.uri) ? Promise.resolve() : next(document)),
      didChange: (event, next) => (isOwnFile(context, event.document.uri) ? Promise.resolve() : next(event)),
      didSave: (document, next) => (isOwnFile(context, document.uri) ? Promise.resolve() : next(document)),
      didClose: (document, next) => (isOwnFile(context, document.uri) ? Promise.resolve() : next(document)),
    },
  };
  const languageClient = new LanguageClient('councilNotes', 'Council Notes', serverOptions, clientOptions);
  languageClient.registerFeature(clientCommandsFeature());
  return languageClient;
}

function isSummary(value: unknown): value is ModelSummary {
  const v = value as ModelSummary | undefined;
  return !!v && typeof v.name === 'string' && Array.isArray(v.files) && typeof v.entities === 'object' && typeof v.problems === 'number';
}

async function start(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
  watcher: vscode.FileSystemWatcher,
): Promise<void> {
  const current = (client = createClient(context, output, watcher));
  publications?.reset();
  current.onNotification(MODEL_CHANGED, (summary?: ModelSummary) => {
    if (client === current) modelChanged.fire(isSummary(summary) ? summary : undefined);
  });
  starting = current.start();
  try {
    await starting;
    if (client === current) {
      clientStarted.fire();
      modelChanged.fire(undefined);
    }
  } catch (error) {
    output.error(`The language server failed to start: ${String(error)}`);
    throw error;
  }
}

async function stop(): Promise<void> {
  const current = client;
  client = undefined;
  starting = undefined;
  if (current) {
    try {
      await current.stop();
    } catch {
      // The server may already be gone; nothing to do.
    }
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<CouncilNotesApi> {
  const output = vscode.window.createOutputChannel('Council Notes', { log: true });
  // One watcher for the extension's lifetime; each client hooks its listeners onto it.
  const watcher = vscode.workspace.createFileSystemWatcher(MODEL_FILE_GLOB);
  context.subscriptions.push(output, watcher);

  const restart = (): Promise<void> => {
    const next = restarting.catch(() => undefined).then(async () => {
      await stop();
      await start(context, output, watcher);
    });
    restarting = next;
    return next;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('councilNotes.restartServer', async () => {
      await restart();
      vscode.window.setStatusBarMessage('Council Notes: language server restarted', 3000);
    }),
    vscode.commands.registerCommand('councilNotes.showOutput', () => output.show(true)),
    { dispose: () => void stop() },
  );

  const ready = async () => {
    await restarting.catch(() => undefined);
    if (starting) await starting;
  };
  publications = new Publications();
  const host: Host = {
    context,
    output,
    async client() {
      await ready();
      if (!client || !client.isRunning()) throw new Error(vscode.l10n.t('The Council Notes language server is not running.'));
      return client;
    },
    onDidChangeModel: modelChanged.event,
    publications,
  };

  const builtInModel = new BuiltInModelProvider(host);
  const status = new StatusItem(host, DOCUMENT_SELECTOR.map(({ language, pattern }) => (language ? { language } : { pattern })));
  const references = new ReferencesProvider(host);
  context.subscriptions.push(
    modelChanged,
    publications,
    builtInModel,
    vscode.workspace.registerTextDocumentContentProvider(BUILT_IN_MODEL_SCHEME, builtInModel),
    clientStarted,
    clientStarted.event(() => builtInModel.refreshOpen()),
    status,
    references,
    vscode.commands.registerCommand(REVEAL_COMMAND, (uri: vscode.Uri, range: vscode.Range) => revealReference(uri, range)),
    vscode.commands.registerCommand('councilNotes.refreshReferences', () => references.refresh()),
    ...registerCommands(host),
  );

  // Do not block activation on the server: errors are logged to the output channel.
  start(context, output, watcher).catch(() => undefined);

  return {
    get client() {
      return client;
    },
    ready,
    restart,
    status: async () => {
      await status.refresh({ model: true });
      return status.snapshot;
    },
    references: () => references.snapshot(),
  };
}

export async function deactivate(): Promise<void> {
  await stop();
}
