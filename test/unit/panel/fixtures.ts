/**
 * Exchanges for panel tests. Verdicts are written out here (what the classifier returns for these
 * exchanges) so that the panel is tested on its own; the classifier has its own corpus.
 */
import type { Exchange, Header } from '../../../src/core/model';
import type { Reason, Verdict } from '../../../src/core/verdict';
import type { ExchangeEntry, Settings, TabSnapshot } from '../../../src/shared/protocol';
import { emptyCounts } from '../../../src/shared/protocol';

export const PAGE = 'https://app.example';
export const API = 'https://api.example';
const T0 = Date.UTC(2026, 10, 21, 10, 0, 0);

const observer = { browser: 'chromium', preflightsVisible: true, fullRequestHeaders: true, source: 'test' } as const;
const h = (name: string, value: string): Header => ({ name, value });

function baseVerdict(kind: Verdict['kind'], over: Partial<Verdict> = {}): Verdict {
  return {
    kind,
    reasons: [],
    headline: `${kind} request`,
    preflight: { required: false, why: [], observed: false, cached: false },
    credentials: { mode: 'omit', basis: 'No Cookie or Authorization header was sent.' },
    origin: PAGE,
    tainted: false,
    status: 200,
    notes: [],
    ...over,
  };
}

function baseExchange(id: string, over: Partial<Exchange> = {}): Exchange {
  return {
    id,
    initiator: PAGE,
    type: 'xmlhttprequest',
    method: 'GET',
    url: `${API}/items/${id}`,
    requestHeaders: [h('Origin', PAGE), h('Accept', '*/*')],
    redirects: [],
    preflights: [],
    response: { status: 200, headers: [h('Access-Control-Allow-Origin', PAGE), h('Content-Type', 'application/json')], time: T0 + 40 },
    outcome: { state: 'completed', status: 200 },
    timings: { start: T0, end: T0 + 50 },
    observer,
    tabId: 7,
    ...over,
  };
}

export const entry = (exchange: Exchange, verdict: Verdict, seq: number): ExchangeEntry => ({ exchange, verdict, seq, pageId: 'page-1' });

export function simple(id: string, seq = 1, extra: Partial<Exchange> = {}): ExchangeEntry {
  return entry(baseExchange(id, { timings: { start: T0 + seq * 100, end: T0 + seq * 100 + 50 }, ...extra }), baseVerdict('simple', {
    headline: 'Allowed: a simple request and the server allowed this origin.',
  }), seq);
}

export const trailingSlashReason: Reason = {
  code: 'AllowOriginMismatch',
  firefox: 'CORSAllowOriginNotMatchingOrigin',
  mdn: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/CORSAllowOriginNotMatchingOrigin',
  header: 'Access-Control-Allow-Origin',
  received: `${PAGE}/`,
  expected: `exactly ${PAGE}`,
  summary: 'The server allowed a different origin than the page’s: the value has a trailing slash.',
  step: { kind: 'response' },
  chromeMessage: `The 'Access-Control-Allow-Origin' header has a value '${PAGE}/' that is not equal to the supplied origin.`,
  firefoxMessage: `Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ${API}/items/b1. (Reason: CORS header ‘Access-Control-Allow-Origin’ does not match ‘${PAGE}/’).`,
};

export function blockedTrailingSlash(id = 'b1', seq = 2): ExchangeEntry {
  const x = baseExchange(id, {
    response: {
      status: 200,
      headers: [h('Access-Control-Allow-Origin', `${PAGE}/`), h('Server', 'nginx/1.25'), h('X-Evil', '<img src=x onerror="window.__pwned=1">')],
      time: T0 + 240,
    },
    outcome: { state: 'failed', error: 'net::ERR_FAILED' },
    timings: { start: T0 + seq * 100, end: T0 + seq * 100 + 60 },
  });
  return entry(x, baseVerdict('blocked', {
    reasons: [trailingSlashReason],
    headline: `Blocked: Access-Control-Allow-Origin is '${PAGE}/' but the page’s origin is '${PAGE}'.`,
  }), seq);
}

export function preflightedPut(id = 'p1', seq = 3): ExchangeEntry {
  const start = T0 + seq * 100;
  const x = baseExchange(id, {
    method: 'PUT',
    requestHeaders: [h('Origin', PAGE), h('Content-Type', 'application/json'), h('X-Trace', 'abc')],
    preflights: [{
      id: `${id}-pre`,
      url: `${API}/items/${id}`,
      requestHeaders: [h('Origin', PAGE), h('Access-Control-Request-Method', 'PUT'), h('Access-Control-Request-Headers', 'content-type,x-trace')],
      response: {
        status: 204,
        headers: [h('Access-Control-Allow-Origin', PAGE), h('Access-Control-Allow-Methods', 'PUT'), h('Access-Control-Allow-Headers', 'content-type, x-trace')],
        time: start + 20,
      },
      start,
      end: start + 20,
    }],
    timings: { start, end: start + 80 },
  });
  return entry(x, baseVerdict('preflighted', {
    headline: 'Allowed after a preflight.',
    preflight: {
      required: true,
      observed: true,
      cached: false,
      why: [
        { kind: 'method', subject: 'PUT', text: 'PUT is not a simple method.' },
        { kind: 'header', subject: 'X-Trace', text: 'The header X-Trace is not CORS-safelisted.' },
      ],
    },
  }), seq);
}

export function sameOrigin(id = 's1', seq = 4): ExchangeEntry {
  const x = baseExchange(id, { url: `${PAGE}/local/${id}`, requestHeaders: [], timings: { start: T0 + seq * 100 } });
  return entry(x, baseVerdict('same-origin', { headline: 'Same-origin: CORS does not apply.' }), seq);
}

export const settings = (over: Partial<Settings> = {}): Settings => ({ paused: false, keepLog: false, recordSameOrigin: false, ...over });

export function snapshot(entries: ExchangeEntry[], over: Partial<Settings> = {}): TabSnapshot {
  const counts = emptyCounts();
  for (const e of entries) counts[e.verdict.kind]++;
  return {
    summary: { tabId: 7, page: { pageId: 'page-1', url: `${PAGE}/`, startedAt: T0 }, counts, total: entries.length, dropped: 0, blocked: [] },
    entries,
    settings: settings(over),
  };
}
