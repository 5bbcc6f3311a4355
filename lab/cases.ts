/**
 * The lab's case list: one entry per kind of cross-origin exchange, as data.
 * Shared by the gallery page (served as JSON), the real-browser tests and the demo.
 * Order matters: the gallery runs cases one after another (the cookie is set before it is used,
 * the cached preflight follows the one that fills the cache; the credentialed findings cases come after the cookie).
 */
import type { LabCase, LabOrigins } from './case-types';
import { simpleCases } from './cases/simple';
import { preflightedCases } from './cases/preflighted';
import { credentialedCases } from './cases/credentialed';
import { blockedResponseCases } from './cases/blocked-response';
import { blockedPreflightCases } from './cases/blocked-preflight';
import { redirectCases } from './cases/redirects';
import { resourceCases } from './cases/resources';
import { findingsCases } from './cases/findings';

export * from './case-types';
export { LAB_COOKIE } from './cases/credentialed';
export { FINDINGS_GROUP } from './cases/findings';

export function buildCases(o: LabOrigins): LabCase[] {
  const cases = [
    ...simpleCases(o),
    ...preflightedCases(o),
    ...credentialedCases(o),
    ...blockedResponseCases(o),
    ...blockedPreflightCases(o),
    ...redirectCases(o),
    ...resourceCases(o),
    ...findingsCases(o),
  ];
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.id)) throw new Error(`lab: duplicate case id ${c.id}`);
    seen.add(c.id);
  }
  return cases;
}
