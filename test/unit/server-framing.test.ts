/**
 * Issue 16, item 7: one frame with a broken header (`Content-Length: abc`, `-1`, or none) left
 * the stdio server alive and silent for good. Now it drops the broken frame and reads on from
 * the next valid header; when none follows (the client waits for an answer that will not come,
 * or sends only garbage), it exits with an error, so that the client restarts it. Both paths are
 * driven here through the client's restart policy (client/src/crash-policy.ts, as the VS Code
 * client's error handler uses it): resynchronising needs no restart; exiting gets exactly one.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CrashPolicy, type CrashDecision } from '../../client/src/crash-policy';
import { FrameGuard } from '../../server/src/lsp/framing';
import { FaultClient } from '../support/fuzz-lsp';

const BROKEN_HEADERS = ['Content-Length: abc', 'Content-Length: -1', 'Content-Type: application/vscode-jsonrpc; charset=utf-8', 'Content-Length: 12abc'];
const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

/** A client that restarts its server the way the VS Code client does: as its CrashPolicy decides. */
class SupervisedServer {
  readonly decisions: CrashDecision[] = [];
  readonly policy = new CrashPolicy();
  client!: FaultClient;
  starts = 0;
  private stopping = false;
  private restarted: (() => void) | undefined;

  constructor(private readonly folder: string) {}

  async start(): Promise<void> {
    const client = new FaultClient();
    this.client = client;
    this.starts++;
    void client.exited.then(() => {
      if (this.stopping || client !== this.client) return;
      const decision = this.policy.closed();
      this.decisions.push(decision);
      if (decision.restart) void this.start().then(() => this.restarted?.());
    });
    await client.initialize(this.folder);
  }

  /** Resolves once the server was restarted (after an exit). */
  nextRestart(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no restart within ${timeoutMs} ms; stderr: ${this.client.stderr.join('').slice(-1000)}`)), timeoutMs);
      this.restarted = () => { clearTimeout(timer); resolve(); };
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    // A deaf server (the bug) never answers shutdown.
    if (this.client.exitCode === undefined) await Promise.race([this.client.shutdown(), new Promise((resolve) => setTimeout(resolve, 5000))]);
    this.client.kill();
  }
}

describe('stdio framing: a broken message header does not leave the server deaf', function () {
  this.timeout(120_000);
  let workspace: string;
  let server: SupervisedServer | undefined;
  const uri = (name: string) => pathToFileURL(join(workspace, name)).toString();

  beforeEach(() => { workspace = mkdtempSync(join(tmpdir(), 'council-notes-framing-')); });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    delete process.env.COUNCIL_NOTES_RESYNC_TIMEOUT_MS;
    rmSync(workspace, { recursive: true, force: true });
  });

  async function checks(client: FaultClient, name: string): Promise<void> {
    const draft = uri(name);
    client.open(draft, 'The Council invited Tunesia.\n', 1);
    await client.settle(() => (client.latest.get(draft)?.diagnostics.length ?? 0) > 0, 100, 30_000);
    assert.deepEqual(client.latest.get(draft)!.diagnostics.map((d) => d.code), ['unknown-country']);
  }

  for (const broken of BROKEN_HEADERS) {
    it(`"${broken}": the frame is dropped, the next one is read, and no restart is needed`, async () => {
      server = new SupervisedServer(workspace);
      await server.start();
      const lost = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: uri('lost.md'), languageId: 'markdown', version: 1, text: 'Tunesia.\n' } } });
      // The broken frame and the next one in a single write, as a pipe may deliver them.
      server.client.raw(`${broken}\r\n\r\n${lost}${frame(JSON.stringify({ jsonrpc: '2.0', id: 'after', method: 'textDocument/hover', params: { textDocument: { uri: uri('none.md') }, position: { line: 0, character: 0 } } }))}`);
      await checks(server.client, 'after.md');
      assert.equal(server.client.latest.has(uri('lost.md')), false, 'the broken frame is dropped, not guessed at');
      assert.match(server.client.stderr.join(''), /broken message header/);
      assert.deepEqual(server.decisions, [], 'the server never stopped');
      assert.equal(server.starts, 1);
    });
  }

  it('a broken frame arriving byte by byte is dropped the same way', async () => {
    server = new SupervisedServer(workspace);
    await server.start();
    const bytes = `Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","method":"x"}${frame('{"jsonrpc":"2.0","method":"y"}')}`;
    for (const c of bytes) server.client.raw(c);
    await checks(server.client, 'after.md');
    assert.deepEqual(server.decisions, []);
  });

  it('when no valid header follows, the server exits with an error and the client restarts it once', async () => {
    process.env.COUNCIL_NOTES_RESYNC_TIMEOUT_MS = '1000';
    server = new SupervisedServer(workspace);
    await server.start();
    const first = server.client;
    // Until the server is idle, the client still answers its requests (configuration, registrations): those are valid frames to read on from.
    await checks(first, 'before.md');
    const restarted = server.nextRestart(30_000);
    // A request in a broken frame, and then silence: the client would wait for its answer for ever.
    first.raw(`Content-Length: -1\r\n\r\n${JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'textDocument/hover', params: {} })}`);
    const code = await first.exited;
    assert.notEqual(code, 0, 'an error exit, which the client treats as a crash');
    assert.match(first.stderr.join(''), /no valid message header/);
    await restarted;
    assert.deepEqual(server.decisions, [{ restart: true, notice: 'restarted' }]);
    await checks(server.client, 'after-restart.md');
  });

  it('only garbage after a broken header: exits once the skipped bytes pass the limit', async () => {
    process.env.COUNCIL_NOTES_RESYNC_TIMEOUT_MS = '60000';
    server = new SupervisedServer(workspace);
    await server.start();
    const first = server.client;
    const restarted = server.nextRestart(30_000);
    first.raw('Content-Length: abc\r\n\r\n');
    const garbage = 'x'.repeat(1 << 20);
    for (let i = 0; i < 20 && first.exitCode === undefined; i++) first.raw(garbage);
    assert.notEqual(await first.exited, 0);
    assert.match(first.stderr.join(''), /no valid message header in/);
    await restarted;
    await checks(server.client, 'after-garbage.md');
  });
});

