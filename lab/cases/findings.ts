/**
 * "Passes, but…": exchanges the browser lets through that are configured dangerously or wastefully (the findings
 * of src/core/findings), each next to a well-configured twin that must come out clean. Twins are configured as
 * CORS Lens's fix snippets configure a server: the request's origin echoed only from an allowlist (`allow`),
 * `Vary: Origin`, `Access-Control-Max-Age: 600`, methods and headers by name.
 *
 * Each case has an endpoint of its own (`/cors/<case id>`), so a finding grouped by endpoint sees that case's
 * requests only. Findings that need several requests get them as `prepare` (same URL as the subject: the same
 * endpoint, the same HTTP-cache and preflight-cache entry); the subject is the last request.
 *
 * Not producible from the gallery (plain http on loopback addresses), so defined apart in `httpsFindingsCases`
 * below and run by test/e2e/findings.test.ts only, in Chromium started with `--host-resolver-rules` (mapping
 * `*.github.io` and `*.lab.test` to 127.0.0.1) and `--ignore-certificate-errors`, against an https listener the
 * test starts with a certificate made at test start:
 * - `insecure-origin-trusted` needs an https response that allows an http:// non-loopback origin;
 * - `public-suffix-origin-trusted` needs the page itself on a host under a public suffix (e.g. `x.github.io`):
 *   Access-Control-Allow-Origin naming such an origin from a loopback page is a plain AllowOriginMismatch (blocked,
 *   so no finding).
 * - `private-network-broadly-allowed`: Chromium 156 no longer sends `Access-Control-Request-Private-Network` and
 *   ignores `Access-Control-Allow-Private-Network` (Private Network Access preflights were replaced by the Local
 *   Network Access permission: a public page reaching a private address asks the user; no header decides it), and
 *   every lab origin is loopback (same address space, nothing to ask). What the lab can produce, and does, is the
 *   response configuration the finding is about: `Access-Control-Allow-Private-Network: true` with ACAO `*` on a
 *   request that passes.
 */
import { corsUrl, type Action, type CorsParams, type FetchInit, type FindingId, type LabCase, type LabOrigins } from '../case-types';
import { kase, PREFLIGHTED, SIMPLE, TRACE, blocked } from './define';
import { LAB_COOKIE } from './credentialed';

export const FINDINGS_GROUP = 'Passes, but…';

