/** Small constructors for verdicts, so every path returns a complete, well-formed object. */
import type { CredentialsInfo, PreflightInfo, Reason, Verdict, VerdictKind } from './verdict';
import type { Failure } from '../reasons';
import { toReason } from '../reasons';

/**
 * A fresh "no preflight" and "credentials unknown" for each verdict: verdicts leave the core and are kept,
 * sent and edited (Try a fix), so no two of them may share an object that one of them could change.
 */
export const noPreflight = (): PreflightInfo => ({ required: false, why: [], observed: false, cached: false });
export const unknownCredentials = (): CredentialsInfo => ({ mode: 'unknown', basis: 'nothing visible shows whether cookies or HTTP authentication were sent' });

export interface VerdictParts {
  kind: VerdictKind;
  headline: string;
  reasons?: Reason[];
  preflight?: PreflightInfo;
  credentials?: CredentialsInfo;
  origin?: string | null;
  tainted?: boolean;
  status?: number | null;
  notes?: string[];
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

export function blockedHeadline(first: Failure): string {
  return 'Blocked: ' + first.def.short(first.evidence);
}
