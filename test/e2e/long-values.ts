/**
 * Exchanges whose header values are huge (issue 14): 256 KB (Chromium's response-header limit, so a live
 * server can send it), 1 MB and 10 MB (a HAR can hold any size). Shared by the real-panel test
 * (panel-long-values.test.ts) and the panel bench. Two long values per exchange, in the two shapes that
 * cost the most to lay out: an unbroken run in Access-Control-Allow-Origin (it also fails the check, so it
 * reaches the evidence, the character diff and both console messages) and a policy-like value with spaces.
 */
import { classify } from '../../src/core/classify/classify';
import { buildHarReport } from '../../src/core/har';
import type { Exchange } from '../../src/core/model/exchange';
import { API, exchange, PAGE } from '../support/builder';

export const LONG_SIZES = [
  { label: '256 KB', chars: 256 * 1024 },
  { label: '1 MB', chars: 1024 * 1024 },
  { label: '10 MB', chars: 10 * 1024 * 1024 },
] as const;

/** `default-src 'self'; img-src https://cdn-0.example …` up to `chars` characters. */
export function policyValue(chars: number): string {
  const unit = "img-src https://cdn.example 'self'; ";
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

export function longValueExchanges(): Exchange[] {
  return LONG_SIZES.map(({ chars }, i) => {
    const acao = `${PAGE}/${'x'.repeat(chars - PAGE.length - 1)}`;
    const x = exchange().id(`long-${i}`).to(`${API}/long/${chars}`)
      .response((r) => r.acao(acao).header('Content-Security-Policy', policyValue(chars)).header('Server', 'nginx'))
      .failed().build();
    x.timings = { start: x.timings.start + i * 100, end: x.timings.start + i * 100 + 40 };
    return x;
  });
}

/** A CORS Lens report (HAR 1.2) of the long-value exchanges, as the panel's Import HAR reads it. */
export function longValueHar(): string {
  const entries = longValueExchanges().map((exchange, i) => ({ exchange, verdict: classify(exchange), seq: i + 1 }));
  return JSON.stringify(buildHarReport(entries, { includeSensitive: true, browser: { name: 'Chromium', version: '156' }, extensionVersion: '0.1.0' }));
}
