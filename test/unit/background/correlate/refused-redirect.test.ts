/**
 * Sequence J of sequences.test.ts: Chromium refuses a redirect (onHeadersReceived with the 3xx, then
 * onErrorOccurred, no onBeforeRedirect). The 3xx is a hop that was not followed, not the final
 * response, and the real classifier names the hop's own failure.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import { API, APP, harness } from '../harness';

const url = `${API}/start`;
const THIRD = 'http://third.localhost:7070';
const origin: [string, string] = ['Origin', APP];
const cors: [string, string] = ['Sec-Fetch-Mode', 'cors'];
const acao: [string, string] = ['Access-Control-Allow-Origin', APP];

function refused(location: string, hopHeaders: [string, string][], status = 302) {
  const h = harness({ classify });
  h.t.request('1', url).sent('1', url, [origin, cors])
    .received('1', url, status, [...hopHeaders, ['Location', location]]).failed('1', url, 'net::ERR_FAILED');
  return h;
}

describe('a redirect Chromium refused to follow', () => {
  it('is recorded as a hop not followed (Location resolved), with no final response', async () => {
    const h = refused('/next?x=1', [acao]);
    await h.session.settle();
    const ex = h.entry('1').exchange;
    expect(ex.response).toBeUndefined();
    expect(ex.redirects).toHaveLength(1);
    expect(ex.redirects[0]).toMatchObject({
      url, location: `${API}/next?x=1`, followed: false, response: { status: 302 },
      requestHeaders: [{ name: 'Origin', value: APP }, { name: 'Sec-Fetch-Mode', value: 'cors' }],
    });
    expect(ex.outcome).toEqual({ state: 'failed', error: 'net::ERR_FAILED' });
  });

  it('userinfo in Location → RedirectContainsCredentials (not InvalidAllowCredentials)', async () => {
    const h = refused(`http://lab:secret@third.localhost:7070/target`, [acao]);
    await h.session.settle();
    const v = h.entry('1').verdict;
    expect(v.kind).toBe('blocked');
    expect(v.reasons[0]?.code).toBe('RedirectContainsCredentials');
    expect(v.status).toBe(302);
  });

  it('first hop without ACAO → MissingAllowOriginHeader at the redirect step', async () => {
    const h = refused(`${API}/target`, []);
    await h.session.settle();
    const v = h.entry('1').verdict;
    expect(v.reasons[0]).toMatchObject({ code: 'MissingAllowOriginHeader', step: { kind: 'redirect', index: 0 } });
  });

  it('hop ACAO for another origin → AllowOriginMismatch at the hop', async () => {
    const h = refused(`${THIRD}/target`, [['Access-Control-Allow-Origin', 'http://elsewhere.localhost']]);
    await h.session.settle();
    expect(h.entry('1').verdict.reasons[0]).toMatchObject({ code: 'AllowOriginMismatch', step: { kind: 'redirect', index: 0 } });
  });

  it('a 3xx that ended in a plain network error is still a hop, and the verdict is a network error', async () => {
    const h = harness({ classify });
    h.t.request('1', url).sent('1', url, [origin, cors])
      .received('1', url, 307, [acao, ['Location', `${THIRD}/x`]]).failed('1', url, 'net::ERR_UNSAFE_REDIRECT');
    await h.session.settle();
    const e = h.entry('1');
    expect(e.exchange.redirects[0]).toMatchObject({ followed: false, location: `${THIRD}/x` });
    expect(e.verdict.kind).toBe('network-error');
  });

  it('a 3xx without Location that fails stays the final response', async () => {
    const h = harness({ classify });
    h.t.request('1', url).sent('1', url, [origin, cors]).received('1', url, 302, []).failed('1', url, 'net::ERR_FAILED');
    await h.session.settle();
    const ex = h.entry('1').exchange;
    expect(ex.redirects).toEqual([]);
    expect(ex.response?.status).toBe(302);
  });

  it('a followed redirect keeps its normal shape (no followed flag, final response present)', async () => {
    const h = harness({ classify });
    const next = `${API}/next`;
    h.t.request('1', url).sent('1', url, [origin, cors]).received('1', url, 302, [acao, ['Location', next]])
      .redirected('1', url, 302, next).request('1', next).sent('1', next, [origin, cors]).received('1', next, 200, [acao])
      .completed('1', next, 200);
    await h.session.settle();
    const e = h.entry('1');
    expect(e.exchange.redirects[0]!.followed).toBeUndefined();
    expect(e.exchange.response?.status).toBe(200);
    expect(e.verdict.kind).toBe('simple');
  });
});
