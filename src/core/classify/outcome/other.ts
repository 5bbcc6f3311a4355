/** Verdicts for requests CORS did not judge: not CORS, network errors, still pending, unknown mode. */
import type { Exchange } from '../../model/exchange';
import type { Verdict, VerdictKind } from '../../model/verdict';
import type { Evaluation } from '../evaluate';
import { describeError } from '../errors';
import { verdict } from '../../model/make-verdict';
import { m, type Msg } from '../../i18n/msg';

function finalStatus(ex: Exchange): number | null {
  if (ex.response && typeof ex.response.status === 'number' && ex.response.status > 0) return ex.response.status;
  return ex.outcome.state === 'completed' && ex.outcome.status > 0 ? ex.outcome.status : null;
}

export function nonCorsVerdict(ex: Exchange, kind: VerdictKind, headline: Msg, error: string | null, basis?: Msg): Verdict {
  const notes: Msg[] = [];
  if (basis) notes.push(m('note_mode', { basis }));
  if (error !== null) notes.push(m('note_not_a_cors_decision', { error, words: describeError(error) }));
  return verdict({
    kind,
    headline: error === null ? headline : m('verdict_and_failed', { headline, error }),
    status: finalStatus(ex),
    notes,
  });
}

export function networkErrorVerdict(ex: Exchange, ev: Evaluation, error: string): Verdict {
  const words = describeError(error);
  const notes: Msg[] = [];
  const status = ev.status ?? finalStatus(ex);
  if (status !== null) notes.push(m('note_status_before_failure', { status: String(status) }));
  const failedPreflight = ex.preflights.find((p) => p.error !== undefined && p.response === undefined);
  if (failedPreflight) notes.push(m('note_preflight_no_response_either', { error: failedPreflight.error ?? m('note_no_response') }));
  if (ev.cors) {
    notes.push(m('note_firefox_did_not_succeed'));
  }
  return verdict({
    kind: 'network-error',
    headline: m('verdict_network_error_before_cors', { words, error }),
    preflight: ev.preflight,
    origin: ev.origin,
    tainted: ev.tainted,
    status,
    notes,
  });
}

/** The classifier's verdict for an exchange whose outcome is still pending, from what was evaluated so far. */
export function pendingOutcomeVerdict(ev: Evaluation): Verdict {
  return verdict({
    kind: 'pending',
    headline: m('verdict_pending'),
    preflight: ev.preflight,
    origin: ev.cors ? ev.origin : null,
    tainted: ev.tainted,
    status: ev.status,
  });
}

/** A likely no-cors load (no CORS evidence visible) that the browser failed with its CORS error. */
export function unknownModeFailure(ex: Exchange, error: string): Verdict {
  return verdict({
    kind: 'inconclusive',
    headline: m('verdict_unknown_mode_failure', { type: ex.type, error }),
    status: finalStatus(ex),
    notes: [m('note_unknown_mode_failure')],
  });
}

/** A network error on a request CORS never applies to (navigation, WebSocket, browser-initiated). */
export function plainNetworkError(ex: Exchange, error: string): Verdict {
  return verdict({
    kind: 'network-error',
    headline: m('verdict_network_error', { words: describeError(error), error }),
    status: finalStatus(ex),
  });
}
