/**
 * The browser's own error strings: which mean "CORS said no" (Chromium `net::ERR_FAILED`, Firefox
 * `NS_ERROR_DOM_BAD_URI`), which are Local Network Access, and plain words for network errors.
 */
import { INCONSISTENT_SPACE_ERROR, isLnaError } from '../reasons/network-rules';

type ErrorClass = 'cors' | 'lna' | 'network';

export function errorClass(error: string): ErrorClass {
  if (typeof error !== 'string') return 'network';
  if (isLnaError(error) || error.includes(INCONSISTENT_SPACE_ERROR)) return 'lna';
  if (error === 'net::ERR_FAILED' || error === 'NS_ERROR_DOM_BAD_URI') return 'cors';
  return 'network';
}

const WORDS: [RegExp, string][] = [
  [/CONNECTION_REFUSED/, 'the connection was refused (nothing accepted connections on that host and port)'],
  [/NAME_NOT_RESOLVED|UNKNOWN_HOST|NAME_RESOLUTION_FAILED/, 'the host name could not be resolved (DNS)'],
  [/ABORTED|NS_BINDING_ABORTED|NS_ERROR_ABORT/, 'the request was cancelled (the page navigated away, or the script aborted it)'],
  [/TIMED_OUT|NET_TIMEOUT/, 'the connection timed out'],
  [/CONNECTION_RESET|NET_RESET/, 'the connection was reset'],
  [/CONNECTION_CLOSED|EMPTY_RESPONSE|NET_INTERRUPT|PARTIAL_TRANSFER/, 'the server closed the connection without a complete response'],
  [/CERT|SSL|TLS|SEC_ERROR|INSECURE_RESPONSE/, 'the secure connection failed (certificate or TLS error)'],
  [/BLOCKED_BY_CLIENT/, 'an extension (such as an ad blocker) blocked it'],
  [/BLOCKED_BY_ORB/, 'Opaque Response Blocking hid a cross-origin response a no-cors request may not read'],
  [/BLOCKED_BY_RESPONSE/, 'a response header (Cross-Origin-Resource-Policy or an embedder policy) blocked it'],
  [/INTERNET_DISCONNECTED|NS_ERROR_OFFLINE/, 'the browser is offline'],
  [/TOO_MANY_REDIRECTS|REDIRECT_LOOP/, 'there were too many redirects'],
  [/INVALID_REDIRECT/, 'a redirect pointed to an invalid URL'],
  [/UNSAFE_PORT|PORT_ACCESS/, 'the port is one the browser refuses to use'],
  [/ADDRESS_UNREACHABLE|NETWORK_CHANGED|ADDRESS_INVALID/, 'the address could not be reached'],
  [/PROXY/, 'the proxy failed'],
];

/** Plain words for a browser error string. */
export function describeError(error: string): string {
  if (typeof error !== 'string') return 'the request failed';
  for (const [re, words] of WORDS) if (re.test(error)) return words;
  return 'the request failed';
}
