/**
 * The requests for one origin, each turned into the Exchange a browser on that origin would have recorded
 * (the headers exactly as sent, the answer's exactly as received) and judged by the core.
 */
import { classify, judgeByHeaders } from '../../core/cli-api';
import type { CorsErrorCode, Exchange, Header, Severity, Verdict, VerdictKind } from '../../core/cli-api';
import type { ProbeOrigin, Trick } from './origins';
import { send } from './send';
import type { Answer } from './send';

/** What every request carries, as a browser's fetch() from another site does. */
const fetchHeaders = (origin: string): Header[] => [
  { name: 'Accept', value: '*/*' },
  { name: 'Origin', value: origin },
  { name: 'Sec-Fetch-Mode', value: 'cors' },
  { name: 'Sec-Fetch-Site', value: 'cross-site' },
  { name: 'Sec-Fetch-Dest', value: 'empty' },
  { name: 'User-Agent', value: 'cors-lens-probe' },
];
/** The credential a credentialed probe carries: a cookie the probe makes up (it has no real one). */
const COOKIE: Header = { name: 'Cookie', value: 'cors_lens_probe=1' };
/** The custom header that makes the second request non-simple (so the browser preflights it). */
const CUSTOM: Header = { name: 'X-Requested-With', value: 'XMLHttpRequest' };

type Mode = 'omit' | 'include';

const response = (a: Answer) => ({ status: a.status, statusText: a.statusText, headers: a.headers, time: a.end, ...(a.ip ? { ip: a.ip } : {}) });

/**
 * The Exchange a browser on `origin` would have recorded for this request and answer(s), before its ending
 * is known (`decide` sets it).
 */
function exchangeOf(id: string, url: URL, origin: string, requestHeaders: Header[], answer: Answer, preflight: { headers: Header[]; answer: Answer } | null): Exchange {
  const start = preflight ? preflight.answer.start : answer.start;
  return {
    id,
    initiator: origin,
    type: 'xmlhttprequest',
    method: 'GET',
    url: url.href,
    requestHeaders,
    redirects: [],
    preflights: preflight
      ? [{ id: `${id}-preflight`, url: url.href, requestHeaders: preflight.headers, response: response(preflight.answer), start: preflight.answer.start, end: preflight.answer.end }]
      : [],
    response: response(answer),
    outcome: STOPPED,
    timings: { start, end: answer.end },
    observer: { browser: 'chromium', preflightsVisible: true, fullRequestHeaders: true, source: 'har' },
  };
}

/** How Chromium ends a request its CORS check refused: fetch() rejects with a plain network error. */
const STOPPED = { state: 'failed', error: 'net::ERR_FAILED' } as const;

/**
 * The ending the browser would have given it, decided by the core from the headers alone (the way the panel's
 * "Try a fix" does): refused when a header fails a check (then, stopped at the preflight, without the
 * response it would never have asked for), read otherwise. A refusal the core explains only by inferring
 * credentials is not one: the probe knows whether it sent a Cookie.
 */
function decide(x: Exchange): Exchange {
  const judged = judgeByHeaders(x);
  if (judged.failed.kind === 'blocked' && !judged.credentialsOnly) {
    if (!judged.failed.reasons.some((r) => r.step.kind === 'preflight')) return x;
    const { response: _dropped, ...stopped } = x;
    return { ...stopped, timings: { start: x.timings.start, end: x.preflights[0]?.end ?? x.timings.start } };
  }
  return { ...x, outcome: { state: 'completed', status: x.response?.status ?? 0 } };
}

export interface Judged {
  verdict: VerdictKind;
  /** The browser let the page read the answer. */
  allowed: boolean;
  code: CorsErrorCode | null;
  status: number | null;
  /** Access-Control-Allow-Origin / -Credentials of the answer the browser judged last (preflight when it stopped there). */
  allowOrigin: string | null;
  allowCredentials: string | null;
}

export interface ProbeResult extends ProbeOrigin {
  simple: Record<Mode, Judged>;
  preflighted: Record<Mode, Judged>;
}

const headerValue = (headers: Header[] | undefined, name: string): string | null => {
  const values = (headers ?? []).filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
  return values.length ? values.join(', ') : null;
};

