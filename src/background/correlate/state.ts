/**
 * The correlator's in-flight state, shared by the main-request half (main-events.ts), the preflight
 * half (preflight-events.ts) and recovery.ts: open records by requestId and what changed since the
 * last drain.
 */
import type { Observer, PreflightRecord } from '../../core/model/exchange';
import type { CompletedEvent, ErrorEvent, RequestEvent } from '../capture/event';
import { newMainRecord, type MainRecord, type PairingKey } from './main-record';
import { CacheProbes } from './cache-probe';

/** A preflight still in flight. `main` is undefined while no main request claims it (an orphan). */
export interface OpenPreflight {
  pf: PreflightRecord;
  key: PairingKey;
  method: string;
  main?: MainRecord;
  /** The OPTIONS request's own onBeforeRequest, to report it alone if it stays an orphan. */
  request: RequestEvent;
}

/** An OPTIONS request before its headers tell whether it is a preflight. */
export interface UndecidedOptions {
  request: RequestEvent;
}

/** A preflight that ended with no main request, and how it ended. */
export interface EndedOrphan {
  open: OpenPreflight;
  end: CompletedEvent | ErrorEvent;
}

/** At most this many exchanges ended early are remembered (their late events are dropped). */
const MAX_ENDED_EARLY = 2_000;

/**
 * Chromium: the request ended at onResponseStarted; an event of it that still comes is dropped. We do
 * not listen to Chromium's onCompleted, so most ids are never taken back and the set stays full: the
 * oldest is found in a ring of the last ids added rather than with an iterator on every request.
 */
export function endedEarly(st: CorrelationState, id: string): void {
  const ring = st.endedRing;
  const at = st.endedAt;
  const oldest = ring[at];
  if (oldest !== undefined) st.endedEarly.delete(oldest);
  ring[at] = id;
  st.endedAt = at + 1 === MAX_ENDED_EARLY ? 0 : at + 1;
  st.endedEarly.add(id);
}

export class CorrelationState {
  readonly mains = new Map<string, MainRecord>();
  readonly preflights = new Map<string, OpenPreflight>();
  readonly undecided = new Map<string, UndecidedOptions>();
  /** Font cache probes waiting for their real request (cache-probe.ts). */
  readonly probes = new CacheProbes();
  changed = new Set<MainRecord>();
  ended: MainRecord[] = [];
  /**
   * Preflights that ended before any main request claimed them. Kept claimable for a while, because
   * Chromium can deliver a request's onBeforeRequest late (seen when it starts the worker for a burst):
   * reported on their own only when nothing claimed them (preflight-events.ts).
   */
  orphans: EndedOrphan[] = [];
  /**
   * Preflights shown on their own (nothing claimed them in time), still claimable by a main request
   * that starts late: its onBeforeRequest was lost while the browser stopped the worker, and it
   * starts from its later events, which can come many seconds after (queued behind other requests).
   */
  reported: { open: OpenPreflight; rec: MainRecord }[] = [];
  /** Records shown on their own that a main request claimed since the last drain: the store forgets them. */
  discarded: MainRecord[] = [];
  /** Chromium exchanges ended at onResponseStarted: their onCompleted/onErrorOccurred is still to come, and dropped. */
  readonly endedEarly = new Set<string>();
  /** The ids added to `endedEarly`, oldest at `endedAt` (its next slot) once it has gone round. */
  readonly endedRing: (string | undefined)[] = new Array<string | undefined>(MAX_ENDED_EARLY).fill(undefined);
  endedAt = 0;

  constructor(readonly observer: Observer) {}

  addMain(request: RequestEvent): MainRecord {
    const rec = newMainRecord(request, this.observer);
    this.mains.set(request.id, rec);
    this.changed.add(rec);
    return rec;
  }

  /** The exchange ended: no longer held, handed out by the next drain. */
  end(rec: MainRecord): void {
    this.mains.delete(rec.requestId ?? rec.ex.id);
    this.changed.delete(rec);
    this.ended.push(rec);
  }

  attach(main: MainRecord, pf: PreflightRecord): void {
    main.hopPreflight = pf;
    main.ex.preflights.push(pf);
    this.changed.add(main);
  }

  attachOpen(main: MainRecord, p: OpenPreflight): void {
    p.main = main;
    this.attach(main, p.pf);
  }

  detach(main: MainRecord, pf: PreflightRecord): void {
    main.ex.preflights = main.ex.preflights.filter((x) => x !== pf);
    if (main.hopPreflight === pf) delete main.hopPreflight;
    this.changed.add(main);
  }
}
