/**
 * Issue 12: the stored record holds the exchange as one flat array (or, when it holds a field that
 * form does not name, as an object), each header list joined into one string, and gives back exactly
 * what it stored.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

const corpusDir = fileURLToPath(new URL('../../../fixtures/exchanges/', import.meta.url));
const corpus = readdirSync(corpusDir).filter((f) => f.endsWith('.json')).sort()
  .map((file) => [file, (JSON.parse(readFileSync(corpusDir + file, 'utf8')) as { exchange: Exchange }).exchange] as const);

const judged = { kind: 'simple' } as Verdict;
const stored = (x: Exchange, verdict = judged) => structuredClone(toRecord(3, { exchange: x, seq: 7, pageId: 'pg', verdict }));
const hasNul = (l: Header[]) => l.some((h) => h.name.includes('\0') || h.value.includes('\0'));
/** An exchange with a field the flat form does not name: stored as an object, its lists joined. */
const withExtra = (x: Exchange) => ({ ...x, extra: 'kept' }) as Exchange;
/** A stored object exchange (the form a record falls back to). */
type Obj = Record<string, unknown>;
const asObject = (x: unknown) => x as Obj & { requestHeaders: unknown; preflights: Obj[]; redirects: { response: Obj }[] };

describe('stored record', () => {
  it('round-trips any exchange exactly, through structured clone, as one flat array whose lists without a NUL are strings', () => {
    fc.assert(fc.property(withHeaders, (x) => {
      const r = stored(x);
      expect(r).toMatchObject({ tabId: 3, id: x.id, seq: 7, pageId: 'pg', verdict: judged });
      expect(Array.isArray(r.exchange)).toBe(true);
      // No object in the form but a header list that holds a NUL (a list kept as it is).
      for (const cell of r.exchange as unknown[]) {
        if (typeof cell === 'object' && cell !== null) expect(Array.isArray(cell) && hasNul(cell as Header[])).toBe(true);
      }
      // against a clone of x: fast-check's generated objects carry their own hidden properties
      expect(storedExchange(r.exchange)).toStrictEqual(structuredClone(x));
    }), { numRuns: 500 });
  });

  it.each(corpus)('the golden corpus\' %s is stored flat and comes back exactly', (_file, x) => {
    const r = stored(x);
    expect(Array.isArray(r.exchange)).toBe(true);
    expect(storedExchange(r.exchange)).toStrictEqual(x);
  });

  it('an exchange with a field the flat form does not name is stored as an object, each list without a NUL as one string', () => {
    fc.assert(fc.property(withHeaders, (plain) => {
      const x = withExtra(plain);
      const r = stored(x);
      expect(Array.isArray(r.exchange)).toBe(false);
      const o = asObject(r.exchange);
      expect(typeof o.requestHeaders).toBe(hasNul(x.requestHeaders) ? 'object' : 'string');
      for (const [i, p] of o.preflights.entries()) expect(typeof p.requestHeaders).toBe(hasNul(x.preflights[i]!.requestHeaders) ? 'object' : 'string');
      for (const [i, h] of o.redirects.entries()) expect(typeof h.response.headers).toBe(hasNul(x.redirects[i]!.response.headers) ? 'object' : 'string');
      expect(storedExchange(r.exchange)).toStrictEqual(structuredClone(x));
    }), { numRuns: 300 });
  });

  it('a field set to undefined, or one the form does not name anywhere in the exchange, keeps the exchange an object', () => {
    const base = exchange().method('PUT').preflight((p) => p.acao('x')).redirect((h) => h.to('https://h.example/')).response((r) => r.acao('y')).failed().build();
    expect(Array.isArray(stored(base).exchange)).toBe(true);
    const variants: Exchange[] = [
      { ...base, initiator: undefined },
      { ...base, timings: { ...base.timings, extra: 1 } as Exchange['timings'] },
      { ...base, observer: { ...base.observer, extra: 1 } as Exchange['observer'] },
      { ...base, outcome: { ...base.outcome, extra: 1 } as unknown as Exchange['outcome'] },
      { ...base, response: { ...base.response!, extra: 1 } as Exchange['response'] },
      { ...base, preflights: [{ ...base.preflights[0]!, extra: 1 } as Exchange['preflights'][number]] },
      { ...base, redirects: [{ ...base.redirects[0]!, extra: 1 } as Exchange['redirects'][number]] },
      { ...base, outcome: { state: 'odd' } as unknown as Exchange['outcome'] },
    ];
    for (const x of variants) {
      const r = stored(x);
      expect(Array.isArray(r.exchange)).toBe(false);
      expect(storedExchange(r.exchange)).toStrictEqual(x);
    }
  });

  it('an exchange in flight is stored without a verdict', () => {
    expect('verdict' in stored(exchange().build(), { kind: 'pending' } as Verdict)).toBe(false);
  });

  it('a value holding the join\'s NUL, or nothing at all, comes back whole, in either form', () => {
    for (const list of [
      [{ name: '1,2|', value: '3,4|x' }, { name: '', value: '' }, { name: 'a', value: '|' }],
      [{ name: 'X', value: 'a\0b' }, { name: '', value: '' }],
      [{ name: '', value: '' }],
    ] satisfies Header[][]) {
      const x = { ...exchange().build(), requestHeaders: list };
      expect(storedExchange(stored(x).exchange)?.requestHeaders).toEqual(list);
      expect(storedExchange(stored(withExtra(x)).exchange)?.requestHeaders).toEqual(list);
    }
  });

  it('a damaged object record is refused, not misread', () => {
    const x = asObject(stored(withExtra({ ...exchange().build(), requestHeaders: [{ name: 'Origin', value: 'https://a.example' }] })).exchange);
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

  it('a damaged flat record is refused, not misread', () => {
    const x = exchange().method('PUT').preflight((p) => p.acao('x')).redirect((h) => h.to('https://h.example/')).response((r) => r.acao('y')).failed().build();
    const form = stored(x).exchange as unknown[];
    expect(storedExchange(form)).toStrictEqual(x);
    for (let n = 0; n < form.length; n++) expect(storedExchange(form.slice(0, n))).toBeNull(); // cut anywhere
    expect(storedExchange([...form, 'more'])).toBeNull();
    expect(storedExchange([2, ...form.slice(1)])).toBeNull(); // another layout
    for (const [at, bad] of [[1, 7], [7, 'a\0b\0c'], [7, [{ name: 'Origin' }]], [7, null]] as const) {
      const damaged = [...form];
      damaged[at] = bad; // the id; the request's header list
      expect(storedExchange(damaged)).toBeNull();
    }
  });
});
