/** The security and cost lens in the report: `_cors.findings` on entries, the summary in `_corsLens`, secrets redacted. */
import { describe, expect, it } from 'vitest';
import { buildHarReport, readHar, REDACTED, type HarEntry } from '../../../../../src/core/har';
import { classify } from '../../../../../src/core/classify/classify';
import { findingsOf, preflightCost } from '../../../../../src/core/findings';
import type { Exchange } from '../../../../../src/core/model/exchange';
import { exchange } from '../../../../support/builder';
import { corsBlockErrors, corsLensErrors, harErrors } from '../schema';
import { EN } from '../../../../../src/core/i18n/catalogues';
import { m } from '../../../../../src/core/i18n/msg';

const APP = 'https://app.example.com';
const API = 'https://api.example.com';
const T0 = 1_700_000_000_000;
const OPTS = { includeSensitive: false, browser: { name: 'Chromium', version: '156.0.7500.1' }, extensionVersion: '0.1.0', now: new Date(T0 + 60_000) };
const SECRET = 'sid=s3cr3t-value';

const entry = (x: Exchange, seq = 0) => ({ exchange: x, verdict: classify(x), seq, pageId: 'page-1' });

/** A PUT preflighted at `at` ms for `ms` ms, no Max-Age (so preflighted again and again). */
function put(id: string, at: number, ms: number): Exchange {
  const x = exchange().id(id).method('PUT').from(APP).to(`${API}/items/1`)
    .preflight((p) => p.acao(APP).acam('PUT').header('Vary', 'Origin'))
    .response((r) => r.acao(APP).header('Vary', 'Origin')).build();
  x.timings.start = T0 + at;
  x.preflights[0]!.start = T0 + at;
  x.preflights[0]!.end = T0 + at + ms;
  return x;
}

function log(): ReturnType<typeof entry>[] {
  return [
    entry(exchange().id('n').from('null').cookie(SECRET).header('Authorization', 'Bearer tok-123456').to(`${API}/me`).response((r) => r.acao('null').acac('true')).build(), 1),
    entry(exchange().id('e').from(APP).to(`${API}/echo`).response((r) => r.acao(APP)).build(), 2),
    entry(exchange().id('m').method('PUT').from(APP).to(`${API}/cap`).preflight((p) => p.acao(APP).acam('PUT').header('Access-Control-Max-Age', '86400'))
      .response((r) => r.acao(APP).header('Vary', 'Origin')).build(), 3),
    entry(exchange().id('ok').from(APP).to(`${API}/fine`).response((r) => r.acao(APP).header('Vary', 'Origin')).build(), 4),
    ...[0, 1000, 2000, 3000].map((at, i) => entry(put(`p${i}`, at, 20 + i * 10), 5 + i)),
  ];
}

const byId = (har: { log: { entries: HarEntry[] } }, id: string) => har.log.entries.filter((e) => e._cors.id === id || e._cors.preflightOf === id);

