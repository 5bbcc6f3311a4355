/**
 * Exchanges whose end was lost with a stopped worker. Chromium drops the webRequest events it fires
 * while it stops an extension's service worker (seen: every event in a window of up to 5 s on a busy
 * machine); a request whose last events fell in that window would stay pending forever. After a
 * restart, one that hears nothing more for a while is resolved: marked (a pending outcome with an
 * end time), and judged from what was seen. It stays revivable: an event that does come continues it.
 */
import type { Exchange } from '../../core/model/exchange';
import type { Verdict } from '../../core/model/verdict';
import { judgeByHeaders } from '../../core/classify/by-headers';
import { m } from '../../core/i18n/msg';

type Classify = (exchange: Exchange) => Verdict;

/** Resolved without its end: the outcome never came, yet it has an end time (set when resolved). */
export function isInterrupted(ex: Exchange): boolean {
  return ex.outcome.state === 'pending' && ex.timings.end !== undefined;
}

/**
 * Chromium decides a CORS request by the headers seen: a response or preflight whose visible headers
 * fail a check was blocked; a response whose headers pass was read. Anything less is not guessed.
 */
export function interruptedVerdict(classify: Classify, ex: Exchange, base: Verdict): Verdict {
  const judged = judgeByHeaders(ex, classify);
  const failed = judged.failed;
  if (failed.kind === 'blocked' && !judged.credentialsOnly) {
    return { ...failed, notes: [...failed.notes, m('bg_interrupted_note_refused')] };
  }
  if (ex.response && ex.observer.browser === 'chromium') {
    const done = judged.passed();
    if (done.kind !== 'blocked' && done.kind !== 'inconclusive') {
      return { ...done, notes: [...done.notes, m('bg_interrupted_note_passed')] };
    }
  }
  return {
    ...base,
    kind: 'inconclusive',
    headline: m('bg_interrupted_headline'),
    notes: [m('bg_interrupted_lost'), m('bg_interrupted_undecided')],
  };
}
