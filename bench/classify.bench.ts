/**
 * Classifier throughput, in exchanges per CPU-second (process.cpuUsage, so other processes sharing
 * the cores do not distort it), median of 7 runs after a warm-up, on these inputs:
 * - a mix of 16 kinds built with the test builder (simple, preflighted, blocked in various ways,
 *   redirects, same-origin, no-cors, network errors);
 * - real captured exchanges: lab-like traffic replayed through the fake webRequest, our capture's
 *   listeners and the correlator, with Chrome's own header sets (12–16 request and 9–13 response
 *   headers each), exactly as the worker hands them to the classifier (marked typed by the correlator,
 *   `markTyped` in model/sanitize.ts, so the classifier does not check every field and header again), with
 *   the facts of each header list the capture made (classify/header-facts.ts);
 * - the same exchanges with the facts made again before each classification (what the capture pays for
 *   them counted: every header list of the exchange summarised, then classify), and copies of them without
 *   facts, marked typed as `readHar` marks what it reads (the classifier makes the facts itself).
 * Target: >= 1,000,000/s for each.
 *
 * Each row is measured in a process of its own (this file run with the row's name), as the worker judges only
 * what its capture makes: in one process, the rows measured first train the classifier's inline caches on
 * their objects' shapes (the builder's and the clones' exchanges are laid out unlike the correlator's), and
 * the rows after them read up to a third lower. The real exchanges measured after the mix in one process are
 * reported too, without a target, so the difference stays visible.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './index';
import { classify } from '../src/core/classify/classify';
import type { Exchange } from '../src/core/model/exchange';
import { markTyped } from '../src/core/model/sanitize';
import { summarizeRequest, summarizeResponse } from '../src/core/classify/header-facts';
import { eachHeaderList } from '../src/core/model/header-lists';
import { createCapture } from '../src/background/capture/listeners';
import { observerFor } from '../src/background/chrome-apis';
import { Correlator } from '../src/background/correlate/correlator';
import { exchange, PAGE, API } from '../test/support/builder';
import { FakeWebRequest, Traffic, type HeaderList } from '../test/support/fake-web-request';

const TARGET = 1_000_000;

function mix(): Exchange[] {
  const json = (r: ReturnType<typeof exchange>) => r.header('Content-Type', 'application/json');
  const base: Exchange[] = [
    exchange().to(`${API}/items?page=1`).response((r) => r.acao(PAGE).header('Content-Type', 'application/json')).build(),
    exchange().to(`${API}/items?page=2`).response((r) => r.acao('*')).build(),
    json(exchange().method('POST').to(`${API}/items`)).preflight((p) => p.acao(PAGE).acam('GET, POST, PUT').acah('content-type')).response((r) => r.status(201).acao(PAGE)).build(),
    exchange().method('PUT').header('X-Trace', 'abc').to(`${API}/items/7`).response((r) => r.acao(PAGE)).build(),
    exchange().to(`${API}/down`).response((r) => r.status(502)).failed().build(),
    exchange().method('DELETE').to(`${API}/items/7`).preflight((p) => p.status(404)).failed().build(),
    exchange().cookie('sid=1').to(`${API}/me`).response((r) => r.acao('*')).failed().build(),
    exchange().to(`${API}/r`).redirect((r) => r.to('http://127.0.0.1:4003/x').acao(PAGE)).response((r) => r.acao(PAGE)).failed().build(),
    exchange().to(`${PAGE}/local.json`).response().build(),
    exchange().type('image').mode('no-cors').to(`${API}/logo.png`).response().build(),
    exchange().to(`${API}/gone`).failed('net::ERR_CONNECTION_REFUSED').build(),
    exchange().observer('chrome-basic').to(`${API}/hidden`).failed().build(),
    exchange().type('font').to(`${API}/f.woff2`).response((r) => r.acao(PAGE)).build(),
    exchange().header('Authorization', 'Bearer x').to(`${API}/secure`).preflight((p) => p.acao(PAGE).acah('*')).response((r) => r.acao(PAGE)).build(),
    exchange().type('main_frame').mode('navigate').to(`${API}/`).response().build(),
    exchange().pending().build(),
  ];
  // Vary URLs so nothing is served from a per-URL cache.
  const out: Exchange[] = [];
  for (let i = 0; i < 4000; i++) {
    const ex = structuredClone(base[i % base.length]!);
    ex.url = ex.url.replace(/(\?|$)/, `/${i}$1`);
    ex.id = String(i);
    out.push(ex);
  }
  return out;
}

const APP = 'https://app.example.com';
const CDN = 'https://cdn.example.org';
const APIS = ['https://api.example.net', 'https://auth.example.io', 'https://data.example.dev'];

/** What Chrome sends with a fetch() from APP (the page's own headers come after). */
function chromeRequest(mode: string, dest: string, extra: HeaderList = []): HeaderList {
  return [
    ['sec-ch-ua-platform', '"Linux"'], ['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36'],
    ['sec-ch-ua', '"Chromium";v="156", "Not-A.Brand";v="24"'], ['sec-ch-ua-mobile', '?0'], ['Accept', dest === 'font' ? '*/*' : 'application/json, text/plain, */*'],
    ...extra, ...(mode === 'cors' ? [['Origin', APP] as [string, string]] : []), ['Sec-Fetch-Site', 'cross-site'], ['Sec-Fetch-Mode', mode],
    ['Sec-Fetch-Dest', dest], ['Referer', `${APP}/dashboard`], ['Accept-Encoding', 'gzip, deflate, br, zstd'], ['Accept-Language', 'en-US,en;q=0.9,fr;q=0.8'],
  ];
}

