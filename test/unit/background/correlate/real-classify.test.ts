/**
 * The records the background builds, judged by the real classifier: the shapes agree (a wrong field
 * here would show up as a wrong verdict in the product).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import { API, APP, harness } from '../harness';

const url = `${API}/items`;
const origin: [string, string] = ['Origin', APP];
const cors: [string, string] = ['Sec-Fetch-Mode', 'cors'];
const acao: [string, string] = ['Access-Control-Allow-Origin', APP];

describe('captured exchanges through the real classifier', () => {
  it('B: missing ACAO on a failed simple request → blocked, MissingAllowOriginHeader, status kept', async () => {
    const h = harness({ classify });
    h.t.request('1', url).sent('1', url, [origin, cors]).received('1', url, 200, []).failed('1', url, 'net::ERR_FAILED');
    await h.session.settle();
    const v = h.entry('1').verdict;
    expect(v.kind).toBe('blocked');
    expect(v.reasons[0]?.code).toBe('MissingAllowOriginHeader');
    expect(v.status).toBe(200);
  });

  it('C: preflight and request pass → preflighted', async () => {
    const h = harness({ classify });
    h.t.request('1', url, 'PUT')
      .request('2', url, 'OPTIONS').sent('2', url, [['Access-Control-Request-Method', 'PUT'], origin, cors], 'OPTIONS')
      .received('2', url, 204, [acao, ['Access-Control-Allow-Methods', 'PUT']], 'OPTIONS').completed('2', url, 204, 'OPTIONS')
      .sent('1', url, [origin, cors], 'PUT').received('1', url, 200, [acao], 'PUT').completed('1', url, 200, 'PUT');
    await h.session.settle();
    const { exchange: ex, verdict: v } = h.entry('1');
    expect(v.kind).toBe('preflighted');
    expect(v.preflight).toMatchObject({ required: true, observed: true });
    // Once judged, the stored exchange holds none of the facts the capture made for its header lists: each
    // list has their symbol-keyed slot, emptied (header-facts.ts `forgetFacts`).
    const lists = [ex.requestHeaders, ex.response?.headers, ...ex.preflights.flatMap((p) => [p.requestHeaders, p.response?.headers])];
    expect(lists.map((l) => Object.getOwnPropertySymbols(l ?? {}).length)).toEqual([1, 1, 1, 1]);
    const held = (l: object | undefined) => Object.getOwnPropertySymbols(l ?? {}).filter((k) => (l as Record<symbol, unknown>)[k] !== undefined).length;
    expect(lists.map(held)).toEqual([0, 0, 0, 0]);
  });

  it('D: preflight 404 without ACAO → PreflightMissingAllowOriginHeader', async () => {
    const h = harness({ classify });
    h.t.request('1', url, 'DELETE')
      .request('2', url, 'OPTIONS').sent('2', url, [['Access-Control-Request-Method', 'DELETE'], origin, cors], 'OPTIONS')
      .received('2', url, 404, [], 'OPTIONS').completed('2', url, 404, 'OPTIONS')
      .failed('1', url, 'net::ERR_FAILED', 'DELETE');
    await h.session.settle();
    const v = h.entry('1').verdict;
    expect(v.kind).toBe('blocked');
    expect(v.reasons[0]?.code).toBe('PreflightMissingAllowOriginHeader');
  });

  it('J: a redirect hop without ACAO → blocked at that hop', async () => {
    const h = harness({ classify });
    h.t.request('1', url).sent('1', url, [origin, cors]).received('1', url, 302, [['Location', `${API}/next`]]).failed('1', url, 'net::ERR_FAILED');
    await h.session.settle();
    expect(h.entry('1').verdict).toMatchObject({ kind: 'blocked', reasons: [{ code: 'MissingAllowOriginHeader' }] });
  });

  it('a same-origin request → same-origin; a sub_frame navigation is not a CORS problem', async () => {
    const h = harness({ classify });
    h.t.request('1', `${APP}/me`).sent('1', `${APP}/me`, []).received('1', `${APP}/me`, 200, []).completed('1', `${APP}/me`, 200);
    const frame = { type: 'sub_frame' };
    h.t.request('2', `${API}/embed`, 'GET', frame).sent('2', `${API}/embed`, [['Sec-Fetch-Mode', 'navigate']], 'GET', frame)
      .received('2', `${API}/embed`, 200, [], 'GET', frame).completed('2', `${API}/embed`, 200, 'GET', frame);
    await h.session.settle();
    expect(h.entry('1').verdict.kind).toBe('same-origin');
    expect(h.entry('2').verdict.kind).not.toBe('blocked');
    expect(h.session.store.summary(7).counts.blocked).toBe(0);
  });
});
