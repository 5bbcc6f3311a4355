/**
 * Issue 10: the security and cost lens in real Chromium. The lab's "Passes, but…" group runs in one tab
 * with the built extension loaded; the findings are read from the extension's own port (the `findings`
 * event a panel receives after its snapshot, computed by the worker over the whole log). For every case
 * with a `findings` expectation, the findings that rest on that case's subject exchange, at severity
 * `low` or above (plus the `info` ones the case expects), must be exactly the expected ids; a clean twin
 * (`findings: []`) must have none at `low` or above.
 *
 * The two findings the gallery's plain-http loopback lab cannot produce (lab/cases/findings.ts says why) are
 * produced here: Chromium runs with `--host-resolver-rules` mapping `*.github.io` and `*.lab.test` to 127.0.0.1
 * and `--ignore-certificate-errors`, and the test starts an https listener (a self-signed certificate made
 * with openssl at test start) serving the lab's own `/cors` endpoint and `/lab/frame` page. Pages on
 * http://app.lab.test, https://app.lab.test and https://someone.github.io then call https://api.lab.test:
 * `insecure-origin-trusted` (an https response allowing an http:// non-loopback origin) and
 * `public-suffix-origin-trusted` (an origin under github.io trusted with credentials), each with a clean twin
 * (`httpsFindingsCases` in lab/cases/findings.ts: not in the gallery, they need those flags and the listener).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { handleCors } from '../../lab/cors-endpoint';
import { preparedBefore } from '../../lab/cases';
import { httpsFindingsCases, type HttpsFindingsCase } from '../../lab/cases/findings';
import { buildFirefoxExtension, firefoxSnapshot, firefoxTabId, launchFirefox, until as ffUntil, type Firefox } from './support/firefox';
import { GECKO_ID } from '../../scripts/firefox-manifest.mjs';
import { serveFrame } from '../../lab/pages';
import type { ExchangeEntry, TabFindings } from '../../src/shared/protocol';
import { portName } from '../../src/shared/protocol';
import { EN } from '../../src/core/i18n/catalogues';
import { findingsForExchange, atLeast } from '../../src/core/findings';
import {
  buildCases, getSnapshot, launch, withNonce, openExtensionPage, openGallery, request, runCases, startLab, subjectsByCase, tabIdOf, until,
  type Lab, type LabCase, type Launched,
} from './support';
import { FINDINGS_GROUP } from '../../lab/cases';

/** The group's case ids, known before the browser runs (the ids do not depend on the lab's ports). */
const CASE_IDS = buildCases({ page: 'http://127.0.0.1:1', api: 'http://127.0.0.1:2', third: 'http://127.0.0.1:3', closed: 'http://127.0.0.1:4' })
  .filter((c) => c.group === FINDINGS_GROUP).map((c) => c.id);

let lab: Lab;
let browser: Launched;
let extPage: Page;
let group: LabCase[];
let subjects: Map<string, ExchangeEntry>;
let lens: TabFindings;
let https: { server: Server; port: number; dir: string } | null = null;

/** Browser flags for the https cases: names mapped to loopback, the test's self-signed certificate accepted. */
const HTTPS_FLAGS = ['--host-resolver-rules=MAP *.github.io 127.0.0.1, MAP *.lab.test 127.0.0.1', '--ignore-certificate-errors'];

