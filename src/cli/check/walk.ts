/**
 * One request as a browser page on `--origin` would make it, on the wire, hop by hop, and the Exchange the
 * browser would have recorded. Every decision is the core's: whether a step needs a preflight and what its
 * Access-Control-Request-Headers say (`preflightNeed`), the method and headers after a redirect
 * (`exchangeSteps`), the Origin after a cross-origin hop (`null` once tainted, the verdict's `origin`), and
 * whether the browser stops at a step (`judgeByHeaders`: refused when a visible header fails a check). What is
 * left here is what goes out: the browser's own headers, one request at a time, never more than it would send
 * (a refused preflight is not followed by the request; a refused redirect is not followed).
 *
 * Known differences on the wire: node:http upper-cases the method (`patch` goes out as `PATCH`; the exchange
 * and its verdict keep `patch`, as the browser sends it), and no request body is sent (its Content-Type is).
 */
import { classify, exchangeSteps, hostInfo, judgeByHeaders, originOf, preflightNeed } from '../../core/cli-api';
import type { Exchange, Header } from '../../core/cli-api';
import type { CheckOptions } from './options';
import { ProbeError, failureOf, send } from '../probe/send';
import type { Answer, Failure } from '../probe/send';

/** Chromium's limit: the 21st redirect fails the request (net::ERR_TOO_MANY_REDIRECTS). */
const MAX_REDIRECTS = 20;
const USER_AGENT = 'cors-lens-check';
/**
 * The cookie a credentialed check sends where it has none of the user's: a browser with no cookie for the site
 * sends none, and nothing on the wire (nor in the recorded exchange) would then say credentials were included.
 * The user's own Cookie goes only to the host it was given for (a browser's cookie jar is per host).
 */
