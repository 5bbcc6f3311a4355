/**
 * The webRequest listeners capture scope asks for, as one `Capture` (so that pause, pipeline.ts, starts and
 * stops it as before): one set of listeners for every tab, or one set filtered to each chosen tab
 * (`RequestFilter.tabId`), or none at all, so that with nothing turned on the browser calls nothing of ours.
 * `apply()` adds and removes only the difference.
 */
import type { Capture, CaptureScope } from '../capture/listeners';

/** What to listen to: every tab, or these tabs only (none: no listener). */
export type Wanted = 'all' | readonly number[];

export class ScopedCapture implements Capture {
  private enabled = false;
  private readonly added = new Map<'all' | number, Capture>();

  constructor(
    /** createCapture over the browser's webRequest and our sink, for one scope. */
    private readonly make: (scope: CaptureScope) => Capture,
    private readonly wanted: () => Wanted,
  ) {}

  /** Not paused (listeners are wanted), whether or not any is added now. */
  get active(): boolean { return this.enabled; }

  start(): void {
    this.enabled = true;
    this.apply();
  }

  stop(): void {
    this.enabled = false;
    this.apply();
  }

  /** Brings the listeners in line with what is wanted now (after a change of mode, tab or site). */
  apply(): void {
    const wanted = this.enabled ? this.wanted() : [];
    const keys = new Set<'all' | number>(wanted === 'all' ? ['all'] : wanted);
    for (const [key, capture] of this.added) {
      if (keys.has(key)) continue;
      capture.stop();
      this.added.delete(key);
    }
    for (const key of keys) {
      if (this.added.has(key)) continue;
      const capture = this.make(key === 'all' ? {} : { tabId: key });
      capture.start();
      this.added.set(key, capture);
    }
  }
}
