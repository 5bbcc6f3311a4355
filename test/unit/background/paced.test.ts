/** The paced scheduler: at once when idle, at most once per interval during a burst. */
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
  it('runs a lone trigger at once (idle delay), and a burst at most once per interval', () => {
    const timers = new ClockTimers();
    const runs: number[] = [];
    const p = new Paced(() => { runs.push(timers.now); }, 0, 250, timers, () => timers.now);
    p.trigger();
    timers.advance(0);
    expect(runs).toEqual([0]);
    // A burst: a trigger every 10 ms for a second.
    for (let t = 10; t <= 1000; t += 10) { timers.advance(10); p.trigger(); }
    timers.advance(300);
    expect(runs).toEqual([0, 250, 500, 750, 1000, 1250]);
    // Quiet again for longer than the interval: the next trigger runs at once.
    timers.advance(1000);
    p.trigger();
    timers.advance(0);
    expect(runs.at(-1)).toBe(2300);
  });

  it('folds triggers made while it runs into that run; now() runs at once and cancels the timer', async () => {
    const timers = new ClockTimers();
    let runs = 0;
    const p: Paced = new Paced(() => { runs++; p.trigger(); }, 0, 100, timers, () => timers.now);
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
