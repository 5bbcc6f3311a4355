/**
 * Launches Chromium (headless unless asked) with a fresh profile and, optionally, an unpacked
 * extension loaded (the built dist/ by default). Returns the context, the extension id and its
 * service worker, and a close() that also removes the profile.
 */
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './chromium';
import { DIST } from './paths';

export interface LaunchOptions {
  /** Unpacked extension directory to load; `null` for none. Default: dist/. */
  extension?: string | null;
  headless?: boolean;
  args?: string[];
  /** Turn on developer mode before start, so chrome://extensions collects the extension's errors from the first one. */
  developerMode?: boolean;
  /** Profile preferences written before start (merged with developerMode's), e.g. DevTools' own settings. */
  preferences?: Record<string, unknown>;
  /** Extra environment for the browser (e.g. `LANGUAGE=fr`: on Linux, Chromium takes its UI language from there). */
  env?: Record<string, string>;
}

export interface Launched {
  context: BrowserContext;
  /** Extension id, or '' when no extension was loaded. */
  extensionId: string;
  /** The extension's service worker (null when no extension was loaded). */
  worker: Worker | null;
  close(): Promise<void>;
}

export const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-default-apps', '--no-default-browser-check',
  // Keeps sandboxed iframes in their embedder's process, so their requests are reported on the page's own
  // DevTools target from the first one on (an out-of-process frame can fire before we attach to it).
  // Process placement only: the frame's origin is still opaque and CORS judges it the same way.
  '--disable-features=IsolateSandboxedIframes',
];

/** The extension's service worker: the one already running, or the next to start. */
export async function extensionWorker(context: BrowserContext, timeout = 30_000): Promise<Worker> {
  const isExt = (w: Worker) => w.url().startsWith('chrome-extension://');
  return context.serviceWorkers().find(isExt) ?? (await context.waitForEvent('serviceworker', { predicate: isExt, timeout }));
}

export const extensionIdOf = (worker: Worker): string => new URL(worker.url()).host;

export async function launch(options: LaunchOptions = {}): Promise<Launched> {
  const executablePath = ensureChromium();
  const extension = options.extension === undefined ? DIST : options.extension;
  const headless = options.headless ?? true;
  const profile = mkdtempSync(join(tmpdir(), 'cors-lens-profile-'));
  if (options.developerMode || options.preferences) {
    mkdirSync(join(profile, 'Default'));
    const prefs = { ...options.preferences, ...(options.developerMode ? { extensions: { ui: { developer_mode: true } } } : {}) };
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify(prefs));
  }
  const args = [...CHROMIUM_FLAGS, ...(headless ? ['--headless=new'] : []), ...(options.args ?? [])];
  if (extension) args.push(`--disable-extensions-except=${extension}`, `--load-extension=${extension}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    args,
    ...(options.env ? { env: { ...process.env, ...options.env } as Record<string, string> } : {}),
    // Playwright disables extensions by default; we load ours on purpose.
    ignoreDefaultArgs: extension ? ['--disable-extensions'] : [],
    viewport: { width: 1280, height: 900 },
  });
  const close = async () => {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const worker = extension ? await extensionWorker(context) : null;
    return { context, worker, extensionId: worker ? extensionIdOf(worker) : '', close };
  } catch (err) {
    await close();
    throw err;
  }
}
