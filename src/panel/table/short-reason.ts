/**
 * The reason column: a few words per verdict, so a glance down the table says what went wrong. A blocked
 * exchange shows its first reason's label and what it is about, from that reason's module (src/core/reasons/).
 */
import type { Verdict } from '../../core/model/verdict';
import type { Exchange } from '../../core/model/exchange';
import { reasonDef } from '../../core/reasons';

export function shortReason(exchange: Exchange, verdict: Verdict): string {
  switch (verdict.kind) {
    case 'blocked': {
      const r = verdict.reasons[0];
      if (!r) return 'blocked';
      const def = reasonDef(r.code);
      const base = def?.label ?? r.code;
      const subject = def?.labelSubject?.(r, exchange, verdict) ?? null;
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
