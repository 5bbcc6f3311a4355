/** Small constructors for verdicts, so every path returns a complete, well-formed object. */
import type { CredentialsInfo, PreflightInfo, Reason, Verdict, VerdictKind } from './verdict';
import type { Failure } from '../reasons';
import { toReason } from '../reasons';
import { m, isMsg, type Msg } from '../i18n/msg';

/**
 * A message from a sentence that may still be a plain string (data stored by an older version, or a
 * caller that only has text): the string is shown as is, through the catalogue's `common_text`.
 */
export function asMsg(v: string | Msg): Msg {
  return typeof v === 'string' ? m('common_text', { text: v }) : v;
}

/** `asMsg` for a value read back from storage or a file: a message, a string, or null for anything else. */
export function msgOrNull(v: unknown): Msg | null {
  if (typeof v === 'string') return asMsg(v);
  return isMsg(v) ? v : null;
}

/**
 * A fresh "no preflight" and "credentials unknown" for each verdict: verdicts leave the core and are kept,
 * sent and edited (Try a fix), so no two of them may share an object that one of them could change.
 */
export const noPreflight = (): PreflightInfo => ({ required: false, why: [], observed: false, cached: false });
export const unknownCredentials = (): CredentialsInfo => ({ mode: 'unknown', basis: m('cred_unknown') });

export interface VerdictParts {
  kind: VerdictKind;
  headline: Msg;
  reasons?: Reason[];
  preflight?: PreflightInfo;
  credentials?: CredentialsInfo;
  origin?: string | null;
  tainted?: boolean;
  status?: number | null;
  notes?: Msg[];
}

export function verdict(p: VerdictParts): Verdict {
  return {
    kind: p.kind,
    reasons: p.reasons ?? [],
    headline: p.headline,
    preflight: p.preflight ?? noPreflight(),
    credentials: p.credentials ?? unknownCredentials(),
    origin: p.origin ?? null,
    tainted: p.tainted ?? false,
    status: p.status ?? null,
    notes: p.notes ?? [],
  };
}

export function reasonsOf(failures: Failure[]): Reason[] {
  return failures.map((f) => toReason(f.def, f.evidence));
}

export function blockedHeadline(first: Failure): Msg {
  return m('verdict_blocked', { clause: first.def.short(first.evidence) });
}