/** An https listener on loopback serving the lab's /cors endpoint and /lab/frame, with a certificate made now. */
async function startHttps(): Promise<{ server: Server; port: number; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1',
    '-subj', '/CN=api.lab.test', '-addext', 'subjectAltName=DNS:*.lab.test,DNS:*.github.io'], { stdio: 'ignore' });
  const server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? 'api.lab.test'}`);
    req.resume();
    if (serveFrame(url, res, lab.origins)) return;
    if (url.pathname.startsWith('/cors')) return handleCors(req, res, url.searchParams, (_key, send) => send());
    res.writeHead(404).end();
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
  return { server, port, dir };
}

/** The https cases (lab/cases/findings.ts), built once the listener's port is known. */
let httpsCases: HttpsFindingsCase[] = [];
/** Their ids, known before the browser runs (ports do not change ids). */
const HTTPS_IDS = httpsFindingsCases(1, 2).map((c) => c.id);
const httpsResults = new Map<string, { entry: ExchangeEntry | undefined; lens: TabFindings | null; error?: string }>();

/**
 * Opens the tab's port from an extension page, as the panel does, and returns the first `findings` event
 * (sent right after the snapshot, computed then over the whole log).
 */
async function findingsOnPort(page: Page, tabId: number): Promise<TabFindings> {
  return page.evaluate(async (name) => new Promise<TabFindings>((resolve, reject) => {
    const port = chrome.runtime.connect({ name });
    const timer = setTimeout(() => { port.disconnect(); reject(new Error('no findings event on the port')); }, 20_000);
    port.onMessage.addListener((m: { name: string; payload: TabFindings }) => {
      if (m.name !== 'findings') return;
      clearTimeout(timer);
      port.disconnect();
      resolve(m.payload);
    });
  }), portName(tabId));
}

/** Runs one https case: the page in a tab of its own, one fetch to the https API, then its tab's findings from the port. */
async function runHttpsCase(c: HttpsFindingsCase): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`${c.pageOrigin}/lab/frame`);
    const result = await page.evaluate(async ({ url, credentials }) => {
      try {
        const r = await fetch(url, { credentials });
        return `status ${r.status}`;
      } catch (e) {
        return `failed: ${String(e)}`;
      }
    }, { url: c.url, credentials: c.credentials });
    const tabId = await tabIdOf(extPage, `${c.pageOrigin}/*`);
    const entry = await until(`CORS Lens to classify ${c.id}`, async () => {
      const e = (await getSnapshot(extPage, tabId)).entries.find((x) => x.exchange.url === c.url);
      return e && e.verdict.kind !== 'pending' ? e : null;
    }, 30_000).catch(() => undefined);
    const lens = entry ? await findingsOnPort(extPage, tabId) : null;
    httpsResults.set(c.id, { entry, lens, ...(result.startsWith('failed') ? { error: result } : {}) });
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  lab = await startLab();
  browser = await launch({ args: HTTPS_FLAGS });
  extPage = await openExtensionPage(browser.context, browser.extensionId);
  await request(extPage, 'set-settings', { recordSameOrigin: true, paused: false });
  const gallery = await browser.context.newPage();
  const cases = await openGallery(gallery, lab.galleryUrl);
  group = cases.filter((c) => c.group === FINDINGS_GROUP);
  const tabId = await tabIdOf(extPage, `${lab.origins.page}/*`);
  const nonce = `findings-${Date.now().toString(36)}`;
  await runCases(gallery, group.map((c) => c.id), nonce);
  const subjectsNow = async () => {
    const snap = await getSnapshot(extPage, tabId);
    return subjectsByCase(group, nonce, [...snap.entries].sort((a, b) => a.seq - b.seq), (e) => e.exchange.url);
  };
  // Every subject recorded and classified (the preparation requests come before them in the log).
  subjects = await until('CORS Lens to classify every subject of the group', async () => {
    const m = await subjectsNow();
    return m.size === group.length && [...m.values()].every((e) => e.verdict.kind !== 'pending') ? m : null;
  }, 60_000).catch(() => subjectsNow());
  lens = await findingsOnPort(extPage, tabId);
  https = await startHttps();
  httpsCases = httpsFindingsCases(https.port, Number(new URL(lab.origins.page).port));
  for (const c of httpsCases) await runHttpsCase(c);
}, 240_000);

afterAll(async () => {
  if (https) {
    await new Promise((r) => https!.server.close(r));
    rmSync(https.dir, { recursive: true, force: true });
  }
  await browser?.close();
  await lab?.close();
});

/** The ids CORS Lens reports on one exchange: severity low or above, plus info ones the case expects. */
function reported(kase: LabCase, entry: ExchangeEntry): string[] {
  const expected = new Set<string>(kase.findings ?? []);
  const ids = findingsForExchange(entry.exchange.id, lens.findings)
    .filter((f) => atLeast(f.severity, 'low') || expected.has(f.id))
    .map((f) => f.id);
  return [...new Set(ids)].sort();
}

describe('the security and cost lens in Chromium ("Passes, but…")', () => {
  it('runs the group (every case has a findings expectation, and a clean twin exists)', () => {
    expect(group.length).toBeGreaterThan(10);
    expect(group.every((c) => c.findings !== undefined)).toBe(true);
    expect(group.some((c) => c.findings!.length === 0)).toBe(true);
  });

  it.each(CASE_IDS)('%s', (id) => {
    const kase = group.find((c) => c.id === id)!;
    const entry = subjects.get(id);
    expect(entry, `CORS Lens recorded nothing for ${id}`).toBeDefined();
    const all = findingsForExchange(entry!.exchange.id, lens.findings).map((f) => `${f.id} (${f.severity}): ${EN.t(f.summary)}`);
    expect(reported(kase, entry!), `verdict: ${EN.t(entry!.verdict.headline)}; findings on the subject: ${all.join(' | ') || 'none'}`)
      .toEqual([...kase.findings!].sort());
  });

  it('the summary carries the same counts as the port\'s list', async () => {
    const summary = await request(extPage, 'get-summary', { tabId: lens.tabId });
    expect(summary.findings?.total).toBe(lens.findings.length);
    expect(summary.findings?.counts).toEqual(lens.summary.findings.counts);
    // Some case of the group preflights again and again: the cost block sees it.
    expect(summary.cost!.preflights).toBeGreaterThan(0);
  });
});

