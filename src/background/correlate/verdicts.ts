/**
 * Verdicts the background makes itself, built with the core's one verdict constructor: `pending`
 * while an exchange is in flight (the classifier runs once, when it ends, so this is not the
 * classifier's own verdict for a pending exchange) and a visible fallback when the classifier throws,
 * so one odd exchange never takes the worker down.
 */
import type { Exchange } from '../../core/model/exchange';
import type { Verdict } from '../../core/model/verdict';
import { noPreflight, verdict, type VerdictParts } from '../../core/model/make-verdict';
import { debug } from '../../shared/debug';
import { m } from '../../core/i18n/msg';
import { interruptedVerdict, isInterrupted } from './interrupted';

export type Classify = (exchange: Exchange) => Verdict;

/** What is known before the classifier has judged the exchange. */
function unjudged(ex: Exchange): Omit<VerdictParts, 'kind' | 'headline' | 'notes'> {
  return {
    preflight: { ...noPreflight(), observed: ex.preflights.length > 0 },
    credentials: { mode: 'unknown', basis: m('bg_credentials_not_judged') },
    origin: ex.initiator ?? null,
    status: ex.response?.status ?? null,
  };
}

/** The exchange is still in flight: shown as pending until it ends (not classified yet). */
export function inFlightVerdict(ex: Exchange): Verdict {
  return verdict({ ...unjudged(ex), kind: 'pending', headline: m('bg_in_flight_headline'), notes: [] });
}

export function safeClassify(classify: Classify, ex: Exchange): Verdict {
  if (ex.outcome.state === 'pending' && !isInterrupted(ex)) return inFlightVerdict(ex);
  try {
    return isInterrupted(ex) ? interruptedVerdict(classify, ex, inFlightVerdict(ex)) : classify(ex);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    debug.warn('classify', `classifier failed on exchange ${ex.id}`, err);
    return verdict({
      ...unjudged(ex),
      kind: 'inconclusive',
      headline: m('bg_internal_error_headline'),
      notes: [m('bg_internal_error_note', { error: message })],
    });
  }
}
