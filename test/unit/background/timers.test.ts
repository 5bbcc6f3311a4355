/** The paced scheduler: at once when idle, at most once per interval in a burst. */
import { describe, expect, it } from 'vitest';
import { Paced, type Timers } from '../../../src/background/timers';

/** Timers on a fake clock: `advance(ms)` fires what falls due, in order. */
class ClockTimers implements Timers {
  now = 0;
  private next = 1;
  private readonly due = new Map<number, { at: number; fn: () => void }>();
  readonly asked: number[] = [];
  set(fn: () => void, ms: number): unknown {
    this.asked.push(ms);
    const id = this.next++;
    this.due.set(id, { at: this.now + ms, fn });
    return id;
  }
  clear(h: unknown): void { this.due.delete(h as number); }
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const first = [...this.due].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!first) break;
      this.due.delete(first[0]);
      this.now = first[1].at;
      first[1].fn();
    }
    this.now = end;
  }
}

describe('Paced', () => {
  it('runs each trigger at once while idle, and a burst at most once per interval', () => {
    const timers = new ClockTimers();
    const runs: number[] = [];
    const p = new Paced(() => { runs.push(timers.now); }, 0, 100, 10, timers, () => timers.now);
    // Idle: a few events (one exchange) close together, each handled at once.
    for (const t of [0, 5, 12, 30]) { timers.advance(t - timers.now); p.trigger(); timers.advance(0); }
    expect(runs).toEqual([0, 5, 12, 30]);
    runs.length = 0;
    // A burst: 4 triggers per ms for 400 ms (from 1000): after the first few, one run per 100 ms.
    timers.advance(1000 - timers.now);
    for (let t = 1000; t < 1400; t++) { for (let k = 0; k < 4; k++) p.trigger(); timers.advance(1); }
    timers.advance(200);
    expect(runs.length).toBeLessThanOrEqual(8);
    expect(runs.at(-1)).toBeLessThanOrEqual(1400 + 100);
    for (let i = 1; i < runs.length; i++) if (runs[i - 1]! >= 1003) expect(runs[i]! - runs[i - 1]!).toBeGreaterThanOrEqual(100);
    // Quiet again: the next trigger runs at once.
    timers.advance(1000);
    const at = timers.now;
    p.trigger();
    timers.advance(0);
    expect(runs.at(-1)).toBe(at);
  });

  it('folds triggers made while it runs into that run; now() runs at once and cancels the timer', async () => {
    const timers = new ClockTimers();
    let runs = 0;
    const p: Paced = new Paced(() => { runs++; p.trigger(); }, 0, 100, 10, timers, () => timers.now);
    p.trigger();
    timers.advance(0);
    expect(runs).toBe(1);
    timers.advance(1000);
    expect(runs).toBe(1);
    p.trigger();
    await p.now();
    expect(runs).toBe(2);
    timers.advance(1000);
    expect(runs).toBe(2);
  });
});
