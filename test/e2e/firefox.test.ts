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
import type { ExchangeEntry } from '../../src/shared/protocol';
import { EN } from '../../src/core/i18n/catalogues';
import { reasonDef } from '../../src/core/reasons';
import { buildCases, startLab, withNonce, type Lab, type LabCase } from './support';
import { preparedBefore } from '../../lab/cases';
import { buildFirefoxExtension, firefoxSnapshot, firefoxTabId, launchFirefox, until, type Firefox } from './support/firefox';
import { GECKO_ID } from '../../scripts/firefox-manifest.mjs';

/**
 * Every lab case, with `cred-set-cookie` first: the cookie it sets is what the credentialed cases
 * then send, so their credentials are visible (a Cookie header) rather than guessed (Firefox's
 * webRequest does not say when it blocked a response). The lab's origins do not change case ids.
 */
const ALL = buildCases({ page: 'http://127.0.0.1:1', api: 'http://127.0.0.1:2', third: 'http://127.0.0.1:3', closed: 'http://127.0.0.1:4' });
const CASES = ['cred-set-cookie', ...ALL.map((c) => c.id).filter((id) => id !== 'cred-set-cookie')];

/**
 * "CORS request did not succeed": a request that failed as a request (refused connection, and the
 * main request after a failed preflight, whose own reason comes first).
 */
const DID_NOT_SUCCEED = 'CORSDidNotSucceed2';

interface FirefoxDecision {
  /**
   * `read`: the page got the response (or, for no-cors, an opaque one); `blocked`: Firefox logged a
   * CORS reason; `network`: it logged only CORSDidNotSucceed2 (the request itself failed); `failed`:
   * the page saw a failure Firefox did not put down to CORS (e.g. its font sanitizer).
   */
  outcome: 'read' | 'blocked' | 'network' | 'failed';
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
  const runCase = async (id: string, tag: string, phase: 'all' | 'prepare' | 'subject' = 'all') => JSON.parse(await ff!.evaluate<string>(gallery,
    `window.lab.runCase(${JSON.stringify(id)}, ${JSON.stringify(tag)}, ${JSON.stringify(phase)}).then((r) => JSON.stringify(r))`)) as { ok: boolean; detail: string; url: string };
  const prepares = new Set(ALL.filter((c) => c.prepare).map((c) => c.id));
  // Before any cookie exists: a credentialed request whose credentials nothing shows.
  bare = await runCase('wildcard-credentials', `${nonce}bare`);
  // One case at a time, so the console messages and the requests at the server between two cases are that case's.
  const decided = new Map<string, FirefoxDecision>();
  for (const id of CASES) {
    // A case's preparation requests (lab/case-types.ts) run first, apart: the console and the server log
    // that follow are the subject's alone.
    if (prepares.has(id)) await runCase(id, nonce, 'prepare');
    await ff.clearConsole();
    const before = lab.log().length;
    const r = await runCase(id, nonce, prepares.has(id) ? 'subject' : 'all');
    const preflight = lab.log().slice(before).some((l) => l.preflight);
    const mine = new RegExp(`cid=${id}(-target)?([&.’'\\s]|$)`);
    const messages = async () => (await ff!.consoleMessages()).filter((m) => mine.test(m.text));
    // Firefox's console message may reach the console after the page saw the failure: wait for the one
    // that explains it (a CORS reason; "did not succeed" alone only when no preflight failed first; or a
    // message outside CORS, such as the font sanitizer's).
    const seen = r.ok ? await messages() : await until(`Firefox's console message for ${id}`, async () => {
      const m = await messages();
      const explained = m.some((x) => (x.category.startsWith('CORS') && x.category !== DID_NOT_SUCCEED)
        || (x.category === DID_NOT_SUCCEED && !preflight) || !x.category.startsWith('CORS'));
      return explained ? m : null;
    }, 10_000).catch(messages);
    const keys = seen.filter((m) => m.category.startsWith('CORS')).map((m) => m.category);
    const key = keys.find((k) => k !== DID_NOT_SUCCEED) ?? null;
    decided.set(id, {
      outcome: r.ok ? 'read' : key !== null ? 'blocked' : keys.includes(DID_NOT_SUCCEED) ? 'network' : 'failed',
      detail: r.detail,
      preflight,
      key,
    });
  }

