/**
 * What the client's UI features share: the running language client (replaced on restart), the
 * output channel and the "model changed" event. Features ask the server for everything they
 * show; none of them checks anything itself.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ModelSummary } from '../../server/src/lsp/protocol';
import type { Publications } from './publications';

export interface Host {
  readonly context: vscode.ExtensionContext;
  readonly output: vscode.LogOutputChannel;
  /** The running client, once a start or restart in progress has finished. */
  client(): Promise<LanguageClient>;
  /** Fires when a new server has started (no summary) and when the server reports a rebuilt model (with its summary when it sends one). */
  readonly onDidChangeModel: vscode.Event<ModelSummary | undefined>;
  /** When the server last published diagnostics, per document. */
  readonly publications: Publications;
}

/** Sends a custom request to the server once it runs. */
export async function request<R>(host: Host, method: string, params?: unknown, token?: vscode.CancellationToken): Promise<R> {
  const client = await host.client();
  return params === undefined ? client.sendRequest<R>(method, token) : client.sendRequest<R>(method, params, token);
}

/** A Markdown document the server checks (a draft): saved or untitled. */
export function isDraft(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return !!document && document.languageId === 'markdown' && (document.uri.scheme === 'file' || document.uri.scheme === 'untitled');
}

/** Policy model files in the workspace. */
export const MODEL_FILE_PATTERN = /\.policy\.(ya?ml|json)$/i;

export function isModelFile(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return !!document && MODEL_FILE_PATTERN.test(document.uri.path);
}

/** The active editor's document when it is a draft. */
export function activeDraft(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return isDraft(document) ? document : undefined;
}

/** Name of a language in the UI language, e.g. "Dutch" (en), "néerlandais" (fr); the code if unknown. */
export function languageName(code: string, displayLanguage = vscode.env.language): string {
  try {
    const name = new Intl.DisplayNames([displayLanguage, 'en'], { type: 'language' }).of(code);
    if (name && name !== code) return name;
  } catch {
    // No ICU data for that locale: fall back to the code.
  }
  return code;
}

/** Name of a language in that language itself, e.g. "Nederlands". */
export function nativeLanguageName(code: string): string {
  return languageName(code, code);
}

export function formatNumber(n: number): string {
  try {
    return n.toLocaleString(vscode.env.language);
  } catch {
    return String(n);
  }
}
