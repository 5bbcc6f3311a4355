/**
 * Shared wording for reason modules: each console's frame, MDN URLs, quoting, fix notes. Words are
 * messages (src/core/i18n): the English and French texts live in the catalogues under `reason_*`
 * (shared phrases here; a code's own words under `reason_<Code>_*`, named only by that code's module)
 * and `firefox_<key>` (Firefox's whole console line, as Firefox prints it in each language).
 */
import type { Exchange } from '../model/exchange';
import type { Reason, Verdict } from '../model/verdict';
import type { FixNote } from '../fix/types';
import { m, type Msg, type MsgValue } from '../i18n/msg';
import { commentText } from '../fix/escape';
import { cut, MAX_PROSE } from '../fix/bounds';
import type { Evidence, FirefoxText } from './types';

export const MDN_BASE = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/';
/** Chrome's words, English in every language (Chrome prints them so). */
export const CHROME_PREFLIGHT_PREFIX = "Response to preflight request doesn't pass access control check: ";

/**
 * Firefox's full console line for a key: "Cross-Origin Request Blocked: … (Reason: …)" in English,
 * "Blocage d’une requête multiorigine … Raison : …" in French. `url` is the resource; `values` holds
 * `status` or `value` for the keys whose line names one.
 */
export function firefoxLine(key: string, url: string, values: { status?: string; value?: string } = {}): FirefoxText {
  return { key, message: m(`firefox_${key}`, { url, ...values }) };
}

/** What Chromium calls the initiator kind in its console line (webRequest cannot tell fetch from XHR). */
function chromeKindWord(x: Exchange): string {
  switch (x.type) {
    case 'font': return 'font';
    case 'script': return 'script';
    case 'image': return 'image';
    case 'stylesheet': return 'CSS stylesheet';
    case 'media': return 'media';
    default: return 'fetch';
  }
}

/**
 * Chrome's console line up to the reason's message: "Access to fetch at '…' from origin '…' has been
 * blocked by CORS policy: ". Kept apart from the message, which can hold a header value of any length.
 */
export function chromeConsoleLead(x: Exchange, v: Verdict): string {
  const finalUrl = x.redirects.length ? x.redirects[x.redirects.length - 1]!.location : x.url;
  const redirected = x.redirects.length ? ` (redirected from '${x.url}')` : '';
  return `Access to ${chromeKindWord(x)} at '${finalUrl}'${redirected} from origin '${v.origin ?? 'null'}' has been blocked by CORS policy: `;
}

/** Chrome's whole console line for a reason of this exchange. */
export function chromeConsoleLine(x: Exchange, v: Verdict, r: Reason): string {
  return chromeConsoleLead(x, v) + r.chromeMessage;
}

/** Longest value a label's subject shows (the details show it whole). */
const LABEL_SHOWN = 40;

/** A label's subject: what the preflight refused, then what the server allowed. `allowed` is the server's list, never the refused name. */
export function refusedSubject(refused: string, allowed: string | null): Msg {
  return allowed === null
    ? m('reason_refused_none', { refused: cut(refused, LABEL_SHOWN) })
    : m('reason_refused_allows', { refused: cut(refused, LABEL_SHOWN), allowed: cut(allowed, LABEL_SHOWN) });
}

export const warn = (text: Msg): FixNote => ({ level: 'warning', text });
export const info = (text: Msg): FixNote => ({ level: 'info', text });
/** A received (untrusted) value for a fix note: bounded, specials neutralised. */
export const quoted = (value: string): string => commentText(cut(value, MAX_PROSE));
/** Starts the note of every reason no response header can cure (`noHeaderFix`): its `$no_fix$`. */
export const NO_HEADER_FIX: Msg = m('reason_no_header_fix');

/** The status as Firefox and the texts write it ("(null)" when none arrived). */
export function statusText(e: Evidence): string {
  return e.status === null ? '(null)' : String(e.status);
}

/** Quote a received value for prose ("…" in English, « … » in French); long values are shortened. */
export function q(value: string | null): Msg {
  if (value === null) return m('reason_absent');
  return m('reason_quoted', { value: value.length > 120 ? value.slice(0, 117) + '…' : value });
}

/** Said after a list or a method when credentials make "*" a plain name (`$hint$` of the texts that need it). */
export const STAR_NOT_WILDCARD: Msg = m('reason_star_not_wildcard');

/** The response at fault, as a sentence names it ("the response to the preflight"); `cap` starts a sentence. */
export function where(e: Evidence, cap = false): Msg {
  const tail = cap ? '_cap' : '';
  switch (e.step.kind) {
    case 'preflight':
      return m(`reason_where_preflight${tail}`);
    case 'redirect':
      return e.step.index === 0 ? m(`reason_where_redirect${tail}`) : m(`reason_where_redirect_n${tail}`, { n: e.step.index + 1 });
    case 'response':
      return m(`reason_where_response${tail}`);
  }
}

/** An address space named in prose ("the $space$ network"); unknown words pass as they are. */
export function spaceWord(detail: string | undefined, absent: 'local' | 'unknown'): MsgValue {
  const s = detail ?? absent;
  return s === 'loopback' || s === 'local' || s === 'public' || s === 'unknown' ? m(`reason_space_${s}`) : s;
}
