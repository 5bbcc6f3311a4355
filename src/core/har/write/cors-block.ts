/** The `_cors` block of one entry, from the exchange and its verdict. */
import type { Exchange } from '../../model/exchange';
import type { Reason, Verdict } from '../../model/verdict';
import type { Words } from '../../i18n/words';
import type { HarCors, HarCorsReason } from '../types';

const toHarReason = (r: Reason, w: Words): HarCorsReason => ({
  code: r.code,
  firefox: r.firefox,
  mdn: r.mdn,
  header: r.header,
  received: r.received,
  expected: w.t(r.expected),
  summary: w.t(r.summary),
});

type Common = Omit<HarCors, 'id' | 'role' | 'step' | 'hop' | 'preflightOf' | 'preflight'>;

/** The fields every entry of an exchange shares; the sentences in the language of `w`. */
function common(exchange: Exchange, verdict: Verdict, w: Words): Common {
  const block: Common = {
    verdict: verdict.kind,
    reasons: verdict.reasons.map((r) => toHarReason(r, w)),
    credentials: verdict.credentials.mode,
    headline: w.t(verdict.headline),
    origin: verdict.origin,
    type: exchange.type,
    observer: {
      browser: exchange.observer.browser,
      preflightsVisible: exchange.observer.preflightsVisible,
      fullRequestHeaders: exchange.observer.fullRequestHeaders,
    },
  };
  if (exchange.initiator !== undefined) block.initiator = exchange.initiator;
  if (exchange.outcome.state === 'failed' && exchange.outcome.corsError !== undefined) block.browserCorsError = exchange.outcome.corsError;
  return block;
}

export function requestBlock(exchange: Exchange, verdict: Verdict, hop: number, step: 'redirect' | 'response', w: Words): HarCors {
  const block: HarCors = { id: exchange.id, role: 'request', step, hop, ...common(exchange, verdict, w) };
  if (exchange.preflights.length > 0) block.preflight = { id: preflightId(exchange, 0), cached: verdict.preflight.cached };
  else if (verdict.preflight.required || verdict.preflight.cached) block.preflight = { cached: verdict.preflight.cached };
  return block;
}

/** A preflight without a capture id gets one derived from its exchange, so links still resolve. */
const preflightId = (exchange: Exchange, index: number): string =>
  exchange.preflights[index]?.id ?? `${exchange.id}:preflight:${index}`;

export function preflightBlock(exchange: Exchange, verdict: Verdict, index: number, w: Words): HarCors {
  return {
    id: preflightId(exchange, index),
    role: 'preflight',
    step: 'preflight',
    preflightOf: exchange.id,
    ...common(exchange, verdict, w),
  };
}
