/**
 * Validates the lab against Chromium itself: for every case in lab/cases.ts, Chromium's own verdict
 * (DevTools protocol) and the preflights that reached the lab server must be what the case says.
 * No extension is loaded: this is the ground truth the extension is later compared with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CdpRecorder, chromiumOutcomes, decided, launch, openGallery, runAllCases, startLab, type ChromiumOutcome, type GalleryRun, type Lab, type Launched, type LabCase } from './support';

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
