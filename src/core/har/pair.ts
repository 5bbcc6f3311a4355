/**
 * Finds the request each preflight was sent for. Our reports name it (`_cors.preflightOf`); in
 * Chrome's own HAR a preflight has the same URL as its request, `_initiator.url` pointing at it,
 * an `Access-Control-Request-Method` equal to the request's method, and starts just after it.
 */
import type { Chain } from './chain';
import type { ParsedEntry } from './parse-entry';
import { withoutFragment } from './url';

const header = (e: ParsedEntry, name: string): string | undefined =>
  e.requestHeaders.find((h) => h.name.toLowerCase() === name)?.value;

/** Browser-made preflight: scripts cannot set `Access-Control-Request-*`, so that header alone tells. */
export function isPreflight(e: ParsedEntry): boolean {
  if (e.cors?.role === 'preflight' || e.resourceType === 'preflight' || e.initiator?.type === 'preflight') return true;
  return e.method.toUpperCase() === 'OPTIONS' && header(e, 'access-control-request-method') !== undefined;
}

export interface Pairing {
  /** Preflights per chain, in time order. */
  byChain: Map<Chain, ParsedEntry[]>;
  warnings: string[];
}

export function pairPreflights(preflights: ParsedEntry[], chains: Chain[]): Pairing {
  const byChain = new Map<Chain, ParsedEntry[]>();
  const warnings: string[] = [];
  const byId = new Map(chains.filter((c) => c.id !== undefined).map((c) => [c.id!, c]));
  const claimed = new Set<ParsedEntry>();
  const add = (c: Chain, p: ParsedEntry) => {
    const list = byChain.get(c);
    if (list) list.push(p);
    else byChain.set(c, [p]);
  };
  const byUrl = new Map<string, { chain: Chain; step: ParsedEntry }[]>();
  for (const chain of chains) {
    for (const step of chain.steps) {
      const key = withoutFragment(step.url);
      const list = byUrl.get(key);
      if (list) list.push({ chain, step });
      else byUrl.set(key, [{ chain, step }]);
    }
  }
  for (const list of byUrl.values()) list.sort((a, b) => a.step.start - b.step.start || a.step.index - b.step.index);

  for (const p of [...preflights].sort((a, b) => a.start - b.start || a.index - b.index)) {
    const of = p.cors?.preflightOf;
    const named = typeof of === 'string' ? byId.get(of) : undefined;
    if (named) { add(named, p); continue; }
    const url = withoutFragment(p.initiator?.url ?? p.url);
    const acrm = header(p, 'access-control-request-method')?.trim();
    const fits = (byUrl.get(url) ?? []).filter(({ step }) => !claimed.has(step) && (acrm === undefined || step.method === acrm));
    // The request is issued first and the preflight follows; take the closest such request,
    // else (clock skew, reordered files) the closest one after.
    const before = fits.filter(({ step }) => step.start <= p.start).at(-1);
    const after = fits.find(({ step }) => step.start > p.start);
    const match = before ?? after;
    if (!match) {
      warnings.push(`entry ${p.index} skipped: preflight for ${acrm ?? '?'} ${p.url} has no matching request in the file`);
      continue;
    }
    claimed.add(match.step);
    add(match.chain, p);
  }
  return { byChain, warnings };
}
