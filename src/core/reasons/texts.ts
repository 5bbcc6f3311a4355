/** Shared wording for reason modules: Firefox's message frame, MDN URLs, quoting. */
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
