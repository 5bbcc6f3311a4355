/**
 * No input, however malformed, makes `classify` throw; every answer is a well-formed verdict.
 * (Hangs would show as a test timeout; no timing is asserted.)
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classify } from '../../../../src/core/classify/classify';
import { REASONS } from '../../../../src/core/reasons';
import type { Exchange, Verdict } from '../../../../src/core/index';
import { exchange } from '../../../support/builder';
import { isMsg, type Msg } from '../../../../src/core/i18n/msg';
import { EN } from '../../../../src/core/i18n/catalogues';
import { missingIds } from './messages';

const KINDS = ['simple', 'preflighted', 'blocked', 'same-origin', 'no-cors', 'network-error', 'pending', 'inconclusive'];
const CODES = new Set(REASONS.map((r) => r.code));
const BIG = 'x'.repeat(100_000);

/** A sentence: a message whose ids (nested ones too) both catalogues have. */
function assertSentence(msg: Msg): void {
  expect(isMsg(msg)).toBe(true);
  expect(missingIds(msg)).toEqual([]);
}

function assertWellFormed(v: Verdict): void {
  expect(KINDS).toContain(v.kind);
  assertSentence(v.headline);
  expect(EN.t(v.headline).length).toBeGreaterThan(0);
  // The safety net in classify() must not be what kept it from throwing.
  expect(EN.t(v.headline)).not.toMatch(/^Not classified/);
  expect(Array.isArray(v.reasons)).toBe(true);
  for (const r of v.reasons) {
    expect(CODES.has(r.code)).toBe(true);
    assertSentence(r.summary);
    assertSentence(r.expected);
    expect(typeof r.chromeMessage).toBe('string');
    expect(['preflight', 'redirect', 'response']).toContain(r.step.kind);
  }
  expect(v.kind === 'blocked').toBe(v.reasons.length > 0);
  expect(typeof v.preflight.required).toBe('boolean');
  expect(typeof v.preflight.observed).toBe('boolean');
  expect(typeof v.preflight.cached).toBe('boolean');
  expect(Array.isArray(v.preflight.why)).toBe(true);
  for (const w of v.preflight.why) assertSentence(w.text);
  assertSentence(v.credentials.basis);
  expect(['include', 'omit', 'inferred-include', 'unknown']).toContain(v.credentials.mode);
  expect(v.origin === null || typeof v.origin === 'string').toBe(true);
  expect(typeof v.tainted).toBe('boolean');
  expect(v.status === null || typeof v.status === 'number').toBe(true);
  for (const n of v.notes) assertSentence(n);
  expect(() => JSON.stringify(v)).not.toThrow();
}

