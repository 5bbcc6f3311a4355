/**
 * The report says how many older exchanges the capture dropped (`log._corsLens.dropped`), as the popup
 * does: the exporters pass the tab summary's count. The log-level block follows its JSON schema.
 */
import { describe, expect, it } from 'vitest';
import { buildHarReport } from '../../../../../src/core/har';
import { prepareReport } from '../../../../../src/shared/report-download';
import { exchange, verdict } from '../builders';
import { corsLensErrors, harErrors } from '../schema';

const options = { includeSensitive: false, browser: { name: 'Chromium', version: '156' }, extensionVersion: '0.1.0', now: new Date(Date.UTC(2026, 0, 1)) };
const entries = [{ exchange: exchange(), verdict: verdict('simple') }];

describe('_corsLens.dropped', () => {
  it('carries the count it is given, and validates against the schema', () => {
    const har = buildHarReport(entries, { ...options, dropped: 1234 });
    expect(har.log._corsLens.dropped).toBe(1234);
    expect(corsLensErrors(har)).toEqual([]);
    expect(harErrors(har)).toEqual([]);
  });

  it('is 0 when not given, or when what is given is not a count', () => {
    expect(buildHarReport(entries, options).log._corsLens.dropped).toBe(0);
    for (const bad of [-3, 1.5, Number.NaN, '12', null, {}]) {
      const har = buildHarReport(entries, { ...options, dropped: bad as never });
      expect(har.log._corsLens.dropped).toBe(0);
      expect(corsLensErrors(har)).toEqual([]);
    }
  });

  it('the schema requires it', () => {
    const har = buildHarReport(entries, options) as unknown as { log: { _corsLens: Record<string, unknown> } };
    delete har.log._corsLens.dropped;
    expect(corsLensErrors(har)).toEqual(["_corsLens must have required property 'dropped'"]);
  });

  it('the export passes the tab summary\'s count through', () => {
    const withCount = prepareReport({ entries: entries.map((e, i) => ({ ...e, seq: i, pageId: 'p' })), includeSensitive: false, now: options.now, dropped: 42 }, options.browser, '0.1.0');
    expect(withCount.report.log._corsLens.dropped).toBe(42);
    expect(JSON.parse(withCount.text).log._corsLens.dropped).toBe(42);
  });
});
