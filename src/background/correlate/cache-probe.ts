/**
 * Chromium's cache-aware font loading: for a font (FontFace, @font-face) Blink first asks the HTTP
 * cache alone. On a miss webRequest reports onBeforeRequest, onSendHeaders and onErrorOccurred
 * `net::ERR_CACHE_MISS` (nothing reached the server), then the real request under a new requestId.
 * DevTools shows a single request, and so do we: the probe's record waits here and the real request
 * takes it over, so the exchange ends with the real outcome.
 */
import type { ErrorEvent, RequestEvent } from '../capture/event';
import type { MainRecord } from './main-record';

/** Probes waiting for their real request; past this the oldest ends as it was (an error). */
export const MAX_WAITING_PROBES = 256;

/** The probe of a font: ERR_CACHE_MISS before any response or redirect. */
export function isFontCacheProbe(rec: MainRecord, ev: ErrorEvent): boolean {
  return ev.error === 'net::ERR_CACHE_MISS' && rec.ex.type === 'font' && !rec.ex.response && rec.ex.redirects.length === 0;
}

const keyOf = (tabId: number | undefined, frameId: number | undefined, initiator: string | undefined, method: string, url: string) =>
  `${tabId ?? -1}\n${frameId ?? 0}\n${initiator ?? ''}\n${method}\n${url}`;

export class CacheProbes {
  /** By font, tab, frame and initiator: the probes in the order they missed (one font loaded twice at once). */
  private readonly waiting = new Map<string, MainRecord[]>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Holds a probe until its real request starts. Returns a record pushed out by the bound, if any. */
  park(rec: MainRecord): MainRecord | undefined {
    const ex = rec.ex;
    const key = keyOf(ex.tabId, ex.frameId, ex.initiator, rec.method, rec.url);
    const list = this.waiting.get(key);
    if (list) list.push(rec);
    else this.waiting.set(key, [rec]);
    this.count++;
    if (this.count <= MAX_WAITING_PROBES) return undefined;
    const [oldestKey, oldest] = this.waiting.entries().next().value as [string, MainRecord[]];
    return this.take(oldestKey, oldest);
  }

  /** The waiting probe this request is the real load of (same font, tab, frame, initiator), taken out. */
  adopt(ev: RequestEvent): MainRecord | undefined {
    if (ev.type !== 'font' || this.count === 0) return undefined;
    const key = keyOf(ev.tabId, ev.frameId, ev.initiator, ev.method, ev.url);
    const list = this.waiting.get(key);
    return list ? this.take(key, list) : undefined;
  }

  dropTab(tabId: number): void {
    for (const [key, list] of this.waiting) {
      if (list[0]?.ex.tabId !== tabId) continue;
      this.waiting.delete(key);
      this.count -= list.length;
    }
  }

  clear(): MainRecord[] {
    const all = [...this.waiting.values()].flat();
    this.waiting.clear();
    this.count = 0;
    return all;
  }

  private take(key: string, list: MainRecord[]): MainRecord | undefined {
    const rec = list.shift();
    if (list.length === 0) this.waiting.delete(key);
    if (rec) this.count--;
    return rec;
  }
}
