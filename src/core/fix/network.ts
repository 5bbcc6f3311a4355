/**
 * Failures where no response arrived (connection refused, DNS, TLS, cancelled…), for the request or
 * for its preflight: no CORS header can help, so the fix says what happened and what to check instead.
 */
import { describeError, errorClass } from '../classify/errors';
import type { Exchange } from '../model/exchange';
import type { Verdict } from '../model/verdict';
import { cut, MAX_VALUE } from './bounds';
import type { FixNote } from './types';
import { m } from '../i18n/msg';

/** Network errors and the id of what to check for them (`fix_net_<id>`, placeholder `$where$`: host and port). */
const CHECKS: [RegExp, string][] = [
  [/CONNECTION_REFUSED|NS_ERROR_CONNECTION_REFUSED/, 'refused'],
  [/NAME_NOT_RESOLVED|UNKNOWN_HOST|NAME_RESOLUTION_FAILED/, 'dns'],
  [/TIMED_OUT|NET_TIMEOUT/, 'timeout'],
  [/CONNECTION_RESET|NET_RESET|CONNECTION_CLOSED|EMPTY_RESPONSE|NET_INTERRUPT|PARTIAL_TRANSFER/, 'closed'],
  [/CERT|SSL|TLS|SEC_ERROR|INSECURE_RESPONSE/, 'tls'],
  [/ABORTED|NS_BINDING_ABORTED|NS_ERROR_ABORT/, 'aborted'],
  [/BLOCKED_BY_CLIENT/, 'blocked_by_client'],
  [/BLOCKED_BY_ORB|BLOCKED_BY_RESPONSE/, 'orb'],
];

/** The browser's error for the step that got no response: the failed preflight's, else the request's. */
function failureError(exchange: Exchange): string | null {
  const pre = exchange.preflights.find((p) => p.response === undefined && p.error !== undefined);
  if (pre?.error) return pre.error;
  return exchange.outcome.state === 'failed' ? exchange.outcome.error : null;
}

function hostPort(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#]*)/i.exec(url);
  return cut(m?.[1] || url, MAX_VALUE);
}

/** True when no response arrived: a network error, or Chromium's InvalidResponse (a preflight that failed at the network level). */
export function isNetworkFailure(verdict: Verdict): boolean {
  return verdict.kind === 'network-error' || (verdict.kind === 'blocked' && verdict.reasons[0]?.code === 'InvalidResponse');
}

/** What happened and what to check, for a failure where no response arrived. */
export function networkNotes(exchange: Exchange, verdict: Verdict): FixNote[] {
  const error = failureError(exchange);
  const preflight = exchange.preflights.some((p) => p.response === undefined && p.error !== undefined)
    || verdict.reasons[0]?.code === 'InvalidResponse';
  const status = exchange.response?.status ?? verdict.status;
  const step = preflight ? m('fix_net_preflight_no_response')
    : status !== null ? m('fix_net_after_response', { status: String(status) }) : m('fix_net_no_response');
  const words = error !== null && errorClass(error) === 'network' ? describeError(error) : m('fix_net_failed');
  const where = hostPort(exchange.redirects[exchange.redirects.length - 1]?.location ?? exchange.url);
  const out: FixNote[] = [{
    level: 'warning',
    text: error !== null ? m('fix_net_never_checked_error', { step, error: cut(error, MAX_VALUE), words }) : m('fix_net_never_checked', { step, words }),
  }];
  const check = error !== null ? CHECKS.find(([re]) => re.test(error)) : undefined;
  out.push({
    level: 'info',
    text: check
      ? m(`fix_net_${check[1]}`, { where })
      : m(preflight ? 'fix_net_check_preflight' : 'fix_net_check', { where }),
  });
  return out;
}
