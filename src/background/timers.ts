/** Timers behind an interface (tests drive them by hand) and a small "run soon, once" helper. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Runs `fn` once, `ms` after the first `trigger()` since the last run (a throttle, not a debounce:
 * a steady stream of triggers cannot postpone it forever).
 */
export class Soon {
  private handle: unknown = null;

  constructor(private readonly fn: () => unknown, private readonly ms: number, private readonly timers: Timers) {}

  trigger(): void {
    if (this.handle !== null) return;
    this.handle = this.timers.set(() => {
      this.handle = null;
      void this.fn();
    }, this.ms);
  }

  /** Runs now (cancelling the timer) and waits for it. */
  async now(): Promise<void> {
    if (this.handle !== null) { this.timers.clear(this.handle); this.handle = null; }
    await this.fn();
  }
}
