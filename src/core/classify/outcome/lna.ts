/** Local Network Access failures (and codes the source reported for them): not CORS, but explained. */
import type { Exchange, Outcome } from '../../model/exchange';
import type { Verdict } from '../../model/verdict';
import { addressSpaceOf, isSecureOrigin } from '../../http/address-space';
import { firstMatch, NETWORK_REASONS } from '../../reasons';
import { LNA_NOTE, type NetworkInput } from '../../reasons/network-rules';
import { blockedHeadline, reasonsOf, verdict } from '../../model/make-verdict';
import { parseUrl } from '../../http/url';
import { errorClass } from '../errors';

export function localNetworkVerdict(ex: Exchange, outcome: Extract<Outcome, { state: 'failed' }>, origin: string | undefined): Verdict | null {
  const reported = outcome.corsError ?? null;
  if (errorClass(outcome.error) !== 'lna' && (reported === null || !NETWORK_REASONS.some((r) => r.code === reported))) return null;
  const input: NetworkInput = {
    url: ex.url,
    origin: origin ?? 'null',
    credentialed: false,
    error: outcome.error,
    reported: outcome.corsError ?? null,
    initiatorSecure: origin === undefined ? true : isSecureOrigin(origin),
    target: targetSpace(ex),
    status: null,
  };
  const found = firstMatch(NETWORK_REASONS, input);
  if (!found) return null;
  const notes = found.def.code === 'InvalidResponse' ? [] : [{ ...LNA_NOTE }];
  return verdict({ kind: 'blocked', headline: blockedHeadline(found), reasons: reasonsOf([found]), origin: origin ?? null, notes });
}

function targetSpace(ex: Exchange) {
  const ip = ex.response?.ip ?? ex.redirects.at(-1)?.response.ip;
  if (typeof ip === 'string' && ip.length > 0) return addressSpaceOf(ip);
  const last = ex.redirects.length > 0 ? ex.redirects[ex.redirects.length - 1]!.location : ex.url;
  const host = parseUrl(last)?.hostname ?? '';
  return addressSpaceOf(host);
}
