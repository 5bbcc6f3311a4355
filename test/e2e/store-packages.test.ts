/**
 * The store packages, as a store and a user get them. `npm run package` (scripts/package.mjs) runs once,
 * into a temporary folder; each package is unzipped into a folder of its own and loaded from there, not
 * from dist/: the Chrome Web Store zip in Chromium (--load-extension), the Firefox .xpi in Firefox ESR
 * (a temporary add-on, over WebDriver BiDi). In each browser the extension must start, report
 * package.json's version, and record a lab page's cross-origin requests with the verdicts the browser
 * gave (one allowed, one blocked). Then `npm run build-for-amo` rebuilds the Firefox bundle from the
 * source archive and finds it identical to the .xpi, and finds the Chrome zip different from it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeEntry } from '../../src/shared/protocol';
import { GECKO_ID } from '../../scripts/firefox-manifest.mjs';
import { getSnapshot, launch, openExtensionPage, openGallery, ROOT, runCases, startLab, tabIdOf, until, type Lab, type Launched } from './support';
import { firefoxSnapshot, firefoxTabId, launchFirefox, type Firefox } from './support/firefox';

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const NAMES = {
  chrome: `cors-lens-chrome-${version}.zip`,
  firefox: `cors-lens-firefox-${version}.xpi`,
  source: `cors-lens-source-${version}.zip`,
};
/** One lab case the browser allows and one it blocks (lab/cases), with the verdict each must get. */
const CASES = { 'simple-get': { kind: 'simple', code: undefined }, 'missing-acao': { kind: 'blocked', code: 'MissingAllowOriginHeader' } } as const;
type CaseId = keyof typeof CASES;

let tmp = '';
let out = '';
let lab: Lab;
const unpacked = { chrome: '', firefox: '' };
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

/** The verdicts the extension gave the cases' requests (matched by URL), once none is pending. */
async function verdicts(entries: () => Promise<ExchangeEntry[]>, urls: Record<CaseId, string>) {
  return until('the extension to classify both lab requests', async () => {
    const all = await entries();
    const pick = (id: CaseId) => all.find((e) => e.exchange.url === urls[id] && e.exchange.method !== 'OPTIONS');
    const found = (Object.keys(CASES) as CaseId[]).map((id) => [id, pick(id)] as const);
    if (found.some(([, e]) => !e || e.verdict.kind === 'pending')) return null;
    return Object.fromEntries(found.map(([id, e]) => [id, { kind: e!.verdict.kind, code: e!.verdict.reasons[0]?.code }]));
  });
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'cors-lens-store-'));
  out = join(tmp, 'packages');
  const r = spawnSync(process.execPath, ['scripts/package.mjs', '--out-dir', out], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run package failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  for (const [kind, name] of [['chrome', NAMES.chrome], ['firefox', NAMES.firefox]] as const) {
    unpacked[kind] = join(tmp, kind);
    execFileSync('unzip', ['-q', join(out, name), '-d', unpacked[kind]]);
  }
  lab = await startLab();
}, 240_000);

