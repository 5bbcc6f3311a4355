/** Readable builders for HAR tests: exchanges and hand-written verdicts (no classifier involved). */
import type { Exchange, Header, PreflightRecord, RedirectHop, ResponseRecord } from '../../../../src/core/model/exchange';
import type { CorsErrorCode, Reason, Verdict, VerdictKind } from '../../../../src/core/model/verdict';
import { m } from '../../../../src/core/i18n/msg';
import type { Msg } from '../../../../src/core/i18n/msg';

/** A sentence kept as written (the catalogue's `common_text`): renders the same in every language. */
export const text = (words: string): Msg => m('common_text', { text: words });

export const PAGE = 'http://app.test:8080';
export const API = 'http://api.test:9090';
export const T0 = Date.UTC(2026, 10, 21, 20, 0, 0);

export const h = (name: string, value: string): Header => ({ name, value });

export function response(status: number, headers: Header[] = [], time?: number): ResponseRecord {
  return time === undefined ? { status, headers } : { status, headers, time };
}

export function exchange(over: Partial<Exchange> = {}): Exchange {
  return {
    id: 'x1',
    initiator: PAGE,
    documentUrl: `${PAGE}/index.html`,
    type: 'xmlhttprequest',
    method: 'GET',
    url: `${API}/items?page=2`,
    requestHeaders: [h('Origin', PAGE), h('Sec-Fetch-Mode', 'cors'), h('Accept', '*/*')],
    redirects: [],
    preflights: [],
    response: response(200, [h('Access-Control-Allow-Origin', PAGE), h('Content-Type', 'application/json')], T0 + 30),
    outcome: { state: 'completed', status: 200 },
    timings: { start: T0, end: T0 + 40 },
    observer: { browser: 'chromium', preflightsVisible: true, fullRequestHeaders: true, source: 'test' },
    tabId: 7,
    frameId: 0,
    ...over,
  };
}

export function preflight(over: Partial<PreflightRecord> = {}): PreflightRecord {
  return {
    id: 'p1',
    url: `${API}/items?page=2`,
    requestHeaders: [h('Origin', PAGE), h('Access-Control-Request-Method', 'PUT'), h('Access-Control-Request-Headers', 'x-trace')],
    response: response(204, [h('Access-Control-Allow-Origin', PAGE), h('Access-Control-Allow-Methods', 'PUT')], T0 + 10),
    start: T0 + 2,
    end: T0 + 12,
    ...over,
  };
}

export function hop(url: string, location: string, time: number, over: Partial<RedirectHop> = {}): RedirectHop {
  return { url, response: response(302, [h('Location', location)], time - 1), location, time, ...over };
}

export function reason(code: CorsErrorCode, over: Partial<Reason> = {}): Reason {
  return {
    code,
    firefox: 'CORSMissingAllowOrigin2',
    mdn: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSMissingAllowOrigin',
    header: 'Access-Control-Allow-Origin',
    received: null,
    expected: text(`Access-Control-Allow-Origin: ${PAGE}`),
    summary: text('The response has no Access-Control-Allow-Origin header.'),
    step: { kind: 'response' },
    chromeMessage: "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    firefoxMessage: null,
    ...over,
  };
}

export function verdict(kind: VerdictKind, over: Partial<Verdict> = {}): Verdict {
  return {
    kind,
    reasons: [],
    headline: text(`Verdict: ${kind}`),
    preflight: { required: false, why: [], observed: false, cached: false },
    credentials: { mode: 'omit', basis: text('no credentials seen') },
    origin: PAGE,
    tainted: false,
    status: 200,
    notes: [],
    ...over,
  };
}
