/** A request blocked at its preflight was never sent: its entry keeps the HAR-legal status 0 and says so in `_cors`. */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import { buildHarReport } from '../../../../src/core/har';
import { API, exchange, PAGE } from '../../../support/builder';
import { corsBlockErrors, harErrors } from './schema';

const OPTS = { includeSensitive: false, browser: { name: 'Chromium', version: '156' }, extensionVersion: '0.1.0' };
const report = (x: ReturnType<ReturnType<typeof exchange>['build']>) => buildHarReport([{ exchange: x, verdict: classify(x) }], OPTS);

describe('HAR report: a request never sent', () => {
  it('blocked at its preflight: request entry status 0 and _cors.sent false; the preflight entry keeps its 500', () => {
    const har = report(exchange().from(PAGE).to(`${API}/api/items/1`).method('PATCH').header('X-CSRF-Token', 't')
      .preflight((p) => p.status(500)).failed().build());
    expect(harErrors(har)).toEqual([]);
    expect(corsBlockErrors(har)).toEqual([]);
    const request = har.log.entries.find((e) => e._cors.role === 'request')!;
    const preflight = har.log.entries.find((e) => e._cors.role === 'preflight')!;
    expect(request.response.status).toBe(0);
    expect(request._cors.sent).toBe(false);
    expect(preflight.response.status).toBe(500);
    expect('sent' in preflight._cors).toBe(false);
  });

  it('a preflight refused at the network level: not sent either', () => {
    const har = report(exchange().from(PAGE).to(`${API}/api/items/1`).method('PUT')
      .preflight((p) => p.error('net::ERR_CONNECTION_REFUSED')).failed('net::ERR_CONNECTION_REFUSED').build());
    expect(har.log.entries.find((e) => e._cors.role === 'request')!._cors.sent).toBe(false);
    expect(corsBlockErrors(har)).toEqual([]);
  });

  it('a request that was sent (even one CORS then blocked) has no sent field', () => {
    const har = report(exchange().from(PAGE).to(`${API}/api/x`).response((r) => r.status(200)).failed().build());
    const request = har.log.entries.find((e) => e._cors.role === 'request')!;
    expect(request.response.status).toBe(200);
    expect('sent' in request._cors).toBe(false);
  });

  it('the schema rejects sent: true (only the absence of a request is recorded)', () => {
    const har = report(exchange().from(PAGE).to(`${API}/api/x`).response((r) => r.status(200)).build());
    (har.log.entries[0]!._cors as unknown as Record<string, unknown>).sent = true;
    expect(corsBlockErrors(har).join('\n')).toMatch(/sent/);
  });
});
