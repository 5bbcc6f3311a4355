/** Verdicts for requests CORS did not judge: not CORS, network errors, still pending, unknown mode. */
import type { Exchange } from '../../model/exchange';
import type { Verdict, VerdictKind } from '../../model/verdict';
import type { Evaluation } from '../evaluate';
import { describeError } from '../errors';
import { verdict } from '../../model/make-verdict';

function finalStatus(ex: Exchange): number | null {
  if (ex.response && typeof ex.response.status === 'number' && ex.response.status > 0) return ex.response.status;
  return ex.outcome.state === 'completed' && ex.outcome.status > 0 ? ex.outcome.status : null;
}

export function nonCorsVerdict(ex: Exchange, kind: VerdictKind, headline: string, error: string | null, basis?: string): Verdict {
  const notes: string[] = [];
  if (basis) notes.push(`Mode: ${basis}.`);
  if (error !== null) notes.push(`The browser failed it with ${error}: ${describeError(error)}. That is not a CORS decision.`);
  return verdict({
    kind,
    headline: error === null ? headline : `${headline}; it failed (${error})`,
    status: finalStatus(ex),
    notes,
  });
}

export function networkErrorVerdict(ex: Exchange, ev: Evaluation, error: string): Verdict {
  const words = describeError(error);
  const notes: string[] = [];
  const status = ev.status ?? finalStatus(ex);
  if (status !== null) notes.push(`A response with status ${status} had arrived before the failure.`);
  const failedPreflight = ex.preflights.find((p) => p.error !== undefined && p.response === undefined);
  if (failedPreflight) notes.push(`The preflight (OPTIONS) got no response either (${failedPreflight.error ?? 'no response'}).`);
  if (ev.cors) {
    notes.push("Firefox reports this kind of failure as “CORS request did not succeed”, but the cause is the network, not a CORS header.");
  }
  return verdict({
    kind: 'network-error',
    headline: `Network error: ${words} (${error}), before CORS could be checked`,
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
    headline: 'Pending: the request has not finished yet',
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
    headline: `Failed, cause not visible: the browser rejected this ${ex.type} load (${error}) and the headers that would explain it were not visible`,
    status: finalStatus(ex),
    notes: [
      `If the element that loaded it used a crossorigin attribute (or it was a font or module script), this is probably a CORS failure; the Origin header and the rejected response are hidden from the extension here, so no code is guessed.`,
    ],
  });
}

/** A network error on a request CORS never applies to (navigation, WebSocket, browser-initiated). */
export function plainNetworkError(ex: Exchange, error: string): Verdict {
  return verdict({
    kind: 'network-error',
    headline: `Network error: ${describeError(error)} (${error})`,
    status: finalStatus(ex),
  });
}
