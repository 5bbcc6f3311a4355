/**
 * Everything that picks up the worker's state after the browser stopped and restarted it, in one
 * place. The stored log is read back by persist/rehydrate.ts; from it:
 *
 * - exchanges that were in flight are taken back into the correlator at once (`takeBack`), as main
 *   records and open preflights rebuilt from their stored (pending) `Exchange`, so that the events
 *   that follow complete them instead of being lost;
 * - those that hear nothing for `stranded` ms had their end lost with the stopped worker
 *   (interrupted.ts): they are released and shown judged from what was seen, never left pending;
 * - a late event of one of those still revives it (`revive`, called by the correlator for an event
 *   of no known request).
 */
import type { Exchange } from '../../core/model/exchange';
import type { ExchangeEntry } from '../../shared/protocol';
import type { RequestEvent } from '../capture/event';
import type { Timers } from '../timers';
import type { CorrelationState, OpenPreflight } from './state';
import { keyOf, type MainRecord, type Phase } from './main-record';
import { preflightMethod } from './preflight-pairing';
import { methodAfterRedirect } from '../../core/http/redirect';

/** An in-flight exchange stored before the worker was stopped. */
export interface Recovered {
  exchange: Exchange;
  pageId: string;
  seq: number;
}

/** Looks up an in-flight exchange stored before the worker was stopped, by its id or a preflight's id. */
export type Recover = (requestId: string) => Recovered | undefined;

// ---- the correlator's state, rebuilt from a stored exchange ----

/** The main record of an exchange stored while in flight (the worker was stopped between two of its events). */
function mainRecordOf(found: Recovered): MainRecord {
  const ex = found.exchange;
  // Resolved as interrupted earlier (its events seemed lost): it is alive after all.
  if (ex.outcome.state === 'pending') delete ex.timings.end;
  const last = ex.redirects[ex.redirects.length - 1];
  const url = last ? last.location : ex.url;
  const method = last ? methodAfterRedirect(last.response.status, ex.method) : ex.method;
  const sent = ex.redirects.length === 0 ? (ex.requestHeaders.length > 0 ? ex.requestHeaders : undefined) : ex.finalRequestHeaders;
  const phase: Phase = ex.response ? 'received' : sent ? 'sent' : 'waiting';
  const rec: MainRecord = { ex, phase, url, method };
  if (sent) rec.headers = sent;
  const open = ex.preflights.find((p) => p.end === undefined);
  if (open && rec.phase === 'waiting') rec.hopPreflight = open;
  rec.pageId = found.pageId;
  rec.seq = found.seq;
  rec.shown = true;
  return rec;
}

/** The open preflight `id` of a recovered main request, or undefined when it has none by that id. */
function openPreflightOf(main: MainRecord, id: string): OpenPreflight | undefined {
  const pf = main.ex.preflights.find((p) => p.id === id && p.end === undefined);
  if (!pf) return undefined;
  const request: RequestEvent = {
    kind: 'request', id, time: pf.start, url: pf.url, method: 'OPTIONS', type: main.ex.type,
    tabId: main.ex.tabId ?? -1, frameId: main.ex.frameId ?? 0,
    ...(main.ex.initiator !== undefined ? { initiator: main.ex.initiator } : {}),
  };
  return { pf, key: keyOf(main.ex), method: preflightMethod(pf.requestHeaders) ?? main.method, main, request };
}

/** At wake-up: takes back an exchange stored while in flight, before any of its events come. */
export function adoptInFlight(st: CorrelationState, found: Recovered): void {
  const main = mainRecordOf(found);
  main.restored = true;
  st.mains.set(main.requestId ?? main.ex.id, main);
  for (const p of main.ex.preflights) {
    if (p.end !== undefined || !p.id) continue;
    const open = openPreflightOf(main, p.id);
    if (open) st.preflights.set(p.id, open);
  }
}

/** An event of request `id` after its exchange was resolved as interrupted: rebuilds its state. */
export function revive(st: CorrelationState, recover: Recover, id: string): boolean {
  const found = recover(id);
  if (!found) return false;
  const main = st.mains.get(found.exchange.id) ?? mainRecordOf(found);
  st.mains.set(main.ex.id, main);
  if (found.exchange.id === id) return true;
  const open = openPreflightOf(main, id);
  if (open) st.preflights.set(id, open);
  return open !== undefined;
}

/** Stops tracking every record taken back at wake-up that heard nothing since; returns them. */
export function releaseRestored(st: CorrelationState): MainRecord[] {
  const out: MainRecord[] = [];
  for (const rec of [...st.mains.values()]) {
    if (!rec.restored) continue;
    st.mains.delete(rec.requestId ?? rec.ex.id);
    st.changed.delete(rec);
    for (const p of rec.ex.preflights) if (p.id) st.preflights.delete(p.id);
    out.push(rec);
  }
  return out;
}

// ---- the session's side ----

/** What recovery needs of the correlator and of the session around it. */
interface RecoveryHost {
  adopt(found: Recovered): void;
  releaseRestored(): MainRecord[];
  /** Processes what is queued. */
  process(): void;
  /** Puts a record in its tab's log (tabs/recorder.ts). */
  show(rec: MainRecord, ended: boolean): void;
}

export class Recovery {
  /** Exchanges resolved as interrupted, by their id and their open preflights' ids, until an event revives one. */
  private readonly recoverable = new Map<string, Recovered & { keys: string[] }>();
  private takenBack = 0;

  constructor(
    private readonly host: RecoveryHost,
    private readonly timers: Timers,
    private readonly strandedMs: number,
    /** Counts the exchanges resolved as interrupted. */
    private readonly stats: { interrupted: number },
  ) {}

  /** At wake-up: the in-flight entries read back from storage go back into the correlator. */
  takeBack(inFlight: readonly ExchangeEntry[]): void {
    // Taken back at once, so their preflights pair and their events find them from the first one on.
    for (const e of inFlight) this.host.adopt({ exchange: e.exchange, pageId: e.pageId, seq: e.seq });
    this.takenBack = inFlight.length;
  }

  /** Once the session runs: those taken back that hear nothing for a while are resolved (below). */
  watchStranded(): void {
    if (this.takenBack > 0) this.timers.set(() => this.resolveStranded(), this.strandedMs);
  }

  /** For the correlator: the exchange an event of no known request may belong to (taken once). */
  readonly recover: Recover = (id) => {
    const rec = this.recoverable.get(id);
    if (rec) for (const k of rec.keys) this.recoverable.delete(k);
    return rec;
  };

  /**
   * Exchanges taken back after a restart that heard nothing since: their end was probably lost with
   * the stopped worker (interrupted.ts). Resolved from what was seen, never left pending forever;
   * still revivable by a late event.
   */
  private resolveStranded(): void {
    this.host.process();
    const now = Date.now();
    for (const rec of this.host.releaseRestored()) {
      rec.ex.timings.end = now;
      this.stats.interrupted++;
      if (rec.pageId !== undefined && rec.seq !== undefined) this.remember({ exchange: rec.ex, pageId: rec.pageId, seq: rec.seq });
      this.host.show(rec, false);
    }
  }

  private remember(e: Recovered): void {
    const keys = [e.exchange.id, ...e.exchange.preflights.filter((p) => p.end === undefined && p.id).map((p) => p.id!)];
    const rec = { exchange: e.exchange, pageId: e.pageId, seq: e.seq, keys };
    for (const k of keys) this.recoverable.set(k, rec);
  }
}
