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

  /** `ms` may be a function, read at each trigger (a delay that grows with the cost of `fn`). */
  constructor(private readonly fn: () => unknown, private readonly ms: number | (() => number), private readonly timers: Timers) {}

  trigger(): void {
    if (this.handle !== null) return;
    this.handle = this.timers.set(() => {
      this.handle = null;
      void this.fn();
    }, typeof this.ms === 'function' ? this.ms() : this.ms);
  }

  /** Runs now (cancelling the timer) and waits for it. */
  async now(): Promise<void> {
    if (this.handle !== null) { this.timers.clear(this.handle); this.handle = null; }
    await this.fn();
  }
}

/**
 * Runs `fn` soon after a trigger, paced by how busy things are. Each trigger counts as one event.
 * Idle (fewer than `burstEvents` triggers within the last `everyMs`): at once, after `idleMs`. In a
 * burst: at most once per `everyMs`. So a lone exchange is handled (and written) as its events
 * come, and a page load's burst in a few large batches instead of one small batch per event-loop
 * turn. Triggers while `fn` runs synchronously are folded into that run.
 */
export class Paced {
  private handle: unknown = null;
  private lastRun = -Infinity;
  private running = false;
  private windowStart = -Infinity;
  private count = 0;
  /** Triggers in the window before (a burst stays a burst across a window's edge). */
  private previous = 0;

  constructor(
    private readonly fn: () => unknown,
    private readonly idleMs: number,
    private readonly everyMs: number,
    private readonly burstEvents: number,
    private readonly timers: Timers,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  trigger(): void {
    const now = this.clock();
    if (now - this.windowStart >= this.everyMs) {
      this.previous = now - this.windowStart < 2 * this.everyMs ? this.count : 0;
      this.windowStart = now;
      this.count = 0;
    }
    this.count++;
    if (this.handle !== null || this.running) return;
    const wait = this.busy ? Math.max(this.idleMs, this.lastRun + this.everyMs - now) : this.idleMs;
    this.handle = this.timers.set(() => { this.handle = null; void this.run(); }, wait);
  }

  /** Whether the current or the last window saw a burst. */
  private get busy(): boolean {
    return this.count >= this.burstEvents || this.previous >= this.burstEvents;
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
