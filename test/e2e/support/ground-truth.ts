/**
 * Chromium's verdict for each lab case of one gallery run, from the DevTools protocol (what Chromium
 * decided) and the lab server's log (whether a preflight reached the network).
 */
import type { CdpRecorder, CdpRequest } from './cdp-recorder';
import { preparedBefore, type ExpectedKind, type LabCase } from '../../../lab/cases';
import type { LabRequest } from '../../../lab/server';

export interface ChromiumOutcome {
  caseId: string;
  kind: ExpectedKind;
  /** Chromium's `Network.CorsError`, for blocked requests. */
  code: string | null;
  failedParameter: string | null;
  errorText: string | null;
  /** 'sent': Chromium linked a preflight to the request; 'cached': it needed none this time because the same
   * request was preflighted before (the case says so and the server saw no OPTIONS for it); 'none'. */
  preflight: 'sent' | 'cached' | 'none';
  /** OPTIONS requests that reached the lab server for the request's URLs in this run. */
  optionsAtServer: number;
  /** The protocol's record of the subject request. */
  request: CdpRequest;
}

const tagOf = (url: string): string => {
  try {
    const u = new URL(url);
    return `${u.searchParams.get('cid')}|${u.searchParams.get('r')}`;
  } catch {
    return '';
  }
};

/**
 * Pairs each case with its subject request (cases sharing a URL are paired in request order; a case's preparation
 * requests to the subject's URL come first and are passed over). `items` must be in request order.
 */
export function subjectsByCase<T>(cases: LabCase[], nonce: string, items: T[], urlOf: (item: T) => string): Map<string, T> {
  const queues = new Map<string, T[]>();
  for (const item of items) {
    const tag = tagOf(urlOf(item));
    queues.set(tag, [...(queues.get(tag) ?? []), item]);
  }
  const out = new Map<string, T>();
  for (const c of cases) {
    const queue = queues.get(tagOf(withNonce(c.action.url, nonce)));
    queue?.splice(0, preparedBefore(c));
    const item = queue?.shift();
    if (item !== undefined) out.set(c.id, item);
  }
  return out;
}

export function withNonce(url: string, nonce: string): string {
  const u = new URL(url);
  u.searchParams.set('r', nonce);
  return u.href;
}

/** The request mode and site Chromium sent on a hop (from raw headers), when known. */
const fetchMeta = (req: CdpRequest, hop: number) => ({
  mode: req.hopHeaders[hop]?.['sec-fetch-mode'] ?? null,
  site: req.hopHeaders[hop]?.['sec-fetch-site'] ?? null,
});

/** The request has been decided: it failed, or Chromium handed its response to the page (CORS passed). */
export const decided = (req: CdpRequest): boolean => req.state !== 'pending' || req.status !== null;

/**
 * fetch(url, {redirect: 'manual'}) whose 3xx passed its CORS check: Chromium reports the redirect (a
 * second URL in the chain), the page gets an opaque-redirect response and cancels the load
 * (net::ERR_ABORTED, canceled) before the target is requested (the lab never saw it). A 3xx that fails
 * its CORS check ends with a CORS error instead, and no second URL.
 */
export function opaqueRedirect(req: CdpRequest, labLog: LabRequest[]): boolean {
  if (req.state !== 'failed' || !req.canceled || req.corsError || req.urls.length < 2) return false;
  const target = req.urls.at(-1)!;
  return req.errorText === 'net::ERR_ABORTED' && !labLog.some((l) => l.url === target);
}

function kindOf(req: CdpRequest, pageOrigin: string, preflighted: boolean, labLog: LabRequest[]): ExpectedKind {
  if (req.corsError) return 'blocked';
  // A response reached the page (an abort after that is the page's doing, not the browser's verdict).
  if (req.state === 'failed' && req.status === null && !opaqueRedirect(req, labLog)) return 'network-error';
  if (fetchMeta(req, 0).mode === 'no-cors') return 'no-cors';
  const asked = opaqueRedirect(req, labLog) ? req.urls.slice(0, -1) : req.urls;
  const sameOrigin = asked.every((u, i) => {
    const site = fetchMeta(req, i).site;
    return site !== null ? site === 'same-origin' : new URL(u).origin === pageOrigin;
  });
  if (sameOrigin) return 'same-origin';
  return preflighted ? 'preflighted' : 'simple';
}

export function chromiumOutcomes(cases: LabCase[], nonce: string, recorder: CdpRecorder, labLog: LabRequest[], pageOrigin: string): Map<string, ChromiumOutcome> {
  const mains = recorder.requests().filter((r) => r.initiatorType !== 'preflight');
  const subjects = subjectsByCase(cases, nonce, mains, (r) => r.url);
  const out = new Map<string, ChromiumOutcome>();
  for (const c of cases) {
    const req = subjects.get(c.id);
    if (!req) continue;
    const sent = recorder.preflightsOf(req).length > 0;
    const preflight = sent ? 'sent' : c.expect.preflight === 'cached' && req.status !== null && !req.corsError ? 'cached' : 'none';
    const chain = new Set(req.urls);
    const optionsAtServer = labLog.filter((l) => l.preflight && chain.has(l.url) && tagOf(l.url) === tagOf(req.url)).length;
    out.set(c.id, {
      caseId: c.id, kind: kindOf(req, pageOrigin, preflight !== 'none', labLog), code: req.corsError, failedParameter: req.failedParameter,
      errorText: req.errorText, preflight, optionsAtServer, request: req,
    });
  }
  return out;
}
