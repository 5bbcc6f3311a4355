/**
 * "Try a fix": the captured exchange with other response headers, judged by the same classifier. Pure: it
 * builds the edited Exchange and judges it; nothing is sent anywhere.
 *
 * The steps one can edit are the responses the browser judges: each preflight, each redirect hop and the
 * final response. The generated fix and the capture do not always have the same steps: the fix adds a
 * preflight the capture did not see (served from the preflight cache, or invisible to the observer), and a
 * capture can lack a response (the browser stopped at a failed preflight, or hid the headers). Such a step is
 * offered empty: left empty it stays as captured (no response); typed into, it is judged like the others.
 */
import { classify, errorClass, firstHeader, preflightNeed, reasonDef, m, type Msg } from '../../core';
import type { StepFix } from '../../core/fix/types';
import { judgeByHeaders } from '../../core/classify/by-headers';
import type { Exchange, Header, Outcome } from '../../core/model/exchange';
import type { Reason, Verdict } from '../../core/model/verdict';

type StepKind = 'preflight' | 'redirect' | 'response';

export interface WhatIfStep {
  /** `preflight:0`, `redirect:1`, `response`. */
  key: string;
  kind: StepKind;
  /** Index in `preflights` / `redirects` (0 for the response). */
  index: number;
  title: Msg;
  url: string;
  /** The captured status; for a step without a captured response, the status assumed (204, 200). */
  status: number;
  /** A response was captured for this step. */
  captured: boolean;
  /** A preflight only the fix has: the capture saw none. */
  added: boolean;
  received: Header[];
  /** The received headers with the fix's CORS headers instead of the received ones; null when the fix has no such step. */
  fix: Header[] | null;
}

/** Edited response headers by step key; a step without an entry keeps what was captured. */
type Edits = Readonly<Record<string, readonly Header[] | undefined>>;

export function whatIfSteps(ex: Exchange, fixSteps: readonly StepFix[]): WhatIfStep[] {
  const steps: WhatIfStep[] = [];
  const fixPre = fixSteps.find((s) => s.step === 'preflight');
  // The fix's preflight answers the captured one at its URL, else the last one; -1: the capture has none.
  const same = fixPre ? ex.preflights.findIndex((p) => p.url === fixPre.url) : -1;
  const target = same >= 0 ? same : ex.preflights.length - 1;
  ex.preflights.forEach((p, i) => {
    const received = p.response?.headers ?? [];
    steps.push({
      key: `preflight:${i}`, kind: 'preflight', index: i, url: p.url, status: p.response?.status ?? 204,
      title: ex.preflights.length > 1 ? m('panel_step_preflight_n_response', { n: i + 1 }) : m('panel_step_preflight_response'),
      captured: p.response !== undefined, added: false, received, fix: fixPre && i === target ? withFix(received, fixPre) : null,
    });
  });
  if (fixPre && target === -1) {
    steps.push({
      key: `preflight:${ex.preflights.length}`, kind: 'preflight', index: ex.preflights.length, url: fixPre.url, status: 204,
      title: m('panel_step_preflight_response'), captured: false, added: true, received: [], fix: withFix([], fixPre),
    });
  }
  const fixHops = fixSteps.filter((s) => s.step === 'redirect');
  ex.redirects.forEach((hop, i) => {
    const at = fixHops.findIndex((s) => s.url === hop.url);
    const fixHop = at < 0 ? undefined : fixHops.splice(at, 1)[0];
    steps.push({
      key: `redirect:${i}`, kind: 'redirect', index: i, url: hop.url, status: hop.response.status,
      title: m('panel_step_redirect_n_response', { n: i + 1 }), captured: true, added: false, received: hop.response.headers,
      fix: fixHop ? withFix(hop.response.headers, fixHop) : null,
    });
  });
  // A redirect the browser refused to follow ends the exchange: there is no final response to edit.
  if (ex.redirects.at(-1)?.followed === false) return steps;
  const fixRes = fixSteps.find((s) => s.step === 'response');
  const received = ex.response?.headers ?? [];
  steps.push({
    key: 'response', kind: 'response', index: 0, url: ex.redirects.at(-1)?.location ?? ex.url, status: ex.response?.status ?? 200,
    title: m('panel_step_response'), captured: ex.response !== undefined, added: false, received, fix: fixRes ? withFix(received, fixRes) : null,
  });
  return steps;
}

/** What was received, minus its CORS headers and any header the fix sets, plus the fix's headers. */
function withFix(received: readonly Header[], fix: StepFix): Header[] {
  const set = new Set(fix.headers.map((h) => h.name.toLowerCase()));
  const kept = received.filter((h) => {
    const lower = h.name.toLowerCase();
    return !set.has(lower) && !lower.startsWith('access-control-');
  });
  return [...kept, ...fix.headers.map((h) => ({ name: h.name, value: h.value }))];
}

