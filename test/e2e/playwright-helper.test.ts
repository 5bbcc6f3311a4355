/**
 * The Playwright helper (src/playwright, shipped as `cors-lens/playwright`) on the lab, in real Chromium with no
 * extension loaded: attached to the gallery's page, it must judge every case as the case expects (the lab's
 * ground truth, checked against Chromium by lab-ground-truth.test.ts) and as Chromium's own corsErrorStatus says,
 * with the raw request headers (Origin included); `expectNoCorsErrors` must fail on the gallery with the
 * explanation and fix of a blocked case, and pass on a page whose requests all pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachCorsLens, type CorsLens, type CorsVerdict } from '../../src/playwright';
import { buildCases, launch, openGallery, runAllCases, runCases, startLab, subjectsByCase, type GalleryRun, type Lab, type LabCase, type Launched } from './support';

let lab: Lab;
let browser: Launched;
let lens: CorsLens;
let cases: LabCase[];
let run: GalleryRun;
let subjects: Map<string, CorsVerdict>;

const hasHeader = (headers: { name: string }[], name: string) => headers.some((h) => h.name.toLowerCase() === name);

beforeAll(async () => {
  lab = await startLab();
  browser = await launch({ extension: null });
  const page = await browser.context.newPage();
  lens = await attachCorsLens(page);
  cases = await openGallery(page, lab.galleryUrl);
  run = await runAllCases(page);
  // The protocol's events may trail the page's own account of its requests: wait until every case's request is seen.
  const all = await lens.waitFor((xs) => subjectsByCase(cases, run.nonce, xs, (x) => x.url).size === cases.length, { timeoutMs: 60_000 });
  subjects = subjectsByCase(cases, run.nonce, all, (x) => x.url);
});

afterAll(async () => {
  await lens?.detach();
  await browser?.close();
  await lab?.close();
});

const ids = buildCases({ page: 'http://127.0.0.1:1', api: 'http://127.0.0.1:2', third: 'http://127.0.0.1:3', closed: 'http://127.0.0.1:4' }).map((c) => c.id);

describe('attachCorsLens on the lab gallery', () => {
  it.each(ids)('%s: the verdict and code the case expects, and the code Chromium reported', (id) => {
    const kase = cases.find((c) => c.id === id)!;
    const v = subjects.get(id);
    expect(v, `the helper saw no request for ${id}`).toBeDefined();
    expect({ kind: v!.kind, code: v!.code ?? undefined }, v!.headline).toEqual({ kind: kase.expect.kind, code: kase.expect.code });
    expect(v!.chromiumCode ?? undefined, 'Chromium\'s own corsErrorStatus').toBe(kase.expect.code);
    // The raw request headers, Origin included, of a request CORS governed (on the request, or on its preflight).
    // (A response from Chromium's HTTP cache has no raw headers: nothing went on the wire.)
    if (['simple', 'preflighted', 'blocked'].includes(kase.expect.kind) && kase.expect.fromCache !== true) {
      const x = v!.exchange;
      const sent = [x.requestHeaders, x.finalRequestHeaders ?? [], ...x.redirects.map((r) => r.requestHeaders ?? []), ...x.preflights.map((p) => p.requestHeaders)];
      expect(sent.some((headers) => hasHeader(headers, 'origin')), 'Origin was recorded').toBe(true);
    }
    if (kase.expect.preflight === 'sent') expect(v!.exchange.preflights.length, 'the preflight was recorded').toBeGreaterThan(0);
    if (kase.expect.kind === 'blocked') {
      expect(v!.explanation).toBeTruthy();
      expect(v!.fix.summary).toBeTruthy();
    }
  });

  it('lists only requests CORS governs in verdicts(), and every request in exchanges()', async () => {
    const verdicts = await lens.verdicts();
    const exchanges = await lens.exchanges();
    expect(verdicts.some((v) => v.kind === 'same-origin')).toBe(false);
    expect(exchanges.some((v) => v.kind === 'same-origin')).toBe(true);
    expect(verdicts.length).toBe(exchanges.filter((v) => v.kind !== 'same-origin').length);
  });

  it('fails expectNoCorsErrors on the gallery with the URL, code, explanation and fix of a blocked request', async () => {
    const missing = [...subjects.values()].find((v) => v.code === 'MissingAllowOriginHeader' && v.method === 'GET')!;
    expect(missing, 'a GET blocked for a missing Access-Control-Allow-Origin').toBeDefined();
    const error = await lens.expectNoCorsErrors().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    const blocked = [...subjects.values()].filter((v) => v.kind === 'blocked').length;
    expect(message.split('\n')[0]).toMatch(/^CORS Lens: \d+ requests were blocked by CORS\.$/);
    expect(Number(/(\d+) requests/.exec(message)![1])).toBeGreaterThanOrEqual(blocked);
    expect(message).toContain(`GET ${missing.url}\n   Code: MissingAllowOriginHeader\n   ${missing.headline}\n   Why: ${missing.explanation}`);
    expect(message).toContain(`Fix: ${missing.fix.summary}`);
    expect(missing.fix.steps.flatMap((s) => s.headers).some((h) => h.startsWith('Access-Control-Allow-Origin: '))).toBe(true);
    for (const line of missing.fix.steps.flatMap((s) => s.headers)) expect(message).toContain(line);
  });

  it('says it in French when asked', async () => {
    const fr = (await lens.verdicts({ lang: 'fr' })).find((v) => v.code === 'MissingAllowOriginHeader' && v.method === 'GET')!;
    const message = await lens.expectNoCorsErrors({ lang: 'fr' }).then(() => '', (e: unknown) => (e as Error).message);
    expect(message).toMatch(/^CORS Lens\u00a0: \d+ requêtes ont été bloquées par CORS\./);
    expect(message).toContain(`Pourquoi\u00a0: ${fr.explanation}`);
    expect(message).toContain(`Correctif\u00a0: ${fr.fix.summary}`);
  });

  it('passes expectNoCorsErrors on a page whose requests all pass', async () => {
    const passing = cases.filter((c) => ['simple', 'preflighted'].includes(c.expect.kind) && !c.prepare?.length).map((c) => c.id);
    expect(passing.length).toBeGreaterThan(5);
    // A browser of its own: the gallery's run above filled this one's caches.
    const fresh = await launch({ extension: null });
    const page = await fresh.context.newPage();
    const clean = await attachCorsLens(page);
    try {
      await openGallery(page, lab.galleryUrl);
      // (The page's own account is not asserted: the lab's font is not a font, so FontFace rejects it after CORS passed.)
      await runCases(page, passing, `${run.nonce}-clean`);
      const chosen = cases.filter((c) => passing.includes(c.id));
      const bySubject = () => clean.waitFor((xs) => subjectsByCase(chosen, `${run.nonce}-clean`, xs, (x) => x.url).size === passing.length);
      const seen = subjectsByCase(chosen, `${run.nonce}-clean`, await bySubject(), (x) => x.url);
      const wrong = chosen.filter((c) => seen.get(c.id)?.kind !== c.expect.kind);
      expect(wrong.map((c) => `${c.id}: ${seen.get(c.id)?.kind}: ${seen.get(c.id)?.headline}`)).toEqual([]);
      await expect(clean.expectNoCorsErrors()).resolves.toBeUndefined();
    } finally {
      await clean.detach();
      await fresh.close();
    }
  });
});
