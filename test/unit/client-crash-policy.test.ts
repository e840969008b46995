/**
 * The VS Code client's answer to a language server that stops unexpectedly (client/src/crash-policy.ts,
 * used by the error handler in client/src/extension.ts): restart and tell the user once; an input
 * that crashes the server on every start must not become a restart loop.
 */
import assert from 'node:assert/strict';
import { CRASH_WINDOW_MS, CrashPolicy, MAX_RESTARTS } from '../../client/src/crash-policy';

describe('client: restarting a crashed language server', () => {
  const clock = () => {
    let now = 1_000_000;
    return { now: () => now, advance: (ms: number) => { now += ms; } };
  };

  it('restarts after a crash and tells the user once, not at every restart', () => {
    const time = clock();
    const policy = new CrashPolicy(time.now);
    assert.deepEqual(policy.closed(), { restart: true, notice: 'restarted' });
    for (let i = 0; i < 10; i++) {
      time.advance(CRASH_WINDOW_MS);
      assert.deepEqual(policy.closed(), { restart: true }, `crash ${i + 2}, ${CRASH_WINDOW_MS / 60_000} minutes after the last`);
    }
  });

  it(`stops restarting a server that crashes more than ${MAX_RESTARTS} times within the window, and says so once`, () => {
    const time = clock();
    const policy = new CrashPolicy(time.now);
    const decisions = Array.from({ length: MAX_RESTARTS + 1 }, () => { time.advance(1000); return policy.closed(); });
    assert.deepEqual(decisions.map((d) => d.restart), [...Array(MAX_RESTARTS).fill(true), false]);
    assert.deepEqual(decisions.map((d) => d.notice).filter(Boolean), ['restarted', 'given-up']);
  });

  it('counts only the crashes within the window', () => {
    const time = clock();
    const policy = new CrashPolicy(time.now);
    for (let i = 0; i < MAX_RESTARTS; i++) policy.closed();
    time.advance(CRASH_WINDOW_MS);
    assert.equal(policy.closed().restart, true, 'the earlier crashes are older than the window');
  });
});
