/** The compact storage form of an exchange is lossless and smaller. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Exchange, Observer } from '../../../src/core/model';
import { pack, unpack } from '../../../src/background/codec';

const OBS: Observer = { browser: 'chromium', preflightsVisible: true, fullRequestHeaders: true, source: 'webRequest' };
const h = (name: string, value: string) => ({ name, value });

const full: Exchange = {
  id: '42', initiator: 'https://app.example', type: 'xmlhttprequest', method: 'patch', url: 'https://api.example/a',
  requestHeaders: [h('Origin', 'https://app.example'), h('X-Dup', '1'), h('X-Dup', '2')],
  redirects: [{
    url: 'https://api.example/a', requestHeaders: [h('Origin', 'https://app.example')],
    response: { status: 307, statusText: 'Temporary Redirect', headers: [h('Location', '/b')], ip: '127.0.0.1', fromCache: false, time: 5 },
    location: 'https://api.example/b', time: 6,
  }],
  preflights: [
    { id: '43', url: 'https://api.example/a', requestHeaders: [h('Access-Control-Request-Method', 'patch')], response: { status: 204, headers: [] }, start: 1, end: 2 },
    { id: '44', url: 'https://api.example/b', requestHeaders: [], error: 'net::ERR_FAILED', start: 7 },
  ],
  response: { status: 200, headers: [h('Access-Control-Allow-Origin', 'null')] },
  outcome: { state: 'failed', error: 'net::ERR_FAILED' },
  timings: { start: 0, end: 9 },
  observer: OBS, tabId: 3, frameId: 0,
};

describe('codec', () => {
  it('round-trips every field, duplicates and order kept', () => {
    expect(unpack(JSON.parse(JSON.stringify(pack(full, OBS))), OBS)).toEqual(full);
    const other: Exchange = { ...full, observer: { ...OBS, preflightsVisible: false, fullRequestHeaders: false } };
    expect(unpack(JSON.parse(JSON.stringify(pack(other, OBS))), OBS)).toEqual(other);
  });

  it('is smaller than the plain JSON', () => {
    expect(JSON.stringify(pack(full, OBS)).length).toBeLessThan(JSON.stringify(full).length * 0.85);
  });

  it('round-trips arbitrary header names and values', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.string(), fc.string())), (pairs) => {
      const ex: Exchange = { ...full, requestHeaders: pairs.map(([n, v]) => h(n, v)) };
      expect(unpack(JSON.parse(JSON.stringify(pack(ex, OBS))), OBS)).toEqual(ex);
    }));
  });
});
