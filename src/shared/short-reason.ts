/**
 * The reason column: a few words per verdict, so a glance down the table says what went wrong. A blocked
 * exchange shows its first reason's label and what it is about, from that reason's module (src/core/reasons/).
 * The words are messages (rendered in the page's language when drawn); a network error is the browser's code.
 */
import type { Verdict } from '../core/model/verdict';
import type { Exchange } from '../core/model/exchange';
import { reasonDef } from '../core/reasons';
import { m } from '../core/i18n/msg';
import type { RowText as Text } from './protocol';

export function shortReason(exchange: Exchange, verdict: Verdict): Text {
  switch (verdict.kind) {
    case 'blocked': {
      const r = verdict.reasons[0];
      if (!r) return m('panel_reason_blocked');
      const def = reasonDef(r.code);
      const base = def?.label ?? r.code;
      const subject = def?.labelSubject?.(r, exchange, verdict) ?? null;
      return subject ? m('panel_reason_subject', { label: base, subject }) : base;
    }
    case 'preflighted':
      return m(verdict.preflight.cached ? 'panel_reason_preflight_cached' : 'panel_reason_preflight_passed');
    case 'simple':
      return m('panel_reason_simple');
    case 'same-origin':
      return m(exchange.type === 'main_frame' || exchange.type === 'sub_frame' ? 'panel_reason_navigation' : 'panel_reason_same_origin');
    case 'no-cors':
      return m('panel_reason_no_cors');
    case 'network-error':
      return exchange.outcome.state === 'failed' ? exchange.outcome.error : m('panel_reason_network_error');
    case 'pending':
      return m('panel_reason_pending');
    case 'inconclusive':
      return m('panel_reason_inconclusive');
  }
}
