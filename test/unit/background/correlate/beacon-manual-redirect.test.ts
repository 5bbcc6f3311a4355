/**
 * Two shapes real Chromium produces that the correlator must read right (issue 8 #6):
 * - a beacon (`ping`) whose preflight Chromium types `other`: still paired with it;
 * - fetch(url, {redirect: 'manual'}): the 3xx, onBeforeRedirect, then net::ERR_ABORTED before the
 *   target is requested: the hop was not followed, and the real classifier calls it an opaque redirect.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import { EN } from '../../../../src/core/i18n/catalogues';
import { API, APP, harness } from '../harness';

const url = `${API}/collect`;
const THIRD = 'http://third.localhost:7070';
const origin: [string, string] = ['Origin', APP];
const cors: [string, string] = ['Sec-Fetch-Mode', 'cors'];
const acao: [string, string] = ['Access-Control-Allow-Origin', APP];
const acac: [string, string] = ['Access-Control-Allow-Credentials', 'true'];
const json: [string, string] = ['Content-Type', 'application/json'];
const ping = { type: 'ping' as const };
const other = { type: 'other' as const };
const preflight: [string, string][] = [['Access-Control-Request-Method', 'POST'], ['Access-Control-Request-Headers', 'content-type'], origin, cors];

describe('a beacon with a non-safelisted Content-Type', () => {
  it('pairs its preflight (type other) with the beacon (type ping): preflighted', async () => {
    const h = harness({ classify });
    h.t.request('1', url, 'POST', ping)
      .request('2', url, 'OPTIONS', other).sent('2', url, preflight, 'OPTIONS', other)
      .received('2', url, 204, [acao, acac, ['Access-Control-Allow-Headers', 'content-type']], 'OPTIONS', other)
      .completed('2', url, 204, 'OPTIONS', other)
      .sent('1', url, [origin, cors, json], 'POST', ping).received('1', url, 200, [acao, acac], 'POST', ping)
      .started('1', url, 200, 'POST', ping).completed('1', url, 200, 'POST', ping);
    await h.session.settle();
    expect([...h.entries().keys()]).toEqual(['1']);
    const e = h.entry('1');
    expect(e.exchange.preflights.map((p) => p.id)).toEqual(['2']);
    expect({ kind: e.verdict.kind, observed: e.verdict.preflight.observed }).toEqual({ kind: 'preflighted', observed: true });
  });

  it('a preflight without Allow-Credentials blocks it with the preflight\'s code (beacons are credentialed)', async () => {
    const h = harness({ classify });
    h.t.request('1', url, 'POST', ping)
      .request('2', url, 'OPTIONS', other).sent('2', url, preflight, 'OPTIONS', other)
      .received('2', url, 204, [acao, ['Access-Control-Allow-Headers', 'content-type']], 'OPTIONS', other)
      .completed('2', url, 204, 'OPTIONS', other)
      .failed('1', url, 'net::ERR_FAILED', 'POST', ping);
    await h.session.settle();
    expect([...h.entries().keys()]).toEqual(['1']);
    const v = h.entry('1').verdict;
    expect({ kind: v.kind, code: v.reasons[0]?.code }).toEqual({ kind: 'blocked', code: 'PreflightInvalidAllowCredentials' });
  });

  it('an `other` preflight is never given to a main request of another type', async () => {
    const h = harness({ classify });
    h.t.request('1', url, 'POST')
      .request('2', url, 'OPTIONS', other).sent('2', url, preflight, 'OPTIONS', other)
      .received('2', url, 204, [acao], 'OPTIONS', other).completed('2', url, 204, 'OPTIONS', other);
    await h.session.settle();
    expect(h.session.store.entries(7).find((e) => e.exchange.id === '1')?.exchange.preflights ?? []).toEqual([]);
  });
});

describe("fetch(url, {redirect: 'manual'})", () => {
  const target = `${THIRD}/next`;
  function manual(hopHeaders: [string, string][], end: 'redirected' | 'refused', error: string) {
    const h = harness({ classify });
    h.t.request('1', url).sent('1', url, [origin, cors]).received('1', url, 302, [...hopHeaders, ['Location', target]]);
    if (end === 'redirected') h.t.redirected('1', url, 302, target);
    h.t.failed('1', end === 'redirected' ? target : url, error);
    return h;
  }

  it('a passing 3xx not followed (onBeforeRedirect, then ERR_ABORTED) is an opaque redirect: allowed, explained', async () => {
    const h = manual([acao], 'redirected', 'net::ERR_ABORTED');
    await h.session.settle();
    const e = h.entry('1');
    expect(e.exchange.redirects).toHaveLength(1);
    expect(e.exchange.redirects[0]).toMatchObject({ followed: false, location: target, response: { status: 302 } });
    expect(e.exchange.response).toBeUndefined();
    expect(e.verdict.kind).toBe('simple');
    expect(e.verdict.status).toBe(302);
    expect(EN.t(e.verdict.headline)).toMatch(/opaque redirect/);
    expect(e.verdict.notes.map(EN.t).join(' ')).toMatch(/opaqueredirect.*status 0/);
    expect(e.verdict.notes.map(EN.t).join(' ')).toContain(`${target} was never requested`);
  });

  it('a 3xx failing its CORS check in manual mode is blocked with the hop\'s code', async () => {
    const h = manual([], 'refused', 'net::ERR_FAILED');
    await h.session.settle();
    const v = h.entry('1').verdict;
    expect({ kind: v.kind, code: v.reasons[0]?.code }).toEqual({ kind: 'blocked', code: 'MissingAllowOriginHeader' });
  });

  it('a redirect followed and then aborted by the page after the target sent its headers stays a network error', async () => {
    const h = harness({ classify });
    h.t.request('1', url).sent('1', url, [origin, cors]).received('1', url, 302, [acao, ['Location', target]])
      .redirected('1', url, 302, target).request('1', target).sent('1', target, [['Origin', 'null'], cors])
      .failed('1', target, 'net::ERR_ABORTED');
    await h.session.settle();
    const e = h.entry('1');
    expect(e.exchange.redirects[0]!.followed).toBeUndefined();
    expect(e.verdict.kind).toBe('network-error');
  });

  it('a redirect whose new hop waits for its own preflight is not marked unfollowed when it fails', async () => {
    const h = harness({ classify });
    const put = `${API}/put`;
    h.t.request('1', put, 'PUT').sent('1', put, [origin, cors], 'PUT').received('1', put, 307, [acao, ['Location', target]], 'PUT')
      .redirected('1', put, 307, target, 'PUT')
      .request('2', target, 'OPTIONS').failed('2', target, 'net::ERR_FAILED', 'OPTIONS')
      .failed('1', target, 'net::ERR_NAME_NOT_RESOLVED', 'PUT');
    await h.session.settle();
    const e = h.entry('1');
    expect(e.exchange.preflights.map((p) => p.id)).toEqual(['2']);
    expect(e.exchange.redirects[0]!.followed).toBeUndefined();
  });
});