export function findingsCases(o: LabOrigins): LabCase[] {
  const G = FINDINGS_GROUP;
  const url = (id: string, p: CorsParams) => corsUrl(o.api, id, p, `/cors/${id}`);
  const get = (id: string, p: CorsParams, init?: FetchInit): Action => ({ kind: 'fetch', url: url(id, p), ...(init ? { init } : {}) });
  /** As the fix snippets answer: the page origin from an allowlist, Vary: Origin. */
  const clean: CorsParams = { allow: o.page, vary: 'Origin' };
  const put = (id: string, p: CorsParams): Action => ({ kind: 'fetch', url: url(id, { acam: 'PUT', ...p }), init: { method: 'PUT', body: 'x' } });
  /**
   * The same request made from the sandboxed frame (Origin: null) and from a frame on another site (the third
   * origin's server named localhost: the page's 127.0.0.1 ports are all one site, and reflection is told from an
   * allowlist by two sites echoed; `null` does not count as a site).
   */
  const fromOthers = (a: Action, init?: FetchInit): Action[] => [
    { kind: 'sandbox-fetch', url: a.url, ...(init ? { init } : {}) },
    { kind: 'frame-fetch', origin: o.crossSite ?? o.third, url: a.url, ...(init ? { init } : {}) },
  ];
  /** Sets the lab cookie on the API first (its own endpoint), so the credentialed subject visibly carries a Cookie. */
  const cookieFirst = (id: string): Action => ({ kind: 'fetch', url: url(`${id}-cookie`, { ...clean, acac: 'true', setcookie: LAB_COOKIE }),
    init: { credentials: 'include' } });
  const CACHED = { ...SIMPLE, fromCache: true };
  const cred = { credentials: 'include' as const };

  const reflected = get('finding-origin-reflected', { acao: '$origin', vary: 'Origin' });
  const reflectedCred = get('finding-origin-reflected-credentials', { acao: '$origin', acac: 'true', vary: 'Origin' }, cred);
  const reflectedClean = get('finding-origin-reflected-clean', clean);
  const echoCached = get('finding-echo-without-vary-cached', { acao: '$origin', cache: 'max-age=600' });
  const echoCachedClean = get('finding-echo-vary-cached-clean', { ...clean, cache: 'max-age=600' });
  const otherOriginShared = get('finding-cached-other-origin-shared', { acao: '$origin', cache: 'max-age=0, s-maxage=600', shared: 1 });
  const otherOriginClean = get('finding-cached-other-origin-clean', { ...clean, cache: 'max-age=600' });
  const repeated = put('finding-preflight-not-cached', { ...clean, maxage: 0 });
  const repeatedClean = put('finding-preflight-cached-clean', { ...clean, maxage: 600 });
  const traced = (id: string, p: CorsParams): Action => ({ kind: 'fetch', url: url(id, { ...clean, acac: 'true', maxage: 600, ...p }),
    init: { headers: [TRACE], credentials: 'include' } });

  return [
    // null-origin-allowed: any sandboxed frame or data: document of any site sends Origin: null.
    { ...kase('finding-null-origin', G, 'ACAO null', 'A sandboxed frame (Origin: null) is let in by Access-Control-Allow-Origin: null.',
      { kind: 'sandbox-fetch', url: url('finding-null-origin', { acao: 'null' }) }, SIMPLE), findings: ['null-origin-allowed'] },
    { ...kase('finding-null-origin-credentials', G, 'ACAO null with credentials', 'The same, credentialed, with Access-Control-Allow-Credentials: true (high).',
      { kind: 'sandbox-fetch', url: url('finding-null-origin-credentials', { acao: 'null', acac: 'true' }), init: cred }, SIMPLE),
      findings: ['null-origin-allowed'] },
    { ...kase('finding-null-origin-clean', G, 'Public data for a sandboxed frame: ACAO *', 'No credentials: * serves every origin, null included, and trusts none.',
      { kind: 'sandbox-fetch', url: url('finding-null-origin-clean', { acao: '*' }) }, SIMPLE), findings: [] },

    // origin-reflected: the same endpoint echoes every origin it is sent (here null, the third origin, the page).
    { ...kase('finding-origin-reflected', G, 'Origin reflected', 'The endpoint echoes Origin: null, then a frame on another site (localhost), then the page (Vary: Origin is sent).',
      reflected, SIMPLE), prepare: fromOthers(reflected), findings: ['origin-reflected'] },
    { ...kase('finding-origin-reflected-credentials', G, 'Origin reflected, with credentials', 'The same with Access-Control-Allow-Credentials: true (high).',
      reflectedCred, SIMPLE), prepare: fromOthers(reflectedCred, cred), findings: ['origin-reflected'] },
    { ...kase('finding-origin-reflected-clean', G, 'Allowlist: only the page is echoed', 'The null and localhost frames get no ACAO (blocked); the page passes.',
      reflectedClean, SIMPLE), prepare: fromOthers(reflectedClean), findings: [] },

    // origin-echo-without-vary: a specific origin echoed without Vary: Origin.
    { ...kase('finding-echo-without-vary', G, 'Echo without Vary (not cacheable)', 'ACAO echoes the page, no Vary, Cache-Control: no-store.',
      get('finding-echo-without-vary', { acao: '$origin' }), SIMPLE), findings: ['origin-echo-without-vary'] },
    { ...kase('finding-echo-without-vary-cached', G, 'Echo without Vary, served from cache', 'Cache-Control: max-age=600, no Vary: the second fetch comes from Chromium\'s HTTP cache (medium).',
      echoCached, CACHED), prepare: [echoCached], findings: ['origin-echo-without-vary'] },
    { ...kase('finding-echo-shared-cache', G, 'Echo without Vary, shared-cache markers', 'Cache-Control: public, max-age=600, Age: 30, X-Cache: HIT (medium).',
      get('finding-echo-shared-cache', { acao: '$origin', cache: 'public, max-age=600', age: 30, xcache: 'HIT' }), SIMPLE),
      findings: ['origin-echo-without-vary'] },
    { ...kase('finding-echo-vary-cached-clean', G, 'Allowlist echo with Vary, from cache', 'Cacheable, Vary: Origin: the same origin\'s second fetch is served from the cache, rightly.',
      echoCachedClean, CACHED), prepare: [echoCachedClean], findings: [] },

    // cached-answer-for-other-origin: a shared cache in front of the server (a CDN that ignores Origin, played by the
    // lab) serves the third origin's answer to the page: X-Cache: HIT and Age say a cache answered.
    // The same from Chromium's own HTTP cache (a cacheable echo without Vary, fetched by the third origin's frame,
    // then by the page) really happens in Chromium 156: the page's fetch fails AllowOriginMismatch naming the third
    // origin, and the server sees one request. But no observer can tell that answer came from the cache: webRequest
    // fires onBeforeRequest, onSendHeaders, onHeadersReceived, onErrorOccurred (fromCache: false, no ip), exactly as
    // for a network response (only a hit that passes gets onResponseStarted/onCompleted with fromCache: true), and the
    // DevTools protocol sends requestWillBeSent and loadingFailed only (no requestServedFromCache, no ExtraInfo, so
    // the harness's wait for the raw headers of a response-check failure never ends). So the lab has no case of it.
    { ...kase('finding-cached-other-origin-shared', G, 'Shared cache serves another origin\'s answer', 'A CDN that ignores Origin (played by the lab: X-Cache: HIT, Age) replays the third origin\'s ACAO to the page.',
      otherOriginShared, { ...blocked('AllowOriginMismatch'), fromCache: false }),
      prepare: [{ kind: 'frame-fetch', origin: o.third, url: otherOriginShared.url }], findings: ['cached-answer-for-other-origin'] },
    { ...kase('finding-cached-other-origin-clean', G, 'Vary: Origin keeps the answers apart', 'The third origin fetches first (refused); Vary: Origin sends the page\'s fetch to the server.',
      otherOriginClean, { ...SIMPLE, fromCache: false }), prepare: [{ kind: 'frame-fetch', origin: o.third, url: otherOriginClean.url }],
      findings: [] },

    // wildcard-with-credentials: * with Allow-Credentials: true (works only for requests without credentials).
    { ...kase('finding-wildcard-credentials', G, 'ACAO * with ACAC true', 'A request without credentials passes; the header shows the intent to share credentials with anyone.',
      get('finding-wildcard-credentials', { acao: '*', acac: 'true' }), SIMPLE), findings: ['wildcard-with-credentials'] },
    { ...kase('finding-wildcard-credentials-clean', G, 'Credentialed, allowlist echo', 'credentials: "include", the page echoed from an allowlist, ACAC: true, Vary: Origin.',
      get('finding-wildcard-credentials-clean', { ...clean, acac: 'true' }, cred), SIMPLE), prepare: [cookieFirst('finding-wildcard-credentials-clean')],
      findings: [] },

    // wildcard-lists-with-credentials: * in Allow-Methods / Allow-Headers is a literal on a credentialed exchange.
    { ...kase('finding-wildcard-lists', G, 'ACAM * and ACAH "x-lab-trace, *" with credentials', 'Passes because X-Lab-Trace is named; the * is a literal there.',
      traced('finding-wildcard-lists', { acam: '*', acah: 'x-lab-trace, *' }), PREFLIGHTED), prepare: [cookieFirst('finding-wildcard-lists')],
      findings: ['wildcard-lists-with-credentials'] },
    { ...kase('finding-wildcard-lists-clean', G, 'Methods and headers by name, with credentials', 'ACAM: GET, ACAH: x-lab-trace.',
      traced('finding-wildcard-lists-clean', { acam: 'GET', acah: 'x-lab-trace' }), PREFLIGHTED), prepare: [cookieFirst('finding-wildcard-lists-clean')],
      findings: [] },

    // private-network-broadly-allowed (see the note at the top: Chromium 156 ignores the header).
    { ...kase('finding-private-network', G, 'ACAPN true with ACAO *', 'Access-Control-Allow-Private-Network: true next to Access-Control-Allow-Origin: *.',
      put('finding-private-network', { acao: '*', acapn: 'true', maxage: 600 }), PREFLIGHTED), findings: ['private-network-broadly-allowed'] },
    { ...kase('finding-private-network-clean', G, 'No ACAPN, allowlist echo', 'The same PUT from a server that does not open its private network.',
      put('finding-private-network-clean', { ...clean, maxage: 600 }), PREFLIGHTED), findings: [] },

    // max-age-over-browser-cap: Chromium caps Access-Control-Max-Age at 7200 s, Firefox at 86400 s (above both here).
    { ...kase('finding-max-age-cap', G, 'Max-Age 100000', 'Access-Control-Max-Age: 100000, above Chromium\'s 7200 s cap and Firefox\'s 86400 s.',
      put('finding-max-age-cap', { ...clean, maxage: 100000 }), PREFLIGHTED), findings: ['max-age-over-browser-cap'] },
    { ...kase('finding-max-age-clean', G, 'Max-Age 600', 'Access-Control-Max-Age: 600, as the fix snippets send.',
      put('finding-max-age-clean', { ...clean, maxage: 600 }), PREFLIGHTED), findings: [] },

    // preflight-not-cached: five identical PUTs, each preflighted (Max-Age: 0).
    { ...kase('finding-preflight-not-cached', G, 'Same PUT preflighted five times', 'Access-Control-Max-Age: 0: four PUTs, then this one, each with its own OPTIONS.',
      repeated, PREFLIGHTED), prepare: [repeated, repeated, repeated, repeated], findings: ['preflight-not-cached'] },
    { ...kase('finding-preflight-cached-clean', G, 'Same PUT five times, Max-Age 600', 'One OPTIONS for the first PUT; the others, this one included, use the preflight cache.',
      repeatedClean, { kind: 'preflighted', preflight: 'cached' }), prepare: [repeatedClean, repeatedClean, repeatedClean, repeatedClean], findings: [] },
  ];
}

