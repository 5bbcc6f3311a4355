/**
 * Issue 12: a verdict is stored as a flat array (verdict-form.ts) and read back into the same verdict,
 * deeply equal with its keys in the same order, without classifying again: over the golden corpus,
 * over random exchanges judged by the real classifier (interrupted ones too), and over random messages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classify } from '../../../../src/core/classify/classify';
import type { Exchange } from '../../../../src/core/model/exchange';
import type { Verdict } from '../../../../src/core/model/verdict';
import type { Msg, MsgValue } from '../../../../src/core/i18n/msg';
import { safeClassify } from '../../../../src/background/correlate/verdicts';
import { fromStoredVerdict, toVerdictForm } from '../../../../src/background/persist/verdict-form';
import { storedVerdict, toRecord } from '../../../../src/background/persist/record';
import { exchange, API, PAGE } from '../../../support/builder';

/** The verdict as the log gives it back: the form through structured clone (what IndexedDB does), read. */
const roundTrip = (v: Verdict) => fromStoredVerdict(structuredClone(toVerdictForm(v)));

/** `v` read back exactly; `plain` is what it must equal (a generated verdict cloned: fast-check's objects carry hidden properties). */
function expectSame(v: Verdict, plain: Verdict = v): void {
  const back = roundTrip(v);
  // Node's own deep equality: vitest's takes an own key named `constructor` for the object's type.
  expect(isDeepStrictEqual(back, plain)).toBe(true);
  expect(JSON.stringify(back)).toBe(JSON.stringify(plain)); // the same keys in the same order
}

const corpus = fileURLToPath(new URL('../../../fixtures/exchanges/', import.meta.url));
const fixtures = readdirSync(corpus).filter((f) => f.endsWith('.json')).sort()
  .map((file) => [file, (JSON.parse(readFileSync(corpus + file, 'utf8')) as { exchange: Exchange }).exchange] as const);

const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', '*', 'null', PAGE, `${PAGE}/`, 'x'.repeat(5000)));
const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'patch', 'OPTIONS', 'HEAD');
const allowOrigin = fc.option(fc.constantFrom(PAGE, '*', 'null', `${PAGE}/`, 'http://other.test', `${PAGE}, ${PAGE}`), { nil: undefined });
const headerName = fc.constantFrom('Content-Type', 'X-Custom', 'Authorization', 'Range', 'Accept', 'Cookie', 'Sec-Fetch-Mode');
const headerValue = fc.oneof(text, fc.constantFrom('application/json', 'text/plain', 'bytes=0-1', 'cors', 'no-cors', 'same-origin'));

/** Random exchanges the builder makes: methods, headers, preflights, redirects, credentials, failures. */
const judgedExchange = fc.record({
  method,
  type: fc.constantFrom('xmlhttprequest', 'image', 'font', 'script', 'ping', 'other'),
  headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 4 }),
  cookie: fc.boolean(),
  preflight: fc.option(fc.record({
    acao: allowOrigin, acac: fc.option(fc.constantFrom('true', 'TRUE', 'false'), { nil: undefined }),
    acam: fc.option(fc.constantFrom('PUT', 'GET, PUT', '*', 'DELETE'), { nil: undefined }),
    acah: fc.option(fc.constantFrom('content-type', '*', 'x-custom', 'authorization'), { nil: undefined }),
    status: fc.constantFrom(200, 204, 301, 403, 500), error: fc.option(fc.constantFrom('net::ERR_FAILED'), { nil: undefined }),
  }), { nil: undefined }),
  redirect: fc.option(fc.record({ to: fc.constantFrom(`${API}/b`, 'http://u:p@127.0.0.1:4003/x', 'http://127.0.0.1:4003/y'), acao: allowOrigin }), { nil: undefined }),
  response: fc.option(fc.record({ status: fc.constantFrom(200, 204, 404, 500), acao: allowOrigin, acac: fc.option(fc.constantFrom('true', 'false'), { nil: undefined }) }), { nil: undefined }),
  end: fc.constantFrom('completed', 'failed', 'cors', 'pending', 'interrupted'),
}).map((g): Exchange => {
  const b = exchange().method(g.method).type(g.type as Exchange['type']);
  for (const [n, v] of g.headers) b.header(n, v);
  if (g.cookie) b.cookie('a=1');
  if (g.preflight) {
    const p = g.preflight;
    b.preflight((pb) => {
      pb.status(p.status);
      if (p.acao !== undefined) pb.acao(p.acao);
      if (p.acac !== undefined) pb.acac(p.acac);
      if (p.acam !== undefined) pb.acam(p.acam);
      if (p.acah !== undefined) pb.acah(p.acah);
      if (p.error !== undefined) pb.error(p.error);
      return pb;
    });
  }
  if (g.redirect) {
    const r = g.redirect;
    b.redirect((rb) => { rb.to(r.to); if (r.acao !== undefined) rb.acao(r.acao); return rb; });
  }
  if (g.response) {
    const r = g.response;
    b.response((rb) => { rb.status(r.status); if (r.acao !== undefined) rb.acao(r.acao); if (r.acac !== undefined) rb.acac(r.acac); return rb; });
  }
  if (g.end === 'failed') b.failed('net::ERR_CONNECTION_REFUSED');
  else if (g.end === 'cors') b.failed('net::ERR_FAILED');
  else if (g.end === 'pending' || g.end === 'interrupted') b.pending();
  else b.completed();
  const x = b.build();
  // Interrupted: resolved without its end (correlate/interrupted.ts); in flight: no end yet.
  if (g.end === 'interrupted') x.timings.end = x.timings.start + 10_000;
  if (g.end === 'pending') delete x.timings.end;
  return x;
});

