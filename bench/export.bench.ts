/**
 * HAR report of 5,000 exchanges (a realistic mix: preflights, redirects, failures, secrets to redact):
 * building the report and serialising it as the popup/panel save it, median of 5 runs after a warm-up.
 * Target: export <= 1,000 ms. Also reported: reading the same file back (import), and its size.
 */
import type { BenchRow } from './index';
import { classify } from '../src/core/classify/classify';
import { buildHarReport, readHar } from '../src/core/har';
import type { Exchange } from '../src/core/model/exchange';
import { API, PAGE, exchange } from '../test/support/builder';

const N = 5000;

function corpus(): { exchange: Exchange; verdict: ReturnType<typeof classify>; seq: number; pageId: string }[] {
  const base: Exchange[] = [
    exchange().to(`${API}/items?page=1`).cookie('sid=secret').response((r) => r.acao(PAGE).acac('true').header('Set-Cookie', 'sid=new; Path=/; HttpOnly')).build(),
    exchange().method('PUT').header('X-Trace', 'abc').header('Authorization', 'Bearer t0k3n').to(`${API}/items/7`)
      .preflight((p) => p.acao(PAGE).acam('PUT').acah('authorization, x-trace')).response((r) => r.acao(PAGE)).build(),
    exchange().method('DELETE').to(`${API}/items/7`).preflight((p) => p.status(404)).failed().build(),
    exchange().to(`${API}/down`).response((r) => r.status(502)).failed().build(),
    exchange().to(`${API}/r`).redirect((r) => r.to('http://127.0.0.1:4003/x').acao(PAGE)).response((r) => r.acao(PAGE)).failed().build(),
    exchange().to(`${PAGE}/local.json`).response().build(),
    exchange().to(`${API}/gone`).failed('net::ERR_CONNECTION_REFUSED').build(),
  ];
  const out = [];
  for (let i = 0; i < N; i++) {
    const x = structuredClone(base[i % base.length]!);
    x.id = `x${i}`;
    x.url = x.url.replace(/(\?|$)/, `/${i}$1`);
    x.timings = { start: x.timings.start + i * 7, end: x.timings.start + i * 7 + 30 };
    out.push({ exchange: x, verdict: classify(x), seq: i + 1, pageId: 'page-1' });
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function run(): Promise<BenchRow[]> {
  const entries = corpus();
  const options = { includeSensitive: false, browser: { name: 'Chromium', version: '156' }, extensionVersion: '0.1.0', pages: [{ pageId: 'page-1', url: `${PAGE}/`, startedAt: 0 }] };
  const exportOnce = () => JSON.stringify(buildHarReport(entries, options), null, 2);
  let text = exportOnce();
  const exportTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    text = exportOnce();
    exportTimes.push(performance.now() - t);
  }
  readHar(text);
  const importTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const { exchanges } = readHar(text);
    importTimes.push(performance.now() - t);
    if (exchanges.length !== N) throw new Error(`read back ${exchanges.length} exchanges, expected ${N}`);
  }
  const exportMs = median(exportTimes);
  return [
    { area: 'export', metric: `HAR report of ${N.toLocaleString('en-US')} exchanges (build + JSON)`, value: exportMs, unit: 'ms', target: '<= 1000', ok: exportMs <= 1000 },
    { area: 'export', metric: 'report size', value: text.length / 1024 / 1024, unit: 'MB' },
    { area: 'export', metric: `readHar of the same report (${N.toLocaleString('en-US')} exchanges)`, value: median(importTimes), unit: 'ms' },
  ];
}