function judged(x: Exchange, v: Verdict): Judged {
  const last = x.response ?? x.preflights[0]?.response;
  return {
    verdict: v.kind,
    allowed: v.kind === 'simple' || v.kind === 'preflighted',
    code: v.reasons[0]?.code ?? null,
    status: last ? last.status : null,
    allowOrigin: headerValue(last?.headers, 'access-control-allow-origin'),
    allowCredentials: headerValue(last?.headers, 'access-control-allow-credentials'),
  };
}

export interface Entry {
  exchange: Exchange;
  verdict: Verdict;
}

/** Every request for one origin; returns its results and the exchanges for findingsOf. */
export async function probeOne(url: URL, o: ProbeOrigin, n: number, timeoutMs: number, entries: Entry[]): Promise<{ result: ProbeResult; requests: number }> {
  let requests = 0;
  const go = async (method: 'GET' | 'OPTIONS', headers: Header[]) => {
    requests++;
    return send(url, method, headers, timeoutMs);
  };
  const keep = (sent: Exchange): Judged => {
    const x = decide(sent);
    const verdict = classify(x);
    entries.push({ exchange: x, verdict });
    return judged(x, verdict);
  };
  const base = fetchHeaders(o.origin);
  const simple = {} as Record<Mode, Judged>;
  for (const mode of ['omit', 'include'] as const) {
    const headers = mode === 'include' ? [...base, COOKIE] : base;
    simple[mode] = keep(exchangeOf(`probe-${n}-simple-${mode}`, url, o.origin, headers, await go('GET', headers), null));
  }
  // One preflight serves both modes: a browser never sends cookies on it, so it is the same on the wire.
  const preflightHeaders = [
    { name: 'Accept', value: '*/*' },
    { name: 'Access-Control-Request-Method', value: 'GET' },
    { name: 'Access-Control-Request-Headers', value: 'x-requested-with' },
    { name: 'Origin', value: o.origin },
    { name: 'Sec-Fetch-Mode', value: 'cors' },
    { name: 'Sec-Fetch-Site', value: 'cross-site' },
    { name: 'Sec-Fetch-Dest', value: 'empty' },
    { name: 'User-Agent', value: 'cors-lens-probe' },
  ];
  const preflight = { headers: preflightHeaders, answer: await go('OPTIONS', preflightHeaders) };
  const preflighted = {} as Record<Mode, Judged>;
  for (const mode of ['omit', 'include'] as const) {
    const headers = mode === 'include' ? [...base, CUSTOM, COOKIE] : [...base, CUSTOM];
    // The browser sends the request only when the preflight passed. The GET goes out either way (it changes
    // nothing); when the core stops at the preflight, the exchange is the one a browser records then.
    preflighted[mode] = keep(exchangeOf(`probe-${n}-preflighted-${mode}`, url, o.origin, headers, await go('GET', headers), preflight));
  }
  return { result: { ...o, simple, preflighted }, requests };
}

/**
 * A forged origin the core let in. Nobody owns it (the subdomain is random, the others are look-alikes), so
 * trusting it is trusting strangers: `medium`, `high` when the browser also shares credentials with it,
 * as the core rates reflection. (The core's `origin-reflected` counts sites, so a subdomain of the allowed
 * origin alone never fires it: the probe knows that subdomain was made up.)
 */
export interface LetIn {
  origin: string;
  trick: Trick;
  severity: Severity;
  /** The requests it got through with. */
  with: string[];
}

export function letInOf(r: ProbeResult): LetIn | null {
  const ways = letInWith(r);
  if (!r.forged || ways.length === 0) return null;
  const credentials = r.simple.include.allowed || r.preflighted.include.allowed;
  return { origin: r.origin, trick: r.trick, severity: credentials ? 'high' : 'medium', with: ways };
}

/** "simple", "simple with credentials"…: the requests a forged origin got through with. */
function letInWith(r: ProbeResult): string[] {
  const out: string[] = [];
  if (r.simple.omit.allowed) out.push('simple');
  if (r.simple.include.allowed) out.push('simple with credentials');
  if (r.preflighted.omit.allowed) out.push('preflighted');
  if (r.preflighted.include.allowed) out.push('preflighted with credentials');
  return out;
}
