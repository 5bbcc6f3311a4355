/**
 * What a preflight rejected, named from the request's side: the reason's `received` is what the server
 * sent (its Access-Control-Allow-Headers / -Methods), not what it refused. Reads bounded prefixes.
 */
import { joinedHeader } from '../http/headers';
import type { Exchange } from '../model/exchange';
import { parseTokenList } from '../http/tokens';
import type { Reason, Verdict } from '../model/verdict';

/** Text of each list read: far more than any real list, little enough to stay fast on a megabyte. */
const READ_LIMIT = 8192;

interface Rejected {
  /** Lower-case names in request order (at most what READ_LIMIT characters hold). */
  names: string[];
  /** The request's list was longer than what was read: there are more. */
  more: boolean;
}

function failingPreflight(exchange: Exchange, reason: Reason) {
  return reason.step.kind === 'preflight' ? exchange.preflights[reason.step.index] : exchange.preflights[0];
}

function namesOf(value: string): { items: string[]; more: boolean } {
  if (value.length <= READ_LIMIT) return { items: parseTokenList(value).items, more: false };
  const items = parseTokenList(value.slice(0, READ_LIMIT)).items;
  items.pop(); // may be cut
  return { items, more: true };
}

/**
 * The request header names the preflight response did not allow. Falls back to every announced name
 * when the allowed list seems to cover them all (the browser said no, so something did not match).
 */
export function rejectedHeaders(exchange: Exchange, verdict: Verdict, reason: Reason): Rejected {
  const pre = failingPreflight(exchange, reason);
  const acrh = pre ? joinedHeader(pre.requestHeaders, 'access-control-request-headers') : null;
  const request = acrh !== null
    ? namesOf(acrh)
    : { items: verdict.preflight.why.filter((w) => w.kind !== 'method' && w.kind !== 'forced').slice(0, 256).map((w) => w.subject), more: false };
  const announced = [...new Set(request.items.map((n) => n.toLowerCase()))];
  // Names compare case-insensitively. "*" is only a wildcard without credentials, and then nothing is rejected.
  const allowed = new Set(namesOf(reason.received ?? '').items.map((n) => n.toLowerCase()));
  const uncovered = announced.filter((n) => !allowed.has(n));
  return { names: uncovered.length > 0 ? uncovered : announced, more: request.more };
}

/** The method the preflight did not allow, as the browser announced it (or as sent). */
export function rejectedMethod(exchange: Exchange, reason: Reason): string {
  const pre = failingPreflight(exchange, reason);
  const acrm = pre ? joinedHeader(pre.requestHeaders, 'access-control-request-method') : null;
  return acrm?.trim() || exchange.method;
}
