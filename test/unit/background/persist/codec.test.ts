/** The stored text of an entry is lossless and compact, and names each header list once. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Exchange, Observer } from '../../../../src/core/model/exchange';
import { decodeEntry, encodeEntry, type StoredEntry } from '../../../../src/background/persist/codec';
import { HeaderPool } from '../../../../src/background/persist/header-pool';

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

function roundTrip(exchange: Exchange, table = new HeaderPool()) {
  const entry: StoredEntry = { exchange, seq: 7, pageId: 'p-1' };
  const text = encodeEntry(entry, OBS, (json) => table.ref(json, () => {}));
  return { text, back: decodeEntry(text, OBS, (id) => table.text(id)), table };
}

describe('codec', () => {
  it('round-trips every field, duplicates and order kept', () => {
    expect(roundTrip(full).back?.entry).toEqual({ exchange: full, seq: 7, pageId: 'p-1' });
    const other: Exchange = { ...full, observer: { ...OBS, preflightsVisible: false, fullRequestHeaders: false } };
    expect(roundTrip(other).back?.entry.exchange).toEqual(other);
  });

  it('stores header lists in fields it does not know about too', () => {
    const more = { ...full, laterHeaders: [h('A', '1')] } as Exchange;
    const { text, back } = roundTrip(more);
    expect(text).not.toContain('"A"');
    expect(back?.entry.exchange).toEqual(more);
  });

  it('keeps each distinct header list once and names it from every entry', () => {
    const table = new HeaderPool();
    const a = roundTrip(full, table);
    const b = roundTrip({ ...full, id: '43' }, table);
    expect(table.size).toBe(5); // request, hop request, hop response, preflight request, response
    expect(b.back?.refs).toEqual(a.back?.refs);
    expect(a.text).not.toContain('Origin');
  });

  it('an entry naming a missing list, or unreadable text, decodes to null', () => {
    const { text } = roundTrip(full);
    expect(decodeEntry(text, OBS, () => undefined)).toBeNull();
    expect(decodeEntry('{"s":1', OBS, () => undefined)).toBeNull();
    expect(decodeEntry({ exchange: 'nope' }, OBS, () => undefined)).toBeNull();
    expect(decodeEntry('{"s":1,"p":"x","x":{"id":"1"}}', OBS, () => undefined)).toBeNull();
  });

  it('round-trips arbitrary header names and values', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.string(), fc.string())), (pairs) => {
      const ex: Exchange = { ...full, requestHeaders: pairs.map(([n, v]) => h(n, v)) };
      expect(roundTrip(ex).back?.entry.exchange).toEqual(ex);
    }));
  });
});
