/** The compact row: what the table shows, sorts and searches, made once per entry version, small and bounded. */
import { describe, expect, it } from 'vitest';
import { toExchangeRow } from '../../../src/shared/exchange-row';
import { EN } from '../../../src/core/i18n/catalogues';
import { blockedAtPreflight, blockedTrailingSlash, entry, preflightedPut, simple } from '../panel/fixtures';
import { API, exchange, PAGE } from '../../support/builder';

const say = (x: string | { id: string }) => (typeof x === 'string' ? x : EN.t(x));
const pieces = (hay: string) => hay.split('\n');

describe('toExchangeRow', () => {
  it('carries what the table shows and sorts, and the Msgs the panel turns into searchable words', () => {
    const e = blockedTrailingSlash('b', 2);
    const row = toExchangeRow(e);
    expect(row).toMatchObject({ id: 'b', seq: 2, pageId: 'page-1', kind: 'blocked', method: 'GET', url: `${API}/items/b`, status: 200, state: 'failed', notSent: null, preflightNeeded: false, preflights: [] });
    expect(row.start).toBe(e.exchange.timings.start);
    expect(row.headline).toBe(e.verdict.headline);
    expect(row.summaries).toEqual(e.verdict.reasons.map((r) => r.summary));
    expect(say(row.reason)).toMatch(/Allow-Origin/);
  });

  it('puts the machine text in the hay, lower-case, one piece per line: method, URL, status, kind, codes, headers, the network error', () => {
    const row = toExchangeRow(blockedTrailingSlash('b', 2));
    const hay = pieces(row.hay);
    for (const p of ['get', `${API}/items/b`, '200', 'blocked', 'alloworiginmismatch', 'server', 'nginx/1.25', 'access-control-allow-origin', `${PAGE}/`]) expect(hay).toContain(p);
    expect(hay).toContain('x-evil');
    expect(row.hay).toBe(row.hay.toLowerCase());
    const failed = toExchangeRow(entry(exchange().id('n').to(`${API}/n`).failed('net::ERR_CONNECTION_REFUSED').build(), 1));
    expect(pieces(failed.hay)).toContain('net::err_connection_refused');
  });

  it('lists each preflight (url, start, status) and searches its headers', () => {
    const e = preflightedPut('c', 3);
    const row = toExchangeRow(e);
    expect(row.preflightNeeded).toBe(true);
    expect(row.preflights).toEqual([{ url: e.exchange.preflights[0]!.url, start: e.exchange.preflights[0]!.start, status: 204, failed: false }]);
    expect(pieces(row.hay)).toEqual(expect.arrayContaining(['options', 'preflight', 'x-trace', 'access-control-allow-headers', 'content-type, x-trace']));
  });

  it('a request stopped at its preflight has no status of its own and says why it was not sent', () => {
    const e = blockedAtPreflight('f', 5);
    expect(e.verdict.status).toBe(500);
    const row = toExchangeRow(e);
    expect(row.status).toBeNull();
    expect(row.notSent).not.toBeNull();
    expect(EN.t(row.notSent!)).toMatch(/never sent/);
    expect(pieces(row.hay)).not.toContain('500');
    expect(row.preflights[0]).toMatchObject({ status: 500, failed: false });
  });

  it('bounds the hay: a huge header value is cut, and the whole hay stays under 4 KB', () => {
    const big = 'v'.repeat(1_000_000);
    let b = exchange().id('h').to(`${API}/h`).header('X-Big', big);
    for (let i = 0; i < 200; i++) b = b.header(`X-Many-${i}`, `value-${i}`.repeat(20));
    const row = toExchangeRow(entry(b.response((r) => r.acao(PAGE)).build(), 1));
    expect(row.hay.length).toBeLessThanOrEqual(4096);
    expect(pieces(row.hay)).toContain('x-big');
    expect(row.hay).toContain('vvvv');
    expect(row.hay).not.toContain('v'.repeat(300));
    // The first pieces are always there, whatever the headers: method, URL, kind.
    expect(pieces(row.hay).slice(0, 2)).toEqual(['get', `${API}/h`]);
  });

  it('is small: a typical row, as JSON, is under 2 KB and smaller than its entry', () => {
    for (const e of [simple('a', 1), blockedTrailingSlash('b', 2), preflightedPut('c', 3)]) {
      const rowBytes = JSON.stringify(toExchangeRow(e)).length;
      const entryBytes = JSON.stringify(e).length;
      expect(rowBytes).toBeLessThan(2000);
      expect(rowBytes).toBeLessThan(entryBytes);
    }
  });
});
