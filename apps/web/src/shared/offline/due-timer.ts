/** How a loop waits: injectable so tests drive time. */
export interface TimerDeps {
  now: () => number;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
}

/** The browser's timers, for the loops' defaults. */
export const browserTimers: Pick<TimerDeps, 'setTimer' | 'clearTimer'> = {
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

/**
 * The one wake-up a sending loop (the counts queue, the outbox) waits for: each `at` replaces the previous one, so
 * there is never more than one timer.
 */
export class DueTimer {
  #timer: unknown = null;

  constructor(
    private readonly deps: TimerDeps,
    private readonly run: () => void,
  ) {}

  /** Runs at `at` (ms since the epoch; now if past), instead of any earlier wake-up; null: no wake-up. */
  at(at: number | null): void {
    this.cancel();
    if (at === null) return;
    this.#timer = this.deps.setTimer(
      () => {
        this.#timer = null;
        this.run();
      },
      Math.max(0, at - this.deps.now()),
    );
  }

  cancel(): void {
    if (this.#timer !== null) this.deps.clearTimer(this.#timer);
    this.#timer = null;
  }
}
