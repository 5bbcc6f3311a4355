/** Work done while the page is idle, a slice at a time (the search index and the sort orders use it). */

export interface IdleDeadlineLike { timeRemaining(): number }
/** Runs `fn` when the page is idle; returns a function that cancels it. */
export type IdleScheduler = (fn: (deadline: IdleDeadlineLike) => void) => () => void;

/** requestIdleCallback where the page has it (it runs between frames), else a zero timeout with a fixed budget. */
export const whenIdle: IdleScheduler = (fn) => {
  const g = globalThis as { requestIdleCallback?: (cb: (d: IdleDeadlineLike) => void, o?: { timeout: number }) => number; cancelIdleCallback?: (h: number) => void };
  if (g.requestIdleCallback && g.cancelIdleCallback) {
    const h = g.requestIdleCallback(fn, { timeout: 1000 });
    return () => g.cancelIdleCallback!(h);
  }
  const start = Date.now();
  const h = setTimeout(() => fn({ timeRemaining: () => Math.max(0, 8 - (Date.now() - start)) }), 0);
  return () => clearTimeout(h);
};
