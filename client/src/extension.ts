/**
 * Council Notes: the VS Code side. A thin client that starts the language server
 * (dist/server.js) over IPC and forwards documents, settings and model-file events to it.
 * All checking logic lives in the server.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

/** Model files the server validates and reads. */
export const MODEL_FILE_GLOB = '**/*.policy.{yaml,yml,json}';

/** What `activate` returns; tests use it to wait until the server is running. */
export interface CouncilNotesApi {
  /** The current client (replaced on restart). */
  readonly client: LanguageClient | undefined;
  /** Resolves once the current client has started (after a restart too). */
  ready(): Promise<void>;
  /** Stops and starts the server again. */
  restart(): Promise<void>;
}

let client: LanguageClient | undefined;
let starting: Promise<void> | undefined;
/** Serialises restarts, so two quick restarts never run two servers. */
let restarting: Promise<void> = Promise.resolve();

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
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { pattern: MODEL_FILE_GLOB },
    ],
    outputChannel: output,
    synchronize: {
      configurationSection: 'councilNotes',
      fileEvents: watcher,
    },
  };
  return new LanguageClient('councilNotes', 'Council Notes', serverOptions, clientOptions);
}

async function start(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
  watcher: vscode.FileSystemWatcher,
): Promise<void> {
  client = createClient(context, output, watcher);
  starting = client.start();
  try {
    await starting;
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

  // Do not block activation on the server: errors are logged to the output channel.
  start(context, output, watcher).catch(() => undefined);

  return {
    get client() {
      return client;
    },
    ready: async () => {
      await restarting.catch(() => undefined);
      if (starting) await starting;
    },
    restart,
  };
}

export async function deactivate(): Promise<void> {
  await stop();
}
