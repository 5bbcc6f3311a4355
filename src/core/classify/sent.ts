/**
 * Whether the request itself went out. A request blocked at its preflight (or whose preflight got no
 * response) is never sent: its row, report entry and CLI line show that instead of the preflight's status.
 */
import type { Exchange } from '../model/exchange';
import type { Verdict } from '../model/verdict';
import { m, type Msg } from '../i18n/msg';

/** The words the panel and the command line show in the status column for such a request ("not sent"). */
export const notSentLabel = (): Msg => m('verdict_not_sent');

/** True when the browser stopped at a preflight, so the request never reached the server. */
export function neverSent(exchange: Exchange, verdict: Verdict): boolean {
  if (exchange.response || exchange.outcome.state !== 'failed') return false;
  if (verdict.reasons[0]?.step.kind === 'preflight') return true;
  const last = exchange.preflights[exchange.preflights.length - 1];
  return last !== undefined && last.response === undefined && last.error !== undefined;
}

/** Why it was not sent, in one sentence (the status cell's title). */
export function notSentWhy(exchange: Exchange): Msg {
  const last = exchange.preflights[exchange.preflights.length - 1];
  const why = last && !last.response ? 'no_response' : 'failed';
  const hops = exchange.redirects.length > 0 ? '_redirected' : '';
  return m(`verdict_not_sent_${why}${hops}`);
}
