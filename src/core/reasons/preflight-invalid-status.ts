import { isOkStatus, preflightEvidence, type PreflightInput } from './preflight-rules';
import { firefoxLine, info, PREFLIGHT_PREFIX, statusText } from './texts';
import type { ReasonDef } from './types';

/** Also said of a preflight that had no Allow-Origin, and of any fix whose failing step is the preflight (fix/notes.ts). */
export const PREFLIGHT_2XX_NOTE = info('The preflight (OPTIONS) must be answered with a 2xx status, 204 is usual, before any authentication, routing or redirect: browsers never send cookies or Authorization on it.');

/** The preflight passed the origin check but its status was not 2xx. */
export const preflightInvalidStatus: ReasonDef<PreflightInput> = {
  code: 'PreflightInvalidStatus',
  family: 'preflight',
  header: null,
  mdnSlug: 'CORSPreflightDidNotSucceed',
  firefoxKeys: ['CORSPreflightDidNotSucceed3'],
  label: 'preflight status not 2xx',
  notes: () => [PREFLIGHT_2XX_NOTE],
  statusNote: (status) => `The server answered the preflight (OPTIONS) with ${status}; many frameworks need an explicit OPTIONS route, or CORS middleware placed before authentication.`,
  detect: (p) => (isOkStatus(p.status) ? null : preflightEvidence(p, p.status === null ? null : String(p.status), String(p.status ?? ''))),
  short: (e) => `the server answered the preflight with HTTP ${statusText(e)} instead of a 2xx status`,
  summary: (e) =>
    `The server answered the preflight (OPTIONS) with HTTP ${statusText(e)}; the browser needs a 2xx status (200 or 204) before it sends the real request.`,
  expected: () => 'a 2xx status (200 or 204) for the OPTIONS request',
  chrome: () => PREFLIGHT_PREFIX + 'It does not have HTTP ok status.',
  firefox: (e) => firefoxLine('CORSPreflightDidNotSucceed3', e.url, `CORS preflight response did not succeed). Status code: ${statusText(e)}.`),
};
