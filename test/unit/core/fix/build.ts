/** Small builders for exchanges and verdicts used by the fix and curl tests. */
import type { Exchange, Header, PreflightRecord, RedirectHop } from '../../../../src/core/model/exchange';
import type { CorsErrorCode, CredentialsMode, Reason, StepRef, Verdict, VerdictKind } from '../../../../src/core/model/verdict';
import { m } from '../../../../src/core/i18n/msg';

export interface Case {
  origin?: string;
  url?: string;
  method?: string;
  headers?: string[];
  credentials?: boolean;
  tainted?: boolean;
  status?: number;
  kind?: VerdictKind;
  code?: CorsErrorCode;
  step?: StepRef;
  received?: string | null;
  requestHeaders?: Header[];
  responseHeaders?: Header[];
  redirects?: RedirectHop[];
  preflight?: boolean;
}

export function exchangeOf(c: Case): Exchange {
  const origin = c.origin ?? 'https://app.example';
  const url = c.url ?? 'https://api.example/api/items/42';
  const method = c.method ?? 'GET';
  const headers = c.headers ?? [];
  const needsPreflight = c.preflight ?? (headers.length > 0 || !['GET', 'HEAD', 'POST'].includes(method));
  const preflights: PreflightRecord[] = needsPreflight
    ? [{
        url,
        requestHeaders: [
          { name: 'Origin', value: c.tainted ? 'null' : origin },
          { name: 'Access-Control-Request-Method', value: method },
          ...(headers.length ? [{ name: 'Access-Control-Request-Headers', value: headers.join(',') }] : []),
        ],
        response: { status: c.code?.startsWith('Preflight') ? (c.status ?? 200) : 204, headers: c.responseHeaders ?? [] },
        start: 1,
        end: 2,
      }]
    : [];
  return {
    id: '1',
    initiator: origin,
    type: 'xmlhttprequest',
    method,
    url,
    requestHeaders: c.requestHeaders ?? [{ name: 'Origin', value: origin }, { name: 'Accept', value: '*/*' }],
    redirects: c.redirects ?? [],
    preflights,
    response: { status: c.status ?? 200, headers: c.responseHeaders ?? [] },
    outcome: c.kind === 'blocked' ? { state: 'failed', error: 'net::ERR_FAILED' } : { state: 'completed', status: c.status ?? 200 },
    timings: { start: 0, end: 3 },
    observer: { browser: 'chromium', preflightsVisible: true, fullRequestHeaders: true, source: 'test' },
  };
}

export function reason(code: CorsErrorCode, step: StepRef, received: string | null = null, header: string | null = null): Reason {
  return {
    code,
    firefox: null,
    mdn: null,
    header,
    received,
    expected: m('common_text', { text: '' }),
    summary: m('common_text', { text: '' }),
    step,
    chromeMessage: '',
    firefoxMessage: null,
  };
}

export function verdictOf(c: Case): Verdict {
  const kind = c.kind ?? 'simple';
  const mode: CredentialsMode = c.credentials ? 'include' : 'omit';
  const headers = c.headers ?? [];
  const method = c.method ?? 'GET';
  const needsPreflight = c.preflight ?? (headers.length > 0 || !['GET', 'HEAD', 'POST'].includes(method));
  return {
    kind,
    reasons: c.code ? [reason(c.code, c.step ?? { kind: 'response' }, c.received ?? null)] : [],
    headline: m('common_text', { text: '' }),
    preflight: {
      required: needsPreflight,
      why: headers.map((h) => ({ kind: 'header' as const, subject: h, text: m('why_header', { name: h }) })),
      observed: needsPreflight,
      cached: false,
    },
    credentials: { mode, basis: m('cred_unknown') },
    origin: c.tainted ? 'null' : (c.origin ?? 'https://app.example'),
    tainted: c.tainted ?? false,
    status: c.status ?? 200,
    notes: [],
  };
}
