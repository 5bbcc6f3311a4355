/**
 * One run of a situation in Chromium: a fresh tab on the page origin runs the situation's fetch against the
 * API while the DevTools protocol records the tab (DevtoolsLog, the same log the DevTools-style HAR is built
 * from). Returns what the page read and how Chromium ended the request.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { DevtoolsLog, type Hop } from '../../e2e/support';
import type { Situation } from './contract';

export interface PageOrigin {
  /** `http://localhost:<port>` */
  origin: string;
  port: number;
  close(): Promise<void>;
}

/** The page origin: node:http answering every path with a tiny HTML page. */
export function startPageOrigin(): Promise<PageOrigin> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><meta charset="utf-8"><title>CORS Lens real-server suite</title><p>page origin</p>');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        origin: `http://localhost:${port}`, port,
        close: () => new Promise((done) => {
          server.closeAllConnections();
          server.close(() => done());
        }),
      });
    });
  });
}

/** What the page's script got: the status and body it read, or the error fetch threw. */
export interface PageRead { status: number | null; body: string | null; error: string | null }

export interface BrowserRun {
  page: Page;
  devtools: DevtoolsLog;
  read: PageRead;
  /** The request's last hop as Chromium ended it (`error` / `corsError` from loadingFailed). */
  main: Hop;
  /** The preflights Chromium sent for it. */
  preflights: Hop[];
}

const isPreflight = (h: Hop): boolean => h.initiator.type === 'preflight' || h.type === 'Preflight';

/** Chromium's account of the run, in one line (for failure messages). */
export function describeRun(run: BrowserRun): string {
  const hop = (h: Hop) => `${h.method} ${h.url} → ${h.status ?? run.devtools.rawOf(h).status ?? 'no response'}${h.error ? ` ${h.error}` : ''}${h.corsError ? ` (${h.corsError})` : ''}`;
  const page = run.read.error ? `fetch threw ${run.read.error}` : `page read ${run.read.status} ${run.read.body?.slice(0, 200) ?? ''}`;
  return [...run.preflights.map((p) => `preflight ${hop(p)}`), hop(run.main), page].join('; ');
}

export async function runInChromium(context: BrowserContext, pageUrl: string, apiUrl: string, situation: Situation): Promise<BrowserRun> {
  const page = await context.newPage();
  const devtools = await DevtoolsLog.attach(context, page);
  await page.goto(pageUrl);
  const read = await page.evaluate(async ({ url, init }): Promise<PageRead> => {
    try {
      const response = await fetch(url, init);
      return { status: response.status, body: await response.text(), error: null };
    } catch (err) {
      return { status: null, body: null, error: String(err) };
    }
  }, { url: apiUrl, init: situation.init });
  const mains = () => devtools.hops.filter((h) => !isPreflight(h) && h.url === apiUrl);
  const main = await devtools.waitFor(`Chromium to end ${situation.init.method ?? 'GET'} ${apiUrl}`, () => {
    const last = mains().at(-1);
    return last && last.endTs !== undefined ? last : null;
  });
  await devtools.waitFor(
    () => `the raw headers Chromium owes for ${devtools.missingRaw().map((h) => `${h.method} ${h.url}`).join(', ')}`,
    () => devtools.missingRaw().length === 0,
  );
  const preflights = devtools.hops.filter((h) => isPreflight(h) && h.initiator.requestId === main.requestId);
  return { page, devtools, read, main, preflights };
}
