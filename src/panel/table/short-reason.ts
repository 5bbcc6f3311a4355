/**
 * The reason column: a few words per verdict, so a glance down the table says what went wrong. A blocked
 * exchange shows its first reason's label, from that reason's module (src/core/reasons/).
 */
import type { Reason, Verdict } from '../../core/model/verdict';
import type { Exchange } from '../../core/model/exchange';
import { rejectedHeaders, rejectedMethod } from '../../core/fix/rejected';
import { cut } from '../../core/fix/bounds';
import { reasonDef } from '../../core/reasons';

/** Longest value shown in the column (the details show it whole). */
const SHOWN = 40;

/**
 * What the preflight refused, named from the request's side, then what the server allowed:
 * "x-custom (server allows x-other)". `received` is the server's list, never the rejected name.
 */
function rejected(exchange: Exchange, verdict: Verdict, r: Reason): string | null {
  let what: string;
  if (r.code === 'HeaderDisallowedByPreflightResponse') {
    const { names, more } = rejectedHeaders(exchange, verdict, r);
    if (names.length === 0) return null;
    what = names.slice(0, 3).join(', ') + (more || names.length > 3 ? ', …' : '');
  } else if (r.code === 'MethodDisallowedByPreflightResponse') {
    what = rejectedMethod(exchange, r);
  } else {
    return null;
  }
  const allows = r.received === null ? 'none allowed' : `server allows ${cut(r.received, SHOWN)}`;
  return `${cut(what, SHOWN)} (${allows})`;
}

export function shortReason(exchange: Exchange, verdict: Verdict): string {
  switch (verdict.kind) {
    case 'blocked': {
      const r = verdict.reasons[0];
      if (!r) return 'blocked';
      const base = reasonDef(r.code)?.label ?? r.code;
      const subject = rejected(exchange, verdict, r);
      return subject ? `${base}: ${subject}` : base;
    }
    case 'preflighted':
      return verdict.preflight.cached ? 'preflight from cache' : 'preflight passed';
    case 'simple':
      return 'no preflight needed';
    case 'same-origin':
      return exchange.type === 'main_frame' || exchange.type === 'sub_frame' ? 'navigation' : 'same origin';
    case 'no-cors':
      return 'opaque (no-cors)';
    case 'network-error':
      return exchange.outcome.state === 'failed' ? exchange.outcome.error : 'network error';
    case 'pending':
      return 'in flight';
    case 'inconclusive':
      return 'failed, cause not visible';
  }
}
