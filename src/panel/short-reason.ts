/** The reason column: a few words per verdict, so a glance down the table says what went wrong. */
import type { CorsErrorCode, Verdict } from '../core/verdict';
import type { Exchange } from '../core/model';

const SHORT: Record<CorsErrorCode, string> = {
  DisallowedByMode: 'mode same-origin',
  InvalidResponse: 'invalid response',
  WildcardOriginNotAllowed: '* with credentials',
  MissingAllowOriginHeader: 'no Allow-Origin',
  MultipleAllowOriginValues: 'several Allow-Origin values',
  InvalidAllowOriginValue: 'invalid Allow-Origin',
  AllowOriginMismatch: 'Allow-Origin mismatch',
  InvalidAllowCredentials: 'Allow-Credentials not true',
  CorsDisabledScheme: 'scheme not http(s)',
  PreflightInvalidStatus: 'preflight status not 2xx',
  PreflightDisallowedRedirect: 'preflight redirected',
  PreflightWildcardOriginNotAllowed: 'preflight: * with credentials',
  PreflightMissingAllowOriginHeader: 'preflight: no Allow-Origin',
  PreflightMultipleAllowOriginValues: 'preflight: several Allow-Origin',
  PreflightInvalidAllowOriginValue: 'preflight: invalid Allow-Origin',
  PreflightAllowOriginMismatch: 'preflight: Allow-Origin mismatch',
  PreflightInvalidAllowCredentials: 'preflight: Allow-Credentials not true',
  InvalidAllowMethodsPreflightResponse: 'invalid Allow-Methods',
  InvalidAllowHeadersPreflightResponse: 'invalid Allow-Headers',
  MethodDisallowedByPreflightResponse: 'method not allowed',
  HeaderDisallowedByPreflightResponse: 'header not allowed',
  RedirectContainsCredentials: 'redirect has credentials',
  InsecureLocalNetwork: 'insecure local network',
  InvalidLocalNetworkAccess: 'local network mismatch',
  LocalNetworkAccessPermissionDenied: 'local network denied',
};

export function shortReason(exchange: Exchange, verdict: Verdict): string {
  switch (verdict.kind) {
    case 'blocked': {
      const r = verdict.reasons[0];
      if (!r) return 'blocked';
      const base = SHORT[r.code] ?? r.code;
      const subject = r.code === 'HeaderDisallowedByPreflightResponse' || r.code === 'MethodDisallowedByPreflightResponse'
        ? r.received : null;
      return subject ? `${base}: ${subject}` : base;
    }
    case 'preflighted':
      return verdict.preflight.cached ? 'preflight from cache' : 'preflight passed';
    case 'simple':
      return 'no preflight needed';
    case 'same-origin':
      return exchange.type === 'main_frame' || exchange.type === 'sub_frame' ? 'navigation' : 'same origin';
    case 'no-cors':
      return 'opaque (no-cors)';
    case 'network-error':
      return exchange.outcome.state === 'failed' ? exchange.outcome.error : 'network error';
    case 'pending':
      return 'in flight';
    case 'inconclusive':
      return 'failed, cause not visible';
  }
}
