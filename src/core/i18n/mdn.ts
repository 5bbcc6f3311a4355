/**
 * MDN links in the reader's language. The reasons keep MDN's English URL (a machine field of the
 * verdict); a surface asks `mdnFor` which page to link: the French page where MDN has one (five CORS
 * error pages, the CORS glossary entry, the Access-Control-Allow-Origin header page), otherwise the
 * English page, with `lang: 'en'` so the surface can say the page is in English.
 */
import type { Lang } from './words';

const ORIGIN = 'https://developer.mozilla.org';
const ENGLISH = /^https:\/\/developer\.mozilla\.org\/en-US\/docs\/([^?#]+?)\/?([?#].*)?$/i;

/** Pages under /docs/ that MDN has in French (checked against MDN's French tree; compared ignoring case, as MDN does). */
const FRENCH_PAGES: ReadonlySet<string> = new Set(
  [
    'Web/HTTP/Guides/CORS/Errors/CORSAllowOriginNotMatchingOrigin',
    'Web/HTTP/Guides/CORS/Errors/CORSDidNotSucceed',
    'Web/HTTP/Guides/CORS/Errors/CORSDisabled',
    'Web/HTTP/Guides/CORS/Errors/CORSMissingAllowOrigin',
    'Web/HTTP/Guides/CORS/Errors/CORSRequestNotHttp',
    'Glossary/CORS',
    'Web/HTTP/Reference/Headers/Access-Control-Allow-Origin',
  ].map((p) => p.toLowerCase()),
);

/**
 * The MDN page to link for an English MDN URL, in `lang` when MDN has it; the answer's `lang` is the
 * page's language ('en' when the reader asked for French and MDN has no French page).
 */
export function mdnFor(url: string, lang: Lang): { url: string; lang: Lang } {
  if (lang === 'en') return { url, lang: 'en' };
  const match = ENGLISH.exec(url);
  if (!match || !FRENCH_PAGES.has(match[1]!.toLowerCase())) return { url, lang: 'en' };
  return { url: `${ORIGIN}/${lang}/docs/${match[1]}${match[2] ?? ''}`, lang };
}
