/**
 * What to do when the language server stops unexpectedly: restart it, and tell the user once;
 * if it keeps stopping (an input that crashes it on every start), stop restarting and say so,
 * instead of a restart loop. No vscode import, so unit tests can drive it with a fake clock.
 */

/** More stops than this within CRASH_WINDOW_MS and the server is not restarted again. */
export const MAX_RESTARTS = 4;
export const CRASH_WINDOW_MS = 3 * 60 * 1000;

export type CrashNotice = 'restarted' | 'given-up';
export interface CrashDecision { restart: boolean; notice?: CrashNotice }

export class CrashPolicy {
  private stops: number[] = [];
  private told = false;

  constructor(private readonly now: () => number = Date.now) {}

  /** The server's connection closed without being asked to. */
  closed(): CrashDecision {
    const now = this.now();
    this.stops = this.stops.filter((time) => now - time < CRASH_WINDOW_MS);
    this.stops.push(now);
    if (this.stops.length > MAX_RESTARTS) return { restart: false, notice: 'given-up' };
    if (this.told) return { restart: true };
    this.told = true;
    return { restart: true, notice: 'restarted' };
  }
}