/** A typical API or CDN response (nginx, JSON, caching headers), with the CORS headers given. */
function serverResponse(cors: HeaderList, type = 'application/json; charset=utf-8'): HeaderList {
  return [
    ['date', 'Sat, 21 Nov 2026 23:00:00 GMT'], ['content-type', type], ['content-length', '1834'], ['server', 'nginx/1.27.2'],
    ['vary', 'Origin, Accept-Encoding'], ...cors, ['cache-control', 'private, max-age=0, no-cache'], ['etag', 'W/"72a-1f9c"'],
    ['x-request-id', '6f1c2e0a-52b1-4f7e-9a3c-1d2e3f4a5b6c'], ['strict-transport-security', 'max-age=63072000'],
  ];
}

/** One request of lab-like traffic: 10 kinds, allowed and blocked, simple and preflighted. */
function labRequest(t: Traffic, i: number): void {
  const id = String(i);
  const api = APIS[i % APIS.length]!;
  const url = `${api}/v1/items/${i}?page=${i % 7}`;
  const acao: HeaderList = [['access-control-allow-origin', APP]];
  const done = (status = 200, method = 'GET', u = url) => t.started(id, u, status, method).completed(id, u, status, method);
  const preflight = (method: string, headers: string, reply: HeaderList, status = 204) => {
    const p = `p${id}`;
    t.request(p, url, 'OPTIONS').sent(p, url, [['Accept', '*/*'], ['Access-Control-Request-Method', method],
      ['Access-Control-Request-Headers', headers], ['Origin', APP], ['User-Agent', 'Mozilla/5.0 Chrome/156.0.0.0'], ['Sec-Fetch-Mode', 'cors'],
      ['Sec-Fetch-Site', 'cross-site'], ['Sec-Fetch-Dest', 'empty'], ['Referer', `${APP}/`], ['Accept-Encoding', 'gzip, deflate, br, zstd'],
      ['Accept-Language', 'en-US,en;q=0.9']], 'OPTIONS')
      .received(p, url, status, [['date', 'Sat, 21 Nov 2026 23:00:00 GMT'], ['content-length', '0'], ['server', 'nginx/1.27.2'], ...reply,
        ['vary', 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers']], 'OPTIONS')
      .completed(p, url, status, 'OPTIONS');
  };
  switch (i % 10) {
    case 0: // simple GET, allowed
    case 1:
      t.request(id, url).sent(id, url, chromeRequest('cors', 'empty')).received(id, url, 200, serverResponse(acao));
      return void done();
    case 2: // simple GET, no Access-Control-Allow-Origin: blocked
      t.request(id, url).sent(id, url, chromeRequest('cors', 'empty')).received(id, url, 200, serverResponse([]));
      return void t.failed(id, url, 'net::ERR_FAILED');
    case 3: { // JSON PUT, preflighted, allowed
      preflight('PUT', 'content-type', [['access-control-allow-origin', APP], ['access-control-allow-methods', 'GET, POST, PUT, DELETE'],
        ['access-control-allow-headers', 'Content-Type, Authorization'], ['access-control-max-age', '600']]);
      t.request(id, url, 'PUT').sent(id, url, chromeRequest('cors', 'empty', [['Content-Type', 'application/json']]), 'PUT')
        .received(id, url, 200, serverResponse(acao), 'PUT');
      return void done(200, 'PUT');
    }
    case 4: { // Authorization header, preflight does not allow it: blocked at the preflight
      preflight('GET', 'authorization', [['access-control-allow-origin', APP], ['access-control-allow-methods', 'GET']]);
      t.request(id, url).sent(id, url, []);
      return void t.failed(id, url, 'net::ERR_FAILED');
    }
    case 5: // credentialed GET with a cookie, allowed
      t.request(id, url).sent(id, url, chromeRequest('cors', 'empty', [['Cookie', 'sid=7f3a9c; theme=dark']]))
        .received(id, url, 200, serverResponse([...acao, ['access-control-allow-credentials', 'true'], ['access-control-expose-headers', 'X-Request-Id']]));
      return void done();
    case 6: { // credentialed with a wildcard: blocked
      t.request(id, url).sent(id, url, chromeRequest('cors', 'empty', [['Cookie', 'sid=7f3a9c']]))
        .received(id, url, 200, serverResponse([['access-control-allow-origin', '*']]));
      return void t.failed(id, url, 'net::ERR_FAILED');
    }
    case 7: { // a redirect, then allowed
      const to = `${api}/v2/items/${i}`;
      t.request(id, url).sent(id, url, chromeRequest('cors', 'empty')).received(id, url, 302, [['location', to], ...serverResponse(acao, 'text/html')])
        .redirected(id, url, 302, to).sent(id, to, chromeRequest('cors', 'empty')).received(id, to, 200, serverResponse(acao));
      return void done(200, 'GET', to);
    }
    case 8: { // a web font from a CDN
      const font = `${CDN}/fonts/inter-${i}.woff2`;
      const ctx = { type: 'font' as const };
      t.request(id, font, 'GET', ctx).sent(id, font, chromeRequest('cors', 'font'), 'GET', ctx)
        .received(id, font, 200, serverResponse([['access-control-allow-origin', '*']], 'font/woff2'), 'GET', ctx)
        .started(id, font, 200, 'GET', ctx).completed(id, font, 200, 'GET', ctx);
      return;
    }
    default: { // an image, no-cors
      const img = `${CDN}/img/${i}.png`;
      const ctx = { type: 'image' as const };
      t.request(id, img, 'GET', ctx).sent(id, img, chromeRequest('no-cors', 'image'), 'GET', ctx)
        .received(id, img, 200, serverResponse([], 'image/png'), 'GET', ctx).started(id, img, 200, 'GET', ctx).completed(id, img, 200, 'GET', ctx);
    }
  }
}

/** Exchanges as the worker hands them to the classifier: webRequest events → capture → correlator. */
function captured(n: number): Exchange[] {
  const wr = new FakeWebRequest({ clone: false });
  const correlator = new Correlator(observerFor(wr));
  createCapture(wr, (e) => correlator.apply(e)).start();
  const t = new Traffic(wr, { tabId: 3, frameId: 0, type: 'xmlhttprequest', initiator: APP });
  for (let i = 0; i < n; i++) labRequest(t, i);
  correlator.flushOrphans();
  const out = correlator.drain().ended.map((r) => r.ex);
  if (out.length !== n) throw new Error(`bench: captured ${out.length} exchanges of ${n}`);
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Every header list of the exchange summarised again, as the capture summarises each list it makes. */
function summarized(ex: Exchange): Exchange {
  // A preflight's own list without its need part, as the capture does for an OPTIONS request.
  eachHeaderList(ex, (list, role) => (role === 'response' ? summarizeResponse(list) : summarizeRequest(list, role === 'request')));
  return ex;
}

/** Median of 7 runs of about 300 ms each: exchanges per CPU-second and per wall-clock second. */
function throughput(list: readonly Exchange[], judge: (ex: Exchange) => number = (ex) => classify(ex).reasons.length): { cpu: number; wall: number } {
  let sink = 0;
  for (let i = 0; i < 3; i++) for (const ex of list) sink += judge(ex);
  const cpuRates: number[] = [];
  const wallRates: number[] = [];
  for (let run = 0; run < 7; run++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    let n = 0;
    while (performance.now() - t0 < 300) {
      for (const ex of list) sink += judge(ex);
      n += list.length;
    }
    const cpu = process.cpuUsage(c0);
    cpuRates.push(n / ((cpu.user + cpu.system) / 1e6));
    wallRates.push(n / ((performance.now() - t0) / 1000));
  }
  if (sink < 0) throw new Error('unreachable');
  return { cpu: median(cpuRates), wall: median(wallRates) };
}

type Rate = { cpu: number; wall: number };

/** What each row measures, by name. */
const ROWS: Record<string, () => Rate> = {
  mix: () => throughput(mix()),
  real: () => throughput(captured(4000)),
  summarized: () => throughput(captured(4000), (ex) => classify(summarized(ex)).reasons.length),
  bare: () => throughput(captured(4000).map((ex) => markTyped(structuredClone(ex)))),
  'real-after-mix': () => {
    throughput(mix());
    return throughput(captured(4000));
  },
};

const SELF = fileURLToPath(import.meta.url);

/** One row, measured in a fresh process (see the top of this file). */
function isolated(name: string): Rate {
  const r = spawnSync(process.execPath, ['--import', 'tsx', SELF, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`bench: the classify row "${name}" exited with ${r.status ?? r.signal}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Rate;
}

if (process.argv[1] === SELF) {
  const measure = ROWS[process.argv[2] ?? ''];
  if (!measure) throw new Error(`bench: no classify row "${process.argv[2]}" (rows: ${Object.keys(ROWS).join(', ')})`);
  process.stdout.write(`${JSON.stringify(measure())}\n`);
}

export async function run(): Promise<BenchRow[]> {
  const [built, real, withSummary, bare, polluted] = ['mix', 'real', 'summarized', 'bare', 'real-after-mix'].map(isolated) as [Rate, Rate, Rate, Rate, Rate];
  const row = (metric: string, value: number): BenchRow => ({ area: 'classify', metric, value, unit: 'exchanges/s', target: `>= ${TARGET}`, ok: value >= TARGET });
  return [
    row('throughput per CPU-second (mix of 16 kinds, median of 7)', built.cpu),
    row('throughput per CPU-second (real captured exchanges, Chrome header sets)', real.cpu),
    row("throughput per CPU-second (the same, the capture's summary of their header lists made again before each: its cost counted)", withSummary.cpu),
    row('throughput per CPU-second (the same without summaries, as from a HAR: the classifier makes them)', bare.cpu),
    { area: 'classify', metric: 'throughput per CPU-second, real captured exchanges measured after the mix in the same process', value: polluted.cpu, unit: 'exchanges/s' },
    { area: 'classify', metric: 'throughput wall-clock, real captured exchanges (machine load included)', value: real.wall, unit: 'exchanges/s' },
  ];
}
