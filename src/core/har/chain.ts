/**
 * Groups request entries into exchanges. Our reports say which entries belong together (`_cors.id`,
 * `_cors.hop`); other HAR files are chained the way browsers write redirects: a 3xx entry whose
 * `redirectURL` is the URL of a later entry continues in that entry.
 */
import type { ParsedEntry } from './parse-entry';
import { resolveUrl, withoutFragment } from './url';

export interface Chain {
  /** The exchange id written by CORS Lens, when the file is one of our reports. */
  id?: string;
  steps: ParsedEntry[];
}

const isRedirectStatus = (s: number): boolean => s >= 300 && s < 400 && s !== 304;

/** The URL a step redirects to, when it is a redirect the browser went on to follow. */
export function followedLocation(e: ParsedEntry): string | null {
  if (!isRedirectStatus(e.status) || e.error !== undefined) return null;
  const loc = e.redirectURL || e.responseHeaders.find((h) => h.name.toLowerCase() === 'location')?.value || '';
  return loc === '' ? null : withoutFragment(resolveUrl(loc, e.url));
}

function methodCanFollow(from: ParsedEntry, to: ParsedEntry): boolean {
  if (from.method === to.method) return true;
  // 301/302 turn POST into GET, 303 turns anything but HEAD into GET.
  return to.method === 'GET' && (from.status === 303 || ((from.status === 301 || from.status === 302) && from.method === 'POST'));
}

function ourChains(entries: ParsedEntry[]): Map<string, Chain> {
  const byId = new Map<string, Chain>();
  for (const e of entries) {
    const id = e.cors?.id;
    if (typeof id !== 'string' || e.cors?.role !== 'request') continue;
    const chain = byId.get(id) ?? { id, steps: [] };
    chain.steps.push(e);
    byId.set(id, chain);
  }
  const hop = (e: ParsedEntry): number => (typeof e.cors?.hop === 'number' ? e.cors.hop : Number.MAX_SAFE_INTEGER);
  for (const c of byId.values()) c.steps.sort((a, b) => hop(a) - hop(b) || a.start - b.start || a.index - b.index);
  return byId;
}

export function chainRequests(requests: ParsedEntry[]): Chain[] {
  const sorted = [...requests].sort((a, b) => a.start - b.start || a.index - b.index);
  const ours = ourChains(sorted);
  const chains: Chain[] = [...ours.values()];
  const waiting = new Map<string, Chain[]>();
  for (const e of sorted) {
    if (typeof e.cors?.id === 'string' && e.cors.role === 'request') continue;
    const url = withoutFragment(e.url);
    const candidates = waiting.get(url) ?? [];
    let chain: Chain | undefined;
    for (let i = candidates.length - 1; i >= 0; i--) {
      const c = candidates[i]!;
      const last = c.steps.at(-1)!;
      const samePage = last.pageref === undefined || e.pageref === undefined || last.pageref === e.pageref;
      if (last.start <= e.start && samePage && methodCanFollow(last, e)) {
        chain = c;
        candidates.splice(i, 1);
        break;
      }
    }
    if (chain) chain.steps.push(e);
    else {
      chain = { steps: [e] };
      chains.push(chain);
    }
    const next = followedLocation(e);
    if (next !== null) {
      const list = waiting.get(next);
      if (list) list.push(chain);
      else waiting.set(next, [chain]);
    }
  }
  return chains.sort((a, b) => a.steps[0]!.start - b.steps[0]!.start || a.steps[0]!.index - b.steps[0]!.index);
}
