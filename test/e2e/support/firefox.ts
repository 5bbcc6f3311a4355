/**
 * Real Firefox for the end-to-end tests: find (or install) Firefox, start it headless with a fresh
 * profile, and drive it over WebDriver BiDi, which Firefox speaks itself (no geckodriver). The
 * extension is installed with `webExtension.install`; its pages are opened from the browser window
 * (chrome scope), because BiDi may not navigate a tab to a `moz-extension:` URL.
 *
 * `ws` provides the WebSocket: Node 20 has no global one without `--experimental-websocket`.
 * Loopback only; every wait ends on a condition or on a deadline, never on a sleep.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { PROTOCOL_VERSION, type TabSnapshot } from '../../../src/shared/protocol';
import { ensureBinary, findBinary, type BrowserBinary } from './browser-binary';
import { ROOT } from './paths';

export const DEFAULT_FIREFOX = '/usr/bin/firefox-esr';

const FIREFOX: BrowserBinary = {
  name: 'Firefox',
  envVar: 'FIREFOX_PATH',
  defaultPath: DEFAULT_FIREFOX,
  aptPackage: 'firefox-esr',
  howTo: `CORS Lens's Firefox tests need Firefox (ESR 140 or later).
Install it (Debian/Ubuntu: \`sudo apt-get install -y firefox-esr\`) or point FIREFOX_PATH at a Firefox
binary, e.g. FIREFOX_PATH=/opt/firefox/firefox npm test`,
};

/** `FIREFOX_PATH`, else /usr/bin/firefox-esr, else null. Throws when FIREFOX_PATH points nowhere. */
export const findFirefox = (): string | null => findBinary(FIREFOX);

/** A usable Firefox, installing Debian's firefox-esr as root when needed; throws with advice otherwise. */
export const ensureFirefox = (log?: (line: string) => void): string => ensureBinary(FIREFOX, log);

/** Builds the Firefox variant of the extension (scripts/build-firefox.mjs) into `outDir`. */
export function buildFirefoxExtension(outDir: string): void {
  const r = spawnSync(process.execPath, ['scripts/build-firefox.mjs', '--quiet', '--out-dir', outDir], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`the Firefox build (scripts/build-firefox.mjs) failed with exit ${r.status}`);
}

/** Resolves with the first truthy `probe()`; rejects at the deadline. Yields to the event loop between probes. */
export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const v = await probe();
    if (v) return v;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** The extension's id of the tab showing a page of `pageOrigin`, asked from its page `ext` (waits for the tab to be known). */
export function firefoxTabId(ff: Firefox, ext: string, pageOrigin: string): Promise<number> {
  return until('the page\'s tab in the extension', () => ff.evaluate<number | null>(ext, `(async () =>
    (await browser.tabs.query({})).find((t) => (t.url ?? '').startsWith(${JSON.stringify(pageOrigin)}))?.id ?? null)()`));
}

/** The extension's log of one tab (its protocol's get-snapshot), asked from its page `ext`. */
export async function firefoxSnapshot(ff: Firefox, ext: string, tabId: number): Promise<TabSnapshot> {
  const answer = JSON.parse(await ff.evaluate<string>(ext, `(async () => JSON.stringify(await browser.runtime.sendMessage(
    { v: ${PROTOCOL_VERSION}, name: 'get-snapshot', payload: { tabId: ${tabId} } })))()`)) as { ok: boolean; result?: TabSnapshot; error?: string };
  if (!answer.ok || !answer.result) throw new Error(`get-snapshot failed: ${answer.error ?? 'no result'}`);
  return answer.result;
}

type Json = Record<string, unknown>;

/** One BiDi session over one WebSocket: commands with ids, errors as rejections. */
class Bidi {
  private next = 0;
  private readonly waiting = new Map<number, { res: (v: Json) => void; rej: (e: Error) => void }>();

  constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { id?: number; type?: string; error?: string; message?: string; result?: Json };
      const w = msg.id === undefined ? undefined : this.waiting.get(msg.id);
      if (!w) return;
      this.waiting.delete(msg.id!);
      if (msg.type === 'error') w.rej(new Error(`${msg.error}: ${msg.message}`));
      else w.res(msg.result ?? {});
    });
    ws.on('close', () => {
      for (const w of this.waiting.values()) w.rej(new Error('the BiDi connection closed'));
      this.waiting.clear();
    });
  }

  // A bound, not a wait: on a loaded machine (8 test runs on 2 cores) session.new alone took over 15 s.
  send<T = Json>(method: string, params: Json, timeoutMs = 60_000): Promise<T> {
    return new Promise<T>((res, rej) => {
      const id = ++this.next;
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        rej(new Error(`Firefox did not answer ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(id, {
        res: (v) => { clearTimeout(timer); res(v as T); },
        rej: (e) => { clearTimeout(timer); rej(e); },
      });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }
}

export interface FirefoxOptions {
  /** Extension ids whose `moz-extension://<uuid>` host must be known in advance (id → uuid is chosen here). */
  extensionIds?: string[];
}

export interface Firefox {
  readonly binary: string;
  /** `moz-extension://` base URL of an extension named in `extensionIds`. */
  extensionBase(id: string): string;
  /** Installs an unpacked extension directory (temporarily); resolves with its id. */
  installExtension(dir: string): Promise<string>;
  /** Opens a tab on `url` and waits for its load event; resolves with the BiDi context id. */
  openTab(url: string): Promise<string>;
  /** Opens an extension page (from the browser window) and waits until it has loaded. */
  openExtensionPage(url: string): Promise<string>;
  /** Evaluates an expression (awaiting a promise) in a tab; resolves with its JSON-serialisable value. */
  evaluate<T = unknown>(context: string, expression: string): Promise<T>;
  /** The browser console's messages (all windows), as text with their category. */
  consoleMessages(): Promise<{ category: string; text: string }[]>;
  /** Empties the browser console (so the next messages can be told apart). */
  clearConsole(): Promise<void>;
  close(): Promise<void>;
}

/** Starts headless Firefox with a fresh profile and a BiDi session. */
export async function launchFirefox(opts: FirefoxOptions = {}): Promise<Firefox> {
  const binary = ensureFirefox();
  const uuids = Object.fromEntries((opts.extensionIds ?? []).map((id) => [id, randomUUID()]));
  const profile = mkdtempSync(join(tmpdir(), 'cors-lens-ff-'));
  writeFileSync(join(profile, 'user.js'), [
    `user_pref("extensions.webextensions.uuids", ${JSON.stringify(JSON.stringify(uuids))});`,
    'user_pref("browser.shell.checkDefaultBrowser", false);',
    'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
    'user_pref("app.update.enabled", false);',
    'user_pref("network.proxy.type", 0);',
    // The browser window (chrome scope) is where extension pages are opened from.
    'user_pref("remote.experimental.enabled", true);',
  ].join('\n'));
  const child = spawn(binary, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0', '--remote-allow-system-access', 'about:blank'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const cleanup = async () => {
    await stop(child);
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const wsUrl = await bidiUrl(child);
    const ws = new WebSocket(`${wsUrl}/session`);
    await new Promise<void>((res, rej) => { ws.once('open', () => res()); ws.once('error', rej); });
    const bidi = new Bidi(ws);
    await bidi.send('session.new', { capabilities: {} });
    const evaluate = async <T>(context: string, expression: string): Promise<T> => {
      const r = await bidi.send<{ type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } }>(
        'script.evaluate', { expression, target: { context }, awaitPromise: true, serializationOptions: { maxObjectDepth: 0 } });
      if (r.type === 'exception') throw new Error(`in the page: ${r.exceptionDetails?.text}`);
      return r.result?.value as T;
    };
    const chromeWindow = async (): Promise<string> => {
      const tree = await bidi.send<{ contexts: { context: string; url: string }[] }>('browsingContext.getTree', { 'moz:scope': 'chrome' });
      const win = tree.contexts.find((c) => c.url.startsWith('chrome://browser/'))?.context;
      if (!win) throw new Error('Firefox has no browser window in chrome scope');
      return win;
    };
    const contextWithUrl = async (url: string) => {
      const tree = await bidi.send<{ contexts: { context: string; url: string }[] }>('browsingContext.getTree', {});
      return tree.contexts.find((c) => c.url === url)?.context ?? null;
    };
    return {
      binary,
      extensionBase(id) {
        const uuid = uuids[id];
        if (!uuid) throw new Error(`extension ${id} was not named in extensionIds`);
        return `moz-extension://${uuid}`;
      },
      async installExtension(dir) {
        const r = await bidi.send<{ extension: string }>('webExtension.install', { extensionData: { type: 'path', path: dir } });
        return r.extension;
      },
      async openTab(url) {
        const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
        await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' }, 30_000);
        return context;
      },
      async openExtensionPage(url) {
        await evaluate(await chromeWindow(), `void gBrowser.addTrustedTab(${JSON.stringify(url)})`);
        const context = await until(`the extension page ${url}`, () => contextWithUrl(url));
        await until('the extension page to load', async () => (await evaluate<string>(context, 'document.readyState')) === 'complete');
        return context;
      },
      evaluate,
      async consoleMessages() {
        const json = await evaluate<string>(await chromeWindow(), `JSON.stringify(Services.console.getMessageArray().map((m) =>
          ({ category: m instanceof Ci.nsIScriptError ? m.category : '', text: m.message ?? String(m) })))`);
        return JSON.parse(json) as { category: string; text: string }[];
      },
      async clearConsole() {
        await evaluate(await chromeWindow(), 'Services.console.reset()');
      },
      async close() {
        await bidi.send('session.end', {}, 5_000).catch(() => undefined);
        ws.close();
        await cleanup();
      },
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

function bidiUrl(child: ChildProcess): Promise<string> {
  return new Promise((res, rej) => {
    let log = '';
    const onData = (d: Buffer) => {
      log += String(d);
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(log);
      if (m) res(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => rej(new Error(`Firefox exited (${code}) before WebDriver BiDi was up:\n${log.slice(-2000)}`)));
    child.once('error', rej);
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(force);
}
