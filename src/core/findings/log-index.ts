/**
 * What the whole log says about each endpoint, built in one pass before the rules run: which origins it
 * echoed back (explicit Access-Control-Allow-Origin equal to the request's Origin), grouped by site. Two
 * sites echoed by one endpoint is what tells reflection from an allowlist of one company's origins.
 */
import type { EntryContext, StepView } from './context';
import { echoes } from './context';
import { hostInfo } from './site';

/** Distinct sites remembered per endpoint (two prove reflection; a few more make better evidence). */
const MAX_SITES = 8;

interface EchoRecord {
  ctx: EntryContext;
  step: StepView;
  origin: string;
}

interface EndpointEchoes {
  endpoint: string;
  /** One record per distinct site echoed (first seen), at most MAX_SITES. */
  sites: Map<string, EchoRecord>;
  /** Every exchange that echoed an origin here, in log order, each once. */
  exchangeIds: string[];
  /** Some echo also allowed credentials. */
  credentials: boolean;
  /** Distinct hosts echoed under each private-section public suffix. */
  privateHosts: Map<string, Set<string>>;
}

export interface LogIndex {
  echoes: Map<string, EndpointEchoes>;
}

export function buildLogIndex(contexts: readonly EntryContext[]): LogIndex {
  const echoesBy = new Map<string, EndpointEchoes>();
  for (const ctx of contexts) {
    for (const step of ctx.steps) {
      if (!echoes(step) || step.origin === 'null') continue;
      const info = hostInfo(step.origin!);
      if (!info) continue;
      let rec = echoesBy.get(step.endpoint);
      if (!rec) {
        rec = { endpoint: step.endpoint, sites: new Map(), exchangeIds: [], credentials: false, privateHosts: new Map() };
        echoesBy.set(step.endpoint, rec);
      }
      if (rec.exchangeIds[rec.exchangeIds.length - 1] !== ctx.id) rec.exchangeIds.push(ctx.id);
      if (step.credentialsAllowed) rec.credentials = true;
      if (!rec.sites.has(info.site) && rec.sites.size < MAX_SITES) rec.sites.set(info.site, { ctx, step, origin: step.origin! });
      if (info.privateSuffix) {
        let hosts = rec.privateHosts.get(info.privateSuffix);
        if (!hosts) rec.privateHosts.set(info.privateSuffix, (hosts = new Set()));
        if (hosts.size < MAX_SITES) hosts.add(info.host);
      }
    }
  }
  return { echoes: echoesBy };
}

/** The endpoint echoed origins of two or more different sites back. */
export function isReflecting(index: LogIndex, endpoint: string): boolean {
  return (index.echoes.get(endpoint)?.sites.size ?? 0) >= 2;
}
