/**
 * Walk an exchange step by step as Chromium does, for one assumption about credentials: request
 * checks, preflight, the CORS check on every hop's response, the redirect Location, then origin
 * tainting. Returns every failure found (first = the one the browser reports) and what was not visible.
 */
import type { Exchange, PreflightRecord } from '../model/exchange';
import type { PreflightInfo, StepRef } from '../model/verdict';
import type { ModeInfo } from './mode';
import type { Step } from './steps';
import type { RequestScan } from './request-scan';
import { headerNeedOf, requestFacts, responseFacts } from './header-facts';
import { OPAQUE_ORIGIN, originOf } from '../http/origin';
import { schemeOf } from '../http/url';
import { needOf, whyFromObservedPreflight } from './preflight/need';
import { buildPreflightInput, credentialedPreflightCode, judgePreflight, observedRequest } from './preflight/check';
import { accessFailure, accessInput, credentialsWouldFail, type AccessFailure } from '../reasons/access-rules';
import { ACCESS_REASONS, firstMatch, REDIRECT_REASONS, REQUEST_REASONS, type Failure } from '../reasons';
import { requestChecksApply } from '../reasons/request-rules';
import { invalidAllowCredentials } from '../reasons/invalid-allow-credentials';
import { noPreflight } from '../model/make-verdict';

export interface Context {
  ex: Exchange;
  mode: ModeInfo;
  /** Serialized origin of the initiator (`null` literal for opaque). */
  origin: string;
  steps: Step[];
  /** The facts of the first hop's request headers (header-facts.ts). */
  scan: Readonly<RequestScan>;
}

export interface Evaluation {
  failures: Failure[];
  /** Origin sent at the deciding (or last) step. */
  origin: string;
  tainted: boolean;
  /** Some step was a CORS request. */
  cors: boolean;
  preflight: PreflightInfo;
  /** Status of the response at the deciding step (or the final one). */
  status: number | null;
  /** Steps whose response we could not see although CORS applied there. */
  unseen: StepRef[];
  /** A preflight was sent but got no response (network failure). */
  preflightWithoutResponse: boolean;
  /** The final response passed only thanks to `Access-Control-Allow-Origin: *`. */
  passedByWildcard: boolean;
  /** The final response was a 304 (CORS check skipped). */
  notModified: boolean;
  /**
   * Evaluated without credentials: the first code the same exchange would fail with if it carried
   * credentials (null when it would pass too, as far as the steps checked go).
   */
  credentialedFailure: string | null;
}

const ACCESS_CODE: Record<AccessFailure, string> = {
  wildcard: 'WildcardOriginNotAllowed',
  missing: 'MissingAllowOriginHeader',
  multiple: 'MultipleAllowOriginValues',
  invalid: 'InvalidAllowOriginValue',
  mismatch: 'AllowOriginMismatch',
  credentials: 'InvalidAllowCredentials',
};

export function evaluate(ctx: Context, credentialed: boolean): Evaluation {
  const { mode } = ctx;
  const corsMode = mode.mode === 'cors';
  let origin = ctx.origin;
  let tainted = false;
  let corsFlag = false;
  const used: PreflightRecord[] = [];
  const ev: Evaluation = {
    failures: [], origin, tainted, cors: false, preflight: noPreflight(), status: null, unseen: [],
    preflightWithoutResponse: false, passedByWildcard: false, notModified: false, credentialedFailure: null,
  };
  for (const step of ctx.steps) {
    const sent = sentFinalOrigin(ctx.ex, step);
    if (sent !== null && sent !== origin) {
      tainted = tainted || (sent === OPAQUE_ORIGIN && ctx.origin !== OPAQUE_ORIGIN);
      origin = sent;
    }
    const crossOrigin = origin === OPAQUE_ORIGIN || step.origin !== origin;
    if (corsMode && crossOrigin) corsFlag = true;
    ev.origin = origin;
    ev.status = typeof step.response?.status === 'number' ? step.response.status : null;
    // Most steps cannot fail a request check: they need neither its input nor the walk over the family.
    const scheme = schemeOf(step.url);
    const request = !requestChecksApply(mode.mode, corsFlag, scheme) ? null : firstMatch(REQUEST_REASONS, {
      step: step.ref, url: step.url, origin, credentialed, mode: mode.mode, corsFlag, crossOrigin, scheme,
    });
    if (request) return done(ev, [request], tainted);
    if (!corsFlag) {
      if (step.location !== null) ({ origin, tainted } = taint(step, origin, tainted));
      continue;
    }
    ev.cors = true;
    const pre = judgeStep(ctx, step, origin, credentialed, used, ev);
    if (pre === 'stop') return done(ev, ev.failures, tainted);
    const res = step.response;
    if (!res) ev.unseen.push(step.ref);
    else if (res.status === 304 && step.location === null) ev.notModified = true;
    else {
      const seen = responseFacts(res.headers);
      // Every access reason detects exactly its `accessFailure` kind, so a passing check (most
      // traffic) needs neither the input object nor the walk over the family.
      const input = accessFailure(seen.acao, seen.acac, origin, credentialed) === null ? null : accessInput({
        step: step.ref, url: step.url, origin, credentialed, status: ev.status, acao: seen.acao, acaoLines: seen.acaoLines, acac: seen.acac,
      });
      const found = input === null ? null : firstMatch(ACCESS_REASONS, input);
      if (!credentialed && ev.credentialedFailure === null) {
        const kind = accessFailure(seen.acao, seen.acac, origin, true);
        if (kind !== null) ev.credentialedFailure = ACCESS_CODE[kind];
      }
      if (input !== null && found) {
        const also = found.def.code !== 'InvalidAllowCredentials' && found.def.code !== 'WildcardOriginNotAllowed' && credentialsWouldFail(input)
          ? [{ def: invalidAllowCredentials as unknown as Failure['def'], evidence: { ...found.evidence, received: input.acac, param: input.acac ?? '' } }]
          : [];
        return done(ev, [found, ...also], tainted);
      }
      if (step.location === null) ev.passedByWildcard = seen.acao === '*';
    }
    if (step.location !== null) {
      const redirect = firstMatch(REDIRECT_REASONS, {
        step: step.ref, url: step.url, location: step.location, origin, credentialed, corsMode, corsFlag, tainted, status: ev.status,
      });
      if (redirect) return done(ev, [redirect], tainted);
      ({ origin, tainted } = taint(step, origin, tainted));
    }
  }
  return done(ev, [], tainted);
}

