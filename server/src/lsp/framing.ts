/**
 * The stdio transport's guard against broken message headers. vscode-jsonrpc reads a frame
 * (`Content-Length: n\r\n\r\n` and n bytes of body) and, on a length that is not a number, missing
 * or negative, reports an error and loses its place in the stream: the server then stayed alive
 * and silent for good, and no editor restarts a server that is still running. This stream sits
 * between stdin and the reader and passes on only well-formed frames, unchanged. A broken frame
 * is dropped and reading goes on from the next `Content-Length:` header; when none follows
 * within a time (the client waits for the answer to what was lost) or a number of bytes (the
 * stream is garbage), it gives up, and the server exits with an error so that the client
 * restarts it.
 */
import { Transform, type TransformCallback } from 'node:stream';

export interface FrameEvents {
  /** A frame was dropped; reading goes on from the next header. */
  broken(reason: string): void;
  /** A valid header was found again, `skipped` bytes after the broken one. */
  resynchronised(skipped: number): void;
  /** No valid header followed: the stream cannot be read any more. */
  unrecoverable(reason: string): void;
}

export interface FrameLimits {
  /** After a broken frame, the time a valid header may take to come. */
  resyncTimeoutMs: number;
  /** After a broken frame, the bytes that may pass without a valid header. */
  maxSkippedBytes: number;
}

export const DEFAULT_FRAME_LIMITS: FrameLimits = {
  resyncTimeoutMs: Number(process.env.COUNCIL_NOTES_RESYNC_TIMEOUT_MS ?? 5000),
  maxSkippedBytes: 16 * 1024 * 1024,
};

/** Longer header blocks are not headers: LSP sends one or two short lines. */
const MAX_HEADER_BYTES = 64 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n');
const LENGTH_NAME = 'content-length:';

/** The body length a header block gives, or why it gives none. */
export function contentLength(header: string): number | string {
  let length: number | string = 'no Content-Length';
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) return `a header line without ":" (${JSON.stringify(line.slice(0, 40))})`;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,15}$/.test(value)) return `Content-Length ${JSON.stringify(value.slice(0, 40))} is not a number of bytes`;
    length = Number(value);
  }
  return length;
}

export class FrameGuard extends Transform {
  /** Bytes of the header block being read (or, while skipping, the bytes not yet searched). */
  private pending: Buffer = Buffer.alloc(0);
  /** Body bytes still to pass on. */
  private remaining = 0;
  private skipping = false;
  private skipped = 0;
  private timer: NodeJS.Timeout | undefined;
  private failed = false;

  constructor(private readonly events: FrameEvents, private readonly limits: FrameLimits = DEFAULT_FRAME_LIMITS) { super(); }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (!this.failed) this.scan(chunk);
    done();
  }

  /** Stops the timer (the stream's user is going away). */
  dispose(): void { clearTimeout(this.timer); }

  private scan(chunk: Buffer): void {
    let data = chunk;
    while (data.length > 0 && !this.failed) {
      if (this.remaining > 0) {
        const body = data.subarray(0, this.remaining);
        this.push(body);
        this.remaining -= body.length;
        data = data.subarray(body.length);
        continue;
      }
      const buffer = this.pending.length > 0 ? Buffer.concat([this.pending, data]) : data;
      this.pending = Buffer.alloc(0);
      data = this.skipping ? this.resynchronise(buffer) : this.readHeader(buffer);
    }
  }

  /** Reads a header block at the start of `buffer`; returns what follows it (the body). */
  private readHeader(buffer: Buffer): Buffer {
    const end = buffer.indexOf(HEADER_END);
    if (end < 0) {
      if (buffer.length <= MAX_HEADER_BYTES) { this.pending = buffer; return Buffer.alloc(0); }
      return this.dropFrame(buffer, `a header longer than ${MAX_HEADER_BYTES.toLocaleString('en')} bytes`);
    }
    const length = contentLength(buffer.subarray(0, end).toString('latin1'));
    if (typeof length === 'string') return this.dropFrame(buffer, length);
    this.push(buffer.subarray(0, end + HEADER_END.length));
    this.remaining = length;
    return buffer.subarray(end + HEADER_END.length);
  }

  /** Drops the frame whose header starts `buffer`: skips to the next header after its start. */
  private dropFrame(buffer: Buffer, reason: string): Buffer {
    if (!this.skipping) {
      this.skipping = true;
      this.skipped = 0;
      this.events.broken(reason);
      this.timer = setTimeout(() => this.giveUp(`no valid message header within ${this.limits.resyncTimeoutMs} ms after a broken one`), this.limits.resyncTimeoutMs);
    }
    this.skipped += 1;
    return buffer.subarray(1);
  }

  /** Looks for the next `Content-Length:`; returns the bytes from there (or keeps a tail to search on). */
  private resynchronise(buffer: Buffer): Buffer {
    const at = buffer.toString('latin1').toLowerCase().indexOf(LENGTH_NAME);
    if (at < 0) {
      // The start of a name split between two chunks stays to be searched with the next one.
      const keep = Math.min(buffer.length, LENGTH_NAME.length - 1);
      this.skipped += buffer.length - keep;
      this.pending = buffer.subarray(buffer.length - keep);
      if (this.skipped > this.limits.maxSkippedBytes) this.giveUp(`no valid message header in ${this.skipped.toLocaleString('en')} bytes after a broken one`);
      return Buffer.alloc(0);
    }
    this.skipped += at;
    const rest = buffer.subarray(at);
    const end = rest.indexOf(HEADER_END);
    // A header must be complete before it can tell a frame from text that mentions one.
    if (end < 0 && rest.length <= MAX_HEADER_BYTES) { this.pending = rest; return Buffer.alloc(0); }
    if (end < 0 || typeof contentLength(rest.subarray(0, end).toString('latin1')) === 'string') return this.dropFrame(rest, '');
    this.skipping = false;
    clearTimeout(this.timer);
    this.events.resynchronised(this.skipped);
    return rest;
  }

  private giveUp(reason: string): void {
    if (this.failed) return;
    this.failed = true;
    clearTimeout(this.timer);
    this.events.unrecoverable(reason);
  }
}
