/**
 * Classifier throughput over a realistic mix of exchanges (simple, preflighted, blocked in various
 * ways, redirects, same-origin, no-cors, network errors): exchanges classified per second, median of
 * 7 runs after a warm-up. Target: >= 200,000/s.
 */
import type { BenchRow } from './index';
import { classify } from '../src/core/classify/classify';
import type { Exchange } from '../src/core/model/exchange';
import { exchange, PAGE, API } from '../test/support/builder';

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

export async function run(): Promise<BenchRow[]> {
  const list = mix();
  let sink = 0;
  for (let i = 0; i < 3; i++) for (const ex of list) sink += classify(ex).reasons.length;
  // CPU time of this process (user + system), so that other processes sharing the 2 cores do not
  // distort the figure; wall-clock throughput is reported next to it for reference.
  const cpuRates: number[] = [];
  const wallRates: number[] = [];
  for (let run = 0; run < 7; run++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    let n = 0;
    while (performance.now() - t0 < 300) {
      for (const ex of list) sink += classify(ex).reasons.length;
      n += list.length;
    }
    const cpu = process.cpuUsage(c0);
    cpuRates.push(n / ((cpu.user + cpu.system) / 1e6));
    wallRates.push(n / ((performance.now() - t0) / 1000));
  }
  if (sink < 0) throw new Error('unreachable');
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const cpuMedian = median(cpuRates);
  return [
    { area: 'classify', metric: 'throughput per CPU-second (mix of 16 kinds, median of 7)', value: cpuMedian, unit: 'exchanges/s', target: '>= 200000', ok: cpuMedian >= 200_000 },
    { area: 'classify', metric: 'throughput wall-clock (same runs, machine load included)', value: median(wallRates), unit: 'exchanges/s' },
  ];
}
