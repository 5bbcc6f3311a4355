/** Issue 12: the stored record packs each header list into one string and gives back exactly what it packed. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Exchange, Header } from '../../../../src/core/model/exchange';
import { packExchange, unpackExchange } from '../../../../src/background/persist/record-codec';
import { exchange } from '../../../support/builder';

/** Any string: empty, unicode (lone surrogates too), the packing's own `|` and `,`, digits, line breaks, NUL. */
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

describe('record codec', () => {
  it('round-trips any exchange exactly, through structured clone, with every header list stored as one string', () => {
    fc.assert(fc.property(withHeaders, (x) => {
      const packed = packExchange(x);
      expect(typeof packed.requestHeaders).toBe('string');
      for (const p of packed.preflights) expect(typeof p.requestHeaders).toBe('string');
      for (const r of packed.redirects) expect(typeof r.response.headers).toBe('string');
      const back = unpackExchange(structuredClone(packed));
      // against a clone of x: fast-check's generated objects carry their own hidden properties
      expect(back).toStrictEqual(structuredClone(x));
    }), { numRuns: 500 });
  });

  it('a value holding the packing characters comes back whole', () => {
    const list: Header[] = [{ name: '1,2|', value: '3,4|x' }, { name: '', value: '' }, { name: 'a', value: '|' }];
    const x: Exchange = { ...exchange().build(), requestHeaders: list };
    expect(unpackExchange(packExchange(x))?.requestHeaders).toEqual(list);
  });

  it('a damaged record is refused, not misread', () => {
    const packed = packExchange({ ...exchange().build(), requestHeaders: [{ name: 'Origin', value: 'https://a.example' }] });
    for (const requestHeaders of ['6,17|Origin', 'x|y', '6|Origin', '6,-1|Origin', '6,17|Origin-https://a.example!']) {
      expect(unpackExchange({ ...packed, requestHeaders })).toBeNull();
    }
    expect(unpackExchange({ ...packed, redirects: [null as never] })).toBeNull();
  });
});