/** Any message: nested values, numbers, empty and absent values, keys that are object properties. */
const msg: fc.Arbitrary<Msg> = fc.letrec<{ msg: Msg; value: MsgValue }>((tie) => ({
  msg: fc.record({
    id: text,
    values: fc.option(fc.dictionary(fc.oneof(text, fc.constantFrom('__proto__', 'constructor', 'length', '0')), tie('value'), { maxKeys: 4 }), { nil: undefined }),
  }, { requiredKeys: ['id'] }).map((r) => (r.values === undefined ? { id: r.id } : { id: r.id, values: r.values })),
  value: fc.oneof({ depthSize: 'small' }, text, fc.double(), fc.integer(), tie('msg')),
})).msg;

describe('stored verdict form', () => {
  it.each(fixtures)('reads back the verdict of %s exactly', (_file, x) => {
    expectSame(classify(x));
  });

  it('reads back the verdict of any exchange the classifier judged, interrupted and in-flight ones too', () => {
    const kinds = new Set<string>();
    fc.assert(fc.property(judgedExchange, (x) => {
      const v = safeClassify(classify, x);
      kinds.add(v.kind);
      expectSame(v);
    }), { numRuns: 1500 });
    // The generator reached the verdicts that matter, or the property would prove little.
    for (const k of ['simple', 'preflighted', 'blocked', 'network-error', 'no-cors', 'pending', 'inconclusive']) expect(kinds).toContain(k);
  });

  it('reads back any message tree, values in their order, numbers as numbers', () => {
    const base = classify(exchange().method('PUT').preflight((p) => p.acao(PAGE)).response((r) => r.acao('x')).failed().build());
    fc.assert(fc.property(msg, msg, fc.array(msg, { maxLength: 3 }), (headline, expected, notes) => {
      const v = { ...base, headline, notes, reasons: base.reasons.map((r) => ({ ...r, expected, firefoxMessage: null })) };
      expectSame(v, structuredClone(v));
    }), { numRuns: 500 });
  });

  it('a record holds the flat form; a verdict that is not whole is stored as it is', () => {
    const x = exchange().build();
    const v = classify(x);
    const form = toRecord(1, { exchange: x, seq: 1, pageId: 'pg', verdict: v }).verdict;
    expect(Array.isArray(form)).toBe(true);
    expect(storedVerdict(structuredClone(form))).toStrictEqual(v);
    const partial = { kind: 'simple' } as Verdict;
    expect(toRecord(1, { exchange: x, seq: 1, pageId: 'pg', verdict: partial }).verdict).toBe(partial);
  });

  it('a damaged form is refused, not read as a verdict', () => {
    const form = toVerdictForm(classify(exchange().method('PUT').preflight((p) => p.acao(PAGE)).response((r) => r.acao('x')).failed().build()));
    expect(fromStoredVerdict(form)).not.toBeNull();
    for (let n = 0; n < form.length; n++) expect(fromStoredVerdict(form.slice(0, n))).toBeNull(); // cut anywhere
    expect(fromStoredVerdict([...form, 'more'])).toBeNull();
    expect(fromStoredVerdict([2, ...form.slice(1)])).toBeNull(); // another layout
    const wrongType = [...form];
    wrongType[3] = 'yes'; // tainted
    expect(fromStoredVerdict(wrongType)).toBeNull();
    const plain: Verdict = {
      kind: 'simple', reasons: [], headline: { id: 'h' }, preflight: { required: false, why: [], observed: false, cached: false },
      credentials: { mode: 'unknown', basis: { id: 'b' } }, origin: null, tainted: false, status: null, notes: [],
    };
    const small = toVerdictForm(plain);
    expect(small).toEqual([1, 'simple', null, false, null, 'unknown', 'b', -1, 'h', -1, false, false, false, 0, 0, 0]);
    expect(fromStoredVerdict(small)).toStrictEqual(plain);
    for (const at of [13, 14, 15]) { // the why, notes and reasons counts
      const bad = [...small];
      bad[at] = 1e9;
      expect(fromStoredVerdict(bad)).toBeNull();
      bad[at] = -1;
      expect(fromStoredVerdict(bad)).toBeNull();
    }
    expect(storedVerdict('blocked')).toBeNull();
    expect(storedVerdict(null)).toBeNull();
  });
});
