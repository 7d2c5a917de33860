/**
 * Asks the server every few seconds what other people counted since its last answer (`counts.changes`),
 * passing back the server's own time so phone clocks never matter. Skips its turn while the screen is hidden
 * or offline, keeps going after a failed poll, and never runs two polls at once.
 */
export interface PollerDeps<Result extends { server_time: string }> {
  fetch: (since: string | undefined) => Promise<Result>;
  onResult: (result: Result) => void;
  /** false while the page is hidden or the phone offline: the turn is skipped. */
  isActive?: () => boolean;
  intervalMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export const POLL_MS = 5_000;

export class ChangesPoller<Result extends { server_time: string }> {
  private since: string | undefined;
  private timer: unknown = null;
  private running = false;
  private stopped = true;
  private readonly deps: Required<PollerDeps<Result>>;

  constructor(deps: PollerDeps<Result>) {
    this.deps = {
      isActive: () => true,
      intervalMs: POLL_MS,
      setTimer: (run, ms) => setTimeout(run, ms),
      clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
      ...deps,
    };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.poll();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
  }

  /** Back on the page: ask now rather than at the next turn. */
  pollNow(): void {
    if (this.stopped || this.running) return;
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
    void this.poll();
  }

  private async poll(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    if (this.deps.isActive()) {
      this.running = true;
      try {
        const result = await this.deps.fetch(this.since);
        if (!this.stopped) {
          this.since = result.server_time;
          this.deps.onResult(result);
        }
      } catch {
        // The next turn asks again from the same point: nothing is skipped.
      } finally {
        this.running = false;
      }
    }
    if (!this.stopped) this.timer = this.deps.setTimer(() => void this.poll(), this.deps.intervalMs);
  }
}
