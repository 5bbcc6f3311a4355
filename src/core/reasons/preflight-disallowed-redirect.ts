import { preflightEvidence, type PreflightInput } from './preflight-rules';
import { firefoxLine, PREFLIGHT_PREFIX, warn } from './texts';
import type { ReasonDef } from './types';

/** The preflight was answered with a redirect; preflights may not be redirected. */
export const preflightDisallowedRedirect: ReasonDef<PreflightInput> = {
  code: 'PreflightDisallowedRedirect',
  family: 'preflight',
  header: 'Location',
  mdnSlug: 'CORSExternalRedirectNotAllowed',
  firefoxKeys: ['CORSExternalRedirectNotAllowed'],
  label: 'preflight redirected',
  notes: () => [warn('The preflight was redirected: browsers never follow a redirect for a preflight. Common causes: an http→https or trailing-slash redirect, or a login redirect. Call the final URL directly and answer OPTIONS there with 204.')],
  // A redirect's status is the redirect itself: the reason already names it.
  statusNote: () => null,
  detect: (p) =>
    p.status !== null && p.status >= 300 && p.status <= 399 && p.location !== null
      ? preflightEvidence(p, p.location, String(p.status))
      : null,
  short: (e) => `the preflight was redirected (${e.param} to ${e.received ?? '?'}), which browsers never follow`,
  summary: (e) =>
    `The server answered the preflight (OPTIONS) with a ${e.param} redirect to ${e.received ?? 'another URL'}; a preflight must be answered directly, so the browser stopped there.`,
  expected: () => 'a 2xx answer to OPTIONS at the requested URL itself (call the final URL directly, or let OPTIONS through without the redirect)',
  chrome: () => PREFLIGHT_PREFIX + 'Redirect is not allowed for a preflight request.',
  firefox: (e) => firefoxLine('CORSExternalRedirectNotAllowed', e.url, 'CORS request external redirect not allowed).'),
};
