/**
 * Plain-language advice for each failure, on top of the header list. Keyed by reason code so the
 * advice follows what the browser actually reported. Received values are quoted cut (bounds.ts).
 */
import type { Exchange } from '../model/exchange';
import type { CorsErrorCode, Reason, Verdict } from '../model/verdict';
import type { FixNote, FixSpec } from './types';
import { commentText } from './escape';
import { withoutUserinfo } from './url';
import { cut, grouped, MAX_PROSE, MAX_VALUE } from './bounds';
import { rejectedHeaders } from './rejected';

const warn = (text: string): FixNote => ({ level: 'warning', text });
const info = (text: string): FixNote => ({ level: 'info', text });
/** A received (untrusted) value for prose: bounded, specials neutralised. */
const quoted = (value: string): string => commentText(cut(value, MAX_PROSE));

const WILDCARD = warn('Never answer "Access-Control-Allow-Origin: *" to a credentialed request: browsers reject it. Echo the exact origin, add "Access-Control-Allow-Credentials: true" and "Vary: Origin".');
const EXACT = info('Access-Control-Allow-Origin is compared as an exact string: a trailing slash, another port, http instead of https or different letter case all fail.');
const PREFLIGHT_2XX = info('The preflight (OPTIONS) must be answered with a 2xx status, 204 is usual, before any authentication, routing or redirect: browsers never send cookies or Authorization on it.');
const NO_HEADER_FIX = 'No response header can fix this.';

interface NoteContext {
  spec: FixSpec;
  exchange: Exchange;
  verdict: Verdict;
}

type NoteMaker = (reason: Reason, ctx: NoteContext) => FixNote[];

/** `"x-a", "x-b"`: names the request sent, bounded. */
function namesText(names: readonly string[], more: boolean): string {
  const shown = names.slice(0, 10).map((n) => `"${commentText(cut(n, MAX_VALUE))}"`).join(', ');
  if (more) return `${shown} and more`;
  return names.length > 10 ? `${shown} and ${grouped(names.length - 10)} more` : shown;
}

function headerNote(r: Reason, { exchange, verdict, spec }: NoteContext): FixNote[] {
  const { names, more } = rejectedHeaders(exchange, verdict, r);
  const what = names.length > 0 ? namesText(names, more) : 'each request header the page sends';
  const sent = r.received === null ? 'the preflight response had no Access-Control-Allow-Headers' : `the preflight response allowed only "${quoted(r.received)}"`;
  const star = r.received !== null && /(^|,)\s*\*\s*(,|$)/.test(r.received) && spec.credentials ? '; with credentials "*" is not a wildcard, so list each name' : '';
  return [info(`Add ${what} to Access-Control-Allow-Headers: the request sends ${names.length === 1 && !more ? 'it' : 'them'}, and ${sent}${star}.`)];
}

function methodNote(r: Reason, { spec }: NoteContext): FixNote[] {
  const sent = r.received === null ? 'the preflight response had no Access-Control-Allow-Methods' : `the preflight response allowed only "${quoted(r.received)}"`;
  return [info(`Add "${commentText(spec.method)}" to Access-Control-Allow-Methods exactly as the page sends it: ${sent}.`)];
}

const BY_CODE: Partial<Record<CorsErrorCode, NoteMaker>> = {
  WildcardOriginNotAllowed: () => [WILDCARD],
  PreflightWildcardOriginNotAllowed: () => [WILDCARD],
  MissingAllowOriginHeader: () => [info('The server sent no Access-Control-Allow-Origin at all: the CORS configuration is missing for this route, or another layer answered first.')],
  PreflightMissingAllowOriginHeader: () => [PREFLIGHT_2XX, info('The OPTIONS response carried no Access-Control-Allow-Origin: the route probably does not handle OPTIONS.')],
  MultipleAllowOriginValues: (r) => [warn(`Access-Control-Allow-Origin was sent more than once or as a list ("${quoted(r.received ?? '')}"). Usually two layers both add it (the application and a proxy or CDN): keep exactly one of them and remove the other (for nginx in front of an app, "proxy_hide_header Access-Control-Allow-Origin;").`)],
  PreflightMultipleAllowOriginValues: (r, c) => BY_CODE.MultipleAllowOriginValues?.(r, c) ?? [],
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
  MethodDisallowedByPreflightResponse: methodNote,
  HeaderDisallowedByPreflightResponse: headerNote,
  RedirectContainsCredentials: (r) => [warn(`The redirect's Location contains a user name and password${r.received ? ` ("${quoted(r.received)}")` : ''}. Drop the user:pass@ part from the Location${r.received ? ` ("${quoted(withoutUserinfo(cut(r.received, 4 * MAX_PROSE)))}")` : ''}; send credentials another way (an Authorization header set by the page).`)],
  LocalNetworkAccessPermissionDenied: () => [warn(`${NO_HEADER_FIX} Chromium blocked a request from a public page to a local or loopback address because the user did not grant the Local Network Access permission. The user must allow "local network access" for the page (site settings), or the page must be served from the same network; CORS headers are still needed afterwards.`)],
  InsecureLocalNetwork: () => [warn(`${NO_HEADER_FIX} A page that is not a secure context (plain http) may not reach a more private address space: serve the page over HTTPS (then the user can grant the Local Network Access permission).`)],
  InvalidLocalNetworkAccess: () => [warn(`${NO_HEADER_FIX} The request declared a target address space (targetAddressSpace) that does not match where the server actually is: fix the fetch option in the page.`)],
  DisallowedByMode: () => [warn(`${NO_HEADER_FIX} The page used mode "same-origin" for a cross-origin URL: change the request mode in the page.`)],
  CorsDisabledScheme: () => [warn(`${NO_HEADER_FIX} CORS only works over http and https: serve the resource over HTTP(S) instead of file: or a custom scheme.`)],
};

