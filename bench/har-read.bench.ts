/**
 * `readHar` on the shapes that used to be quadratic: a GraphQL app (every request POSTs to one URL,
 * each with its preflight) and redirect fan-in (many requests redirected to one login URL, none of
 * them followed by a request that may continue it). CPU time of this process for one read (JSON
 * parse included), so other processes on the machine do not distort it; the growth ratio from 20k to
 * 100k entries is the machine-independent figure (linear: 5; the first reader grew 32× from 20k to 50k).
 * Targets: 100k entries <= 6,000 ms; growth 20k → 100k <= 7.
 */
import type { BenchRow } from './index';
import { readHar } from '../src/core/har';

const T0 = Date.UTC(2026, 0, 1);
const API = 'https://api.test';
const ORIGIN = [{ name: 'Origin', value: 'https://app.test' }];

function entry(method: string, url: string, at: number, status: number, requestHeaders = ORIGIN, responseHeaders = [{ name: 'Access-Control-Allow-Origin', value: 'https://app.test' }], extra: object = {}) {
  return {
    startedDateTime: new Date(T0 + at).toISOString(),
    time: 1,
    request: { method, url, httpVersion: 'HTTP/1.1', headers: requestHeaders, queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
    response: { status, statusText: '', httpVersion: 'HTTP/1.1', headers: responseHeaders, cookies: [], content: { size: 0, mimeType: 'x-unknown' }, redirectURL: '', headersSize: -1, bodySize: -1 },
    cache: {},
    timings: { send: 0, wait: 1, receive: 0 },
    ...extra,
  };
}

const har = (entries: unknown[]): string => JSON.stringify({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, entries } });

/** `n` entries: n/2 POSTs to one GraphQL URL, each followed by its preflight, as Chrome exports them. */
export function graphqlHar(n: number): string {
  const url = `${API}/graphql`;
  const acrm = [...ORIGIN, { name: 'Access-Control-Request-Method', value: 'POST' }, { name: 'Access-Control-Request-Headers', value: 'content-type' }];
  const out = [];
  for (let i = 0; i < n / 2; i++) {
    out.push(entry('POST', url, i * 2, 200));
    out.push(entry('OPTIONS', url, i * 2 + 1, 204, acrm, undefined, { _resourceType: 'preflight', _initiator: { type: 'preflight', url } }));
  }
  return har(out);
}

/** `n` entries: n/2 POSTs redirected (307) to one login URL, then n/2 GETs of it that cannot continue a 307 POST. */
export function fanInHar(n: number): string {
  const out = [];
  for (let i = 0; i < n / 2; i++) out.push(entry('POST', `${API}/form/${i}`, i, 307, ORIGIN, [{ name: 'Location', value: '/login' }]));
  for (let i = 0; i < n / 2; i++) out.push(entry('GET', `${API}/login`, n + i, 200));
  return har(out);
}

/** CPU milliseconds of one `readHar`, checking that every entry was read. */
function readCpu(text: string, exchanges: number): number {
  const c0 = process.cpuUsage();
  const read = readHar(text);
  const cpu = process.cpuUsage(c0);
  if (read.exchanges.length !== exchanges || read.warnings.length > 0) throw new Error(`read ${read.exchanges.length} exchanges, ${read.warnings.length} warnings`);
  return (cpu.user + cpu.system) / 1000;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number): string => n.toLocaleString('en-US');

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const times = new Map<number, number>();
  readCpu(graphqlHar(2000), 1000);
  for (const n of [20_000, 50_000, 100_000]) {
    const text = graphqlHar(n);
    const ms = median([readCpu(text, n / 2), readCpu(text, n / 2), readCpu(text, n / 2)]);
    times.set(n, ms);
    const target = n * 0.06;
    rows.push({ area: 'har-read', metric: `readHar, ${fmt(n)} entries: one GraphQL URL, each POST with its preflight (CPU, median of 3)`, value: ms, unit: 'ms', target: `<= ${fmt(target)}`, ok: ms <= target });
  }
  const growth = times.get(100_000)! / times.get(20_000)!;
  rows.push({ area: 'har-read', metric: 'growth from 20k to 100k same-URL entries (linear: 5)', value: growth, unit: '×', target: '<= 7', ok: growth <= 7 });
  const fanIn = fanInHar(100_000);
  const fanInMs = median([readCpu(fanIn, 100_000), readCpu(fanIn, 100_000), readCpu(fanIn, 100_000)]);
  rows.push({ area: 'har-read', metric: 'readHar, 100,000 entries: redirect fan-in to one URL (CPU, median of 3)', value: fanInMs, unit: 'ms', target: '<= 6,000', ok: fanInMs <= 6000 });
  return rows;
}
