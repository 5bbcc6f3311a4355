/** A redirect the browser did not follow (`followed: false`) ends the HAR chain whatever the verdict. */
import { describe, expect, it } from 'vitest';
import { buildHarReport } from '../../../../../src/core/har';
import { API, T0, exchange, hop, verdict } from '../builders';

const OPTS = { includeSensitive: false, browser: { name: 'Chromium', version: '156.0.7500.1' }, extensionVersion: '0.1.0', now: new Date(T0 + 60_000) };

describe('HAR of a refused redirect', () => {
  it('a network error at a hop not followed: one entry, no request to its Location', () => {
    const x = exchange({
      url: `${API}/start`,
      redirects: [{ ...hop(`${API}/start`, 'http://127.0.0.1:9/next', T0 + 20), followed: false }],
      response: undefined,
      outcome: { state: 'failed', error: 'net::ERR_UNSAFE_REDIRECT' },
    });
    const har = buildHarReport([{ exchange: x, verdict: verdict('network-error') }], OPTS);
    expect(har.log.entries).toHaveLength(1);
    expect(har.log.entries[0]!.response).toMatchObject({ status: 302, redirectURL: 'http://127.0.0.1:9/next', _error: 'net::ERR_UNSAFE_REDIRECT' });
  });
});
