/**
 * Which fetch mode a request was sent in, from what an observer can see (Fetch §2.2.5 request mode;
 * Chromium sets Sec-Fetch-Mode in services/network/sec_header_helpers.cc):
 * Sec-Fetch-Mode when present, else an observed preflight, an Origin header on GET/HEAD, the resource
 * type (fonts are always CORS; fetch/XHR default to it), else no-cors.
 */
import type { Msg } from '../i18n/msg';

export type RequestMode = 'cors' | 'no-cors' | 'same-origin' | 'navigate' | 'websocket';

export interface ModeInfo {
  mode: RequestMode;
  /** Direct evidence (header, preflight) rather than a default for the resource type. */
  certain: boolean;
  /** In words, for notes. */
  basis: Msg;
}
