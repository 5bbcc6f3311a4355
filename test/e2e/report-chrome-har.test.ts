/**
 * Chrome's own HAR, judged like live capture. Every lab case runs in Chromium with dist/ loaded while
 * this test records the page's DevTools protocol network events (page, out-of-process frames and
 * workers) and assembles them into a HAR the way DevTools' "Export HAR" does: one entry per hop, raw
 * request/response headers from the *ExtraInfo events, preflights as `_resourceType: "preflight"`
 * entries whose `_initiator` points at their request, `_error` from loadingFailed. `readHar` +
 * `classify` must then give, for every case, the verdict CORS Lens gave live, and the CORS error code
 * Chromium reported. With UPDATE_HAR_FIXTURE=1 the HAR is also saved as a unit-test fixture.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EN } from '../../src/core/i18n/catalogues';
import { classify } from '../../src/core/classify/classify';
import { readHar } from '../../src/core/har';
import type { Exchange } from '../../src/core/model/exchange';
import type { ExchangeEntry } from '../../src/shared/protocol';
import { harErrors } from '../unit/core/har/schema';
import {
  buildCases, DevtoolsLog, getSnapshot, launch, withNonce, openExtensionPage, openGallery, request, runAllCases, startLab, subjectsByCase, tabIdOf, until,
  type Hop, type Lab, type LabCase, type Launched,
} from './support';

let lab: Lab;
let browser: Launched;
let cases: LabCase[];
let live: Map<string, ExchangeEntry>;
let fromHar: Map<string, Exchange>;
let chromiumCodes: Map<string, string | null>;
let harText: string;
let warnings: string[];

beforeAll(async () => {
  lab = await startLab();
  browser = await launch();
  const extPage = await openExtensionPage(browser.context, browser.extensionId);
  await request(extPage, 'set-settings', { recordSameOrigin: true, paused: false });
  const page = await browser.context.newPage();
  const devtools = await DevtoolsLog.attach(browser.context, page);
  cases = await openGallery(page, lab.galleryUrl);
  await devtools.waitFor('the gallery\'s worker to report to DevTools', () => devtools.workers.size > 0);
  const tabId = await tabIdOf(extPage, `${lab.origins.page}/*`);
  const run = await runAllCases(page);

  // A preflight may be announced before its request, and one refused without a response is typed 'Preflight' only
  // when it fails: its initiator says what it is from the start.
  const mains = () => devtools.hops.filter((h) => h.initiator.type !== 'preflight' && h.type !== 'Preflight' && !devtools.hops.some((o) => o !== h && o.key === h.key && o.startTs < h.startTs));
  const subjectHops = () => subjectsByCase(cases, run.nonce, mains(), (h) => h.url);
  const decided = (h: Hop) => {
    const last = devtools.lastOf(h)!;
    return last.endTs !== undefined || last.status !== undefined;
  };
  const subjects = await devtools.waitFor('Chromium to decide every case', () => {
    const s = subjectHops();
    return s.size === cases.length && [...s.values()].every(decided) ? s : null;
  });
  await devtools.waitFor(
    () => `the raw headers (ExtraInfo) Chromium owes for ${devtools.missingRaw().map((h) => `${h.method} ${h.url}`).join(', ')}`,
    () => devtools.missingRaw().length === 0,
  );
  chromiumCodes = new Map([...subjects].map(([id, h]) => [id, devtools.lastOf(h)!.corsError ?? null]));

  live = await until('CORS Lens to classify every case', async () => {
    const snap = await getSnapshot(extPage, tabId);
    const m = subjectsByCase(cases, run.nonce, [...snap.entries].sort((a, b) => a.seq - b.seq), (e) => e.exchange.url);
    return m.size === cases.length && [...m.values()].every((e) => e.verdict.kind !== 'pending') ? m : null;
  }, 60_000);

  harText = JSON.stringify(devtools.toHar(lab.galleryUrl), null, 2);
  if (process.env.UPDATE_HAR_FIXTURE === '1') {
    writeFileSync(new URL('../fixtures/har/chrome-lab-cdp.har', import.meta.url), `${harText}\n`);
    const expected = Object.fromEntries(cases.map((c) => [c.id, { kind: c.expect.kind, code: chromiumCodes.get(c.id) ?? null, url: withNonce(c.action.url, run.nonce) }]));
    writeFileSync(new URL('../fixtures/har/chrome-lab-cdp.expected.json', import.meta.url), `${JSON.stringify(expected, null, 2)}\n`);
  }
  const read = readHar(harText);
  warnings = read.warnings;
  fromHar = subjectsByCase(cases, run.nonce, read.exchanges, (x) => x.url);
});

afterAll(async () => {
  await browser?.close();
  await lab?.close();
});

const ids = buildCases({ page: 'http://127.0.0.1:1', api: 'http://127.0.0.1:2', third: 'http://127.0.0.1:3', closed: 'http://127.0.0.1:4' }).map((c) => c.id);

describe('a HAR assembled from Chromium\'s DevTools protocol, as DevTools exports it', () => {
  it('is valid HAR 1.2 and is read without a warning', () => {
    expect(harErrors(JSON.parse(harText))).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it.each(ids)('%s: the verdict Chromium reached (the lab\'s checked expectation, and this run\'s CORS error code)', (id) => {
    const x = fromHar.get(id);
    expect(x, `${id} is missing from the HAR`).toBeDefined();
    const kase = cases.find((c) => c.id === id)!;
    const v = classify(x!);
    expect({ kind: v.kind, code: v.reasons[0]?.code ?? null }, `from the HAR: ${EN.t(v.headline)}`).toEqual({
      kind: kase.expect.kind,
      code: chromiumCodes.get(id) ?? null,
    });
  });

  it.each(ids)('%s: the verdict CORS Lens gave live', (id) => {
    const x = fromHar.get(id);
    const entry = live.get(id);
    expect(x, `${id} is missing from the HAR`).toBeDefined();
    expect(entry, `CORS Lens recorded nothing for ${id}`).toBeDefined();
    const v = classify(x!);
    expect({ kind: v.kind, code: v.reasons[0]?.code ?? null }, `from the HAR: ${EN.t(v.headline)}; live: ${EN.t(entry!.verdict.headline)}`).toEqual({
      kind: entry!.verdict.kind,
      code: entry!.verdict.reasons[0]?.code ?? null,
    });
  });
});