/** The captured exchange with the edited response headers; every other fact (statuses, request headers, timings) kept. */
export function editedExchange(ex: Exchange, steps: readonly WhatIfStep[], edits: Edits): Exchange {
  const out: Exchange = { ...ex, preflights: [...ex.preflights], redirects: [...ex.redirects] };
  for (const step of steps) {
    const headers = edits[step.key];
    // An empty editor for a step with no captured response means: still no response.
    if (headers === undefined || (!step.captured && headers.length === 0)) continue;
    const response = { ...responseOf(ex, step), status: step.status, headers: [...headers] };
    if (step.kind === 'response') out.response = response;
    else if (step.kind === 'redirect') out.redirects[step.index] = { ...ex.redirects[step.index]!, response };
    else if (step.added) out.preflights.push({ url: step.url, requestHeaders: preflightRequest(ex), response, start: ex.timings.start });
    else {
      const { error: _dropped, ...pre } = ex.preflights[step.index]!;
      out.preflights[step.index] = { ...pre, response };
    }
  }
  return out;
}

function responseOf(ex: Exchange, step: WhatIfStep) {
  if (step.kind === 'response') return ex.response;
  if (step.kind === 'redirect') return ex.redirects[step.index]?.response;
  return ex.preflights[step.index]?.response;
}

/** What the browser would have sent as the preflight the capture did not see. */
function preflightRequest(ex: Exchange): Header[] {
  const unsafe = preflightNeed(ex.method, ex.requestHeaders).unsafeHeaders;
  const origin = firstHeader(ex.requestHeaders, 'origin') ?? ex.initiator ?? 'null';
  return [
    { name: 'Access-Control-Request-Method', value: ex.method },
    ...(unsafe.length > 0 ? [{ name: 'Access-Control-Request-Headers', value: unsafe.join(',') }] : []),
    { name: 'Origin', value: origin },
  ];
}

export interface WhatIfResult {
  verdict: Verdict;
  /** Judged with credentials (the capture sent them, or they were inferred from how it failed). */
  credentialed: boolean;
  /** Passes without credentials, and the capture does not show whether there were any: what credentials would cause. */
  withCredentials: Reason | null;
  /** The captured ending stands (Local Network Access): no response header changes it. */
  outcomeKept: boolean;
  /** Steps the browser would judge that have no response here (not captured, nothing typed), in words. */
  unanswered: Msg[];
}

/**
 * The verdict the edited exchange would get. The classifier lets the browser's outcome decide pass or
 * fail (the checks explain it), and the captured outcome is how the browser ended the *real* exchange:
 * after other headers, it no longer applies. So the what-if is judged from its headers, as if the browser
 * had received them:
 * 1. as failed with the browser's plain CORS signature (`net::ERR_FAILED`, Firefox `NS_ERROR_DOM_BAD_URI`;
 *    no reported code, no network error). The classifier then looks for a visible cause: `blocked` means
 *    these headers fail the browser's checks;
 * 2. otherwise (every visible check passes: the classifier says inconclusive) the browser would have
 *    delivered it: judged as completed with the final status, which gives simple or preflighted.
 * Credentials: a failure that only a credentialed request has (the classifier infers credentials from the
 * failure) counts when the captured request had credentials, seen or inferred; otherwise it passes, and
 * when the capture does not show which, the failure credentials would cause is said next to it.
 * Local Network Access is a permission, not a header: such a captured ending is kept as it is.
 */
export function judgeWhatIf(edited: Exchange, captured: Verdict): WhatIfResult {
  const credentialed = captured.credentials.mode === 'include' || captured.credentials.mode === 'inferred-include';
  const base = { credentialed, withCredentials: null, unanswered: unanswered(edited) };
  if (decidedByPermission(edited.outcome)) return { ...base, verdict: classify(edited), outcomeKept: true };
  const judged = judgeByHeaders(edited);
  const failed = judged.failed;
  const onlyWithCredentials = judged.credentialsOnly;
  if (failed.kind === 'blocked' && (!onlyWithCredentials || credentialed)) return { ...base, verdict: failed, outcomeKept: false };
  const passed = judged.passed();
  const unknown = captured.credentials.mode === 'unknown';
  return { ...base, verdict: passed, outcomeKept: false, withCredentials: onlyWithCredentials && unknown ? failed.reasons[0] ?? null : null };
}

function decidedByPermission(outcome: Outcome): boolean {
  if (outcome.state !== 'failed') return false;
  return errorClass(outcome.error) === 'lna' || (outcome.corsError !== undefined && reasonDef(outcome.corsError)?.family === 'network');
}

function unanswered(ex: Exchange): Msg[] {
  const out: Msg[] = [];
  ex.preflights.forEach((p, i) => { if (!p.response) out.push(ex.preflights.length > 1 ? m('panel_tf_step_preflight_n', { n: i + 1 }) : m('panel_tf_step_preflight')); });
  if (!ex.response && ex.redirects.at(-1)?.followed !== false) out.push(m('panel_tf_step_response'));
  return out;
}