function done(ev: Evaluation, failures: Failure[], tainted: boolean): Evaluation {
  ev.failures = failures;
  ev.tainted = tainted;
  return ev;
}

/**
 * The Origin the browser really sent at the final URL after redirects, when that was seen: it is the
 * value ACAO is compared with (`null` once tainted), so it wins over our derivation.
 */
function sentFinalOrigin(ex: Exchange, step: Step): string | null {
  if (step.ref.kind !== 'response' || ex.redirects.length === 0 || !Array.isArray(ex.finalRequestHeaders)) return null;
  const value = requestFacts(ex.finalRequestHeaders).origin?.trim();
  return value ? value : null;
}

/** Fetch "tainted origin": a hop to another origin while the request's origin differs from the current URL's. */
function taint(step: Step, origin: string, tainted: boolean): { origin: string; tainted: boolean } {
  const loc = originOf(step.location ?? '');
  const here = step.origin;
  const hopCrossOrigin = here === null || here === OPAQUE_ORIGIN || loc !== here;
  if (hopCrossOrigin && (origin === OPAQUE_ORIGIN || origin !== here)) {
    return { origin: OPAQUE_ORIGIN, tainted: tainted || origin !== OPAQUE_ORIGIN };
  }
  return { origin, tainted };
}

/** Preflight for one CORS step: sets `ev.preflight`, and returns 'stop' when the walk ends here. */
function judgeStep(ctx: Context, step: Step, origin: string, credentialed: boolean, used: PreflightRecord[], ev: Evaluation): 'stop' | 'go' {
  const need = (step.need ??= needOf(step.method, headerNeedOf(step.requestHeaders)));
  const pre = findPreflight(ctx, step, used);
  if (!pre) {
    if (need.required && !ev.preflight.required) {
      ev.preflight = { required: true, why: need.why.slice(), observed: false, cached: ctx.ex.observer.preflightsVisible };
    }
    return 'go';
  }
  used.push(pre);
  const observed = observedRequest(pre);
  if (!ev.preflight.observed) {
    ev.preflight = { required: true, why: whyFromObservedPreflight(observed.method, observed.headers ?? [], need), observed: true, cached: false };
  }
  const input = buildPreflightInput(observed, pre, { kind: 'preflight', index: ctx.ex.preflights.indexOf(pre) }, step.url, origin, credentialed, step.method, need);
  if (!input) {
    ev.preflightWithoutResponse = true;
    ev.status = null;
    return 'stop';
  }
  const failures = judgePreflight(input);
  if (!credentialed && ev.credentialedFailure === null) ev.credentialedFailure = credentialedPreflightCode(input);
  if (failures.length > 0) {
    ev.failures = failures;
    ev.status = input.status;
    return 'stop';
  }
  return 'go';
}

function findPreflight(ctx: Context, step: Step, used: PreflightRecord[]): PreflightRecord | undefined {
  const list = ctx.ex.preflights;
  if (list.length === 0) return undefined;
  // The same URL (the usual case) is the same without its fragment: stripped only when they differ.
  let target: string | null = null;
  for (const p of list) {
    if (used.includes(p)) continue;
    if (p.url === step.url || stripFragment(p.url) === (target ??= stripFragment(step.url))) return p;
  }
  return list.find((p) => !used.includes(p) && originOf(p.url) === step.origin && used.length === 0 && list.length === 1);
}

function stripFragment(url: string): string {
  const hash = url.indexOf('#');
  const bare = hash === -1 ? url : url.slice(0, hash);
  return bare.includes('@') ? bare.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1') : bare;
}
