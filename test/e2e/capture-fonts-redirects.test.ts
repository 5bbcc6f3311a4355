/**
 * What the capture records in real Chromium for two event shapes the webRequest event sequences in
 * test/unit/background/correlate/sequences.test.ts do not cover:
 * - a font (FontFace): Chromium first asks its cache alone (onErrorOccurred net::ERR_CACHE_MISS), then
 *   loads for real under a new requestId. CORS Lens must keep one exchange with the real outcome.
 * - a redirect Chromium refuses (userinfo in Location, a hop without ACAO): onHeadersReceived with the
 *   3xx, then onErrorOccurred, no onBeforeRedirect. The 3xx must be a hop not followed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getSnapshot, launch, openExtensionPage, openGallery, request, runCases, startLab, tabIdOf, until, type Lab, type Launched } from './support';
import type { ExchangeEntry } from '../../src/shared/protocol';

const CASES = ['font', 'font-blocked', 'redirect-userinfo', 'redirect-first-hop-no-acao'];
const NONCE = `capture-${Date.now().toString(36)}`;

let lab: Lab;
let browser: Launched;
let extPage: Page;
let byCase: Map<string, ExchangeEntry[]>;

beforeAll(async () => {
  lab = await startLab();
  browser = await launch();
  extPage = await openExtensionPage(browser.context, browser.extensionId);
  await request(extPage, 'set-settings', { paused: false, recordSameOrigin: false });
  const page = await browser.context.newPage();
  await openGallery(page, lab.galleryUrl);
  const tabId = await tabIdOf(extPage, `${lab.origins.page}/*`);
  await runCases(page, CASES, NONCE);
  const group = (entries: ExchangeEntry[]) => {
    const out = new Map<string, ExchangeEntry[]>();
    for (const e of entries) {
      const u = new URL(e.exchange.url);
      const cid = u.searchParams.get('cid');
      if (u.searchParams.get('r') !== NONCE || cid === null || !CASES.includes(cid)) continue;
      out.set(cid, [...(out.get(cid) ?? []), e]);
    }
    return out;
  };
  byCase = await until('every case recorded and classified', async () => {
    const m = group((await getSnapshot(extPage, tabId)).entries);
    return CASES.every((c) => (m.get(c) ?? []).some((e) => e.verdict.kind !== 'pending')) &&
      [...m.values()].flat().every((e) => e.verdict.kind !== 'pending') ? m : null;
  });
});

afterAll(async () => {
  await browser?.close();
  await lab?.close();
});

describe('fonts: the cache probe does not make a second exchange', () => {
  it.each([
    ['font', 'simple', null],
    ['font-blocked', 'blocked', 'MissingAllowOriginHeader'],
  ])('%s: one exchange, %s %s, ended by the real request', (id, kind, code) => {
    const list = byCase.get(id) ?? [];
    expect(list.map((e) => e.verdict.kind)).toEqual([kind]);
    const e = list[0]!;
    expect(e.exchange.type).toBe('font');
    expect(e.exchange.response?.status).toBe(200);
    expect(e.verdict.reasons[0]?.code ?? null).toBe(code);
    expect(JSON.stringify(e.exchange.outcome)).not.toContain('ERR_CACHE_MISS');
  });
});

describe('redirects Chromium refused', () => {
  it.each([
    ['redirect-userinfo', 'RedirectContainsCredentials'],
    ['redirect-first-hop-no-acao', 'MissingAllowOriginHeader'],
  ])('%s: the 3xx is a hop not followed, blocked %s at that hop', (id, code) => {
    const list = byCase.get(id) ?? [];
    expect(list).toHaveLength(1);
    const e = list[0]!;
    expect(e.exchange.response).toBeUndefined();
    expect(e.exchange.redirects).toHaveLength(1);
    expect(e.exchange.redirects[0]).toMatchObject({ followed: false, response: { status: 302 } });
    expect(e.verdict).toMatchObject({ kind: 'blocked', reasons: [{ code, step: { kind: 'redirect', index: 0 } }] });
  });
});
