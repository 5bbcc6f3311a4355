/**
 * Plain-language advice for each failure, on top of the header list. Keyed by reason code so the
 * advice follows what the browser actually reported.
 */
import type { CorsErrorCode, Reason } from '../verdict';
import type { FixNote, FixSpec } from './types';
import { commentText, } from './escape';
import { withoutUserinfo } from './url';

const warn = (text: string): FixNote => ({ level: 'warning', text });
const info = (text: string): FixNote => ({ level: 'info', text });

const WILDCARD = warn('Never answer "Access-Control-Allow-Origin: *" to a credentialed request: browsers reject it. Echo the exact origin, add "Access-Control-Allow-Credentials: true" and "Vary: Origin".');
const EXACT = info('Access-Control-Allow-Origin is compared as an exact string: a trailing slash, another port, http instead of https or different letter case all fail.');
const PREFLIGHT_2XX = info('The preflight (OPTIONS) must be answered with a 2xx status, 204 is usual, before any authentication, routing or redirect: browsers never send cookies or Authorization on it.');
const NO_HEADER_FIX = 'No response header can fix this.';

type NoteMaker = (reason: Reason, spec: FixSpec) => FixNote[];

const BY_CODE: Partial<Record<CorsErrorCode, NoteMaker>> = {
  WildcardOriginNotAllowed: () => [WILDCARD],
  PreflightWildcardOriginNotAllowed: () => [WILDCARD],
  MissingAllowOriginHeader: () => [info('The server sent no Access-Control-Allow-Origin at all: the CORS configuration is missing for this route, or another layer answered first.')],
  PreflightMissingAllowOriginHeader: () => [PREFLIGHT_2XX, info('The OPTIONS response carried no Access-Control-Allow-Origin: the route probably does not handle OPTIONS.')],
  MultipleAllowOriginValues: (r) => [warn(`Access-Control-Allow-Origin was sent more than once or as a list ("${commentText(r.received ?? '')}"). Usually two layers both add it (the application and a proxy or CDN): keep exactly one of them and remove the other (for nginx in front of an app, "proxy_hide_header Access-Control-Allow-Origin;").`)],
  PreflightMultipleAllowOriginValues: (r, s) => BY_CODE.MultipleAllowOriginValues?.(r, s) ?? [],
  InvalidAllowOriginValue: () => [EXACT, info('The value must be one origin (scheme://host[:port]) or "*": not a list, a path or an empty string.')],
  PreflightInvalidAllowOriginValue: () => [EXACT],
  AllowOriginMismatch: () => [EXACT],
  PreflightAllowOriginMismatch: () => [EXACT],
  InvalidAllowCredentials: () => [info('With credentials, "Access-Control-Allow-Credentials" must be exactly "true" (lowercase) on every response the browser checks.')],
  PreflightInvalidAllowCredentials: () => [info('The preflight response must also carry "Access-Control-Allow-Credentials: true" when the real request has credentials.')],
  PreflightInvalidStatus: () => [PREFLIGHT_2XX],
  PreflightDisallowedRedirect: () => [warn('The preflight was redirected: browsers never follow a redirect for a preflight. Common causes: an http→https or trailing-slash redirect, or a login redirect. Call the final URL directly and answer OPTIONS there with 204.')],
  InvalidAllowMethodsPreflightResponse: () => [info('Access-Control-Allow-Methods must be a comma-separated list of method names (tokens), nothing else.')],
  InvalidAllowHeadersPreflightResponse: () => [info('Access-Control-Allow-Headers must be a comma-separated list of header names (tokens), nothing else.')],
  MethodDisallowedByPreflightResponse: (_r, s) => [info(`Add "${commentText(s.method)}" to Access-Control-Allow-Methods exactly as the page sends it.`)],
  HeaderDisallowedByPreflightResponse: (r) => [info(`Add "${commentText(r.received ?? r.header ?? '')}" to Access-Control-Allow-Headers${r.received === '*' ? ' by name: with credentials "*" is not a wildcard' : ''}.`)],
  RedirectContainsCredentials: (r) => [warn(`The redirect's Location contains a user name and password${r.received ? ` ("${commentText(r.received)}")` : ''}. Drop the user:pass@ part from the Location${r.received ? ` ("${commentText(withoutUserinfo(r.received))}")` : ''}; send credentials another way (an Authorization header set by the page).`)],
  LocalNetworkAccessPermissionDenied: () => [warn(`${NO_HEADER_FIX} Chromium blocked a request from a public page to a local or loopback address because the user did not grant the Local Network Access permission. The user must allow "local network access" for the page (site settings), or the page must be served from the same network; CORS headers are still needed afterwards.`)],
  InsecureLocalNetwork: () => [warn(`${NO_HEADER_FIX} A page that is not a secure context (plain http) may not reach a more private address space: serve the page over HTTPS (then the user can grant the Local Network Access permission).`)],
  InvalidLocalNetworkAccess: () => [warn(`${NO_HEADER_FIX} The request declared a target address space (targetAddressSpace) that does not match where the server actually is: fix the fetch option in the page.`)],
  DisallowedByMode: () => [warn(`${NO_HEADER_FIX} The page used mode "same-origin" for a cross-origin URL: change the request mode in the page.`)],
  CorsDisabledScheme: () => [warn(`${NO_HEADER_FIX} CORS only works over http and https: serve the resource over HTTP(S) instead of file: or a custom scheme.`)],
  InvalidResponse: () => [info('The preflight failed at the network level before any CORS header was read: check that the server is reachable for OPTIONS.')],
};

