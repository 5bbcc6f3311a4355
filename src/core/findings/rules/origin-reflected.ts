import type { LogRule } from '../rule';
import { PAGES } from '../rule';
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
    title: 'Origin reflected',
    summary: {
      default: '{endpoint} echoed the Origin of {sites} different sites back in Access-Control-Allow-Origin ({origins}).',
      credentials: '{endpoint} echoed the Origin of {sites} different sites back in Access-Control-Allow-Origin ({origins}), with Access-Control-Allow-Credentials: true.',
    },
    why: {
      default: 'A server that copies whatever Origin arrives lets every website read its responses: it effectively disables cross-origin protection.',
      credentials: 'A server that copies whatever Origin arrives and allows credentials lets any website the user visits read this endpoint as the logged-in user (account data, tokens).',
    },
    fix: {
      default: 'Compare the Origin with an allowlist of exact origins and echo it only when it is listed (with Vary: Origin); otherwise send no Access-Control-Allow-Origin. Do not "reflect whatever comes", as some guides suggest: that is the vulnerability, not a shortcut. If these sites are all yours, this finding confirms the allowlist: check that it has no pattern any other site can match (a suffix, an unescaped dot).',
    },
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
        if (ev.length < MAX_EVIDENCE) ev.push(evidence(ctx, step, 'Access-Control-Allow-Origin', origin, `Origin sent: ${quote(origin)}`));
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
