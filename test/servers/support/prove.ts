/**
 * The two halves of a proof: the failing run (no CORS configuration: Chromium blocks, CORS Lens records it)
 * and a passing run (the snippet pasted: Chromium passes, the page reads the body). Each start of the server
 * gets a new API port and a scratch folder, and is stopped (and the folder removed) whatever happens. What
 * each step saw is added to the trail, which the runner shows when the test fails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ExchangeEntry } from '../../../src/shared/protocol';
import { getSnapshot, tabIdOf, until } from '../../e2e/support';
import { describeRun, runInChromium, type BrowserRun, type PageOrigin } from './browser-run';
import { ROUTES, type RunningServer, type Situation, type StackAdapter } from './contract';
import { freePort } from './ports';
import { showSnippet, type Proposal } from './snippets';
import { EN } from '../../../src/core/i18n/catalogues';

export type Trail = string[];

export interface ProofEnv {
  adapter: StackAdapter;
  situation: Situation;
  suite: { context: BrowserContext; extPage: Page; pageOrigin: PageOrigin; upstreamPort: number; deadPort: number };
  trail: Trail;
}

const SIMPLE_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** Whether the situation's fetch needs a preflight (a non-simple method or a non-safelisted header). */
export function needsPreflight(situation: Situation): boolean {
  const method = (situation.init.method ?? 'GET').toUpperCase();
  if (!['GET', 'HEAD', 'POST'].includes(method)) return true;
  return Object.entries(situation.init.headers ?? {}).some(([name, value]) => {
    const n = name.toLowerCase();
    if (n === 'content-type') return !SIMPLE_TYPES.includes(value.split(';')[0]!.trim().toLowerCase());
    return !['accept', 'accept-language', 'content-language'].includes(n);
  });
}

/** The `route` the app's JSON body names for the situation's path (the key of ROUTES). */
const routeOf = (situation: Situation): string => Object.entries(ROUTES).find(([, path]) => path === situation.path)![0];

/** The JSON body the page must read: the situation's own expectation, else its route (and the session for /api/me). */
function expectedBody(situation: Situation): { route: string; session: boolean } | null {
  if (situation.expectBody !== undefined) return situation.expectBody;
  const route = routeOf(situation);
  return { route, session: situation.cookie && route === 'me' };
}

async function withServer<T>(env: ProofEnv, label: string, snippet: Proposal | null, use: (apiOrigin: string) => Promise<T>): Promise<T> {
  const port = await freePort();
  const workDir = mkdtempSync(join(tmpdir(), `cors-lens-${env.adapter.stack}-`));
  let server: RunningServer | null = null;
  try {
    server = await env.adapter.start({
      port, snippet: snippet?.snippet ?? null, workDir, upstreamPort: env.suite.upstreamPort, deadPort: env.suite.deadPort,
    });
    return await use(`http://localhost:${port}`);
  } finally {
    if (server) {
      env.trail.push(`--- server log (${label}) ---\n${server.log().trimEnd()}`);
      await server.stop();
    }
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** The exchange CORS Lens recorded for `apiUrl` in the page's tab, once classified. */
function extensionEntry(env: ProofEnv, apiUrl: string): Promise<ExchangeEntry> {
  return until(`CORS Lens to record and classify ${apiUrl}`, async () => {
    const tabId = await tabIdOf(env.suite.extPage, `${env.suite.pageOrigin.origin}/*`);
    const entries = (await getSnapshot(env.suite.extPage, tabId)).entries;
    return entries.find((e) => e.exchange.url === apiUrl && e.verdict.kind !== 'pending');
  });
}

async function inChromium<T>(env: ProofEnv, label: string, apiUrl: string, check: (run: BrowserRun) => Promise<T>): Promise<T> {
  const run = await runInChromium(env.suite.context, `${env.suite.pageOrigin.origin}/`, apiUrl, env.situation);
  try {
    env.trail.push(`--- Chromium (${label}) ---\n${describeRun(run)}`);
    return await check(run);
  } finally {
    await run.page.close();
  }
}

export interface FailingRun {
  apiUrl: string;
  pageUrl: string;
  /** What CORS Lens recorded and concluded. */
  entry: ExchangeEntry;
  /** The DevTools-style HAR of the run. */
  harText: string;
}

/** No CORS configuration: Chromium blocks the fetch, and CORS Lens records it with Chromium's code. */
export function blockedRun(env: ProofEnv): Promise<FailingRun> {
  const { situation } = env;
  return withServer(env, 'no CORS configuration', null, (apiOrigin) => {
    const apiUrl = `${apiOrigin}${situation.path}`;
    return inChromium(env, 'no CORS configuration', apiUrl, async (run) => {
      const status = run.main.status ?? run.devtools.rawOf(run.main).status ?? null;
      // With no CORS header at all, the first check Chromium makes fails: Access-Control-Allow-Origin is missing,
      // on the preflight when there is one. An error the server generates itself is no different: it reaches the
      // browser as a 5xx without the header.
      const expected = { corsError: needsPreflight(situation) ? 'PreflightMissingAllowOriginHeader' : 'MissingAllowOriginHeader', pageRead: false };
      expect({ corsError: run.main.corsError ?? null, pageRead: run.read.error === null }, describeRun(run)).toEqual(expected);
      if (situation.id === 'server-error') expect(status, 'the status of the error the server generated itself').toBeGreaterThanOrEqual(500);
      const entry = await extensionEntry(env, apiUrl);
      expect({ kind: entry.verdict.kind, code: entry.verdict.reasons[0]?.code ?? null }, `CORS Lens: ${EN.t(entry.verdict.headline)}`)
        .toEqual({ kind: 'blocked', code: run.main.corsError });
      const pageUrl = `${env.suite.pageOrigin.origin}/`;
      return { apiUrl, pageUrl, entry, harText: JSON.stringify(run.devtools.toHar(pageUrl)) };
    });
  });
}

/** The snippet pasted: Chromium passes, the page reads the status and body, CORS Lens calls it simple/preflighted. */
export function passingRun(env: ProofEnv, proposal: Proposal): Promise<void> {
  const { situation } = env;
  const label = `snippet from ${proposal.source}`;
  env.trail.push(showSnippet(proposal));
  return withServer(env, label, proposal, (apiOrigin) => {
    const apiUrl = `${apiOrigin}${situation.path}`;
    return inChromium(env, label, apiUrl, async (run) => {
      expect({ error: run.main.error ?? null, corsError: run.main.corsError ?? null, fetchThrew: run.read.error }, describeRun(run))
        .toEqual({ error: null, corsError: null, fetchThrew: null });
      if (situation.id === 'server-error') {
        expect(run.read.status, 'the status the page read').toBeGreaterThanOrEqual(500);
      } else {
        expect(run.read.status, 'the status the page read').toBe(situation.expectStatus);
        const want = expectedBody(situation);
        if (want) {
          const body = JSON.parse(run.read.body ?? '') as { route?: string; session?: string };
          expect(body.route, `the body the page read: ${run.read.body}`).toBe(want.route);
          if (want.session) expect(body.session, 'the session cookie the app received').toBe(`s-${situation.id}`);
        }
      }
      expect(run.preflights.length > 0, 'Chromium sent a preflight').toBe(needsPreflight(situation));
      const entry = await extensionEntry(env, apiUrl);
      expect(entry.verdict.kind, `CORS Lens: ${EN.t(entry.verdict.headline)}`).toBe(needsPreflight(situation) ? 'preflighted' : 'simple');
    });
  });
}
