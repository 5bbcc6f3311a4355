/** Shared wording for reason modules: each console's message frame, MDN URLs, quoting, fix notes. */
import type { Exchange } from '../model/exchange';
import type { Reason, Verdict } from '../model/verdict';
import type { FixNote } from '../fix/types';
import { commentText } from '../fix/escape';
import { cut, MAX_PROSE } from '../fix/bounds';
import type { Evidence, FirefoxText } from './types';

export const MDN_BASE = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/';
export const PREFLIGHT_PREFIX = "Response to preflight request doesn't pass access control check: ";

/** Firefox's full console line: "Cross-Origin Request Blocked: … (Reason: …)". */
export function firefoxLine(key: string, url: string, reason: string): FirefoxText {
  return {
    key,
    message: `Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ${url}. (Reason: ${reason}`,
  };
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
export function refusedSubject(refused: string, allowed: string | null): string {
  const allows = allowed === null ? 'none allowed' : `server allows ${cut(allowed, LABEL_SHOWN)}`;
  return `${cut(refused, LABEL_SHOWN)} (${allows})`;
}

export const warn = (text: string): FixNote => ({ level: 'warning', text });
export const info = (text: string): FixNote => ({ level: 'info', text });
/** A received (untrusted) value for a fix note: bounded, specials neutralised. */
export const quoted = (value: string): string => commentText(cut(value, MAX_PROSE));
/** Starts the note of every reason no response header can cure (`noHeaderFix`). */
export const NO_HEADER_FIX = 'No response header can fix this.';

export function statusText(e: Evidence): string {
  return e.status === null ? '(null)' : String(e.status);
}

/** Quote a received value for prose; long values are shortened. */
export function q(value: string | null): string {
  if (value === null) return '(absent)';
  const v = value.length > 120 ? value.slice(0, 117) + '…' : value;
  return `"${v}"`;
}

export function where(e: Evidence): string {
  switch (e.step.kind) {
    case 'preflight':
      return 'the response to the preflight';
    case 'redirect':
      return e.step.index === 0 ? 'the redirect response' : `redirect ${e.step.index + 1}`;
    case 'response':
      return 'the response';
  }
}
