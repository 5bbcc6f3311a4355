/**
 * The exact response headers each step of the exchange needs: preflight, every cross-origin redirect
 * hop, and the final response.
 */
import type { Exchange } from '../model/exchange';
import type { FixSpec, HeaderLine, StepFix } from './types';
import { originOf } from '../http/origin';
import { cut, MAX_URL, MAX_VALUE } from './bounds';

/** Browsers follow at most 20 redirects; a record with more gets steps for those only. */
const MAX_REDIRECTS = 20;

function allowOrigin(origin: string): HeaderLine {
  return {
    name: 'Access-Control-Allow-Origin',
    value: origin,
    why: origin === 'null'
      ? 'the request arrived with Origin: null (after a cross-origin redirect or from an opaque origin), and only that exact value matches'
      : 'the exact origin of the page, byte for byte: no trailing slash, same scheme and port',
  };
}

function credentialLines(spec: FixSpec): HeaderLine[] {
  if (!spec.credentials) return [];
  const why = spec.credentialsBasis === 'unknown-either-way'
    ? 'whether the request carries credentials (cookies or HTTP auth) is not known: with this header it works either way; the value must be exactly lowercase true'
    : 'the request carries credentials (cookies or HTTP auth); the value must be exactly lowercase true';
  return [{ name: 'Access-Control-Allow-Credentials', value: 'true', why }];
}

const VARY: HeaderLine = {
  name: 'Vary',
  value: 'Origin',
  why: 'the allowed origin is echoed, so caches must not serve this response to another origin',
};

/** Headers for a response the page (or the browser's CORS check) reads: actual response or redirect hop. */
export function responseHeaders(spec: FixSpec, origin = spec.origin): HeaderLine[] {
  return [allowOrigin(origin), ...credentialLines(spec), VARY];
}

export function preflightHeaders(spec: FixSpec): HeaderLine[] {
  const lines: HeaderLine[] = [allowOrigin(spec.origin), ...credentialLines(spec)];
  lines.push({
    name: 'Access-Control-Allow-Methods',
    value: spec.method,
    why: spec.methodSafelisted
      ? `${spec.method} is always allowed; listing it documents intent`
      : 'the method exactly as sent: browsers compare it case-sensitively',
  });
  if (spec.requestHeaders.length > 0) {
    lines.push({
      name: 'Access-Control-Allow-Headers',
      value: spec.requestHeaders.join(', '),
      why: spec.credentials
        ? 'every non-safelisted request header by name; with credentials "*" does not work'
        : 'every non-safelisted request header by name (names compare case-insensitively)',
    });
  }
  lines.push({
    name: 'Access-Control-Max-Age',
    value: String(spec.maxAge),
    why: 'lets the browser reuse this preflight (Chromium caps it at 7200 s, Firefox at 86400 s; default 5 s)',
  });
  lines.push(VARY);
  return lines;
}

/**
 * Origin sent at each redirect hop: it becomes `null` once a hop goes from one origin to another while
 * the current URL was already cross-origin to the page (the Fetch "tainted origin" rule).
 */
function hopOrigins(exchange: Exchange, pageOrigin: string): string[] {
  const out: string[] = [];
  let tainted = pageOrigin === 'null';
  for (const hop of exchange.redirects.slice(0, MAX_REDIRECTS)) {
    out.push(tainted ? 'null' : pageOrigin);
    const from = originOf(hop.url);
    const to = originOf(hop.location);
    if (from !== null && to !== null && from !== to && from !== pageOrigin) tainted = true;
  }
  return out;
}

export function stepFixes(exchange: Exchange, spec: FixSpec, pageOrigin: string): StepFix[] {
  const steps: StepFix[] = [];
  if (spec.preflight) {
    steps.push({
      step: 'preflight',
      url: spec.url,
      status: 'any 2xx (204 No Content is usual), answered directly: never a redirect, never an auth challenge',
      headers: preflightHeaders(spec),
    });
  }
  const origins = hopOrigins(exchange, pageOrigin);
  exchange.redirects.slice(0, MAX_REDIRECTS).forEach((hop, i) => {
    const hopOrigin = originOf(hop.url);
    if (hopOrigin !== null && hopOrigin === pageOrigin) return;
    steps.push({
      step: 'redirect',
      url: cut(hop.url, MAX_URL),
      status: null,
      headers: responseHeaders(spec, cut(origins[i] ?? spec.origin, MAX_VALUE)),
    });
  });
  steps.push({ step: 'response', url: spec.url, status: null, headers: responseHeaders(spec) });
  return steps;
}