const MADE_UP_COOKIE = 'cors_lens_check=1';
/** Headers the check adds as the browser (stripped from a step's headers to get the page's back). */
const ADDED = new Set(['origin', 'sec-fetch-site', 'sec-fetch-mode', 'sec-fetch-dest', 'user-agent', 'cookie']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** How Chromium ends a request its CORS check refused. */
const REFUSED = { state: 'failed', error: 'net::ERR_FAILED' } as const;

export type Sender = (url: URL, method: string, headers: Header[], timeoutMs: number) => Promise<Answer>;

interface Walked {
  exchange: Exchange;
  /** Requests sent (preflights included). */
  requests: number;
  /** The network error that ended it (no answer from a server), or null. */
  unreachable: ProbeError | null;
}

const lower = (h: Header): string => h.name.toLowerCase();
const response = (a: Answer) => ({ status: a.status, statusText: a.statusText, headers: a.headers, time: a.end, ...(a.ip ? { ip: a.ip } : {}) });

/** Sec-Fetch-Site as the browser computes it from the page's origin (an opaque origin is every site's stranger). */
function fetchSite(origin: string, url: string, crossSiteSeen: boolean): string {
  const target = originOf(url);
  if (origin !== 'null' && target === origin && !crossSiteSeen) return 'same-origin';
  const a = origin === 'null' ? null : hostInfo(origin)?.site;
  const b = target === null ? null : hostInfo(target)?.site;
  return !crossSiteSeen && a && a === b ? 'same-site' : 'cross-site';
}

const NET_ERRORS: Record<Failure, string> = {
  refused: 'net::ERR_CONNECTION_REFUSED',
  not_found: 'net::ERR_NAME_NOT_RESOLVED',
  timeout: 'net::ERR_TIMED_OUT',
  reset: 'net::ERR_CONNECTION_RESET',
  tls: 'net::ERR_CERT_INVALID',
  other: 'net::ERR_CONNECTION_FAILED',
};

/** The browser's net error for a request that got no answer (the same reading of Node's code as the probe's message). */
function netError(err: ProbeError): string {
  const code = (err.cause as NodeJS.ErrnoException | undefined)?.code;
  return code === 'HPE_HEADER_OVERFLOW' ? 'net::ERR_RESPONSE_HEADERS_TOO_BIG' : NET_ERRORS[failureOf(code)];
}

/** Blocked by the core from the headers seen so far (a failure it explains only by guessing credentials is not one: the check knows). */
function refusal(x: Exchange): { step: 'preflight' | 'redirect' | 'response' } | null {
  const judged = judgeByHeaders(x);
  if (judged.failed.kind !== 'blocked' || judged.credentialsOnly) return null;
  return { step: judged.failed.reasons[0]?.step.kind ?? 'response' };
}

export async function walk(o: CheckOptions, timeoutMs: number, sender: Sender = send): Promise<Walked> {
  const start = Date.now();
  const x: Exchange = {
    id: 'check', initiator: o.origin, type: 'xmlhttprequest', method: o.method, url: o.url.href, requestHeaders: [], redirects: [],
    preflights: [], outcome: REFUSED, timings: { start },
    observer: { browser: 'chromium', preflightsVisible: true, fullRequestHeaders: true, source: 'har' },
  };
  const pageAccept = o.headers.some((h) => lower(h) === 'accept');
  let requests = 0;
  const end = (outcome: Exchange['outcome'], unreachable: ProbeError | null = null): Walked => {
    x.outcome = outcome;
    x.timings.end = Date.now();
    return { exchange: x, requests, unreachable };
  };
  const go = async (url: string, method: string, headers: Header[]): Promise<Answer> => {
    requests++;
    const target = new URL(url);
    target.username = '';
    target.password = '';
    return sender(target, method, headers, timeoutMs);
  };

  let url = o.url.href;
  let method = o.method;
  let page = o.headers;
  let origin = o.origin;
  let corsFlag = false;
  let crossSite = false;
  for (let hop = 0; ; hop++) {
    corsFlag ||= origin === 'null' || originOf(url) !== origin;
    const site = fetchSite(o.origin, url, crossSite);
    crossSite ||= site === 'cross-site';
    const browser = (withCookie: boolean): Header[] => [
      { name: 'Origin', value: origin },
      { name: 'Sec-Fetch-Mode', value: 'cors' },
      { name: 'Sec-Fetch-Site', value: site },
      { name: 'Sec-Fetch-Dest', value: 'empty' },
      { name: 'User-Agent', value: USER_AGENT },
      ...(withCookie ? [{ name: 'Cookie', value: o.cookie !== null && new URL(url).hostname === o.url.hostname ? o.cookie : MADE_UP_COOKIE }] : []),
    ];
    // The browser sends Origin on a CORS request, and on any request whose method is not GET or HEAD.
    const sendsOrigin = corsFlag || !['GET', 'HEAD'].includes(method.toUpperCase());
    const sent = [...(pageAccept ? [] : [{ name: 'Accept', value: '*/*' }]), ...page, ...browser(o.credentials).filter((h) => sendsOrigin || h.name !== 'Origin')];
    if (hop === 0) x.requestHeaders = sent;
    else x.finalRequestHeaders = sent;

    if (corsFlag) {
      const need = preflightNeed(method, page);
      if (need.required) {
        const unsafe = [...need.unsafeHeaders].sort();
        const headers = [
          { name: 'Accept', value: '*/*' },
          { name: 'Access-Control-Request-Method', value: method },
          ...(unsafe.length > 0 ? [{ name: 'Access-Control-Request-Headers', value: unsafe.join(',') }] : []),
          ...browser(false),
        ];
        const pre: Exchange['preflights'][number] = { id: `check-preflight-${x.preflights.length + 1}`, url, requestHeaders: headers, start: Date.now() };
        x.preflights.push(pre);
        try {
          const answer = await go(url, 'OPTIONS', headers);
          pre.response = response(answer);
          pre.end = answer.end;
        } catch (err) {
          if (!(err instanceof ProbeError)) throw err;
          pre.error = netError(err);
          pre.end = Date.now();
          return end({ state: 'failed', error: pre.error }, err);
        }
        // A preflight the browser refuses (its checks, its status, a redirect: never followed) ends the request.
        if (refusal(x) !== null) return end(REFUSED);
      }
    }

    let answer: Answer;
    try {
      answer = await go(url, method, sent);
    } catch (err) {
      if (!(err instanceof ProbeError)) throw err;
      return end({ state: 'failed', error: netError(err) }, err);
    }
    const res = response(answer);
    const location = REDIRECTS.has(answer.status) ? answer.headers.find((h) => lower(h) === 'location')?.value : undefined;
    if (location === undefined) {
      x.response = res;
      return end(refusal(x) !== null ? REFUSED : { state: 'completed', status: answer.status });
    }
    let target: string;
    try {
      target = new URL(location, url).href;
    } catch {
      x.response = res;
      return end({ state: 'failed', error: 'net::ERR_INVALID_REDIRECT' });
    }
    const hopRecord: Exchange['redirects'][number] = { url, requestHeaders: sent, response: res, location: target, time: answer.end };
    x.redirects.push(hopRecord);
    delete x.finalRequestHeaders;
    const refused = refusal(x);
    if (refused !== null) {
      // Refused at the 3xx itself: the browser never asks its Location (else it failed asking it).
      if (refused.step === 'redirect') hopRecord.followed = false;
      return end(REFUSED);
    }
    if (o.redirect === 'manual') {
      // fetch(…, {redirect: 'manual'}): the 3xx passed its check and the page gets an opaque redirect.
      hopRecord.followed = false;
      return end({ state: 'failed', error: 'net::ERR_ABORTED' });
    }
    if (x.redirects.length > MAX_REDIRECTS) return end({ state: 'failed', error: 'net::ERR_TOO_MANY_REDIRECTS' });
    if (!/^https?:/i.test(target)) return end({ state: 'failed', error: 'net::ERR_UNSAFE_REDIRECT' });
    // What the browser sends next, as the core derives it: the method (303, POST on 301/302 become GET), the
    // headers (body headers dropped with the body, Authorization dropped across origins), the Origin (tainted).
    const next = exchangeSteps(x).at(-1)!;
    method = next.method;
    page = next.requestHeaders.filter((h) => !ADDED.has(lower(h)) && (pageAccept || lower(h) !== 'accept'));
    origin = classify({ ...x, outcome: { state: 'pending' } }).origin ?? origin;
    url = target;
  }
}
