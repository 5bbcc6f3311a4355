/**
 * The HAR DevTools' "Export HAR" writes from a DevTools network log: Chrome's entry shape, one entry per hop,
 * raw headers from the *ExtraInfo events, the raw status of a rejected response, preflights as
 * `_resourceType: "preflight"` entries whose `_initiator` points at their request.
 */
import type { DevtoolsLog, Hop, RawExchange } from './devtools-log';
import type { Raw } from './cdp';

/** DevTools writes the raw Location header as `redirectURL`, also when the redirect was refused. */
const locationOf = (h: Hop, raw: RawExchange): string =>
  (raw.responseHeaders ?? h.responseHeaders ?? []).find((x) => x.name.toLowerCase() === 'location')?.value ?? '';

/** The HAR, and the hop behind each of its entries (entry i is `order[i]`: the core's reader names exchanges by entry index). */
export function harOf(log: DevtoolsLog, pageUrl: string): { har: object; order: Hop[] } {
  const ms = (hop: Hop, ts: number | undefined) => (ts === undefined ? 0 : Math.max(0, Math.round((ts - hop.startTs) * 1000 * 1000) / 1000));
  const order = [...log.hops].sort((a, b) => a.startWall - b.startWall);
  const entries = order.map((h) => {
    const raw = log.rawOf(h);
    const total = ms(h, h.endTs);
    const wait = Math.min(total, ms(h, h.headersTs ?? h.endTs));
    const status = h.status ?? raw.status ?? 0;
    const init: Raw = { type: h.initiator.type };
    if (h.initiator.url !== undefined) init.url = h.initiator.url;
    if (h.initiator.requestId !== undefined) init.requestId = h.initiator.requestId;
    return {
      _initiator: init,
      _priority: 'High',
      _resourceType: h.type.toLowerCase(),
      cache: {},
      pageref: 'page_1',
      request: {
        method: h.method, url: h.url.split('#')[0], httpVersion: 'HTTP/1.1', headers: raw.requestHeaders ?? h.fallbackRequestHeaders,
        queryString: [], cookies: [], headersSize: -1, bodySize: 0,
      },
      response: {
        status, statusText: h.statusText ?? '', httpVersion: status ? 'HTTP/1.1' : '', headers: raw.responseHeaders ?? h.responseHeaders ?? [],
        cookies: [], content: { size: 0, mimeType: h.mimeType ?? 'x-unknown' }, redirectURL: h.redirectURL || locationOf(h, raw), headersSize: -1, bodySize: -1,
        _transferSize: 0, _error: h.error ?? null,
      },
      serverIPAddress: h.ip ?? '',
      startedDateTime: new Date(h.startWall).toISOString(),
      time: total,
      timings: { blocked: -1, dns: -1, ssl: -1, connect: -1, send: 0, wait, receive: Math.max(0, total - wait), _blocked_queueing: -1 },
      ...(h.fromCache ? { _fromCache: 'disk' } : {}),
    };
  });
  const first = entries[0]?.startedDateTime ?? new Date().toISOString();
  const har = {
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      pages: [{ startedDateTime: first, id: 'page_1', title: pageUrl, pageTimings: { onContentLoad: -1, onLoad: -1 } }],
      entries,
    },
  };
  return { har, order };
}
