/**
 * Failures where no response arrived (connection refused, DNS, TLS, cancelled…), for the request or
 * for its preflight: no CORS header can help, so the fix says what happened and what to check instead.
 */
import { describeError, errorClass } from '../classify/errors';
import type { Exchange } from '../model/exchange';
import type { Verdict } from '../model/verdict';
import { cut, MAX_VALUE } from './bounds';
import type { FixNote } from './types';

const CHECKS: [RegExp, (where: string) => string][] = [
  [/CONNECTION_REFUSED|NS_ERROR_CONNECTION_REFUSED/, (w) => `Nothing accepted the connection at ${w}: the server is not running, listens on another port or address (a dev server on another port? bound to 127.0.0.1 only?), or a firewall or container port mapping rejects it. Start the server or fix the URL's host and port, then try again.`],
  [/NAME_NOT_RESOLVED|UNKNOWN_HOST|NAME_RESOLUTION_FAILED/, (w) => `The host name of ${w} could not be resolved: check the spelling of the URL's host and its DNS record (or /etc/hosts for a local name).`],
  [/TIMED_OUT|NET_TIMEOUT/, (w) => `${w} did not answer in time: the server is overloaded or hung, or a firewall drops the packets. Check that the server is up and reachable from this machine.`],
  [/CONNECTION_RESET|NET_RESET|CONNECTION_CLOSED|EMPTY_RESPONSE|NET_INTERRUPT|PARTIAL_TRANSFER/, (w) => `The server at ${w} (or a proxy in front of it) closed the connection without a complete response: check its logs for a crash, and that it speaks the URL's protocol (http vs https) on that port.`],
  [/CERT|SSL|TLS|SEC_ERROR|INSECURE_RESPONSE/, (w) => `The secure connection to ${w} failed: open the URL in a tab to see the certificate error (self-signed, expired, wrong host name) and fix the certificate.`],
  [/ABORTED|NS_BINDING_ABORTED|NS_ERROR_ABORT/, () => 'The request was cancelled before a response arrived (the page navigated away, or its script aborted it): nothing to fix on the server.'],
  [/BLOCKED_BY_CLIENT/, () => 'An extension (such as an ad blocker) blocked the request in this browser: allow the URL in that extension.'],
  [/BLOCKED_BY_ORB|BLOCKED_BY_RESPONSE/, () => 'The browser withheld the response for a reason other than CORS (Opaque Response Blocking, or a Cross-Origin-Resource-Policy / embedder policy header): if the page must read it, request it with mode "cors" and send the CORS headers; for a CORP block, send "Cross-Origin-Resource-Policy: cross-origin".'],
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
  const step = preflight ? 'The preflight (OPTIONS) got no response'
    : status !== null ? `The request failed at the network level after a response (status ${status}) had arrived` : 'No response arrived';
  const words = error !== null && errorClass(error) === 'network' ? describeError(error) : 'the request failed at the network level';
  const where = hostPort(exchange.redirects[exchange.redirects.length - 1]?.location ?? exchange.url);
  const out: FixNote[] = [{
    level: 'warning',
    text: `${step}${error !== null ? ` (${cut(error, MAX_VALUE)})` : ''}: ${words}. CORS was never checked, so no CORS header can fix this.`,
  }];
  const check = error !== null ? CHECKS.find(([re]) => re.test(error)) : undefined;
  out.push({
    level: 'info',
    text: check
      ? check[1](where)
      : `Check that the server at ${where} is running and reachable for ${preflight ? 'OPTIONS' : 'this request'} (curl the URL from this machine); once it answers, CORS Lens shows the headers it needs.`,
  });
  return out;
}
