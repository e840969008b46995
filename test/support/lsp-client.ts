/**
 * A real JSON-RPC client for the language server over stdio, as an editor would drive it:
 * spawns `council-notes lsp --stdio`, answers configuration requests, and waits for
 * publishDiagnostics and notifications as events (never for a fixed time). Publications are kept
 * in a queue per URI, so waiting for one document never drops another's, and a test can wait for
 * the publication of a given version.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { packageRoot } from '../../server/src/node/resources';

export class LspTestClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  readonly logs: string[] = [];
  settings: Record<string, unknown> = {};
  /** The display language the client announces in initialize (VS Code sends its own), if any. */
  locale: string | undefined;
  /** Notifications other than diagnostics and logs (progress, model changed…), in arrival order. */
  readonly notifications: { method: string; params: unknown }[] = [];
  /** Publications not yet consumed, per URI, in arrival order. */
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: (() => void)[] = [];
  private versions = new Map<string, number>();

  /** `nodeArgs`: flags for the server's Node process (the benchmark compares V8 settings). */
  constructor(nodeArgs: string[] = []) {
    this.process = spawn(process.execPath, [...nodeArgs, join(packageRoot(), 'bin', 'council-notes.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk) => this.logs.push(String(chunk)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const queue = this.published.get(params.uri) ?? [];
      queue.push(params);
      this.published.set(params.uri, queue);
      this.wake();
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => { this.logs.push(params.message); });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/semanticTokens/refresh', () => null);
    for (const method of ['$/progress', 'councilNotes/modelChanged']) {
      this.connection.onNotification(method, (params: unknown) => { this.notifications.push({ method, params }); this.wake(); });
    }
    this.connection.listen();
  }

  /** `capabilities` are merged (per top-level section) over the default ones. */
  async initialize(workspaceFolder?: string, capabilities: Record<string, Record<string, unknown>> = {}, initializationOptions?: unknown): Promise<unknown> {
    const defaults: Record<string, Record<string, unknown>> = { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } };
    for (const [section, value] of Object.entries(capabilities)) defaults[section] = { ...defaults[section], ...value };
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: workspaceFolder ? pathToFileURL(workspaceFolder).toString() : null,
      workspaceFolders: workspaceFolder ? [{ uri: pathToFileURL(workspaceFolder).toString(), name: 'ws' }] : null,
      capabilities: defaults,
      initializationOptions,
      ...(this.locale ? { locale: this.locale } : {}),
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, languageId = 'markdown'): void {
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** Sends a request (standard or custom) and returns its result. */
  request<R = unknown>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  save(uri: string): void { void this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } }); }
  close(uri: string): void { void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } }); }

  changeSettings(settings: Record<string, unknown>): void {
    this.settings = settings;
    void this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  /**
   * Waits for the next diagnostics for a URI that satisfy a test (or any, if none given). Earlier
   * publications for that URI are consumed; other URIs' publications stay queued.
   */
  async diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 20_000): Promise<Diagnostic[]> {
    return (await this.until(() => {
      const queue = this.published.get(uri) ?? [];
      const index = queue.findIndex(accept);
      return index < 0 ? undefined : queue.splice(0, index + 1)[index];
    }, timeoutMs, `diagnostics for ${uri}`)).diagnostics;
  }

  /** The diagnostics published for the version of the document last sent (didOpen or didChange). */
  current(uri: string, timeoutMs?: number): Promise<Diagnostic[]> {
    const version = this.versions.get(uri);
    if (version === undefined) throw new Error(`${uri} was never opened`);
    return this.diagnostics(uri, (p) => p.version === version, timeoutMs);
  }

  /** Waits for a notification (progress, model changed…) after the first `after` ones of its method, and returns its params. */
  notification<P = unknown>(method: string, after = this.count(method), accept: (params: P) => boolean = () => true, timeoutMs = 20_000): Promise<P> {
    return this.until(() => this.notifications.filter((n) => n.method === method).slice(after).map((n) => n.params as P).find(accept), timeoutMs, `a ${method} notification`);
  }

  /** How many notifications of a method have arrived. */
  count(method: string): number { return this.notifications.filter((n) => n.method === method).length; }

  private wake(): void { this.waiters.splice(0).forEach((wake) => wake()); }

  private async until<T>(found: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = found();
      if (value !== undefined) return value;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no ${what} within ${timeoutMs} ms; logs:\n${this.logs.join('\n')}`);
      await new Promise<void>((resolve) => { const timer = setTimeout(resolve, remaining); this.waiters.push(() => { clearTimeout(timer); resolve(); }); });
    }
  }

  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}