/** Failures that no server header can cure. */
export const NO_HEADER_FIX_CODES: ReadonlySet<CorsErrorCode> = new Set<CorsErrorCode>([
  'LocalNetworkAccessPermissionDenied',
  'InsecureLocalNetwork',
  'InvalidLocalNetworkAccess',
  'DisallowedByMode',
  'CorsDisabledScheme',
]);

export function reasonNotes(reasons: readonly Reason[], spec: FixSpec): FixNote[] {
  const out: FixNote[] = [];
  for (const reason of reasons) {
    for (const note of BY_CODE[reason.code]?.(reason, spec) ?? []) {
      if (!out.some((n) => n.text === note.text)) out.push(note);
    }
  }
  return out;
}

/** Advice that depends on the shape of the exchange rather than on one reason. */
export function shapeNotes(spec: FixSpec, redirected: boolean, failingStep: string | null): FixNote[] {
  const out: FixNote[] = [];
  if (spec.origin === 'null') {
    out.push(warn('The browser sent "Origin: null", so only "Access-Control-Allow-Origin: null" matches. Allowing null is risky: sandboxed iframes, data: URLs and local files anywhere also send null. The better fix is to avoid the cross-origin redirect (call the final URL directly) so the real origin is kept.'));
  }
  if (!spec.originWellFormed) {
    out.push(warn(`The recorded origin "${commentText(spec.origin)}" is not a well-formed origin (it may come from an edited or malformed capture); check it before using these snippets.`));
  }
  if (spec.credentials) out.push(WILDCARD);
  if (spec.errorStatus !== null) {
    out.push(info(`The failing response had status ${spec.errorStatus}. Error responses need the CORS headers too, or the page cannot even read the error: in nginx add "always" to add_header, in Apache use "Header always set", in frameworks register CORS before error handlers and authentication.`));
  }
  if (redirected) {
    out.push(info('A redirect hop is checked like a response: every cross-origin 3xx needs the CORS headers too. Calling the final URL directly avoids the extra hop.'));
  }
  if (spec.method !== spec.method.toUpperCase()) {
    out.push(warn(`The method is sent as "${commentText(spec.method)}" (not upper case). Browsers compare it case-sensitively with Access-Control-Allow-Methods, and several frameworks upper-case what they send; the robust fix is to send "${commentText(spec.method.toUpperCase())}" from the page.`));
  }
  if (failingStep === 'preflight' && spec.preflight) out.push(PREFLIGHT_2XX);
  return out;
}
