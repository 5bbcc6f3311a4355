/**
 * An exchange judged from its headers alone, whatever ending the capture recorded. The classifier takes
 * pass or fail from the browser's ending; two callers have headers without a matching ending: the panel's
 * "Try a fix" (headers the browser never received) and an exchange whose ending was lost with a stopped
 * worker. Both judge it twice: as the browser's plain CORS failure (blocked when a visible header fails a
 * check, which the browser always refuses) and as completed (the verdict when every visible header passes).
 */
import { classify as coreClassify } from './classify';
import type { Exchange } from '../model/exchange';
import type { Verdict } from '../model/verdict';

/** The error each browser reports for a CORS failure, with no CORS error code of its own. */
const CORS_FAILURE: Record<Exchange['observer']['browser'], string> = {
  chromium: 'net::ERR_FAILED',
  firefox: 'NS_ERROR_DOM_BAD_URI',
  unknown: 'net::ERR_FAILED',
};

interface HeaderJudgement {
  /** The exchange judged as refused by the browser's CORS check. */
  failed: Verdict;
  /** `failed` is blocked only because credentials were inferred from the failure: a credentialed request's failure. */
  credentialsOnly: boolean;
  /** The exchange judged as read by the page (computed on demand). */
  passed(): Verdict;
}

export function judgeByHeaders(ex: Exchange, classify: (x: Exchange) => Verdict = coreClassify): HeaderJudgement {
  const failed = classify({ ...ex, outcome: { state: 'failed', error: CORS_FAILURE[ex.observer.browser] ?? CORS_FAILURE.unknown } });
  return {
    failed,
    credentialsOnly: failed.kind === 'blocked' && failed.credentials.mode === 'inferred-include',
    passed: () => classify({ ...ex, outcome: { state: 'completed', status: ex.response?.status ?? 0 } }),
  };
}
