/**
 * Knows when the server last published diagnostics for a document and when the document last
 * changed, so that "Validate Current Draft" can wait until the findings shown are those of the
 * document's current text. The server checks every open draft as it changes; the client only
 * waits for that check, it never checks anything itself.
 */
import * as vscode from 'vscode';

export class Publications implements vscode.Disposable {
  private readonly published = new Map<string, number>();
  private readonly edited = new Map<string, number>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private clock = 0;

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.edited.set(e.document.uri.toString(), ++this.clock);
      }),
      // A (re)opened document is checked afresh: what was published before does not count.
      vscode.workspace.onDidOpenTextDocument((document) => this.edited.set(document.uri.toString(), ++this.clock)),
      vscode.workspace.onDidCloseTextDocument((document) => this.edited.delete(document.uri.toString())),
    );
  }

  /** Called by the language client's middleware for every publishDiagnostics. */
  didPublish(uri: vscode.Uri): void {
    this.published.set(uri.toString(), ++this.clock);
    this.emitter.fire(uri);
  }

  /** The server has lost its state (restart): nothing published so far counts. */
  reset(): void {
    this.published.clear();
  }

  /** True when the last publication for the document came after its last change. */
  isCurrent(uri: vscode.Uri): boolean {
    const published = this.published.get(uri.toString());
    return published !== undefined && published > (this.edited.get(uri.toString()) ?? 0);
  }

  /** Resolves once the findings of the document's current text are published (false after `timeoutMs`). */
  waitForCurrent(uri: vscode.Uri, timeoutMs = 15_000): Promise<boolean> {
    if (this.isCurrent(uri)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (value: boolean) => {
        clearTimeout(timer);
        subscription.dispose();
        resolve(value);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      const subscription = this.emitter.event((published) => {
        if (published.toString() === uri.toString() && this.isCurrent(uri)) done(true);
      });
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
