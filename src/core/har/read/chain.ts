/**
 * Groups request entries into exchanges. Our reports say which entries belong together (`_cors.id`,
 * `_cors.hop`); other HAR files are chained the way browsers write redirects: a 3xx entry whose
 * `redirectURL` is the URL of a later entry continues in that entry.
 *
 * Linear: chains waiting for their next hop are indexed by target URL and the method that may follow,
 * so a redirect target shared by thousands of requests (a login page) costs nothing extra.
 */
import type { ParsedEntry } from './parse-entry';
import { keyOf } from './key';
import { methodAfterRedirect } from '../../http/redirect';
import { resolveUrl, withoutFragment } from '../../http/url';

export interface Chain {
  /** The exchange id written by CORS Lens, when the file is one of our reports. */
  id?: string;
  steps: ParsedEntry[];
}

const isRedirectStatus = (s: number): boolean => s >= 300 && s < 400 && s !== 304;

/** The URL a step redirects to, when it is a redirect the browser went on to follow. */
function followedLocation(e: ParsedEntry): string | null {
  if (!isRedirectStatus(e.status) || e.error !== undefined) return null;
  const loc = e.redirectURL || e.responseHeaders.find((h) => h.name.toLowerCase() === 'location')?.value || '';
  return loc === '' ? null : withoutFragment(resolveUrl(loc, e.url));
}

/**
 * Methods the request after this redirect may have: the same, or GET where Fetch rewrites it. After a
 * 303 GET is accepted whatever the method (HEAD included), as the first reader did: a recorded file is
 * chained the way test/fixtures/har/pairing-golden.json fixes it.
 */
function followingMethods(from: ParsedEntry): string[] {
  const after = from.status === 303 ? 'GET' : methodAfterRedirect(from.status, from.method);
  return after !== from.method ? [from.method, after] : [from.method];
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

interface Waiting { chain: Chain; seq: number; taken: boolean }

/**
 * Chains whose last step redirected to a URL, waiting for the request that follows it. Each is listed
 * under (URL, method that may follow) and under (URL, method, page); a taken one is dropped lazily when
 * it reaches the end of a list, so every registration is pushed and popped once.
 */
class Waitlist {
  private readonly all = new Map<string, Waiting[]>();
  private readonly byPage = new Map<string, Waiting[]>();
  private seq = 0;

  add(url: string, chain: Chain): void {
    const last = chain.steps.at(-1)!;
    const w: Waiting = { chain, seq: this.seq++, taken: false };
    for (const method of followingMethods(last)) {
      push(this.all, keyOf(url, method), w);
      push(this.byPage, keyOf(url, method, last.pageref), w);
    }
  }

  /** The most recently registered chain this entry may continue (same page when both name one). */
  take(url: string, e: ParsedEntry): Chain | undefined {
    // Entries are visited in start order, so a waiting chain's last step never starts after `e`.
    const found = e.pageref === undefined
      ? [top(this.all.get(keyOf(url, e.method)))]
      : [top(this.byPage.get(keyOf(url, e.method, e.pageref))), top(this.byPage.get(keyOf(url, e.method, undefined)))];
    let best: Waiting | undefined;
    for (const w of found) if (w && (!best || w.seq > best.seq)) best = w;
    if (!best) return undefined;
    best.taken = true;
    return best.chain;
  }
}

function push(map: Map<string, Waiting[]>, key: string, w: Waiting): void {
  const list = map.get(key);
  if (list) list.push(w);
  else map.set(key, [w]);
}

function top(list: Waiting[] | undefined): Waiting | undefined {
  if (!list) return undefined;
  while (list.length > 0 && list.at(-1)!.taken) list.pop();
  return list.at(-1);
}

export function chainRequests(requests: ParsedEntry[]): Chain[] {
  const sorted = [...requests].sort((a, b) => a.start - b.start || a.index - b.index);
  const ours = ourChains(sorted);
  const chains: Chain[] = [...ours.values()];
  const waiting = new Waitlist();
  for (const e of sorted) {
    if (typeof e.cors?.id === 'string' && e.cors.role === 'request') continue;
    let chain = waiting.take(withoutFragment(e.url), e);
    if (chain) chain.steps.push(e);
    else {
      chain = { steps: [e] };
      chains.push(chain);
    }
    const next = followedLocation(e);
    if (next !== null) waiting.add(next, chain);
  }
  return chains.sort((a, b) => a.steps[0]!.start - b.steps[0]!.start || a.steps[0]!.index - b.steps[0]!.index);
}
