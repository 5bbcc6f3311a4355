/**
 * CORS Lens agrees with Firefox. The Firefox build (scripts/build-firefox.mjs, built here into a
 * temporary directory) runs in real Firefox (FIREFOX_PATH, else /usr/bin/firefox-esr) driven over
 * WebDriver BiDi; the lab gallery runs a set of cases, and for each one:
 * - Firefox's own decision is what the page saw (could it read the response, or did it throw),
 *   whether an OPTIONS reached the server, and the reason key Firefox logged in its console
 *   (the message's category is the `security.properties` key, e.g. CORSMissingAllowOrigin2);
 * - CORS Lens's verdict is read from the extension through its protocol (get-snapshot).
 * They must agree: pass or blocked, preflighted or simple, and the reason's Firefox key.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeEntry, TabSnapshot } from '../../src/shared/protocol';
import { reasonDef } from '../../src/core/reasons';
import { buildCases, startLab, withNonce, type Lab, type LabCase } from './support';
import { buildFirefoxExtension, launchFirefox, until, type Firefox } from './support/firefox';
import { GECKO_ID } from '../../scripts/firefox-manifest.mjs';

/**
 * Run in this order: the cookie set by `cred-set-cookie` is what `wildcard-credentials` and
 * `credentials-no-acac` then send, so their credentials are visible (a Cookie header) rather than
 * guessed (Firefox's webRequest does not say when it blocked a response).
 */
const CASES = [
  'simple-get', 'simple-get-wildcard', 'simple-post-text', 'simple-xhr', 'missing-acao', 'missing-acao-500', 'acao-other-origin',
  'acao-two-lines', 'preflight-put', 'preflight-header', 'preflight-json', 'preflight-no-acao', 'preflight-404-no-acao', 'preflight-500',
  'preflight-method-missing', 'preflight-header-missing', 'preflight-acao-other', 'cred-set-cookie', 'cred-get', 'cred-put',
  'wildcard-credentials', 'credentials-no-acac', 'preflight-wildcard-credentials', 'preflight-no-acac',
];

/** Firefox logs this for the main request after a failed preflight; the preflight's own key comes first. */
const AFTER_PREFLIGHT = 'CORSDidNotSucceed2';

interface FirefoxDecision {
  /** The page could read the response. */
  read: boolean;
  detail: string;
  /** An OPTIONS for this case reached the lab server. */
  preflight: boolean;
  /** The reason key Firefox logged, when it logged one. */
  key: string | null;
}

interface Row { id: string; firefox: FirefoxDecision; entry: ExchangeEntry | undefined }

let outDir: string;
let lab: Lab;
let ff: Firefox | undefined;
let rows: Row[] = [];
/** Everything CORS Lens recorded for the gallery tab. */
let recorded: ExchangeEntry[] = [];
/** `wildcard-credentials` run before the cookie was set: what the page saw, and CORS Lens's entry. */
let bare: { ok: boolean; detail: string; url: string };
let bareEntry: ExchangeEntry | undefined;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'cors-lens-dist-firefox-'));
  buildFirefoxExtension(outDir);
  lab = await startLab();
  ff = await launchFirefox({ extensionIds: [GECKO_ID] });
  expect(await ff.installExtension(outDir)).toBe(GECKO_ID);
  const ext = await ff.openExtensionPage(`${ff.extensionBase(GECKO_ID)}/src/popup/index.html`);
  const gallery = await ff.openTab(lab.galleryUrl);
  await until('the lab gallery', () => ff!.evaluate<boolean>(gallery, 'document.body.dataset.ready === "true"'));

  const nonce = `ff${Date.now().toString(36)}`;
  // Before any cookie exists: a credentialed request whose credentials nothing shows.
  bare = JSON.parse(await ff.evaluate<string>(gallery, `window.lab.runCase('wildcard-credentials', ${JSON.stringify(`${nonce}bare`)})
    .then((r) => JSON.stringify(r))`)) as typeof bare;
  const results = JSON.parse(await ff.evaluate<string>(gallery, `(async () => {
    const out = [];
    for (const id of ${JSON.stringify(CASES)}) out.push(await window.lab.runCase(id, ${JSON.stringify(nonce)}));
    return JSON.stringify(out);
  })()`)) as { id: string; ok: boolean; detail: string }[];

  const cases = new Map<string, LabCase>(buildCases(lab.origins).map((c) => [c.id, c]));
  const urlOf = (id: string) => withNonce(cases.get(id)!.action.url, nonce);
  const tabId = await until('the gallery tab in the extension', () => ff!.evaluate<number | null>(ext, `(async () =>
    (await browser.tabs.query({})).find((t) => (t.url ?? '').startsWith(${JSON.stringify(lab.origins.page)}))?.id ?? null)()`));
  const snapshot = async (): Promise<TabSnapshot> => {
    const answer = JSON.parse(await ff!.evaluate<string>(ext, `(async () => JSON.stringify(
      await browser.runtime.sendMessage({ v: 1, name: 'get-snapshot', payload: { tabId: ${tabId} } })))()`)) as { ok: boolean; result?: TabSnapshot; error?: string };
    if (!answer.ok || !answer.result) throw new Error(`get-snapshot failed: ${answer.error ?? 'no result'}`);
    return answer.result;
  };
  const byCase = (entries: ExchangeEntry[]) => new Map(CASES.map((id) => [id, entries.find((e) => e.exchange.url === urlOf(id) && e.exchange.method !== 'OPTIONS')]));
  const entries = await until('CORS Lens to classify every case', async () => {
    recorded = (await snapshot()).entries;
    const m = byCase(recorded);
    bareEntry = recorded.find((e) => e.exchange.url === bare.url);
    const all = [...m.values(), bareEntry];
    return all.every((e) => e !== undefined && e.verdict.kind !== 'pending') ? m : null;
  }).catch(() => byCase(recorded));

  const keyOf = (messages: { category: string; text: string }[], id: string) => {
    const mine = new RegExp(`[?&]cid=${escape(id)}&(.*&)?r=${escape(nonce)}\\b`);
    const keys = messages.filter((m) => m.category.startsWith('CORS') && mine.test(m.text)).map((m) => m.category);
    return keys.find((k) => k !== AFTER_PREFLIGHT) ?? keys[0] ?? null;
  };
  const failedIds = results.filter((r) => !r.ok).map((r) => r.id);
  // Firefox logs a blocked request's reason as it cancels it; wait until every one is there.
  const messages = await until('Firefox to log a reason for every blocked case', async () => {
    const all = await ff!.consoleMessages();
    return failedIds.every((id) => keyOf(all, id) !== null) ? all : null;
  }).catch(() => ff!.consoleMessages());
  const log = lab.log();
  rows = results.map((r) => ({
    id: r.id,
    entry: entries.get(r.id),
    firefox: {
      read: r.ok,
      detail: r.detail,
      preflight: log.some((l) => l.preflight && l.cid === r.id && l.url.includes(`r=${nonce}`)),
      key: keyOf(messages, r.id),
    },
  }));
}, 180_000);

