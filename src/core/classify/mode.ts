/**
 * Which fetch mode a request was sent in, from what an observer can see (Fetch §2.2.5 request mode;
 * Chromium sets Sec-Fetch-Mode in services/network/sec_header_helpers.cc):
 * Sec-Fetch-Mode when present, else an observed preflight, an Origin header on GET/HEAD, the resource
 * type (fonts are always CORS; fetch/XHR default to it), else no-cors.
 */
import { m, type Msg } from '../i18n/msg';

export type RequestMode = 'cors' | 'no-cors' | 'same-origin' | 'navigate' | 'websocket';

export interface ModeInfo {
  mode: RequestMode;
  /** Direct evidence (header, preflight) rather than a default for the resource type. */
  certain: boolean;
  /**
   * The evidence in words, kept as its parts (a message id and at most one value): most verdicts never
   * say it, so `modeBasis` builds the message only for those that do.
   */
  basisId: string;
  basisKey: string | null;
  basisValue: string;
}

/** The mode's evidence as a sentence (`note_mode_*`), for notes. */
export function modeBasis(info: ModeInfo): Msg {
  return info.basisKey === null ? m(info.basisId) : m(info.basisId, { [info.basisKey]: info.basisValue });
}