describe('findings in the report', () => {
  it('puts each finding on the entry its evidence cites, as the core found it, and the report stays valid HAR 1.2', () => {
    const input = log();
    const found = findingsOf(input);
    const har = buildHarReport(input, OPTS);
    expect(harErrors(har)).toEqual([]);
    expect(corsBlockErrors(har)).toEqual([]);
    expect(corsLensErrors(har)).toEqual([]);

    const [nEntry] = byId(har, 'n');
    const nFinding = found.find((f) => f.id === 'null-origin-allowed')!;
    expect(nEntry!._cors.findings).toEqual([{
      id: 'null-origin-allowed', severity: 'high', title: EN.t(nFinding.title), summary: EN.t(nFinding.summary),
      evidence: nFinding.evidence.filter((e) => e.exchangeId === 'n'),
    }]);
    expect(byId(har, 'e')[0]!._cors.findings?.map((f) => f.id)).toEqual(['origin-echo-without-vary']);
    expect(byId(har, 'ok')[0]!._cors).not.toHaveProperty('findings');

    // Max-Age over the cap is evidence on the preflight entry, not on the request.
    const [req, pre] = byId(har, 'm');
    expect(req!._cors.role).toBe('request');
    expect(req!._cors.findings?.some((f) => f.id === 'max-age-over-browser-cap')).toBeFalsy();
    expect(pre!._cors.findings?.map((f) => f.id)).toContain('max-age-over-browser-cap');
    expect(pre!._cors.findings?.find((f) => f.id === 'max-age-over-browser-cap')!.evidence[0]).toMatchObject({
      exchangeId: 'm', step: { kind: 'preflight', index: 0 }, header: 'Access-Control-Max-Age', value: '86400',
    });

    // Every finding of the log sits on at least one entry of each exchange whose evidence it carries.
    for (const f of found) {
      const ids = new Set(f.evidence.map((e) => e.exchangeId));
      for (const id of ids) expect(byId(har, id).some((e) => e._cors.findings?.some((g) => g.id === f.id)), `${f.id} on ${id}`).toBe(true);
    }
  });

  it('summarises the findings and the preflight cost in _corsLens', () => {
    const input = log();
    const found = findingsOf(input);
    const cost = preflightCost(input);
    const lens = buildHarReport(input, OPTS).log._corsLens;
    expect(lens.findings!.total).toBe(found.length);
    expect(lens.findings!.counts).toEqual({ high: 1, medium: 0, low: expect.any(Number), info: expect.any(Number) });
    expect(lens.findings!.counts.high + lens.findings!.counts.medium + lens.findings!.counts.low + lens.findings!.counts.info).toBe(found.length);
    expect(lens.findings!.items.map((f) => [f.id, f.severity, f.endpoint])).toEqual(found.map((f) => [f.id, f.severity, f.endpoint]));
    expect(lens.findings!.items.map((f) => f.id)).toContain('preflight-not-cached');
    const items = lens.preflightCost!;
    expect(items.map((c) => c.endpoint)).toEqual(cost.map((c) => c.endpoint));
    const items1 = items.find((c) => c.endpoint === `${API}/items/1`)!;
    expect(items1).toMatchObject({
      preflights: 4, waitedMs: { total: 20 + 30 + 40 + 50, median: 35, timed: 4 },
      maxAge: { sent: null, appliedSeconds: 5, treatment: 'default', cap: 7200, browser: 'chromium' },
      saved: { preflights: 3, ms: 30 + 40 + 50 }, exchangeIds: ['p0', 'p1', 'p2', 'p3'],
    });
  });

  it('an empty or clean log has zero findings and no _cors.findings', () => {
    const clean = buildHarReport([entry(exchange().id('ok').from(APP).to(`${API}/fine`).response((r) => r.acao(APP).header('Vary', 'Origin')).build())], OPTS);
    expect(clean.log._corsLens.findings).toEqual({ counts: { high: 0, medium: 0, low: 0, info: 0 }, total: 0, items: [] });
    expect(clean.log._corsLens.preflightCost).toEqual([]);
    expect(clean.log.entries.every((e) => !('findings' in e._cors))).toBe(true);
    expect(corsLensErrors(clean)).toEqual([]);
  });

  it('never quotes a Cookie, Set-Cookie or Authorization value unless the export includes sensitive headers', () => {
    // The null origin trusted with credentials, on a request that sent a cookie and a token and got a Set-Cookie back.
    const x = exchange().id('s').from('null').cookie(SECRET).header('Authorization', 'Bearer tok-123456').to(`${API}/me`)
      .response((r) => r.acao('null').acac('true').header('Set-Cookie', 'session=set-c00kie-val; Path=/')).build();
    const redacted = JSON.stringify(buildHarReport([entry(x)], OPTS));
    for (const secret of [SECRET, 'tok-123456', 'set-c00kie-val']) expect(redacted).not.toContain(secret);
    expect(JSON.parse(redacted).log._corsLens.findings.total).toBeGreaterThan(0);
    const kept = JSON.stringify(buildHarReport([entry(x)], { ...OPTS, includeSensitive: true }));
    expect(kept).toContain(SECRET);
  });

  it('keeps 3,000 distinct tokens out of a report whose every entry carries a finding', () => {
    const list = Array.from({ length: 3000 }, (_, i) => entry(exchange().id(`t${i}`).from('null').header('Authorization', `Bearer token-${i}-xyz`)
      .cookie(`sid=cookie-${i}-xyz`).to(`${API}/me`).response((r) => r.acao('null').acac('true')).build(), i));
    const har = buildHarReport(list, OPTS);
    expect(har.log.entries.filter((e) => e._cors.findings?.some((f) => f.id === 'null-origin-allowed'))).toHaveLength(3000);
    expect(JSON.stringify(har)).not.toMatch(/token-\d+-xyz|cookie-\d+-xyz/);
  });

  it('redacts evidence of a sensitive header and scrubs a secret out of the sentences', async () => {
    const { entryFindings, reportLens } = await import('../../../../../src/core/har/write/findings');
    const x = exchange().id('c').from('null').cookie(SECRET).to(`${API}/me`).response((r) => r.acao('null').acac('true')).build();
    const lens = reportLens([entry(x)], false, EN);
    const f = lens.findings[0]!;
    // A finding whose evidence cites the Cookie header and whose summary quotes it (no rule does so today: the guard must hold anyway).
    f.evidence = [{ exchangeId: 'c', step: { kind: 'response' }, header: 'Cookie', value: SECRET }, { exchangeId: 'c', step: { kind: 'response' }, header: 'X-Echo', value: `was ${SECRET}` }];
    f.summary = m('common_text', { text: `Sent ${SECRET}.` });
    const [out] = entryFindings(lens, x, { kind: 'response' }, true)!;
    expect(out!.evidence.map((e) => e.value)).toEqual([REDACTED, `was ${REDACTED}`]);
    expect(out!.summary).toBe(`Sent ${REDACTED}.`);
    const open = reportLens([entry(x)], true, EN);
    open.findings[0]!.evidence = [{ exchangeId: 'c', step: { kind: 'response' }, header: 'Cookie', value: SECRET }];
    expect(entryFindings(open, x, { kind: 'response' }, true)![0]!.evidence[0]!.value).toBe(SECRET);
  });

  it('the schemas reject an unknown severity or a malformed cost (so a pass means something)', () => {
    const har = buildHarReport(log(), OPTS);
    const broken = structuredClone(har);
    broken.log.entries.find((e) => e._cors.findings)!._cors.findings![0]!.severity = 'critical' as 'high';
    (broken.log._corsLens.preflightCost![0]!.maxAge as { treatment: string }).treatment = 'forever';
    expect(corsBlockErrors(broken).join('\n')).toMatch(/findings\/0\/severity must be equal to one of the allowed values/);
    expect(corsLensErrors(broken).join('\n')).toMatch(/preflightCost\/0\/maxAge\/treatment must be equal to one of the allowed values/);
  });

  it('reads back: the new fields are accepted and the exchanges and verdicts survive the round trip', () => {
    const input = log();
    const har = buildHarReport(input, OPTS);
    const back = readHar(JSON.stringify(har));
    expect(back.ours).toBe(true);
    expect(back.warnings).toEqual([]);
    const read = back.exchanges.map((x) => entry(x));
    expect(read.map((e) => e.exchange.id).sort()).toEqual(input.map((e) => e.exchange.id).sort());
    for (const e of read) expect(e.verdict.kind).toBe(input.find((i) => i.exchange.id === e.exchange.id)!.verdict.kind);
    // The findings of what was read back are the findings that were written.
    const again = findingsOf(read);
    expect(again.map((f) => [f.id, f.severity, f.endpoint])).toEqual(findingsOf(input).map((f) => [f.id, f.severity, f.endpoint]));
  });
});
