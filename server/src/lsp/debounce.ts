/**
 * One debouncer per key (a document's uri, a model file): a call that comes while one is
 * pending replaces it, so only the last of a burst of notices runs.
 */
export class Debouncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** When the first call of the pending burst came, for `maxWaitMs`. */
  private readonly firstCalls = new Map<string, number>();

  /**
   * Runs `run` once calls for `key` pause for `delayMs`; with `maxWaitMs`, at the latest that
   * long after the first call of the burst (a file rewritten without pause is still read).
   */
  schedule(key: string, delayMs: number, run: () => void, maxWaitMs = Number.POSITIVE_INFINITY): void {
    clearTimeout(this.timers.get(key));
    const first = this.firstCalls.get(key) ?? Date.now();
    this.firstCalls.set(key, first);
    const delay = Math.max(0, Math.min(delayMs, first + maxWaitMs - Date.now()));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.firstCalls.delete(key);
      run();
    }, delay));
  }

  /** Drops the pending call for `key`; true if there was one. */
  cancel(key: string): boolean {
    const timer = this.timers.get(key);
    clearTimeout(timer);
    this.timers.delete(key);
    this.firstCalls.delete(key);
    return timer !== undefined;
  }
}
