/**
 * Validates the lab against Chromium itself: for every case in lab/cases.ts, Chromium's own verdict
 * (DevTools protocol) and the preflights that reached the lab server must be what the case says.
 * No extension is loaded: this is the ground truth the extension is later compared with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CdpRecorder, chromiumOutcomes, decided, launch, openGallery, runAllCases, startLab, type ChromiumOutcome, type GalleryRun, type Lab, type Launched, type LabCase } from './support';
import { FINDINGS_GROUP, preparedBefore, type FindingId } from '../../lab/cases';

let lab: Lab;
let browser: Launched;
let cases: LabCase[];
let run: GalleryRun;
let outcomes: Map<string, ChromiumOutcome>;

beforeAll(async () => {
  lab = await startLab();
  browser = await launch({ extension: null });
  const page = await browser.context.newPage();
  const recorder = await CdpRecorder.attach(browser.context, page);
  cases = await openGallery(page, lab.galleryUrl, recorder);
  run = await runAllCases(page);
  // Every subject request has ended in Chromium's eyes (finished or failed) before we judge.
  const current = () => chromiumOutcomes(cases, run.nonce, recorder, lab.log(), lab.origins.page);
  // Every subject request has been decided in Chromium's eyes before we judge; if one never is, the
  // per-case tests below say which.
  outcomes = await recorder
    .waitFor('every case\'s request to be decided', () => {
      const o = current();
      return o.size === cases.length && [...o.values()].every((x) => decided(x.request)) ? o : null;
    })
    .catch(() => current());
});

afterAll(async () => {
  await browser?.close();
  await lab?.close();
});

describe('lab cases agree with Chromium', () => {
  it('runs every case to completion in the page', () => {
    expect(run.results.map((r) => r.id)).toEqual(cases.map((c) => c.id));
    expect(run.results.filter((r) => r.detail === 'timed out in the page')).toEqual([]);
    const prepared = run.results.flatMap((r) => (r.prepared ?? []).map((p) => ({ id: r.id, ...p })));
    expect(prepared.filter((p) => p.detail === 'timed out in the page')).toEqual([]);
    expect(prepared.length).toBe(cases.reduce((n, c) => n + (c.prepare?.length ?? 0), 0));
  });

  it('covers every reason code the lab promises', () => {
    const codes = new Set(cases.map((c) => c.expect.code).filter(Boolean));
    expect([...codes].sort()).toEqual([
      'AllowOriginMismatch', 'HeaderDisallowedByPreflightResponse', 'InvalidAllowCredentials', 'InvalidAllowHeadersPreflightResponse',
      'InvalidAllowMethodsPreflightResponse', 'InvalidAllowOriginValue', 'MethodDisallowedByPreflightResponse', 'MissingAllowOriginHeader',
      'MultipleAllowOriginValues', 'PreflightAllowOriginMismatch', 'PreflightDisallowedRedirect', 'PreflightInvalidAllowCredentials',
      'PreflightInvalidAllowOriginValue', 'PreflightInvalidStatus', 'PreflightMissingAllowOriginHeader', 'PreflightMultipleAllowOriginValues',
      'PreflightWildcardOriginNotAllowed', 'RedirectContainsCredentials', 'WildcardOriginNotAllowed',
    ]);
  });

  it.each(buildCaseIds())('%s: Chromium decides what the case expects', (id) => {
    const c = cases.find((x) => x.id === id)!;
    const o = outcomes.get(id);
    expect(o, `no request seen for ${id}`).toBeDefined();
    expect(decided(o!.request), `Chromium never decided ${id}`).toBe(true);
    expect({ kind: o!.kind, code: o!.code ?? undefined, preflight: o!.preflight }).toEqual({
      kind: c.expect.kind, code: c.expect.code, preflight: c.expect.preflight,
    });
    // The server agrees with the protocol about preflights on the wire.
    if (c.expect.preflight === 'sent') expect(o!.optionsAtServer).toBeGreaterThanOrEqual(1);
    if (c.expect.preflight === 'none' && c.expect.kind !== 'network-error') expect(o!.optionsAtServer).toBe(0);
    // Served from Chromium's HTTP cache: only the preparation's requests to the URL reached the server.
    if (c.expect.fromCache !== undefined) {
      const atServer = lab.log().filter((l) => !l.preflight && l.url === o!.request.url).length;
      expect(atServer, 'requests to the subject URL at the server').toBe(preparedBefore(c) + (c.expect.fromCache ? 0 : 1));
    }
  });

  it('has a case producing every finding the lab can produce, and a clean twin in the same group', () => {
    const group = cases.filter((c) => c.group === FINDINGS_GROUP);
    expect(group.every((c) => c.findings !== undefined)).toBe(true);
    const produced = new Set(group.flatMap((c) => c.findings ?? []));
    // Not producible on plain-http loopback origins (lab/cases/findings.ts says why): insecure-origin-trusted,
    // public-suffix-origin-trusted.
    const expected: FindingId[] = ['cached-answer-for-other-origin', 'max-age-over-browser-cap', 'null-origin-allowed', 'origin-echo-without-vary',
      'origin-reflected', 'preflight-not-cached', 'private-network-broadly-allowed', 'wildcard-lists-with-credentials', 'wildcard-with-credentials'];
    expect([...produced].sort()).toEqual(expected);
    expect(group.filter((c) => c.findings!.length === 0).length).toBeGreaterThanOrEqual(expected.length);
    // Clean twins pass: a finding-free case that the browser blocked would prove nothing.
    for (const c of group.filter((x) => x.findings!.length === 0)) expect(['simple', 'preflighted'], c.id).toContain(c.expect.kind);
  });

  it('preflighted the same PUT five times without Max-Age, once with Max-Age 600', () => {
    const options = (id: string) => lab.log().filter((l) => l.preflight && l.url === outcomes.get(id)!.request.url).length;
    expect(options('finding-preflight-not-cached')).toBe(5);
    expect(options('finding-preflight-cached-clean')).toBe(1);
  });

  it('echoed three origins (two sites and null) at the reflecting endpoint, only the page at the allowlist one', () => {
    const origins = (id: string) => lab.log().filter((l) => !l.preflight && l.url === outcomes.get(id)!.request.url).map((l) => l.headers.origin);
    const o = lab.origins;
    expect(origins('finding-origin-reflected')).toEqual(['null', o.crossSite, o.page]);
    const page = (id: string) => run.results.find((r) => r.id === id)!;
    expect(page('finding-origin-reflected').prepared!.map((p) => p.ok)).toEqual([true, true]);
    expect(page('finding-origin-reflected-clean').prepared!.map((p) => p.ok)).toEqual([false, false]);
    expect(page('finding-origin-reflected-clean').ok).toBe(true);
  });

  it('served the second cached-preflight request without any OPTIONS', () => {
    const first = outcomes.get('preflight-cache-1')!;
    const second = outcomes.get('preflight-cache-2')!;
    expect(first.request.url).toBe(second.request.url);
    // One OPTIONS in total for the URL: the first request's.
    expect(first.optionsAtServer).toBe(1);
    const puts = lab.log().filter((l) => l.url === first.request.url && l.method === 'PUT');
    expect(puts).toHaveLength(2);
  });
});

/** Case ids for it.each, computed before the lab starts (ids do not depend on ports). */
function buildCaseIds(): string[] {
  return buildCasesForIds().map((c) => c.id);
}
import { buildCases } from './support';
function buildCasesForIds(): LabCase[] {
  const o = 'http://127.0.0.1:1';
  return buildCases({ page: o, api: o, third: o, closed: o });
}