  const cases = new Map<string, LabCase>(buildCases(lab.origins).map((c) => [c.id, c]));
  const urlOf = (id: string) => withNonce(cases.get(id)!.action.url, nonce);
  const tabId = await firefoxTabId(ff, ext, lab.origins.page);
  const snapshot = () => firefoxSnapshot(ff!, ext, tabId);
  // The subject is the request to its URL that comes after the case's preparation requests to that URL.
  const byCase = (entries: ExchangeEntry[]) => {
    const inOrder = [...entries].sort((a, b) => a.seq - b.seq);
    return new Map(CASES.map((id) => [id, inOrder.filter((e) => e.exchange.url === urlOf(id) && e.exchange.method !== 'OPTIONS')[preparedBefore(cases.get(id)!)]]));
  };
  const entries = await until('CORS Lens to classify every case', async () => {
    recorded = (await snapshot()).entries;
    const m = byCase(recorded);
    bareEntry = recorded.find((e) => e.exchange.url === bare.url);
    const all = [...m.values(), bareEntry];
    return all.every((e) => e !== undefined && e.verdict.kind !== 'pending') ? m : null;
  }).catch(() => byCase(recorded));
  rows = CASES.map((id) => ({ id, entry: entries.get(id), firefox: decided.get(id)! }));
}, 180_000);

afterAll(async () => {
  await ff?.close();
  await lab?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** CORS Lens's verdict, in the terms Firefox's decision is written in. */
function ours(entry: ExchangeEntry) {
  const v = entry.verdict;
  const code = v.reasons[0]?.code ?? null;
  const outcome = v.kind === 'blocked' ? 'blocked' : v.kind === 'network-error' ? 'network' : v.kind === 'inconclusive' || v.kind === 'pending' ? v.kind : 'read';
  return { outcome, kind: v.kind, preflight: v.preflight, keys: code ? [...(reasonDef(code)?.firefoxKeys ?? [])] : [], code };
}

describe('CORS Lens agrees with Firefox', () => {
  it.each(CASES)('%s', (id) => {
    const row = rows.find((r) => r.id === id);
    expect(row, `the case ${id} did not run in the page`).toBeDefined();
    const { firefox, entry } = row!;
    expect(entry, `CORS Lens recorded nothing for ${id} (Firefox: ${firefox.outcome}, ${firefox.detail})`).toBeDefined();
    const o = ours(entry!);
    const context = `${id}: Firefox ${firefox.outcome} (${firefox.key ?? 'no CORS reason logged'}; page: ${firefox.detail}); CORS Lens said ${o.kind} ${o.code ?? ''} — ${EN.t(entry!.verdict.headline)}`;
    // A failure Firefox does not put down to CORS (its font sanitizer…) is not a CORS block: the CORS check passed.
    expect(o.outcome, context).toBe(firefox.outcome === 'failed' ? 'read' : firefox.outcome);
    if (firefox.outcome === 'blocked') expect(o.keys, context).toContain(firefox.key);
    if (o.kind === 'simple' || o.kind === 'preflighted' || o.kind === 'blocked') {
      expect(o.preflight.observed, `${context} (OPTIONS at the server: ${firefox.preflight})`).toBe(firefox.preflight);
    }
    if (o.kind === 'simple') expect(firefox.preflight, context).toBe(false);
    // Preflighted without an OPTIONS at the server: only when Firefox answered it from its preflight cache.
    if (o.kind === 'preflighted' && !firefox.preflight) expect(o.preflight.cached, context).toBe(true);
  });

  it('credentials nothing shows (no cookie yet): Firefox blocks ACAO *; CORS Lens infers it from an error, or says it cannot tell', () => {
    expect(bare.ok, 'Firefox let the page read a credentialed response with ACAO *').toBe(false);
    expect(bareEntry, 'CORS Lens recorded nothing for the credentialed request without a cookie').toBeDefined();
    const { verdict: v, exchange } = bareEntry!;
    if (exchange.outcome.state === 'failed') {
      // Firefox cancelled the request before its network side had finished: webRequest saw the error, so
      // the credentials are inferred from it (only a credentialed request fails these headers).
      expect(v).toMatchObject({ kind: 'blocked', reasons: [{ code: 'WildcardOriginNotAllowed' }], credentials: { mode: 'inferred-include' } });
    } else {
      // Usually webRequest reports this blocked response as completed, and no Cookie header was sent:
      // the verdict must not claim the credentials, and must name the failure credentials would cause.
      expect(v.credentials.mode).toBe('unknown');
      expect(EN.t(v.headline)).toMatch(/^Allowed if sent without credentials/);
      expect(v.notes.map((n) => EN.t(n)).join('\n')).toMatch(/Firefox blocked it: WildcardOriginNotAllowed \(Firefox: CORSNotSupportingCredentials\)/);
    }
  });

  it('each preflight is attached to its request, never listed on its own', () => {
    const withPreflight = rows.filter((r) => r.firefox.preflight);
    expect(withPreflight.length).toBeGreaterThan(5);
    for (const r of withPreflight) expect(r.entry?.exchange.preflights.length, r.id).toBe(1);
    expect(recorded.filter((e) => e.exchange.method === 'OPTIONS').map((e) => e.exchange.url)).toEqual([]);
  });
});
