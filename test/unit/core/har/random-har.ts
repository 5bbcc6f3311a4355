/**
 * Small seeded random HAR files for the pairing golden test: few URLs, methods, pages and start times,
 * so requests, redirects and preflights collide in every way the reader has to untangle. Deterministic
 * (a seeded generator, no fast-check), so the expected grouping can be recorded once in a fixture.
 */
import { readHar } from '../../../../src/core/har';

const T0 = Date.UTC(2026, 0, 1);
const URLS = ['http://api.test/a', 'http://api.test/a#f', 'http://api.test/b', 'http://other.test/c', 'http://api.test/a?x=1'];
const METHODS = ['GET', 'POST', 'PUT', 'HEAD', 'get'];
const STATUSES = [200, 204, 301, 302, 303, 307, 304, 0];
const PAGES = [undefined, 'page_1', 'page_2'];

/** Mulberry32: a tiny seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Entry = Record<string, unknown>;

function randomEntry(rand: () => number, i: number): Entry {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const url = pick(URLS);
  const preflight = rand() < 0.35;
  const method = preflight ? 'OPTIONS' : pick(METHODS);
  const status = preflight ? pick([204, 200, 404, 0]) : pick(STATUSES);
  const requestHeaders = [{ name: 'Origin', value: 'http://app.test' }];
  if (preflight && rand() < 0.85) requestHeaders.push({ name: 'Access-Control-Request-Method', value: pick(METHODS) });
  const responseHeaders: { name: string; value: string }[] = [];
  const redirect = status >= 300 && status < 400;
  const location = redirect ? pick([...URLS, '/b', 'a', '']) : '';
  if (redirect && rand() < 0.5) responseHeaders.push({ name: 'Location', value: location });
  const entry: Entry = {
    startedDateTime: new Date(T0 + Math.floor(rand() * 12)).toISOString(),
    time: Math.floor(rand() * 4),
    request: { method, url, headers: requestHeaders },
    response: { status, headers: responseHeaders, redirectURL: redirect && rand() < 0.5 ? location : '', ...(rand() < 0.1 ? { _error: 'net::ERR_FAILED' } : {}) },
    timings: { send: 0, wait: 1, receive: 0 },
  };
  const page = pick(PAGES);
  if (page !== undefined) entry.pageref = page;
  if (preflight) {
    const how = rand();
    if (how < 0.3) entry._resourceType = 'preflight';
    else if (how < 0.5) entry._initiator = { type: 'preflight', url: pick(URLS) };
  }
  if (rand() < 0.08) entry._cors = preflight ? { role: 'preflight', id: `p${i}`, preflightOf: `x${Math.floor(rand() * 3)}` } : { role: 'request', id: `x${Math.floor(rand() * 3)}`, hop: Math.floor(rand() * 2) };
  return entry;
}

export function randomHar(seed: number): string {
  const rand = prng(seed);
  const n = 2 + Math.floor(rand() * 14);
  const entries = Array.from({ length: n }, (_, i) => randomEntry(rand, i));
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'WebInspector', version: '1' }, entries } });
}

/** What pairing and chaining decided, compactly: per exchange its id, hop URLs and preflight ids; then the warnings. */
export function grouping(text: string): { exchanges: string[]; warnings: string[] } {
  const read = readHar(text);
  return {
    exchanges: read.exchanges.map((x) => `${x.id} ${x.method} ${[x.url, ...x.redirects.map((r) => r.location)].join(' > ')} [${x.preflights.map((p) => p.id).join(',')}]`),
    warnings: read.warnings,
  };
}

export const GOLDEN_SEEDS = 600;