describe('FrameGuard', () => {
  /** Feeds chunks through a guard; returns what it passed on and what it reported. */
  async function through(chunks: (string | Buffer)[], options = { resyncTimeoutMs: 10_000, maxSkippedBytes: 1000 }): Promise<{ out: string; events: string[] }> {
    const events: string[] = [];
    const guard = new FrameGuard({ broken: (r) => events.push(`broken: ${r}`), resynchronised: (n) => events.push(`resynchronised after ${n} bytes`), unrecoverable: (r) => events.push(`unrecoverable: ${r}`) }, options);
    const out: Buffer[] = [];
    guard.on('data', (chunk: Buffer) => { out.push(chunk); });
    for (const chunk of chunks) guard.write(chunk);
    guard.end();
    await new Promise((resolve) => guard.on('end', resolve));
    guard.dispose();
    return { out: Buffer.concat(out).toString('utf8'), events };
  }

  it('passes valid frames through unchanged, however they are split', async () => {
    const text = frame('{"a":1}') + 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n' + frame('{"b":"é"}') + frame('');
    const bytes = Buffer.from(text, 'utf8');
    for (const size of [1, 3, 7, bytes.length]) {
      const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
      assert.deepEqual(await through(chunks), { out: text, events: [] }, `chunks of ${size}`);
    }
  });

  it('drops a frame with a broken header and reads on from the next Content-Length', async () => {
    const good = frame('{"ok":true}');
    const lost = 'Content-Length: abc\r\n\r\n{"lost":"Content-Length: x"}';
    const result = await through([lost, good]);
    assert.equal(result.out, good);
    assert.deepEqual(result.events, ['broken: Content-Length "abc" is not a number of bytes', `resynchronised after ${lost.length} bytes`]);
  });

  it('a header without a length, and one that never ends, are broken too', async () => {
    assert.match((await through(['X-Other: 1\r\n\r\n{}'])).events[0], /broken: no Content-Length/);
    assert.match((await through(['Content-Length: 1'.padEnd(70_000, ' ')], { resyncTimeoutMs: 10_000, maxSkippedBytes: 1 << 20 })).events[0], /broken: a header longer than/);
  });

  it('gives up when more than maxSkippedBytes pass without a valid header', async () => {
    const { events } = await through(['Content-Length: -1\r\n\r\n', 'x'.repeat(600), 'y'.repeat(600)]);
    assert.match(events.at(-1)!, /^unrecoverable: no valid message header in 1,\d{3} bytes after a broken one$/);
  });
});
