import { detectAccess, type AccessInput } from './access-rules';
import { ffMismatch, whereCap } from './access-texts';
import { firefoxLine, q, quoted, warn, where } from './texts';
import type { ReasonDef } from './types';

/** ACAO holds a list (space or comma), or arrived on two header lines. */
export const multipleAllowOriginValues: ReasonDef<AccessInput> = {
  code: 'MultipleAllowOriginValues',
  family: 'access',
  header: 'Access-Control-Allow-Origin',
  mdnSlug: 'CORSMultipleAllowOriginNotAllowed',
  firefoxKeys: ['CORSMultipleAllowOriginNotAllowed', 'CORSAllowOriginNotMatchingOrigin'],
  label: 'several Allow-Origin values',
  notes: (r) => [warn(`Access-Control-Allow-Origin was sent more than once or as a list ("${quoted(r.received ?? '')}"). Usually two layers both add it (the application and a proxy or CDN): keep exactly one of them and remove the other (for nginx in front of an app, "proxy_hide_header Access-Control-Allow-Origin;").`)],
  detect: detectAccess('multiple'),
  short: (e) =>
    twoLines(e) ? `${where(e)} sent Access-Control-Allow-Origin twice` : `${where(e)} listed several values in Access-Control-Allow-Origin`,
  summary: (e) =>
    twoLines(e)
      ? `${whereCap(e)} carried ${e.detail} Access-Control-Allow-Origin headers (combined: ${q(e.received)}); only one is allowed — often both the application and a proxy add it.`
      : `${whereCap(e)} has Access-Control-Allow-Origin ${q(e.received)}, which is more than one value; the header takes exactly one origin (or *), never a list.`,
  expected: (e) => `exactly one Access-Control-Allow-Origin header with a single value: ${e.origin}`,
  chrome: (e) => `The 'Access-Control-Allow-Origin' header contains multiple values '${e.received ?? ''}', but only one is allowed.`,
  firefox: (e) =>
    twoLines(e)
      ? firefoxLine('CORSMultipleAllowOriginNotAllowed', e.url, 'Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed).')
      : ffMismatch(e),
};

function twoLines(e: { detail?: string }): boolean {
  return Number(e.detail ?? '1') > 1;
}
