/**
 * Redaction of credentials in exported reports. The header stays (its presence is evidence: a Cookie
 * header proves the request was credentialed) but its value is replaced, unless the user opted in.
 */
import type { Header } from '../../model/exchange';

export const REDACTED = '[redacted]';

/** Lower-case names whose values are never exported without the user's consent. */
export const SENSITIVE_HEADERS: readonly string[] = ['cookie', 'set-cookie', 'authorization', 'proxy-authorization'];

export const isSensitiveHeader = (name: string): boolean => typeof name === 'string' && SENSITIVE_HEADERS.includes(name.toLowerCase());

/** A copy of the headers with sensitive values replaced (`includeSensitive` false), or the headers unchanged. */
export function redactHeaders(headers: readonly Header[], includeSensitive: boolean): Header[] {
  return headers.map((h) => ({
    name: h.name,
    value: !includeSensitive && isSensitiveHeader(h.name) ? REDACTED : h.value,
  }));
}
