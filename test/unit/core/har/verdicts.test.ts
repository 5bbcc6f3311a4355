/**
 * The report carries verdicts the classifier can reproduce: Chrome's own HAR is judged like live
 * capture, and our report read back gives the very same verdicts (round trip).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import { buildHarReport, HarReadError, readHar } from '../../../../src/core/har';
import type { Exchange } from '../../../../src/core/model/exchange';
import { API, PAGE, exchange } from '../../../support/builder';
import { corsBlockErrors, harErrors } from './schema';
import { EN } from '../../../../src/core/i18n/catalogues';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/har/${name}`, import.meta.url), 'utf8');
const OPTS = { browser: { name: 'Chromium', version: '156' }, extensionVersion: '0.1.0' };
const cid = (url: string) => /cid=([^&]+)/.exec(url)?.[1] ?? url.split('/').pop()!;

/** A varied corpus: every outcome kind, preflights seen and cached, redirects, credentials, observers. */
const CORPUS: Record<string, Exchange> = {
  simple: exchange().response((r) => r.acao(PAGE)).build(),
  'missing ACAO': exchange().response((r) => r.status(200)).failed().build(),
  'server error without ACAO': exchange().response((r) => r.status(500)).failed().build(),
  'wildcard + cookie': exchange().cookie('sid=1').response((r) => r.acao('*')).failed().build(),
  'credentials without ACAC': exchange().cookie('sid=1').response((r) => r.acao(PAGE)).failed().build(),
  'credentials ok': exchange().cookie('sid=1').response((r) => r.acao(PAGE).acac('true')).build(),
  'two ACAO lines': exchange().response((r) => r.acao(PAGE).acao(PAGE)).failed().build(),
  'ACAO mismatch': exchange().response((r) => r.acao('http://other.test')).failed().build(),
  'invalid ACAO': exchange().response((r) => r.acao('foo')).failed().build(),
  'preflighted PUT': exchange().method('PUT').header('X-Trace', '1')
    .preflight((p) => p.acao(PAGE).acam('PUT').acah('x-trace')).response((r) => r.acao(PAGE)).build(),
  'preflight 404 without ACAO': exchange().method('DELETE').preflight((p) => p.status(404)).failed().build(),
  'preflight 500 with ACAO': exchange().method('DELETE').preflight((p) => p.status(500).acao(PAGE)).failed().build(),
  'method not allowed': exchange().method('PATCH').preflight((p) => p.acao(PAGE).acam('GET')).failed().build(),
  'header not allowed': exchange().header('X-Trace', '1').preflight((p) => p.acao(PAGE).acah('x-other')).failed().build(),
  'preflight redirected': exchange().method('PUT').preflight((p) => p.status(302).header('Location', `${API}/elsewhere`).acao(PAGE)).failed().build(),
  'preflight network error': exchange().method('PUT').preflight((p) => p.noResponse().error('net::ERR_FAILED')).failed('net::ERR_CONNECTION_REFUSED').build(),
  'cached preflight': exchange().method('PUT').response((r) => r.acao(PAGE)).build(),
  'no extraHeaders, failed': exchange().observer('chrome-basic').failed().build(),
  'no extraHeaders, PUT ok': exchange().observer('chrome-basic').method('PUT').response((r) => r.acao(PAGE)).build(),
  'redirect then tainted mismatch': exchange().to(`${API}/start`)
    .redirect((r) => r.to('http://127.0.0.1:4003/final').acao(PAGE)).response((r) => r.acao(PAGE)).failed().build(),
  'redirect hop without ACAO': exchange().to(`${API}/start`).redirect((r) => r.to(`${API}/next`)).failed().build(),
  'redirect with userinfo': exchange().to(`${API}/start`).redirect((r) => r.to('http://user:pw@127.0.0.1:4002/x').acao(PAGE)).failed().build(),
  'redirect ok': exchange().to(`${API}/start`).redirect((r) => r.to('http://127.0.0.1:4003/final').acao(PAGE)).response((r) => r.acao('null')).build(),
  'same origin': exchange().to(`${PAGE}/data`).response().build(),
  'no-cors image': exchange().type('image').mode('no-cors').response().build(),
  'network error': exchange().failed('net::ERR_CONNECTION_REFUSED').build(),
  pending: exchange().pending().build(),
  'sandboxed frame': exchange().from('null').response((r) => r.acao(PAGE)).failed().build(),
  'firefox blocked': exchange().observer('firefox').response((r) => r.status(200)).failed('NS_ERROR_DOM_BAD_URI').build(),
  'browser said the code': exchange().response((r) => r.status(200)).failed('net::ERR_FAILED', 'MissingAllowOriginHeader').build(),
};

