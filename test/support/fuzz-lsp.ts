/**
 * A JSON-RPC client for fault tests of the language server (test/unit/robust-server.test.ts): like
 * test/support/lsp-client.ts it spawns `council-notes lsp --stdio`, but it sends incremental
 * changes and raw bytes, answers every server request, and keeps the latest diagnostics per URI
 * with a sequence number, so a test can wait until everything published after a point is in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { packageRoot } from '../../server/src/node/resources';

export interface Published { seq: number; version?: number; diagnostics: Diagnostic[] }

export class FaultClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  readonly logs: string[] = [];
  readonly stderr: string[] = [];
  settings: Record<string, unknown> = {};
  /** Latest diagnostics per URI, and every URI ever published. */
  readonly latest = new Map<string, Published>();
  seq = 0;
  lastPublishAt = Date.now();
  /** councilNotes/modelChanged notifications so far (one per model build). */
  modelBuilds = 0;
  exitCode: number | null | undefined;
  readonly exited: Promise<number | null>;

  constructor() {
    this.process = spawn(process.execPath, [join(packageRoot(), 'bin', 'council-notes.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.process.once('exit', (code) => { this.exitCode = code; resolve(code); }));
    this.process.stderr!.on('data', (chunk) => this.stderr.push(String(chunk)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.latest.set(params.uri, { seq: ++this.seq, version: params.version, diagnostics: params.diagnostics });
      this.lastPublishAt = Date.now();
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => { this.logs.push(params.message); });
    this.connection.onNotification('councilNotes/modelChanged', () => { this.modelBuilds++; });
    this.connection.onNotification(() => { /* progress, other custom notifications */ });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    // Registrations, progress tokens, refreshes, applyEdit…: answered, never left hanging.
    this.connection.onRequest(() => null);
    this.connection.onError(() => { /* the process may be gone in fault tests */ });
    this.connection.onClose(() => { /* idem */ });
    this.connection.listen();
  }

  async initialize(folder: string): Promise<unknown> {
    const uri = pathToFileURL(folder).toString();
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'ws' }],
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { didSave: true } } },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  notify(method: string, params: unknown): void { void this.connection.sendNotification(method, params); }

  open(uri: string, text: string, version: number, languageId = 'markdown'): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }
  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }
  save(uri: string): void { this.notify('textDocument/didSave', { textDocument: { uri } }); }
  close(uri: string): void { this.notify('textDocument/didClose', { textDocument: { uri } }); }
  changeSettings(settings: Record<string, unknown>): void {
    this.settings = settings;
    this.notify('workspace/didChangeConfiguration', { settings: null });
  }
  watchedFiles(changes: { uri: string; type: 1 | 2 | 3 }[]): void { this.notify('workspace/didChangeWatchedFiles', { changes }); }

  /** Writes bytes to the server's stdin as they are (for malformed messages). */
  raw(bytes: string): void { this.process.stdin!.write(bytes); }

  /** A JSON-RPC message framed by hand: any object, valid or not. */
  rawMessage(message: unknown): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.raw(`Content-Length: ${body.length}\r\n\r\n${body.toString('utf8')}`);
  }

  /** Waits until `done()` holds and nothing was published for `quietMs`. */
  async settle(done: () => boolean, quietMs = 1000, timeoutMs = 300_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.exitCode !== undefined) throw new Error(`the server exited (${this.exitCode}) while waiting; stderr: ${this.stderr.join('').slice(-2000)}`);
      if (done() && Date.now() - this.lastPublishAt >= quietMs) return;
      if (Date.now() > deadline) throw new Error(`not settled within ${timeoutMs} ms; logs:\n${this.logs.slice(-20).join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  kill(): void { if (this.exitCode === undefined) this.process.kill('SIGKILL'); this.connection.dispose(); }
}

/** A small seeded PRNG (mulberry32), so a failing operation sequence can be replayed from its seed. */
export function random(seed: number): { next(): number; int(max: number): number; pick<T>(items: readonly T[]): T; chance(p: number): boolean } {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (max) => Math.floor(next() * max), pick: (items) => items[Math.floor(next() * items.length)], chance: (p) => next() < p };
}
