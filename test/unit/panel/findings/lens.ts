/**
 * Log entries that produce findings and preflight cost, built with the shared builder and judged by the
 * real classifier; the panel is given what the core's findingsOf / preflightCost make of them, never
 * hand-written findings.
 */
import { findingsOf, preflightCost } from '../../../../src/core/findings';
import type { Exchange } from '../../../../src/core/model/exchange';
import type { ExchangeEntry, TabFindings } from '../../../../src/shared/protocol';
import { API, entry, PAGE } from '../fixtures';
import { exchange } from '../../../support/builder';

export const T0 = 1_700_000_000_000;
export const SCRIPT = '<script>window.__pwned=1</script>';

/** Origin null granted with credentials: a high finding. */
export const nullOrigin = (seq = 1): ExchangeEntry =>
  entry(exchange().id('n1').from('null').cookie('sid=1').to(`${API}/me`).response((r) => r.acao('null').acac('true')).build(), seq);

/** A specific origin echoed without Vary: Origin: a low finding. */
export const echoNoVary = (seq = 2): ExchangeEntry =>
  entry(exchange().id('e1').to(`${API}/echo`).response((r) => r.acao(PAGE)).build(), seq);

/** Well configured: no finding. */
export const clean = (seq = 3): ExchangeEntry =>
  entry(exchange().id('c1').to(`${API}/clean`).response((r) => r.acao(PAGE).header('Vary', 'Origin')).build(), seq);

/** A PUT whose preflight started at `at` ms after T0 and took `ms`; Max-Age as given (undefined: absent). */
export function put(id: string, seq: number, at: number, ms: number, maxAge?: string, path = '/items/1'): ExchangeEntry {
  const ex: Exchange = exchange().id(id).method('PUT').to(`${API}${path}`)
    .preflight((p) => {
      p.acao(PAGE).acam('PUT').header('Vary', 'Origin');
      return maxAge === undefined ? p : p.header('Access-Control-Max-Age', maxAge);
    })
    .response((r) => r.acao(PAGE).header('Vary', 'Origin')).build();
  const e = entry(ex, seq);
  e.exchange.preflights[0]!.start = T0 + at;
  e.exchange.preflights[0]!.end = T0 + at + ms;
  return e;
}

/** Five preflights of one shape, 1 s apart (40, 10, 30, 20, 50 ms), with the Max-Age given. */
export const repeated = (maxAge?: string, path = '/items/1', first = 10): ExchangeEntry[] =>
  [40, 10, 30, 20, 50].map((ms, i) => put(`${path.replace(/\W/g, '')}-${i}`, first + i, i * 1000, ms, maxAge, path));

/** The `findings` port event for these entries, as the worker computes it (the core over the log). */
export function lensEvent(entries: readonly ExchangeEntry[]): TabFindings {
  const findings = findingsOf(entries);
  const cost = preflightCost(entries);
  const counts = { high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    tabId: 7,
    findings,
    cost,
    summary: {
      findings: { counts, total: findings.length, worst: findings[0]?.severity ?? null, top: findings.slice(0, 5) },
      cost: {
        preflights: cost.reduce((n, c) => n + c.preflights, 0),
        waitedMs: cost.reduce((n, c) => n + c.waited.totalMs, 0),
        saved: { preflights: cost.reduce((n, c) => n + c.saved.preflights, 0), ms: cost.reduce((n, c) => n + c.saved.ms, 0) },
        endpoints: cost.length,
        top: cost.slice(0, 3),
      },
    },
  };
}