const corpus = () => Object.entries(CORPUS).map(([name, x], i) => ({ name, entry: { exchange: { ...x, id: `x${i}` }, verdict: classify({ ...x, id: `x${i}` }), seq: i + 1, pageId: 'page-1' } }));

describe('Chrome DevTools\' own HAR export', () => {
  it('is classified with the verdicts and codes Chromium gave', () => {
    const expected = JSON.parse(fixture('chrome-devtools-export.expected.json')) as Record<string, { kind: string; code?: string }>;
    const { exchanges } = readHar(fixture('chrome-devtools-export.har'));
    const got = Object.fromEntries(exchanges.map((x) => {
      const v = classify(x);
      return [cid(x.url), v.kind === 'blocked' ? { kind: v.kind, code: v.reasons[0]?.code } : { kind: v.kind }];
    }));
    expect(got).toEqual(expected);
  });

  it('keeps its verdicts when written as our report and read back', () => {
    const { exchanges } = readHar(fixture('chrome-devtools-export.har'));
    const entries = exchanges.map((x, i) => ({ exchange: x, verdict: classify(x), seq: i }));
    const back = readHar(JSON.stringify(buildHarReport(entries, { ...OPTS, includeSensitive: false })));
    expect(back.exchanges.map((x) => classify(x))).toEqual(entries.map((e) => e.verdict));
  });
});

describe('round trip: report → readHar → classify', () => {
  it.each([false, true])('gives the same verdicts for every case (sensitive headers included: %s)', (includeSensitive) => {
    const entries = corpus();
    const text = JSON.stringify(buildHarReport(entries.map((c) => c.entry), { ...OPTS, includeSensitive }));
    const { exchanges, warnings } = readHar(text);
    expect(warnings).toEqual([]);
    expect(exchanges).toHaveLength(entries.length);
    const byId = new Map(exchanges.map((x) => [x.id, x]));
    for (const { name, entry } of entries) {
      const x = byId.get(entry.exchange.id);
      expect(x, name).toBeDefined();
      expect({ name, verdict: classify(x!) }).toEqual({ name, verdict: entry.verdict });
    }
  });

  it('the corpus covers every verdict kind and several reason codes (so the round trip means something)', () => {
    const verdicts = corpus().map((c) => c.entry.verdict);
    expect(new Set(verdicts.map((v) => v.kind))).toEqual(new Set(['simple', 'preflighted', 'blocked', 'same-origin', 'no-cors', 'network-error', 'pending', 'inconclusive']));
    expect(new Set(verdicts.flatMap((v) => v.reasons.slice(0, 1).map((r) => r.code))).size).toBeGreaterThanOrEqual(12);
  });

  it('writes each exchange\'s verdict and the browser\'s first reason on all its entries', () => {
    const entries = corpus();
    const har = buildHarReport(entries.map((c) => c.entry), { ...OPTS, includeSensitive: false });
    expect(harErrors(har)).toEqual([]);
    expect(corsBlockErrors(har)).toEqual([]);
    for (const e of har.log.entries) {
      const src = entries.find((c) => c.entry.exchange.id === (e._cors.preflightOf ?? e._cors.id))!.entry.verdict;
      expect(e._cors.verdict).toBe(src.kind);
      expect(e._cors.reasons.map((r) => r.code)).toEqual(src.reasons.map((r) => r.code));
    }
  });
});