const text = fc.oneof(
  { weight: 4, arbitrary: fc.string() },
  { weight: 2, arbitrary: fc.string({ unit: 'binary' }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '*', '* ', 'null', 'true', 'TRUE', ',', ', ,', 'http://127.0.0.1:4001', 'http://127.0.0.1:4001/', BIG) },
);
const headerName = fc.oneof(
  fc.constantFrom(
    'Origin', 'Access-Control-Allow-Origin', 'access-control-allow-credentials', 'Access-Control-Allow-Methods', 'Access-Control-Allow-Headers',
    'Access-Control-Request-Method', 'Access-Control-Request-Headers', 'Sec-Fetch-Mode', 'Cookie', 'Content-Type', 'Range', 'Location', '',
    '__proto__', 'constructor', 'Accept-Language',
  ),
  fc.string({ unit: 'binary' }),
);
const header = fc.record({ name: headerName, value: text });
const headers = fc.array(header, { maxLength: 12 });
const url = fc.oneof(
  fc.webUrl(),
  fc.constantFrom('http://127.0.0.1:4002/api', 'http://127.0.0.1:4001/x', 'null', '', 'file:///x', 'http://[::1]/', 'http://u:p@h.test/', 'ftp://h/', BIG),
  fc.string({ unit: 'binary' }),
);
const status = fc.oneof(fc.integer({ min: 0, max: 999 }), fc.constantFrom(Number.NaN, -1, 1e12, 204, 302, 404));
const response = fc.record({ status, headers, ip: fc.option(fc.constantFrom('127.0.0.1', '::1', '10.0.0.1', 'garbage'), { nil: undefined }) }, { requiredKeys: ['status', 'headers'] });
const outcome = fc.oneof(
  fc.record({ state: fc.constant('completed' as const), status }),
  fc.record({ state: fc.constant('failed' as const), error: fc.oneof(text, fc.constantFrom('net::ERR_FAILED', 'NS_ERROR_DOM_BAD_URI', 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS', 'net::ERR_CONNECTION_REFUSED')), corsError: fc.option(fc.oneof(text, fc.constantFrom(...CODES)), { nil: undefined }) }, { requiredKeys: ['state', 'error'] }),
  fc.constant({ state: 'pending' as const }),
);
const exchangeArb = fc.record(
  {
    id: fc.string(),
    initiator: fc.option(fc.oneof(url, fc.constant('null')), { nil: undefined }),
    documentUrl: fc.option(url, { nil: undefined }),
    type: fc.oneof(fc.constantFrom('main_frame', 'sub_frame', 'xmlhttprequest', 'image', 'font', 'script', 'stylesheet', 'ping', 'websocket', 'other', 'media'), fc.string()),
    method: fc.oneof(fc.constantFrom('GET', 'POST', 'PUT', 'patch', 'OPTIONS', ''), fc.string()),
    url,
    requestHeaders: headers,
    redirects: fc.array(fc.record({ url, requestHeaders: fc.option(headers, { nil: undefined }), response, location: url, time: fc.integer() }, { requiredKeys: ['url', 'response', 'location', 'time'] }), { maxLength: 4 }),
    preflights: fc.array(fc.record({ url, requestHeaders: headers, response: fc.option(response, { nil: undefined }), error: fc.option(text, { nil: undefined }), start: fc.integer() }, { requiredKeys: ['url', 'requestHeaders', 'start'] }), { maxLength: 3 }),
    response: fc.option(response, { nil: undefined }),
    outcome,
    timings: fc.record({ start: fc.integer() }),
    observer: fc.record({
      browser: fc.constantFrom('chromium', 'firefox', 'unknown'),
      preflightsVisible: fc.boolean(),
      fullRequestHeaders: fc.boolean(),
      source: fc.constantFrom('webRequest', 'har', 'test'),
    }),
  },
  { requiredKeys: ['id', 'type', 'method', 'url', 'requestHeaders', 'redirects', 'preflights', 'outcome', 'timings', 'observer'] },
);

// Generous per-test limit: the machine is shared; a real hang still fails.
describe('classify never throws', { timeout: 60_000 }, () => {
  it('on structurally valid but hostile exchanges', () => {
    fc.assert(
      fc.property(exchangeArb, (ex) => {
        assertWellFormed(classify(ex as unknown as Exchange));
      }),
      { numRuns: 1000 },
    );
  });

  it('on arbitrary JSON values where an exchange is expected', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true, maxDepth: 4 }), (value) => {
        assertWellFormed(classify(value as Exchange));
      }),
      { numRuns: 1000 },
    );
  });

  it('on exchanges with fields of the wrong type', () => {
    const base = exchange().method('PUT').preflight((p) => p.acao('x')).response((r) => r.acao('y')).failed().build() as unknown as Record<string, unknown>;
    const keys = Object.keys(base);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.anything({ maxDepth: 2 }), (key, value) => {
        assertWellFormed(classify({ ...base, [key]: value } as unknown as Exchange));
      }),
      { numRuns: 800 },
    );
  });

  it('on 1,000 headers with 100 KB values, non-ASCII bytes and empty names', () => {
    const b = exchange().method('PUT');
    for (let i = 0; i < 1000; i++) b.header(i % 7 === 0 ? '' : `X-H${i}-\u00e9`, i % 3 === 0 ? BIG : `v\u0000\u00ff${i}`);
    const ex = b
      .preflight((p) => {
        for (let i = 0; i < 1000; i++) p.header('Access-Control-Allow-Headers', `x-h${i}`);
        return p.acao(BIG).acam(BIG);
      })
      .response((r) => r.acao(BIG))
      .failed()
      .build();
    const v = classify(ex);
    assertWellFormed(v);
    expect(v.kind).toBe('blocked');
  });

  it('on null, undefined and primitives', () => {
    for (const value of [null, undefined, 0, 'x', true, [], {}]) assertWellFormed(classify(value as unknown as Exchange));
  });
});
