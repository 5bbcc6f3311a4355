/**
 * `describeStack(adapter)`: one Vitest test per situation (contract.ts), each taking a stack through the
 * issue's loop in real Chromium with the built extension loaded:
 *   1. start the real server with no CORS configuration; the page's fetch is blocked (asserted through CDP);
 *   2. take the snippet the panel shows for the stack, from the exchange CORS Lens recorded and from a HAR
 *      built the way Chrome DevTools exports it (both: classify → fixesFor);
 *   3. start the server again with the snippet pasted where its text says; the fetch now passes through
 *      Chromium's CORS checks, the page reads the status and body, and CORS Lens calls it simple/preflighted.
 * When the two sources give different snippets, each is proven. Every start of the server uses a new API port,
 * so no preflight cached by an earlier run is reused. A stack whose software is missing fails with its name.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openExtensionPage, type Launched } from '../../e2e/support';
import { SITUATIONS, type Situation, type StackAdapter } from './contract';
import { startPageOrigin, type PageOrigin } from './browser-run';
import { freePort } from './ports';
import { blockedRun, passingRun, type Trail } from './prove';
import { startUpstream, type Upstream } from './upstream';
import { exchangeFromHar, exportedReport, proposalFor, sameSnippet, type Proposal } from './snippets';
import { EN } from '../../../src/core/i18n/catalogues';

interface Suite {
  browser: Launched;
  extPage: Page;
  upstream: Upstream;
  pageOrigin: PageOrigin;
  deadPort: number;
}

/** Why a stack cannot run here, as a failure message naming the package. */
export function missingMessage(adapter: StackAdapter, missing: string): string {
  const debian = adapter.packages.debian ?? [];
  const how = debian.includes(missing)
    ? `apt-get install -y --no-install-recommends ${missing} (as root; .ci/run does it)`
    : `npm ci (it is a devDependency)`;
  return `${adapter.stack}: ${missing} is not installed, so this stack cannot be proven here. Install it: ${how}.`;
}

/** Proves one situation; returns, per distinct snippet proven, the sources that gave it. */
async function prove(adapter: StackAdapter, situation: Situation, suite: Suite, trail: Trail): Promise<string[][]> {
  const { context } = suite.browser;
  await context.clearCookies();
  if (situation.cookie) {
    await context.addCookies([{ name: 'session', value: `s-${situation.id}`, domain: 'localhost', path: '/', sameSite: 'Lax' }]);
  }
  const env = { adapter, situation, suite: { context, extPage: suite.extPage, pageOrigin: suite.pageOrigin, upstreamPort: suite.upstream.port, deadPort: suite.deadPort }, trail };
  const failing = await blockedRun(env);
  const sources: Proposal[] = [
    proposalFor('the extension\'s record', failing.entry.exchange, adapter.stack),
    proposalFor('the extension\'s exported report', exchangeFromHar(exportedReport(failing.entry, failing.pageUrl), failing.apiUrl), adapter.stack),
    proposalFor('a DevTools-style HAR', exchangeFromHar(failing.harText, failing.apiUrl), adapter.stack),
  ];
  // The sources may disagree (a HAR shows what DevTools saw, the extension what webRequest saw): every distinct
  // snippet is proven on its own server.
  const proposals = sources.filter((p, i) => sources.findIndex((q) => sameSnippet(q.snippet, p.snippet)) === i);
  for (const proposal of proposals) {
    expect(proposal.verdict.kind, `${proposal.source}: ${EN.t(proposal.verdict.headline)}`).toBe('blocked');
    await passingRun(env, proposal);
  }
  return proposals.map((p) => sources.filter((q) => sameSnippet(q.snippet, p.snippet)).map((q) => q.source));
}

export function describeStack(adapter: StackAdapter): void {
  describe(`${adapter.stack}: the panel's snippet, pasted as given, makes Chromium pass`, () => {
    let suite: Suite | undefined;

    beforeAll(async () => {
      if (adapter.missing() !== null) return;
      const browser = await launch();
      try {
        suite = {
          browser, extPage: await openExtensionPage(browser.context, browser.extensionId),
          upstream: await startUpstream(), pageOrigin: await startPageOrigin(), deadPort: await freePort(),
        };
      } catch (err) {
        await browser.close();
        throw err;
      }
    });

    afterAll(async () => {
      await suite?.browser.close();
      await suite?.upstream.close();
      await suite?.pageOrigin.close();
    });

    for (const situation of adapter.situations ?? SITUATIONS) {
      it(situation.id, async ({ annotate }) => {
        const missing = adapter.missing();
        if (missing !== null) throw new Error(missingMessage(adapter, missing));
        if (!suite) throw new Error('the browser or the helper servers did not start (see beforeAll)');
        const trail: string[] = [];
        try {
          const proven = await prove(adapter, situation, suite, trail);
          await annotate(`first paste passed; ${proven.length} distinct snippet(s) proven: ${proven.map((g) => g.join(' = ')).join(' | ')}`, 'notice');
        } catch (err) {
          const context = `\n\n${trail.join('\n\n')}\nupstream saw: ${suite.upstream.seen.slice(-10).join(', ') || 'nothing'}`;
          if (err instanceof Error) {
            err.message += context;
            throw err;
          }
          throw new Error(`${String(err)}${context}`, { cause: err });
        }
      });
    }
  });
}
