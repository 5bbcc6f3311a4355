/**
 * `describeChecks`: the CORS checks the browser made on an exchange, one line per header or status it
 * looked at, with what was received, what was needed and whether it passed. For the detail view; it
 * repeats the classifier's walk with a trace, so it costs nothing when not asked for.
 */
import type { AccessInput } from '../reasons/access-rules';
import type { PreflightInput } from '../reasons/preflight-rules';
import { methodAllowed, uncoveredHeaders, isOkStatus } from '../reasons/preflight-rules';
import type { StepRef } from '../model/verdict';

export interface CheckLine {
  step: StepRef;
  /** What was checked: a header name, or `Status` / `Location`. */
  name: string;
  /** The value received (joined as the browser joins it), null when absent. */
  received: string | null;
  /** What passes, in words. */
  expected: string;
  /** Passed, failed, or null when the response was not visible. */
  ok: boolean | null;
}

export type Trace = CheckLine[];

export function traceAccess(trace: Trace, input: AccessInput): void {
  const f = input.failure;
  trace.push({
    step: input.step,
    name: 'Access-Control-Allow-Origin',
    received: input.acao,
    expected: input.credentialed ? `${input.origin} (exactly)` : `${input.origin} (exactly) or *`,
    ok: f === null || f === 'credentials',
  });
  if (input.credentialed && input.acao !== null && input.acao !== '*') {
    trace.push({ step: input.step, name: 'Access-Control-Allow-Credentials', received: input.acac, expected: 'true', ok: input.acac === 'true' });
  }
}

export function tracePreflight(trace: Trace, p: PreflightInput): void {
  if (p.status !== null && p.status >= 300 && p.status <= 399 && p.location !== null) {
    trace.push({ step: p.step, name: 'Location', received: p.location, expected: 'no redirect for a preflight', ok: false });
    return;
  }
  traceAccess(trace, p.access);
  trace.push({ step: p.step, name: 'Status', received: p.status === null ? null : String(p.status), expected: '2xx (200 or 204)', ok: isOkStatus(p.status) });
  const methodOk = p.methods.invalid === null && methodAllowed(p);
  if (p.acam !== null || !methodOk) {
    trace.push({ step: p.step, name: 'Access-Control-Allow-Methods', received: p.acam, expected: `a list including ${p.method} (GET, HEAD and POST need not be listed)`, ok: methodOk });
  }
  if (p.unsafeHeaders.length > 0 || p.acah !== null) {
    const ok = p.headers.invalid === null && uncoveredHeaders(p).length === 0;
    const need = p.unsafeHeaders.length > 0 ? `a list including ${p.unsafeHeaders.join(', ')}` : 'a valid list of header names';
    trace.push({ step: p.step, name: 'Access-Control-Allow-Headers', received: p.acah, expected: need, ok });
  }
}

export function traceHidden(trace: Trace, step: StepRef, origin: string): void {
  trace.push({ step, name: 'Access-Control-Allow-Origin', received: null, expected: `${origin} (exactly) or *`, ok: null });
}
