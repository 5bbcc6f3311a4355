// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserInfo, downloadText, prepareReport } from '../../../src/shared/report-download';
import { entries, PAGE_INFO } from '../popup/fake-connector';
import { exchange } from '../../support/builder';
import { wordsFor } from '../../../src/core/i18n/catalogues';
import { langSetting } from '../../../src/ui/i18n';

afterEach(() => vi.restoreAllMocks());

describe('browserInfo', () => {
  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0', [], { name: 'Firefox', version: '153.0' }],
    ['Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 Edg/156.0.0.0', [], { name: 'Microsoft Edge', version: '156.0.0.0' }],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.7390.54 Safari/537.36', [{ brand: 'Google Chrome', version: '156' }], { name: 'Google Chrome', version: '156.0.7390.54' }],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36', [{ brand: 'Chromium', version: '156' }], { name: 'Chromium', version: '156.0.0.0' }],
    ['curl/8.0', [], { name: 'unknown', version: '' }],
  ])('%s', (ua, brands, expected) => {
    expect(browserInfo(ua, brands)).toEqual(expected);
  });
});

describe('downloadText', () => {
  it('saves through a Blob URL and a temporary <a download>, then leaves the page as it was', () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => { created.push(b as Blob); return 'blob:cors-lens/1'; });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicks: { href: string; download: string; attached: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download, attached: this.isConnected });
    });
    const bytes = downloadText('{"log":{}}', 'cors-report-x-20261121-213015.har');
    expect(clicks).toEqual([{ href: 'blob:cors-lens/1', download: 'cors-report-x-20261121-213015.har', attached: true }]);
    expect(created[0]!.type).toBe('application/json');
    expect(bytes).toBe(10);
    expect(document.querySelectorAll('a').length).toBe(0);
  });
});

describe('prepareReport', () => {
  it('names the file after the page host and the local time, and builds the report from every entry', () => {
    const now = new Date(2026, 10, 21, 21, 30, 15);
    const list = entries([exchange().id('a').build(), exchange().id('b').failed().build()]);
    const { fileName, report, text } = prepareReport({ entries: list, pages: [PAGE_INFO], includeSensitive: false, now }, { name: 'Chromium', version: '156' }, '9.9.9');
    expect(fileName).toBe('cors-report-127.0.0.1_4001-20261121-213015.har');
    expect(report.log.creator).toEqual({ name: 'CORS Lens', version: '9.9.9' });
    expect(report.log._corsLens.exchanges).toBe(2);
    expect(JSON.parse(text)).toEqual(report);
  });

  it("writes the sentences in the page's language (or the one given), the machine fields unchanged", () => {
    const now = new Date(2026, 10, 21, 21, 30, 15);
    const list = entries([exchange().id('a').failed().build()]);
    const input = { entries: list, pages: [PAGE_INFO], includeSensitive: false, now };
    const before = langSetting.value;
    try {
      langSetting.value = 'en';
      const en = prepareReport(input, { name: 'Chromium', version: '156' }, '9.9.9').report;
      langSetting.value = 'fr';
      const fr = prepareReport(input, { name: 'Chromium', version: '156' }, '9.9.9').report;
      expect(en.log._corsLens.lang).toBe('en');
      expect(fr.log._corsLens.lang).toBe('fr');
      const [a, b] = [en.log.entries[0]!._cors, fr.log.entries[0]!._cors];
      expect(b.verdict).toBe(a.verdict);
      expect(b.reasons.map((r) => r.code)).toEqual(a.reasons.map((r) => r.code));
      expect(b.headline).not.toBe(a.headline);
      langSetting.value = 'en';
      const given = prepareReport({ ...input, words: wordsFor('fr') }, { name: 'Chromium', version: '156' }, '9.9.9').report;
      expect(given.log._corsLens.lang).toBe('fr');
      expect(given.log.entries[0]!._cors.headline).toBe(b.headline);
    } finally {
      langSetting.value = before;
    }
  });
});
