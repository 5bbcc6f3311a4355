/**
 * The browser's own error strings: which mean "CORS said no" (Chromium `net::ERR_FAILED`, Firefox
 * `NS_ERROR_DOM_BAD_URI`), which are Local Network Access, and plain words for network errors.
 */
import { INCONSISTENT_SPACE_ERROR, isLnaError } from '../reasons/network-rules';
import { m, type Msg } from '../i18n/msg';

type ErrorClass = 'cors' | 'lna' | 'network';

export function errorClass(error: string): ErrorClass {
  if (typeof error !== 'string') return 'network';
  if (isLnaError(error) || error.includes(INCONSISTENT_SPACE_ERROR)) return 'lna';
  if (error === 'net::ERR_FAILED' || error === 'NS_ERROR_DOM_BAD_URI') return 'cors';
  return 'network';
}

/** Browser error patterns and the message id of their plain words (`note_err_<id>`). */
const WORDS: [RegExp, string][] = [
  [/CONNECTION_REFUSED/, 'refused'],
  [/NAME_NOT_RESOLVED|UNKNOWN_HOST|NAME_RESOLUTION_FAILED/, 'dns'],
  [/ABORTED|NS_BINDING_ABORTED|NS_ERROR_ABORT/, 'aborted'],
  [/TIMED_OUT|NET_TIMEOUT/, 'timeout'],
  [/CONNECTION_RESET|NET_RESET/, 'reset'],
  [/CONNECTION_CLOSED|EMPTY_RESPONSE|NET_INTERRUPT|PARTIAL_TRANSFER/, 'closed'],
  [/CERT|SSL|TLS|SEC_ERROR|INSECURE_RESPONSE/, 'tls'],
  [/BLOCKED_BY_CLIENT/, 'blocked_by_client'],
  [/BLOCKED_BY_ORB/, 'orb'],
  [/BLOCKED_BY_RESPONSE/, 'blocked_by_response'],
  [/INTERNET_DISCONNECTED|NS_ERROR_OFFLINE/, 'offline'],
  [/TOO_MANY_REDIRECTS|REDIRECT_LOOP/, 'redirects'],
  [/INVALID_REDIRECT/, 'invalid_redirect'],
  [/UNSAFE_PORT|PORT_ACCESS/, 'unsafe_port'],
  [/ADDRESS_UNREACHABLE|NETWORK_CHANGED|ADDRESS_INVALID/, 'unreachable'],
  [/PROXY/, 'proxy'],
];

/** Every message id `describeError` can answer (for the catalogue tests). */
export const ERROR_WORD_IDS: readonly string[] = [...WORDS.map(([, id]) => `note_err_${id}`), 'note_err_failed'];

/** Plain words for a browser error string. */
export function describeError(error: string): Msg {
  if (typeof error !== 'string') return m('note_err_failed');
  for (const [re, id] of WORDS) if (re.test(error)) return m(`note_err_${id}`);
  return m('note_err_failed');
}
