/** Issue 12: the stored record joins each header list into one string and gives back exactly what it stored. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Exchange, Header } from '../../../../src/core/model/exchange';
import { storedExchange, toRecord } from '../../../../src/background/persist/record';
import type { Verdict } from '../../../../src/core/model/verdict';
import { exchange } from '../../../support/builder';

/** Any string: empty, unicode (lone surrogates too), the join's own NUL, separators, digits, line breaks. */
const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('|', ',', '0', '1', '9', '\n', '\r', '\0', ':', 'é', '😀', '\uD800') }),
);
const header = fc.record({ name: text, value: text });
const headers = fc.array(header, { maxLength: 6 });
const response = fc.record({ status: fc.integer({ min: 100, max: 599 }), headers });

const withHeaders = fc.record({
  request: headers,
  final: fc.option(headers, { nil: undefined }),
  response: fc.option(response, { nil: undefined }),
  hops: fc.array(fc.record({ requestHeaders: fc.option(headers, { nil: undefined }), response }), { maxLength: 3 }),
  preflights: fc.array(fc.record({ requestHeaders: headers, response: fc.option(response, { nil: undefined }) }), { maxLength: 2 }),
}).map((g): Exchange => {
  const x: Exchange = { ...exchange().build(), requestHeaders: g.request };
  if (g.final) x.finalRequestHeaders = g.final;
  if (g.response) x.response = g.response;
  x.redirects = g.hops.map((h, i) => {
    const hop: Exchange['redirects'][number] = { url: `https://h${i}.example/`, response: h.response, location: `https://h${i + 1}.example/`, time: i };
    if (h.requestHeaders) hop.requestHeaders = h.requestHeaders;
    return hop;
  });
  x.preflights = g.preflights.map((p, i) => {
    const pf: Exchange['preflights'][number] = { url: `https://p${i}.example/`, requestHeaders: p.requestHeaders, start: i };
    if (p.response) pf.response = p.response;
    return pf;
  });
  return x;
});

const judged = { kind: 'simple' } as Verdict;
const stored = (x: Exchange, verdict = judged) => structuredClone(toRecord(3, { exchange: x, seq: 7, pageId: 'pg', verdict }));
const hasNul = (l: Header[]) => l.some((h) => h.name.includes('\0') || h.value.includes('\0'));

describe('stored record', () => {
  it('round-trips any exchange exactly, through structured clone, each list without a NUL stored as one string', () => {
    fc.assert(fc.property(withHeaders, (x) => {
      const r = stored(x);
      expect(r).toMatchObject({ tabId: 3, id: x.id, seq: 7, pageId: 'pg', verdict: judged });
      expect(typeof r.exchange.requestHeaders).toBe(hasNul(x.requestHeaders) ? 'object' : 'string');
      for (const [i, p] of r.exchange.preflights.entries()) expect(typeof p.requestHeaders).toBe(hasNul(x.preflights[i]!.requestHeaders) ? 'object' : 'string');
      for (const [i, h] of r.exchange.redirects.entries()) expect(typeof h.response.headers).toBe(hasNul(x.redirects[i]!.response.headers) ? 'object' : 'string');
      // against a clone of x: fast-check's generated objects carry their own hidden properties
      expect(storedExchange(r.exchange)).toStrictEqual(structuredClone(x));
    }), { numRuns: 500 });
  });

  it('an exchange in flight is stored without a verdict', () => {
    expect('verdict' in stored(exchange().build(), { kind: 'pending' } as Verdict)).toBe(false);
  });

  it('a value holding the join\'s NUL, or nothing at all, comes back whole', () => {
    for (const list of [
      [{ name: '1,2|', value: '3,4|x' }, { name: '', value: '' }, { name: 'a', value: '|' }],
      [{ name: 'X', value: 'a\0b' }, { name: '', value: '' }],
      [{ name: '', value: '' }],
    ] satisfies Header[][]) {
      expect(storedExchange(stored({ ...exchange().build(), requestHeaders: list }).exchange)?.requestHeaders).toEqual(list);
    }
  });

  it('a damaged record is refused, not misread', () => {
    const x = stored({ ...exchange().build(), requestHeaders: [{ name: 'Origin', value: 'https://a.example' }] }).exchange;
    for (const requestHeaders of ['Origin', 'a\0b\0c', null, 7, [null], [{ name: 'Origin' }], [{ name: 'Origin', value: 1 }]]) {
      expect(storedExchange({ ...x, requestHeaders })).toBeNull();
    }
    expect(storedExchange({ ...x, redirects: [null] })).toBeNull();
    expect(storedExchange({ ...x, redirects: [{ url: 'https://h.example/', response: { status: 302, headers: 'x' } }] })).toBeNull();
    expect(storedExchange({ ...x, preflights: [{ url: 'https://p.example/', requestHeaders: {} }] })).toBeNull();
    expect(storedExchange({ ...x, response: { status: 200 } })).toBeNull();
    expect(storedExchange({ ...x, finalRequestHeaders: 'x' })).toBeNull();
    expect(storedExchange({ ...x, outcome: null })).toBeNull();
    expect(storedExchange({ ...x, preflights: 'x' })).toBeNull();
    expect(storedExchange('x')).toBeNull();
  });
});