afterAll(async () => {
  await lab?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('npm run package', () => {
  it('writes the Chrome zip, the Firefox xpi and the source archive, named with package.json’s version', () => {
    for (const name of Object.values(NAMES)) expect(existsSync(join(out, name)), name).toBe(true);
  });

  it('puts manifest.json at the root of each package, with package.json’s version', () => {
    const chrome = manifestOf(unpacked.chrome);
    const firefox = manifestOf(unpacked.firefox);
    expect([chrome.version, firefox.version]).toEqual([version, version]);
    expect(chrome.background).toHaveProperty('service_worker');
    expect(firefox.browser_specific_settings).toMatchObject({ gecko: { id: GECKO_ID, data_collection_permissions: { required: ['none'] } } });
  });

  it('archives the source with the same package.json and the lock file', () => {
    const read = (path: string) => execFileSync('unzip', ['-p', join(out, NAMES.source), `cors-lens-${version}/${path}`], { encoding: 'utf8' });
    expect(read('package.json')).toBe(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(JSON.parse(read('package-lock.json'))).toHaveProperty('lockfileVersion');
  });
});

describe('the Chrome Web Store zip, unpacked, in Chromium', () => {
  let browser: Launched;
  beforeAll(async () => {
    browser = await launch({ extension: unpacked.chrome, developerMode: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is the extension Chromium loaded, enabled, with its service worker running', async () => {
    const manifest = manifestOf(unpacked.chrome) as { background: { service_worker: string } };
    expect(browser.worker!.url()).toBe(`chrome-extension://${browser.extensionId}/${manifest.background.service_worker}`);
    const page = await browser.context.newPage();
    await page.goto('chrome://extensions');
    const info = (await page.evaluate(() => (globalThis as unknown as { chrome: { developerPrivate: { getExtensionsInfo(): Promise<unknown[]> } } })
      .chrome.developerPrivate.getExtensionsInfo())) as { id: string; state: string; path?: string; manifestErrors: unknown[] }[];
    const ours = info.find((e) => e.id === browser.extensionId);
    expect({ state: ours?.state, path: ours?.path, manifestErrors: ours?.manifestErrors }).toEqual({ state: 'ENABLED', path: unpacked.chrome, manifestErrors: [] });
    await page.close();
  });

  it('reports package.json’s version and records an allowed and a blocked request of a lab page', async () => {
    const gallery = await browser.context.newPage();
    await openGallery(gallery, lab.galleryUrl);
    const results = await runCases(gallery, Object.keys(CASES), `store${Date.now().toString(36)}`);
    expect(results.map((r) => [r.id, r.ok])).toEqual([['simple-get', true], ['missing-acao', false]]);
    const ext = await openExtensionPage(browser.context, browser.extensionId, 'src/popup/index.html');
    expect(await ext.evaluate(() => chrome.runtime.getManifest().version)).toBe(version);
    const tabId = await tabIdOf(ext, `${lab.origins.page}/*`);
    const urls = Object.fromEntries(results.map((r) => [r.id, r.url])) as Record<CaseId, string>;
    expect(await verdicts(async () => (await getSnapshot(ext, tabId)).entries, urls)).toEqual(CASES);
    await Promise.all([ext.close(), gallery.close()]);
  });
});

describe('the Firefox xpi, unpacked, in Firefox ESR', () => {
  let ff: Firefox;
  beforeAll(async () => {
    ff = await launchFirefox({ extensionIds: [GECKO_ID] });
  });
  afterAll(async () => {
    await ff?.close();
  });

  it('installs as a temporary add-on, reports package.json’s version and records an allowed and a blocked request', async () => {
    expect(await ff.installExtension(unpacked.firefox)).toBe(GECKO_ID);
    const ext = await ff.openExtensionPage(`${ff.extensionBase(GECKO_ID)}/src/popup/index.html`);
    expect(await ff.evaluate<string>(ext, 'browser.runtime.getManifest().version')).toBe(version);
    const gallery = await ff.openTab(lab.galleryUrl);
    await until('the lab gallery', () => ff.evaluate<boolean>(gallery, 'document.body.dataset.ready === "true"'));
    const nonce = `store${Date.now().toString(36)}`;
    const results: { id: string; ok: boolean; url: string }[] = [];
    for (const id of Object.keys(CASES)) {
      results.push(JSON.parse(await ff.evaluate<string>(gallery, `window.lab.runCase(${JSON.stringify(id)}, ${JSON.stringify(nonce)}).then((r) => JSON.stringify(r))`)));
    }
    expect(results.map((r) => [r.id, r.ok])).toEqual([['simple-get', true], ['missing-acao', false]]);
    const tabId = await firefoxTabId(ff, ext, lab.origins.page);
    const snapshot = async (): Promise<ExchangeEntry[]> => (await firefoxSnapshot(ff, ext, tabId)).entries;
    const urls = Object.fromEntries(results.map((r) => [r.id, r.url])) as Record<CaseId, string>;
    expect(await verdicts(snapshot, urls)).toEqual(CASES);
  });
});

describe('npm run build-for-amo', () => {
  const amo = (xpi: string) => spawnSync(process.execPath,
    ['scripts/build-for-amo.mjs', '--source', join(out, NAMES.source), '--xpi', xpi, '--node-modules', join(ROOT, 'node_modules')],
    { cwd: ROOT, encoding: 'utf8' });

  it('rebuilds the Firefox bundle from the source archive identical, file for file, to the xpi', () => {
    const r = amo(join(out, NAMES.firefox));
    expect(r.stdout).toMatch(/is identical to .*\.xpi \(\d+ files\)/);
    expect(r.status).toBe(0);
  });

  it('reports the files that differ, and fails, when the package is not that build (the Chrome zip)', () => {
    const r = amo(join(out, NAMES.chrome));
    expect(r.stdout).toContain('differs: manifest.json');
    expect(r.status).toBe(1);
  });
});
