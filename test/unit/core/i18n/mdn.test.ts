/** MDN links in the reader's language: French where MDN has the page, English (said so) otherwise. */
import { describe, expect, it } from 'vitest';
import { mdnFor } from '../../../../src/core/i18n/mdn';
import { mdnUrl, REASONS } from '../../../../src/core/reasons';

const EN_ERRORS = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/';
const FR_ERRORS = 'https://developer.mozilla.org/fr/docs/Web/HTTP/Guides/CORS/Errors/';

describe('mdnFor', () => {
  it.each(['CORSAllowOriginNotMatchingOrigin', 'CORSDidNotSucceed', 'CORSDisabled', 'CORSMissingAllowOrigin', 'CORSRequestNotHttp'])(
    'the French page of the CORS error %s',
    (slug) => {
      expect(mdnFor(EN_ERRORS + slug, 'fr')).toEqual({ url: FR_ERRORS + slug, lang: 'fr' });
    },
  );

  it('the French glossary entry and Access-Control-Allow-Origin page', () => {
    expect(mdnFor('https://developer.mozilla.org/en-US/docs/Glossary/CORS', 'fr'))
      .toEqual({ url: 'https://developer.mozilla.org/fr/docs/Glossary/CORS', lang: 'fr' });
    expect(mdnFor('https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Allow-Origin', 'fr'))
      .toEqual({ url: 'https://developer.mozilla.org/fr/docs/Web/HTTP/Reference/Headers/Access-Control-Allow-Origin', lang: 'fr' });
  });

  it('keeps a fragment, and a trailing slash or another letter case still finds the French page', () => {
    expect(mdnFor(`${EN_ERRORS}CORSMissingAllowOrigin#what_went_wrong`, 'fr'))
      .toEqual({ url: `${FR_ERRORS}CORSMissingAllowOrigin#what_went_wrong`, lang: 'fr' });
    expect(mdnFor(`${EN_ERRORS}corsmissingalloworigin/`, 'fr').lang).toBe('fr');
  });

  it('the English page, said to be English, where MDN has no French page', () => {
    for (const slug of ['CORSNotSupportingCredentials', 'CORSMethodNotFound', 'CORSPreflightDidNotSucceed']) {
      expect(mdnFor(EN_ERRORS + slug, 'fr')).toEqual({ url: EN_ERRORS + slug, lang: 'en' });
    }
    expect(mdnFor('https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Vary', 'fr').lang).toBe('en');
  });

  it('English readers get the URL as given; a URL that is not an English MDN page is left alone', () => {
    expect(mdnFor(EN_ERRORS + 'CORSDisabled', 'en')).toEqual({ url: EN_ERRORS + 'CORSDisabled', lang: 'en' });
    for (const url of ['https://example.com/en-US/docs/Glossary/CORS', 'https://developer.mozilla.org/de/docs/Glossary/CORS', 'not a url', '']) {
      expect(mdnFor(url, 'fr')).toEqual({ url, lang: 'en' });
    }
  });

  it('every reason with an MDN page gets French exactly for the three CORS error pages they share with the French tree', () => {
    const french = REASONS.map((r) => mdnUrl(r)).filter((u): u is string => u !== null).filter((u) => mdnFor(u, 'fr').lang === 'fr');
    expect([...new Set(french.map((u) => u.slice(EN_ERRORS.length)))].sort()).toEqual(['CORSAllowOriginNotMatchingOrigin', 'CORSMissingAllowOrigin', 'CORSRequestNotHttp']);
  });
});
