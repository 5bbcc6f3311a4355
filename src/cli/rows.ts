/** One classified exchange as the command line prints it (the JSON record, and the table's status cell). */
import { neverSent, notSentLabel } from '../core/cli-api';
import type { CorsErrorCode, CredentialsMode, Exchange, Reason, Verdict, VerdictKind, Words } from '../core/cli-api';
import { cm } from './lang';

/** A reason as the JSON prints it: the core's Reason fields a report needs, its sentences said (key order is the output's). */
type ReasonRecord = Pick<Reason, 'code' | 'firefox' | 'mdn' | 'header' | 'received'> & { expected: string; summary: string };

/** An element of `exchanges` in `--json` (its key order is the output's). */
interface ExchangeRecord {
  id: string;
  method: string;
  url: string;
  finalUrl: string;
  status: number | null;
  error: string | null;
  verdict: VerdictKind;
  headline: string;
  code: CorsErrorCode | null;
  summary: string | null;
  reasons: ReasonRecord[];
  preflight: { required: boolean; observed: boolean; cached: boolean };
  credentials: CredentialsMode;
  origin: string | null;
  sent: boolean;
}

export interface Row {
  record: ExchangeRecord;
  /** The table's STATUS cell: the final status, or what stands for it. */
  statusText: string;
}

/** The final status of an exchange, or what stands for it (the panel's words for a request never sent). */
function statusText(x: Exchange, sent: boolean, w: Words): string {
  if (!sent) return w.t(notSentLabel());
  if (x.response && x.response.status > 0) return String(x.response.status);
  if (x.outcome.state === 'failed') return w.t(cm('status_failed'));
  if (x.outcome.state === 'pending') return w.t(cm('status_pending'));
  return '—';
}

/** One exchange's record and status cell, its sentences in the language of `w` (machine fields unchanged). */
export function rowOf(x: Exchange, v: Verdict, w: Words): Row {
  const reason = v.reasons[0];
  const lastHop = x.redirects[x.redirects.length - 1];
  const sent = !neverSent(x, v);
  const record: ExchangeRecord = {
    id: x.id,
    method: x.method,
    url: x.url,
    finalUrl: lastHop ? lastHop.location : x.url,
    status: x.response ? x.response.status : null,
    error: x.outcome.state === 'failed' ? x.outcome.error : null,
    verdict: v.kind,
    headline: w.t(v.headline),
    code: reason ? reason.code : null,
    summary: reason ? w.t(reason.summary) : null,
    reasons: v.reasons.map((r) => ({ code: r.code, firefox: r.firefox, mdn: r.mdn, header: r.header, received: r.received, expected: w.t(r.expected), summary: w.t(r.summary) })),
    preflight: { required: v.preflight.required, observed: v.preflight.observed, cached: v.preflight.cached },
    credentials: v.credentials.mode,
    origin: v.origin,
    sent,
  };
  return { record, statusText: statusText(x, sent, w) };
}
