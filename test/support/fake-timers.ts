/** Timers that never fire on their own: a test runs them (or the session's `settle()` does). */
import type { Timers } from '../../src/background/timers';

export class ManualTimers implements Timers {
  private next = 1;
  readonly due = new Map<number, () => void>();

  set(fn: () => void, _ms: number): unknown {
    const id = this.next++;
    this.due.set(id, fn);
    return id;
  }

  clear(handle: unknown): void {
    this.due.delete(handle as number);
  }

  /** Runs every timer due now (not those scheduled while running). */
  runAll(): void {
    const fns = [...this.due.values()];
    this.due.clear();
    for (const fn of fns) fn();
  }
}
