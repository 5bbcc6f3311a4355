/**
 * The panel bench's exchanges: a mix of ten shapes (simple, preflighted, blocked in several ways, redirected,
 * same-origin, no-cors, a font), repeated with distinct ids, URLs and times. The rows are made in the page
 * from the ten templates (bench/panel/page.ts), so 50,000 rows do not travel through the debugging protocol.
 */
import { classify } from '../../src/core/classify/classify';
import { buildHarReport } from '../../src/core/har';
import type { Exchange } from '../../src/core/model/exchange';
import type { ExchangeEntry, ExchangeRow, TabSummary } from '../../src/shared/protocol';
import { emptyCounts } from '../../src/shared/protocol';
import { toExchangeRow } from '../../src/shared/exchange-row';
import { exchange, PAGE, API } from '../../test/support/builder';

const T0 = Date.UTC(2026, 10, 21, 12, 0, 0);

function shapes(): Exchange[] {
  return [
    exchange().to(`${API}/items?page=1`).response((r) => r.acao(PAGE).header('Content-Type', 'application/json').header('Server', 'nginx')).build(),
    exchange().method('POST').header('Content-Type', 'application/json').to(`${API}/items`)
      .preflight((p) => p.acao(PAGE).acam('GET, POST, PUT').acah('content-type')).response((r) => r.status(201).acao(PAGE)).build(),
    exchange().method('PUT').header('X-Trace', 'abc').to(`${API}/items/7`).preflight((p) => p.acao(PAGE).acam('PUT')).failed().build(),
    exchange().to(`${API}/slash`).response((r) => r.acao(`${PAGE}/`).header('X-Powered-By', 'Express')).failed().build(),
    exchange().to(`${API}/none`).response((r) => r.status(404).header('Content-Type', 'text/html')).failed().build(),
    exchange().cookie('sid=1').to(`${API}/me`).response((r) => r.acao('*')).failed().build(),
    exchange().to(`${API}/r`).redirect((r) => r.to('http://127.0.0.1:4003/x').acao(PAGE)).response((r) => r.acao(PAGE)).failed().build(),
    exchange().to(`${PAGE}/local.json`).response().build(),
    exchange().type('image').mode('no-cors').to(`${API}/logo.png`).response().build(),
    exchange().type('font').to(`${API}/f.woff2`).response((r) => r.acao(PAGE)).build(),
  ];
}

/** Exchange `i` of the mix: shape `i % 10`, its URL numbered (`…/items/<i>?page=1`), 7 ms after the previous one. */
const urlOf = (url: string, i: number) => url.replace(/(\?|$)/, `/${i}$1`);

/** The `n` exchanges of the mix, in full (for the findings, the import file and the details). */
export function mix(n: number): Exchange[] {
  const base = shapes();
  const out: Exchange[] = [];
  for (let i = 0; i < n; i++) {
    const ex = structuredClone(base[i % base.length]!);
    ex.url = urlOf(ex.url, i);
    ex.id = `r${i}`;
    ex.timings = { start: T0 + i * 7, end: T0 + i * 7 + 40 };
    out.push(ex);
  }
  return out;
}

export const entriesOf = (xs: readonly Exchange[]): ExchangeEntry[] =>
  xs.map((exchange, i) => ({ exchange, verdict: classify(exchange), seq: i + 1, pageId: 'p1' }));

/** The ten templates the page numbers into rows: the row of exchange 0..9 (numbered 0..9 like the full mix). */
export const rowTemplates = (): ExchangeRow[] => entriesOf(mix(10)).map(toExchangeRow);

export function summaryOf(entries: readonly ExchangeEntry[]): TabSummary {
  const counts = emptyCounts();
  for (const e of entries) counts[e.verdict.kind]++;
  return { tabId: 1, page: { pageId: 'p1', url: `${PAGE}/`, startedAt: 0 }, counts, total: entries.length, dropped: 0, blocked: [] };
}

/** A HAR file of these exchanges, as the panel's own export writes it. */
export const harOf = (entries: readonly ExchangeEntry[]): string => JSON.stringify(buildHarReport(entries,
  { includeSensitive: false, browser: { name: 'Chromium', version: '156' }, extensionVersion: 'bench' }));