describe('the findings the plain-http lab cannot produce, over https with mapped names', () => {
  it.each(HTTPS_IDS)('%s', (id) => {
    const c = httpsCases.find((x) => x.id === id)!;
    const r = httpsResults.get(id);
    expect(r?.entry, `CORS Lens recorded nothing for ${id}${r?.error ? ` (page: ${r.error})` : ''}`).toBeDefined();
    const entry = r!.entry!;
    expect(['simple', 'preflighted'], `the browser let it through: ${EN.t(entry.verdict.headline)}`).toContain(entry.verdict.kind);
    const on = findingsForExchange(entry.exchange.id, r!.lens!.findings);
    const ids = [...new Set(on.filter((f) => atLeast(f.severity, 'low') || c.findings.includes(f.id)).map((f) => f.id))].sort();
    expect(ids, on.map((f) => `${f.id} (${f.severity}): ${EN.t(f.summary)}`).join(' | ') || 'none').toEqual([...c.findings].sort());
  });
});

/**
 * Firefox (ESR over WebDriver BiDi, the Firefox build in a temporary directory): the same group, one case at a
 * time, findings read from the extension's port in Firefox. Every case of the group shows in Firefox ESR (153 here) as in
 * Chromium (Max-Age 100000 is above Firefox's 86400 s cap too; Firefox ignores Access-Control-Allow-Private-Network
 * as Chromium 156 does, and the finding is about the response configuration). Not run in Firefox: the two https
 * cases above. They need the names mapped to loopback and the test's certificate accepted; Firefox has no
 * command-line flag for either (it would take the `network.dns.localDomains` pref and a certificate override in
 * the profile, which the Firefox harness, test/e2e/support/firefox.ts, does not set up).
 */

describe('the security and cost lens in Firefox ("Passes, but…")', () => {
  let ff: Firefox | undefined;
  let ffLab: Lab;
  let outDir = '';
  const ffSubjects = new Map<string, ExchangeEntry>();
  let ffLens: TabFindings | null = null;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'cors-lens-dist-firefox-findings-'));
    buildFirefoxExtension(outDir);
    ffLab = await startLab();
    ff = await launchFirefox({ extensionIds: [GECKO_ID] });
    expect(await ff.installExtension(outDir)).toBe(GECKO_ID);
    const ext = await ff.openExtensionPage(`${ff.extensionBase(GECKO_ID)}/src/popup/index.html`);
    await ff.evaluate(ext, `browser.runtime.sendMessage({ v: 1, name: 'set-settings', payload: { recordSameOrigin: true, paused: false } })`);
    const gallery = await ff.openTab(ffLab.galleryUrl);
    await ffUntil('the lab gallery', () => ff!.evaluate<boolean>(gallery, 'document.body.dataset.ready === "true"'));
    const nonce = `fff${Date.now().toString(36)}`;
    for (const id of CASE_IDS) await ff.evaluate(gallery, `window.lab.runCase(${JSON.stringify(id)}, ${JSON.stringify(nonce)}).then(() => true)`);
    const tabId = await firefoxTabId(ff, ext, ffLab.origins.page);
    const cases = new Map<string, LabCase>(buildCases(ffLab.origins).map((c) => [c.id, c]));
    const snapshot = async () => (await firefoxSnapshot(ff!, ext, tabId)).entries;
    const byCase = (entries: ExchangeEntry[]) => {
      const inOrder = [...entries].sort((a, b) => a.seq - b.seq);
      return new Map(CASE_IDS.map((id) => {
        const url = withNonce(cases.get(id)!.action.url, nonce);
        return [id, inOrder.filter((e) => e.exchange.url === url && e.exchange.method !== 'OPTIONS')[preparedBefore(cases.get(id)!)]] as const;
      }));
    };
    const found = await ffUntil('CORS Lens in Firefox to classify every subject', async () => {
      const m = byCase(await snapshot());
      return [...m.values()].every((e) => e !== undefined && e.verdict.kind !== 'pending') ? m : null;
    }).catch(async () => byCase(await snapshot()));
    for (const [id, e] of found) if (e) ffSubjects.set(id, e);
    // The port, as the panel opens it: the first findings event follows the snapshot.
    ffLens = JSON.parse(await ff.evaluate<string>(ext, `new Promise((resolve, reject) => {
      const port = browser.runtime.connect({ name: ${JSON.stringify(portName(tabId))} });
      const timer = setTimeout(() => { port.disconnect(); reject(new Error('no findings event on the port')); }, 20000);
      port.onMessage.addListener((m) => {
        if (m.name !== 'findings') return;
        clearTimeout(timer);
        port.disconnect();
        resolve(JSON.stringify(m.payload));
      });
    })`)) as TabFindings;
  }, 240_000);

  afterAll(async () => {
    await ff?.close();
    await ffLab?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it.each(CASE_IDS)('%s', (id) => {
    const kase = group.find((c) => c.id === id)!;
    const entry = ffSubjects.get(id);
    expect(entry, `CORS Lens in Firefox recorded nothing for ${id}`).toBeDefined();
    const expected = new Set<string>(kase.findings ?? []);
    const on = findingsForExchange(entry!.exchange.id, ffLens!.findings);
    const ids = [...new Set(on.filter((f) => atLeast(f.severity, 'low') || expected.has(f.id)).map((f) => f.id))].sort();
    expect(ids, `verdict: ${EN.t(entry!.verdict.headline)}; findings: ${on.map((f) => `${f.id} (${f.severity})`).join(', ') || 'none'}`)
      .toEqual([...expected].sort());
  });
});