describe('the _cors block', () => {
  it('follows its documented schema, which rejects renamed, unknown or missing fields', () => {
    const har = buildHarReport(corpus().map((c) => c.entry), { ...OPTS, includeSensitive: false });
    expect(corsBlockErrors(har)).toEqual([]);
    const broken = structuredClone(har) as unknown as { log: { entries: { _cors: Record<string, unknown> }[] } };
    broken.log.entries[0]!._cors.verdict = 'ok';
    broken.log.entries[1]!._cors.renamed = true;
    delete broken.log.entries[2]!._cors.credentials;
    const errors = corsBlockErrors(broken);
    expect(errors.some((e) => e.startsWith('entry 0 _cors/verdict'))).toBe(true);
    expect(errors).toContain('entry 1 _cors must NOT have additional properties');
    expect(errors).toContain("entry 2 _cors must have required property 'credentials'");
  });
});

describe('readHar never crashes', { timeout: 60_000 }, () => {
  it('on arbitrary JSON in the entries: it reads or warns, and the classifier judges what it read', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.anything(), fc.record({
      startedDateTime: fc.oneof(fc.constant('2026-11-21T20:00:00.000Z'), fc.string()),
      time: fc.oneof(fc.double(), fc.constant(-1), fc.string()),
      request: fc.record({ method: fc.oneof(fc.constantFrom('GET', 'PUT', 'OPTIONS'), fc.anything()), url: fc.oneof(fc.webUrl(), fc.string()), headers: fc.anything() }),
      response: fc.record({ status: fc.oneof(fc.integer({ min: -1, max: 600 }), fc.anything()), headers: fc.anything(), redirectURL: fc.oneof(fc.webUrl(), fc.anything()), _error: fc.anything() }),
      _resourceType: fc.oneof(fc.constantFrom('preflight', 'fetch', 'xhr'), fc.anything()),
      _initiator: fc.anything(),
      _cors: fc.anything(),
    }))), (entries) => {
      const { exchanges, warnings } = readHar(JSON.stringify({ log: { entries } }));
      // Nothing is dropped in silence: entries give exchanges, or warnings that say what was skipped.
      if (entries.length > 0) expect(exchanges.length + warnings.length).toBeGreaterThan(0);
      for (const x of exchanges) expect(EN.t(classify(x).headline).length).toBeGreaterThan(0);
    }), { numRuns: 300 });
  });

  it('on arbitrary text: a HarReadError or a result, nothing else', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
      try {
        readHar(text);
      } catch (err) {
        expect(err).toBeInstanceOf(HarReadError);
      }
    }), { numRuns: 300 });
  });
});

describe('a HAR recorded from Chromium 156 over every lab case (DevTools protocol events assembled as DevTools exports them)', () => {
  const expected = JSON.parse(fixture('chrome-lab-cdp.expected.json')) as Record<string, { kind: string; code: string | null; url: string }>;
  const { exchanges, warnings } = readHar(fixture('chrome-lab-cdp.har'));
  const tag = (url: string) => {
    const q = new URLSearchParams(url.split('?')[1] ?? '');
    return `${q.get('cid')}|${q.get('r')}`;
  };
  const queues = new Map<string, Exchange[]>();
  for (const x of exchanges) queues.set(tag(x.url), [...(queues.get(tag(x.url)) ?? []), x]);
  const subject = new Map(Object.entries(expected).map(([id, e]) => [id, queues.get(tag(e.url))?.shift()]));

  it('is read without a warning, every case present', () => {
    expect(warnings).toEqual([]);
    expect([...subject].filter(([, x]) => !x).map(([id]) => id)).toEqual([]);
  });

  it.each(Object.keys(expected))('%s: classified as Chromium decided, with its CORS error code', (id) => {
    const v = classify(subject.get(id)!);
    expect({ kind: v.kind, code: v.reasons[0]?.code ?? null }, EN.t(v.headline)).toEqual({ kind: expected[id]!.kind, code: expected[id]!.code });
  });
});
