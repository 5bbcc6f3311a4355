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

/**
 * Runs `fn` soon after a trigger, paced: at once (after `idleMs`) when it has not run for `everyMs`,
 * otherwise `everyMs` after its last run. So a lone event is handled immediately, and a burst of
 * them in a few large batches instead of many small ones. Triggers while `fn` runs synchronously
 * are folded into that run.
 */
export class Paced {
  private handle: unknown = null;
  private lastRun = -Infinity;
  private running = false;

  constructor(
    private readonly fn: () => unknown,
    private readonly idleMs: number,
    private readonly everyMs: number,
    private readonly timers: Timers,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  trigger(): void {
    if (this.handle !== null || this.running) return;
    const since = this.clock() - this.lastRun;
    this.handle = this.timers.set(() => { this.handle = null; void this.run(); }, since >= this.everyMs ? this.idleMs : this.everyMs - since);
  }

  /** Runs now (cancelling the timer) and waits for it. */
  async now(): Promise<void> {
    if (this.handle !== null) { this.timers.clear(this.handle); this.handle = null; }
    await this.run();
  }

  private run(): unknown {
    this.lastRun = this.clock();
    this.running = true;
    let result: unknown;
    try {
      result = this.fn();
    } finally {
      this.running = false;
    }
    return result;
  }
}
