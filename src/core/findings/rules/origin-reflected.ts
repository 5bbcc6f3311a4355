import type { LogRule } from '../rule';
import { PAGES } from '../rule';
import { fm } from '../messages';
import { evidence, MAX_EVIDENCE, quote } from '../context';
import type { Detection, FindingEvidence } from '../types';

/**
 * One endpoint echoed the Origin of two or more different sites back. A single exchange cannot tell an
 * allowlist from reflection; one company's origins (app. and www.example.com) are one site and never
 * count twice, so an allowlist of them stays silent.
 */
export const originReflected: LogRule = {
  id: 'origin-reflected',
  scope: 'log',
  texts: {
    summary: ['default', 'credentials'],
    why: ['default', 'credentials'],
    fix: ['default'],
  },
  learnMore: [PAGES.portswiggerResearch, PAGES.portswigger, PAGES.owaspWstg, PAGES.mdnAcao],
  detectLog({ index }) {
    const out: Detection[] = [];
    for (const rec of index.echoes.values()) {
      if (rec.sites.size < 2) continue;
      const ev: FindingEvidence[] = [];
      const origins: string[] = [];
      for (const { ctx, step, origin } of rec.sites.values()) {
        origins.push(quote(origin));
        if (ev.length < MAX_EVIDENCE) ev.push(evidence(ctx, step, 'Access-Control-Allow-Origin', origin, fm('note_origin_sent', { origin: quote(origin) })));
      }
      out.push({
        severity: rec.credentials ? 'high' : 'medium',
        variant: rec.credentials ? 'credentials' : 'default',
        endpoint: rec.endpoint,
        exchangeIds: [...rec.exchangeIds],
        evidence: ev,
        params: { endpoint: rec.endpoint, sites: rec.sites.size, origins: origins.join(', ') },
      });
    }
    return out;
  },
};
