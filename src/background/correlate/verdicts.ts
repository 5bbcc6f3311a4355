/**
 * Verdicts the background makes itself: `pending` while an exchange is in flight (the classifier
 * runs once, when it ends) and a visible fallback when the classifier throws, so one odd exchange
 * never takes the worker down.
 */
import type { Exchange } from '../../core/model/exchange';
import type { Verdict } from '../../core/model/verdict';
import { debug } from '../../shared/debug';
import { interruptedVerdict, isInterrupted } from './interrupted';

export type Classify = (exchange: Exchange) => Verdict;

function base(ex: Exchange): Omit<Verdict, 'kind' | 'headline' | 'notes'> {
  return {
    reasons: [],
    preflight: { required: false, why: [], observed: ex.preflights.length > 0, cached: false },
    credentials: { mode: 'unknown', basis: 'not judged yet' },
    origin: ex.initiator ?? null,
    tainted: false,
    status: ex.response?.status ?? null,
  };
}

export function pendingVerdict(ex: Exchange): Verdict {
  return { ...base(ex), kind: 'pending', headline: 'In flight: waiting for the browser to finish this request', notes: [] };
}

export function safeClassify(classify: Classify, ex: Exchange): Verdict {
  if (ex.outcome.state === 'pending' && !isInterrupted(ex)) return pendingVerdict(ex);
  try {
    return isInterrupted(ex) ? interruptedVerdict(classify, ex, pendingVerdict(ex)) : classify(ex);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    debug.warn('classify', `classifier failed on exchange ${ex.id}`, err);
    return {
      ...base(ex),
      kind: 'inconclusive',
      headline: 'CORS Lens could not judge this exchange (internal error)',
      notes: [`The classifier failed: ${message}. Please report this with an exported HAR.`],
    };
  }
}