/** A findings case that needs https and names mapped to loopback (not in the gallery: see the top of this file). */
export interface HttpsFindingsCase {
  id: string;
  title: string;
  /** The origin of the page that makes the request (served at `/lab/frame` on that origin). */
  pageOrigin: string;
  /** The https API URL the page fetches. */
  url: string;
  credentials: 'include' | 'same-origin';
  /** Exact finding ids CORS Lens must report for the request (`[]`: clean). */
  findings: FindingId[];
}

/**
 * The https findings cases and their clean twins (the twins configured as the fix snippets configure a server).
 * `httpsPort`: the https listener (pages and API on it, by name); `httpPort`: a plain-http lab server (the page
 * of the insecure case). Names under `lab.test` and `github.io` must resolve to 127.0.0.1.
 */
export function httpsFindingsCases(httpsPort: number, httpPort: number): HttpsFindingsCase[] {
  const api = `https://api.lab.test:${httpsPort}`;
  const secure = `https://app.lab.test:${httpsPort}`;
  const one = (id: string, title: string, pageOrigin: string, p: CorsParams, findings: FindingId[], credentials: 'include' | 'same-origin' = 'same-origin'): HttpsFindingsCase =>
    ({ id, title, pageOrigin, url: corsUrl(api, id, p, `/cors/${id}`), credentials, findings });
  return [
    // An https API allowing a page served over plain http on a non-loopback name: anyone on the path can be that origin.
    one('finding-insecure-origin', 'https API echoes an http:// origin', `http://app.lab.test:${httpPort}`, { acao: '$origin', vary: 'Origin' },
      ['insecure-origin-trusted']),
    one('finding-insecure-origin-clean', 'https API, https page from an allowlist', secure, { allow: secure, vary: 'Origin' }, []),
    // An origin under github.io (private section of the Public Suffix List: anyone can have one) trusted with credentials.
    one('finding-public-suffix', 'someone.github.io trusted with credentials', `https://someone.github.io:${httpsPort}`,
      { acao: '$origin', acac: 'true', vary: 'Origin' }, ['public-suffix-origin-trusted'], 'include'),
    one('finding-public-suffix-clean', 'Own https origin from an allowlist, with credentials', secure, { allow: secure, acac: 'true', vary: 'Origin' }, [],
      'include'),
  ];
}
