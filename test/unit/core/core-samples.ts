/**
 * Every exported function of the core's entry (index.ts), its HTTP helpers and its output modules, with
 * well-typed sample arguments. The property test corrupts these (ill-typed.ts) and calls each function; a
 * new export without a sample fails that test, so nothing exported escapes it.
 */
import * as core from '../../../src/core/index';
import * as headers from '../../../src/core/http/headers';
import * as origin from '../../../src/core/http/origin';
import * as safelist from '../../../src/core/http/safelist';
import * as errors from '../../../src/core/classify/errors';
import * as maxAge from '../../../src/core/classify/max-age';
import * as har from '../../../src/core/har/index';
import * as fix from '../../../src/core/fix/index';
import * as curl from '../../../src/core/report/curl';
import * as summary from '../../../src/core/report/summary';
import * as markdown from '../../../src/core/report/markdown';
import { classify } from '../../../src/core/classify/classify';
import { CATALOGUES } from '../../../src/core/i18n/catalogues';
import { createWords } from '../../../src/core/i18n/words';
import type { Exchange, Verdict } from '../../../src/core/index';
import { API, PAGE, exchange } from '../../support/builder';

export const MODULES = { core, headers, origin, safelist, errors, maxAge, har, fix, curl, summary, markdown } as const;

function exchanges(): Exchange[] {
  return [
    exchange().method('PUT').header('X-Trace', 'abc').to(`${API}/items/7`)
      .preflight((p) => p.acao(PAGE).acam('GET')).failed().build(),
    exchange().to(`${API}/r`).cookie('sid=1').redirect((r) => r.to('http://127.0.0.1:4003/x').acao(PAGE)).response((r) => r.acao(PAGE)).failed().build(),
    exchange().to(`${API}/items?page=1`).response((r) => r.acao(PAGE).header('Set-Cookie', 'a=b; Path=/')).build(),
    exchange().to(`${API}/gone`).failed('net::ERR_CONNECTION_REFUSED').build(),
  ];
}

/** A fresh, well-typed sample per call (the property test mutates it). */
export function entry(i: number): { exchange: Exchange; verdict: Verdict; seq: number; pageId: string } {
  const list = exchanges();
  const x = list[i % list.length]!;
  return { exchange: x, verdict: classify(x), seq: i, pageId: 'page-1' };
}

const NOW = Date.UTC(2026, 0, 1);
type Args = (i: number) => unknown[];
const x = (i: number) => entry(i).exchange;
const xv = (i: number) => { const e = entry(i); return [e.exchange, e.verdict]; };
const markdownInput = (i: number) => ({
  entries: [entry(i), entry(i + 1), entry(i + 2)], pageUrl: `${PAGE}/index.html`, counts: { blocked: 2, simple: 1 }, total: 3, dropped: 4,
  tool: 'CORS Lens 0.1.0', browser: 'Chromium 156', now: NOW, fixes: fix.fixesFor, maxGroups: 2,
});
const buildOptions = () => ({ includeSensitive: false, browser: { name: 'Chromium', version: '156' }, extensionVersion: '0.1.0', pages: [{ pageId: 'page-1', url: `${PAGE}/`, startedAt: NOW }], now: new Date(NOW), dropped: 3 });

/** Sample arguments per exported function, by module and name. */
export const SAMPLES: Record<string, Record<string, Args>> = {
  core: {
    classify: (i) => [x(i)],
    reasonDef: () => ['MissingAllowOriginHeader'],
    firstHeader: (i) => [x(i).requestHeaders, 'origin'],
    preflightNeed: (i) => [x(i).method, x(i).requestHeaders],
    errorClass: () => ['net::ERR_FAILED'],
    m: () => ['verdict_blocked', { clause: { id: 'why_header', values: { name: 'X-Trace' } } }],
    isMsg: () => [{ id: 'verdict_blocked', values: { clause: { id: 'why_header', values: { name: 'X-Trace', count: 2 } } } }],
  },
  headers: {
    canonicalName: () => ['access-control-allow-origin'],
    firstHeader: (i) => [x(i).requestHeaders, 'origin'],
    hasHeader: (i) => [x(i).requestHeaders, 'origin'],
    headerValues: (i) => [x(i).requestHeaders, 'origin'],
    headerCount: (i) => [x(i).requestHeaders, 'origin'],
    joinedHeader: (i) => [x(i).requestHeaders, 'origin'],
    trimHttpWhitespace: () => [' a '],
    utf8Length: () => ['é'],
  },
  origin: {
    hasUserinfo: () => ['http://u:p@h.test/'],
    isSameOrigin: () => [PAGE, API],
    originOf: () => [`${API}/x`],
    literalOriginOf: () => [`${API}/x`],
    isSerializedOrigin: () => [PAGE],
    stripUserinfo: () => ['http://u:p@h.test/'],
    toOrigin: () => [PAGE],
  },
  safelist: {
    isSafelistedMethod: () => ['GET'],
    headerUnsafeKind: () => ['content-type', 'application/json'],
  },
  errors: {
    describeError: () => ['net::ERR_FAILED'],
    errorClass: () => ['net::ERR_FAILED'],
  },
  maxAge: {
    preflightCacheSeconds: () => ['600', 'chromium'],
  },
  har: {
    buildHarReport: (i) => [[entry(i), entry(i + 1)], buildOptions()],
    readHar: (i) => [JSON.stringify(har.buildHarReport([entry(i)], buildOptions()))],
    reportFileName: () => [`${PAGE}/index.html`, new Date(NOW)],
    HarReadError: () => ['not-har', 'message'],
  },
  fix: {
    fixesFor: (i) => [...xv(i), { stack: 'nginx' }],
    // A fresh Words each call: the property test corrupts its arguments in place (never the shared EN).
    fixMarkdown: (i) => { const [a, b] = xv(i); return [fix.fixesFor(a as Exchange, b as Verdict), createWords(i % 2 ? 'fr' : 'en', CATALOGUES[i % 2 ? 'fr' : 'en'], CATALOGUES.en), 'express']; },
    suggestedStack: (i) => [x(i)],
  },
  curl: {
    shQuote: () => ["it's"],
    curlFor: (i) => [x(i), i % 2 ? 'preflight' : 'request', { includeSecrets: false }],
  },
  summary: {
    failingUrl: (i) => { const e = entry(i); return [e.exchange, e.verdict.reasons[0]]; },
    groupBlocked: (i) => [[entry(i), entry(i + 1)]],
    newestBlocked: (i) => [[entry(i), entry(i + 1)]],
    ago: () => [NOW - 5000, NOW],
    describeBlocked: (i) => [entry(i), NOW],
    summaryMarkdown: (i) => [markdownInput(i)],
  },
  markdown: {
    mdCode: () => ['a`b'],
    mdText: () => ['*a*'],
    mdFence: () => ['a ``` b', 'js'],
  },
};

/** Every exported function, as `[module, name, fn]`. */
export function exportedFunctions(): [string, string, (...args: unknown[]) => unknown][] {
  return Object.entries(MODULES).flatMap(([m, mod]) =>
    Object.entries(mod).filter(([, v]) => typeof v === 'function').map(([n, v]) => [m, n, v as (...args: unknown[]) => unknown] as [string, string, (...args: unknown[]) => unknown]));
}