/** Failures that no server header can cure. */
export const NO_HEADER_FIX_CODES: ReadonlySet<CorsErrorCode> = new Set<CorsErrorCode>([
  'LocalNetworkAccessPermissionDenied',
  'InsecureLocalNetwork',
  'InvalidLocalNetworkAccess',
  'DisallowedByMode',
  'CorsDisabledScheme',
]);

export function reasonNotes(reasons: readonly Reason[], ctx: NoteContext): FixNote[] {
  const out: FixNote[] = [];
  for (const reason of reasons) {
    for (const note of BY_CODE[reason.code]?.(reason, ctx) ?? []) {
      if (!out.some((n) => n.text === note.text)) out.push(note);
    }
  }
  return out;
}

/** Error responses need the headers too; a 5xx is often made outside the CORS configuration. Says where, not how: the snippet does that. */
function errorStatusNote(status: number, serverError: boolean): FixNote {
  const common = `The failing response had status ${status}. Error responses need the CORS headers too, or the page cannot even read the error`;
  return info(serverError
    ? `${common}. A server error is often generated outside the CORS configuration (an unhandled exception, a proxy's own 502 when the upstream is down), so the headers must be added on that path as well. The snippet for your stack covers the errors that server makes itself (paste all of it, where its comments say); an error made by another layer in front of it (a proxy, a load balancer) needs the headers there too: see the snippet's notes.`
    : `${common} (nginx needs "always" on add_header, Apache "Header always set"; in an application, CORS must run before authentication and error handling: the snippet's comments say where).`);
}

/** A value too long for a snippet: say so instead of writing a snippet that allows the wrong thing. */
export function cutNotes(spec: FixSpec): FixNote[] {
  const WORDS: Record<FixSpec['cut'][number]['field'], string> = {
    origin: 'The origin', method: 'The method', requestHeaders: 'The list of request headers', url: 'The URL',
  };
  const out: FixNote[] = [];
  for (const c of spec.cut) {
    if (c.field === 'url') {
      out.push(info(`The URL is ${grouped(c.length)} characters long; it is shown cut.`));
      continue;
    }
    out.push(warn(`${WORDS[c.field]} is ${grouped(c.length)} characters long: too long to put in a server configuration, so no snippet is given (a cut value would allow the wrong thing). Real values are short; check the capture, which may be edited or malformed.`));
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
  // The either-way note already says "never *".
  if (spec.credentials && spec.credentialsBasis !== 'unknown-either-way') out.push(WILDCARD);
  if (spec.errorStatus !== null) out.push(errorStatusNote(spec.errorStatus, spec.serverError));
  if (redirected) {
    out.push(info('A redirect hop is checked like a response: every cross-origin 3xx needs the CORS headers too. Calling the final URL directly avoids the extra hop.'));
  }
  if (spec.method !== spec.method.toUpperCase() && !spec.cut.some((c) => c.field === 'method')) {
    out.push(warn(`The method is sent as "${commentText(spec.method)}" (not upper case). Browsers compare it case-sensitively with Access-Control-Allow-Methods, and several frameworks upper-case what they send; the robust fix is to send "${commentText(spec.method.toUpperCase())}" from the page.`));
  }
  if (failingStep === 'preflight' && spec.preflight) out.push(PREFLIGHT_2XX);
  return out;
}
