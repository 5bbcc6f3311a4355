/**
 * When a tab's `loading` status starts a new page session. We do not listen to `main_frame`
 * requests (that would cost on every navigation of the browser), so the tab's own status tells.
 */
import { originOf } from '../../core/http/origin';
import type { PageInfo } from '../../shared/protocol';

const withoutHash = (url: string) => url.split('#', 1)[0];

type PageDecision = 'new-page' | 'same-page' | 'reuse-page';

/**
 * - a fragment-only change of URL is the same document: `same-page`;
 * - a current page that recorded nothing yet is simply relabelled: `reuse-page` (repeated
 *   `loading` updates of one navigation must not wipe each other);
 * - anything else (new URL, reload) starts a new page session.
 */
export function decidePage(current: PageInfo | null, entries: number, changeUrl: string | undefined): PageDecision {
  if (!current) return 'new-page';
  if (changeUrl !== undefined && current.url !== '' && changeUrl !== current.url &&
      withoutHash(changeUrl) === withoutHash(current.url)) return 'same-page';
  if (entries === 0) return 'reuse-page';
  return 'new-page';
}

/** Same origin as the initiator, or a frame navigation: recorded as such, never a CORS problem. */
export function looksSameOrigin(url: string, initiator: string | undefined, type: string): boolean {
  if (type === 'sub_frame') return true;
  if (initiator === undefined) return false;
  // The URL's serialized origin as the initiator's is written (`null` for opaque ones); not a URL: no.
  return originOf(url) === initiator;
}
