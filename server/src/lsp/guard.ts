/**
 * Request handlers never throw to the client: bad input (an unknown document, a position past
 * the end, malformed parameters) and internal errors are logged and answered with an empty
 * result; a cancelled request gets the empty result too.
 */
import type { CancellationToken } from 'vscode-languageserver/node';
import { CancelledError } from '../core/check';
import type { ServerContext } from './context';

export function guard<P, R>(ctx: ServerContext, name: string, fallback: R, handler: (params: P, token: CancellationToken) => R | Promise<R>): (params: P, token: CancellationToken) => Promise<R> {
  return async (params: P, token: CancellationToken) => {
    try {
      if (token?.isCancellationRequested) return fallback;
      return await handler(params, token);
    } catch (error) {
      if (!(error instanceof CancelledError)) ctx.log(`${name} failed: ${(error as Error)?.stack ?? error}`);
      return fallback;
    }
  };
}

/** A position's offset in a document, clamped; undefined for positions that are not positions. */
export function offsetOf(document: { offsetAt(p: { line: number; character: number }): number }, position: unknown): number | undefined {
  const p = position as { line?: unknown; character?: unknown } | undefined;
  if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character)) return undefined;
  return document.offsetAt({ line: Math.max(0, p.line as number), character: Math.max(0, p.character as number) });
}
