/**
 * Issue 3 §4: CORS Lens agrees with Chromium. Every lab case runs in real Chromium with dist/ loaded;
 * Chromium's own verdict comes from the DevTools protocol in the same run, CORS Lens's from its store.
 * For each case the verdict kind and the first reason code must be Chromium's, and a passing request
 * must be told apart as simple or preflighted (a cached preflight counts as preflighted).
 */
import { EN } from '../../src/core/i18n/catalogues';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCases, launch, runAgreement, startLab, extensionPreflight, type AgreementRun, type Lab, type Launched } from './support';

let lab: Lab;
let browser: Launched;
let result: AgreementRun;

beforeAll(async () => {
  lab = await startLab();
  browser = await launch();
  result = await runAgreement(browser, lab);
});

afterAll(async () => {
  await browser?.close();
  await lab?.close();
});

const all = buildCases({ page: 'http://127.0.0.1:1', api: 'http://127.0.0.1:2', third: 'http://127.0.0.1:3', closed: 'http://127.0.0.1:4' });
const ids = all.map((c) => c.id);
/** Preparation requests some cases make before their subject (lab/case-types.ts): recorded in the tab too. */
const prepared = all.reduce((n, c) => n + (c.prepare?.length ?? 0), 0);

describe('CORS Lens agrees with Chromium on every lab case', () => {
  it.each(ids)('%s', (id) => {
    const row = result.rows.find((r) => r.kase.id === id)!;
    expect(row.chromium, `Chromium never reported ${id}`).toBeDefined();
    expect(row.entry, `CORS Lens recorded nothing for ${id}`).toBeDefined();
    const chromium = row.chromium!;
    const v = row.entry!.verdict;
    const ours = {
      kind: v.kind,
      code: v.reasons[0]?.code ?? null,
      preflight: v.kind === 'simple' || v.kind === 'preflighted' ? extensionPreflight(row.entry!) : null,
    };
    const theirs = {
      kind: chromium.kind,
      code: chromium.kind === 'blocked' ? chromium.code : null,
      preflight: chromium.kind === 'simple' || chromium.kind === 'preflighted' ? chromium.preflight : null,
    };
    expect(ours, `CORS Lens said: ${EN.t(v.headline)}`).toEqual(theirs);
  });

  it('records each case exactly once in the tab\'s log', async () => {
    const { getSnapshot } = await import('./support');
    const snap = await getSnapshot(result.extPage, result.tabId);
    const urls = snap.entries.map((e) => e.exchange.url).filter((u) => new URL(u).searchParams.get('r') === result.run.nonce);
    // The two cached-preflight cases share one URL; every other case has its own, plus its preparation requests.
    expect(urls.length).toBe(ids.length + prepared);
  });
});
