import { requestEvidence, type RequestInput } from './request-rules';
import { NO_HEADER_FIX, warn } from './texts';
import type { ReasonDef } from './types';

/** A `mode: 'same-origin'` request reached another origin (only observable after a redirect). */
export const disallowedByMode: ReasonDef<RequestInput> = {
  code: 'DisallowedByMode',
  family: 'request',
  header: null,
  mdnSlug: null,
  mdnAbsence: 'MDN has no CORS error page for this: it is a request-mode rule, not a server header.',
  firefoxKeys: [],
  firefoxAbsence: 'Firefox has no dedicated console reason for a same-origin-mode violation.',
  label: 'mode same-origin',
  noHeaderFix: true,
  notes: () => [warn(`${NO_HEADER_FIX} The page used mode "same-origin" for a cross-origin URL: change the request mode in the page.`)],
  detect: (i) => (i.mode === 'same-origin' && i.crossOrigin ? requestEvidence(i, i.url, 'same-origin') : null),
  short: (e) => `the request was made with mode "same-origin" but went to another origin (${e.url})`,
  summary: (e) =>
    `The page asked for a same-origin-only request (fetch mode "same-origin"), but it ended up at ${e.url}, another origin, so the browser refused it.`,
  expected: () => 'a URL on the same origin as the page (or a mode other than "same-origin")',
  chrome: () => 'Cross origin requests are not allowed by request mode.',
  firefox: () => null,
};
