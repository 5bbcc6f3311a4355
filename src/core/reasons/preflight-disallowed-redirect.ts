import { m } from '../i18n/msg';
import { preflightEvidence, type PreflightInput } from './preflight-rules';
import { firefoxLine, CHROME_PREFLIGHT_PREFIX, warn } from './texts';
import type { ReasonDef } from './types';

/** The preflight was answered with a redirect; preflights may not be redirected. */
export const preflightDisallowedRedirect: ReasonDef<PreflightInput> = {
  code: 'PreflightDisallowedRedirect',
  family: 'preflight',
  header: 'Location',
  mdnSlug: 'CORSExternalRedirectNotAllowed',
  firefoxKeys: ['CORSExternalRedirectNotAllowed'],
  label: m('reason_PreflightDisallowedRedirect_label'),
  notes: () => [warn(m('reason_PreflightDisallowedRedirect_note'))],
  // A redirect's status is the redirect itself: the reason already names it.
  statusNote: () => null,
  detect: (p) =>
    p.status !== null && p.status >= 300 && p.status <= 399 && p.location !== null
      ? preflightEvidence(p, p.location, String(p.status))
      : null,
  short: (e) => m('reason_PreflightDisallowedRedirect_short', { status: e.param, location: e.received ?? '?' }),
  summary: (e) =>
    e.received === null
      ? m('reason_PreflightDisallowedRedirect_summary_elsewhere', { status: e.param })
      : m('reason_PreflightDisallowedRedirect_summary', { status: e.param, location: e.received }),
  expected: () => m('reason_PreflightDisallowedRedirect_expected'),
  chrome: () => CHROME_PREFLIGHT_PREFIX + 'Redirect is not allowed for a preflight request.',
  firefox: (e) => firefoxLine('CORSExternalRedirectNotAllowed', e.url),
};