afterAll(async () => {
  await ff?.close();
  await lab?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** What CORS Lens said, in the terms Firefox's decision is written in. */
function ours(entry: ExchangeEntry) {
  const v = entry.verdict;
  const code = v.reasons[0]?.code ?? null;
  return {
    read: v.kind === 'simple' || v.kind === 'preflighted',
    kind: v.kind,
    preflight: v.preflight.observed,
    keys: code ? [...(reasonDef(code)?.firefoxKeys ?? [])] : [],
    code,
  };
}

describe('CORS Lens agrees with Firefox', () => {
  it.each(CASES)('%s', (id) => {
    const row = rows.find((r) => r.id === id);
    expect(row, `the case ${id} did not run in the page`).toBeDefined();
    const { firefox, entry } = row!;
    expect(entry, `CORS Lens recorded nothing for ${id} (Firefox: ${firefox.read ? 'read' : 'blocked'}, ${firefox.detail})`).toBeDefined();
    const o = ours(entry!);
    const context = `${id}: Firefox ${firefox.read ? 'let the page read it' : `blocked it (${firefox.key ?? 'no reason logged'})`}; CORS Lens said ${o.kind} ${o.code ?? ''} — ${entry!.verdict.headline}`;
    expect(o.read, context).toBe(firefox.read);
    expect(o.preflight, `${context} (preflight at the server: ${firefox.preflight})`).toBe(firefox.preflight);
    if (firefox.read) {
      expect(o.kind, context).toBe(firefox.preflight ? 'preflighted' : 'simple');
    } else {
      expect(o.kind, context).toBe('blocked');
      // Firefox logs a reason for every blocked case of this set, so the comparison below always runs.
      expect(firefox.key, `${context}: Firefox logged no reason`).not.toBeNull();
      expect(o.keys, context).toContain(firefox.key);
    }
  });

  it('credentials nothing shows (no cookie yet): Firefox blocks ACAO *, CORS Lens says it cannot tell and names that failure', () => {
    expect(bare.ok, 'Firefox let the page read a credentialed response with ACAO *').toBe(false);
    expect(bareEntry, 'CORS Lens recorded nothing for the credentialed request without a cookie').toBeDefined();
    const v = bareEntry!.verdict;
    // Firefox's webRequest reports this blocked response as completed, and no Cookie header was sent:
    // the verdict must not claim the credentials, and must name the failure credentials would cause.
    expect(v.credentials.mode).toBe('unknown');
    expect(v.headline).toMatch(/^Allowed if sent without credentials/);
    expect(v.notes.join('\n')).toMatch(/Firefox blocked it: WildcardOriginNotAllowed \(Firefox: CORSNotSupportingCredentials\)/);
  });

  it('each preflight is attached to its request, never listed on its own', () => {
    const withPreflight = rows.filter((r) => r.firefox.preflight);
    expect(withPreflight.length).toBeGreaterThan(5);
    for (const r of withPreflight) expect(r.entry?.exchange.preflights.length, r.id).toBe(1);
    expect(recorded.filter((e) => e.exchange.method === 'OPTIONS').map((e) => e.exchange.url)).toEqual([]);
  });
});
