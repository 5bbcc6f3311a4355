/** The correlator keeps the request headers sent at the final URL after redirects (`finalRequestHeaders`). */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import { API, APP, harness } from '../harness';

const THIRD = 'http://third.localhost:7070';
const url = `${API}/a`;
const cors: [string, string] = ['Sec-Fetch-Mode', 'cors'];

describe('finalRequestHeaders', () => {
  it('are the headers sent after the last redirect; each hop keeps its own', async () => {
    const h = harness({ classify });
    const b = `${THIRD}/b`;
    const c = `${THIRD}/c`;
    h.t.request('1', url).sent('1', url, [['Origin', APP], cors])
      .received('1', url, 302, [['Access-Control-Allow-Origin', APP], ['Access-Control-Allow-Credentials', 'true'], ['Location', b]]).redirected('1', url, 302, b)
      .request('1', b).sent('1', b, [['Origin', 'null'], cors])
      .received('1', b, 307, [['Access-Control-Allow-Origin', 'null'], ['Access-Control-Allow-Credentials', 'true'], ['Location', c]]).redirected('1', b, 307, c)
      .request('1', c).sent('1', c, [['Origin', 'null'], cors, ['Cookie', 'k=v']])
      .received('1', c, 200, [['Access-Control-Allow-Origin', 'null'], ['Access-Control-Allow-Credentials', 'true']]).completed('1', c, 200);
    await h.session.settle();
    const e = h.entry('1');
    expect(e.exchange.requestHeaders).toContainEqual({ name: 'Origin', value: APP });
    expect(e.exchange.redirects.map((r) => r.requestHeaders?.[0]?.value)).toEqual([APP, 'null']);
    expect(e.exchange.finalRequestHeaders).toEqual([
      { name: 'Origin', value: 'null' }, { name: 'Sec-Fetch-Mode', value: 'cors' }, { name: 'Cookie', value: 'k=v' },
    ]);
    expect(e.verdict.kind).toBe('simple');
    expect(e.verdict.origin).toBe('null');
    expect(e.verdict.credentials.mode).toBe('include');
  });

  it('are absent without a redirect, and absent when the redirect was refused', async () => {
    const h = harness({ classify });
    h.t.request('1', url).sent('1', url, [['Origin', APP], cors]).received('1', url, 200, [['Access-Control-Allow-Origin', APP]]).completed('1', url, 200);
    h.t.request('2', url).sent('2', url, [['Origin', APP], cors])
      .received('2', url, 302, [['Location', `${THIRD}/b`]]).failed('2', url, 'net::ERR_FAILED');
    await h.session.settle();
    expect(h.entry('1').exchange.finalRequestHeaders).toBeUndefined();
    expect(h.entry('2').exchange.finalRequestHeaders).toBeUndefined();
  });
});
