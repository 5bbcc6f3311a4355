/**
 * The event path after the listeners: a queue of capture and tab events, processed in batches.
 * A paced timer (at once when idle, at most every `burst` ms in a burst; timers.ts `Paced`) puts the
 * batch back in the browser's order (capture/event-order.ts), gives capture events to the correlator
 * and tab events to the tab housekeeping, and hands what the correlator drained to the recorder
 * (tabs/recorder.ts), which puts it in the tab logs. Pause lives here too: it removes the listeners
 * and forgets what is in flight.
 */
import { debug } from '../shared/debug';
import type { Capture } from './capture/listeners';
import { inEventOrder, type SessionEvent } from './capture/event-order';
import type { Correlator } from './correlate/correlator';
import type { TabHousekeeping } from './tabs/housekeeping';
import type { Recorder } from './tabs/recorder';
import { Paced, type Timers } from './timers';

interface PipelineDelays {
  process: number;
  burst: number;
  burstEvents: number;
  /** Quiet time after which what waits for a late event is settled. */
  idle: number;
}

interface PipelineParts {
  capture: Capture;
  correlator: Correlator;
  recorder: Recorder;
  tabs: TabHousekeeping;
  paused: () => boolean;
  timers: Timers;
  delays: PipelineDelays;
  /** Counts the capture events processed. */
  stats: { processed: number };
}

export class Pipeline {
  private queue: SessionEvent[] = [];
  private ready = false;
  private idleHandle: unknown = null;
  private readonly processSoon: Paced;

  constructor(private readonly p: PipelineParts) {
    this.processSoon = new Paced(() => this.process(), p.delays.process, p.delays.burst, p.delays.burstEvents, p.timers);
  }

  /** A listener's record (or a tab event). Cheap: queue and schedule. Before `open()` it only waits. */
  push(event: SessionEvent): void {
    if (event.kind === 'capture' && this.ready && this.p.paused()) return;
    this.queue.push(event);
    if (this.ready) this.processSoon.trigger();
  }

  /** The worker is ready (settings read, log rehydrated): processes what waited and what comes. */
  open(): void {
    this.ready = true;
    this.processSoon.trigger();
  }

  /** Processes what is queued now (cancelling the timer). */
  async now(): Promise<void> {
    await this.processSoon.now();
  }

  /** Nothing more is coming: preflights still waiting for a late main request are shown on their own. */
  flushOrphans(): void {
    this.p.correlator.flushOrphans();
    this.process();
  }

  /** Pause removes the listeners and forgets what is queued and in flight; resume adds them back. */
  setPaused(paused: boolean): void {
    if (paused) {
      this.p.capture.stop();
      this.queue = this.queue.filter((e) => e.kind !== 'capture');
      this.p.correlator.abandonAll();
    } else {
      this.p.capture.start();
    }
  }

  process(): void {
    if (!this.ready) return;
    const queue = inEventOrder(this.queue);
    this.queue = [];
    for (const item of queue) {
      try {
        if (item.kind === 'capture') {
          this.p.correlator.apply(item.event);
          this.p.stats.processed++;
        } else {
          this.drain();
          this.p.tabs.apply(item);
        }
      } catch (err) {
        debug.warn('session', `could not process a ${item.kind} event`, err);
      }
    }
    this.drain();
    this.armIdle();
  }

  private drain(): void {
    this.p.recorder.record(this.p.correlator.drain());
  }

  /**
   * When events stop coming, the events' clock stops too: what still waits for a late
   * onBeforeRequest (or a late request for its preflight) is settled after `idle` ms of quiet.
   */
  private armIdle(): void {
    const { timers, delays, correlator } = this.p;
    if (this.idleHandle !== null) timers.clear(this.idleHandle);
    this.idleHandle = null;
    if (!correlator.waiting) return;
    this.idleHandle = timers.set(() => {
      this.idleHandle = null;
      correlator.flushOrphans();
      this.process();
    }, delays.idle);
  }
}
