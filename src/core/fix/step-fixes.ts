/**
 * The exact response headers each step of the exchange needs: preflight, every cross-origin redirect
 * hop, and the final response.
 */
import type { Exchange } from '../model/exchange';
import type { FixSpec, HeaderLine, StepFix } from './types';
import { originOf } from '../http/origin';
import { cut, MAX_URL, MAX_VALUE } from './bounds';
import { m } from '../i18n/msg';

/** Browsers follow at most 20 redirects; a record with more gets steps for those only. */
const MAX_REDIRECTS = 20;

function allowOrigin(origin: string): HeaderLine {
  return {
    name: 'Access-Control-Allow-Origin',
    value: origin,
    why: m(origin === 'null' ? 'fix_why_origin_null' : 'fix_why_origin'),
  };
}

function credentialLines(spec: FixSpec): HeaderLine[] {
  if (!spec.credentials) return [];
  const why = m(spec.credentialsBasis === 'unknown-either-way' ? 'fix_why_credentials_unknown' : 'fix_why_credentials');
  return [{ name: 'Access-Control-Allow-Credentials', value: 'true', why }];
}

const vary = (): HeaderLine => ({ name: 'Vary', value: 'Origin', why: m('fix_why_vary') });

/** Headers for a response the page (or the browser's CORS check) reads: actual response or redirect hop. */
export function responseHeaders(spec: FixSpec, origin = spec.origin): HeaderLine[] {
  return [allowOrigin(origin), ...credentialLines(spec), vary()];
}

export function preflightHeaders(spec: FixSpec): HeaderLine[] {
  const lines: HeaderLine[] = [allowOrigin(spec.origin), ...credentialLines(spec)];
  lines.push({
    name: 'Access-Control-Allow-Methods',
    value: spec.method,
    why: spec.methodSafelisted ? m('fix_why_method_safelisted', { method: spec.method }) : m('fix_why_method'),
  });
  if (spec.requestHeaders.length > 0) {
    lines.push({
      name: 'Access-Control-Allow-Headers',
      value: spec.requestHeaders.join(', '),
      why: m(spec.credentials ? 'fix_why_headers_credentials' : 'fix_why_headers'),
    });
  }
  lines.push({
    name: 'Access-Control-Max-Age',
    value: String(spec.maxAge),
    why: m('fix_why_max_age'),
  });
  lines.push(vary());
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
      status: m('fix_status_preflight'),
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
