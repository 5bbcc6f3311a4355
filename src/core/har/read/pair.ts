/**
 * Finds the request each preflight was sent for. Our reports name it (`_cors.preflightOf`); in
 * Chrome's own HAR a preflight has the same URL as its request, `_initiator.url` pointing at it,
 * an `Access-Control-Request-Method` equal to the request's method, and starts just after it.
 *
 * Linear: request steps are indexed once by URL and by (URL, method), in start order; preflights are
 * visited in start order, so the steps started before each one are a growing prefix of its list, and
 * the nearest unclaimed step on either side is found by skipping claimed ones (with path compression).
 */
import type { Chain } from './chain';
import { keyOf } from './key';
import type { ParsedEntry } from './parse-entry';
import { withoutFragment } from '../../http/url';
import { hm } from './errors';
import type { Msg } from '../../i18n/msg';

const header = (e: ParsedEntry, name: string): string | undefined =>
  e.requestHeaders.find((h) => h.name.toLowerCase() === name)?.value;

/** Browser-made preflight: scripts cannot set `Access-Control-Request-*`, so that header alone tells. */
export function isPreflight(e: ParsedEntry): boolean {
  if (e.cors?.role === 'preflight' || e.resourceType === 'preflight' || e.initiator?.type === 'preflight') return true;
  return e.method.toUpperCase() === 'OPTIONS' && header(e, 'access-control-request-method') !== undefined;
}

interface Pairing {
  /** Preflights per chain, in time order. */
  byChain: Map<Chain, ParsedEntry[]>;
  warnings: Msg[];
}

interface Candidate { chain: Chain; step: ParsedEntry }

/** Request steps of one URL (or URL and method) in start order, and how many started before the current preflight. */
class Candidates {
  readonly items: Candidate[] = [];
  /** Items [0, started) started no later than the preflight being paired. */
  private started = 0;
  private prev?: Int32Array;
  private next?: Int32Array;

  /** The closest unclaimed step started no later than `at`, else the first unclaimed one after it. */
  closest(at: number, claimed: Set<ParsedEntry>): Candidate | undefined {
    const n = this.items.length;
    while (this.started < n && this.items[this.started]!.step.start <= at) this.started++;
    const before = this.walk(this.started - 1, -1, claimed);
    if (before >= 0) return this.items[before];
    const after = this.walk(this.started, 1, claimed);
    return after < n ? this.items[after] : undefined;
  }

  /** Index of the first unclaimed item from `i` in direction `dir` (-1 or n when none); claimed items are linked past. */
  private walk(i: number, dir: 1 | -1, claimed: Set<ParsedEntry>): number {
    const n = this.items.length;
    const links = dir < 0 ? (this.prev ??= identity(n)) : (this.next ??= identity(n));
    let r = i;
    while (r >= 0 && r < n) {
      const link = links[r]!;
      if (link !== r) r = link;
      else if (claimed.has(this.items[r]!.step)) links[r] = r + dir;
      else break;
    }
    for (let c = i; c !== r && c >= 0 && c < n;) {
      const link = links[c]!;
      links[c] = r;
      c = link;
    }
    return r;
  }
}

const identity = (n: number): Int32Array => Int32Array.from({ length: n }, (_, i) => i);

function index(chains: Chain[]): Map<string, Candidates> {
  const all: Candidate[] = [];
  for (const chain of chains) for (const step of chain.steps) all.push({ chain, step });
  all.sort((a, b) => a.step.start - b.step.start || a.step.index - b.step.index);
  const lists = new Map<string, Candidates>();
  const add = (key: string, c: Candidate) => {
    let list = lists.get(key);
    if (!list) lists.set(key, (list = new Candidates()));
    list.items.push(c);
  };
  for (const c of all) {
    const url = withoutFragment(c.step.url);
    add(keyOf(url), c);
    add(keyOf(url, c.step.method), c);
  }
  return lists;
}

export function pairPreflights(preflights: ParsedEntry[], chains: Chain[]): Pairing {
  const byChain = new Map<Chain, ParsedEntry[]>();
  const warnings: Msg[] = [];
  const byId = new Map(chains.filter((c) => c.id !== undefined).map((c) => [c.id!, c]));
  const claimed = new Set<ParsedEntry>();
  const add = (c: Chain, p: ParsedEntry) => {
    const list = byChain.get(c);
    if (list) list.push(p);
    else byChain.set(c, [p]);
  };
  // Built at the first preflight that does not name its request: our reports name every one.
  let lists: Map<string, Candidates> | undefined;
  for (const p of [...preflights].sort((a, b) => a.start - b.start || a.index - b.index)) {
    const of = p.cors?.preflightOf;
    const named = typeof of === 'string' ? byId.get(of) : undefined;
    if (named) { add(named, p); continue; }
    lists ??= index(chains);
    const url = withoutFragment(p.initiator?.url ?? p.url);
    const acrm = header(p, 'access-control-request-method')?.trim();
    // The request is issued first and the preflight follows; take the closest such request,
    // else (clock skew, reordered files) the closest one after.
    const match = lists.get(acrm === undefined ? keyOf(url) : keyOf(url, acrm))?.closest(p.start, claimed);
    if (!match) {
      warnings.push(hm('skip_unpaired_preflight', { index: String(p.index), method: acrm ?? '?', url: p.url }));
      continue;
    }
    claimed.add(match.step);
    add(match.chain, p);
  }
  return { byChain, warnings };
}
