/**
 * The Verdict half of the sanitising boundary (sanitize.ts): a verdict read back from storage or a
 * port, made well typed. Well-formed input is returned as is. A reason without a code is left out;
 * a "blocked" verdict left without any reason says it can no longer tell why (inconclusive). Sentences
 * are messages (i18n/msg.ts); a plain string, as older versions stored them, is kept as `common_text`.
 */
import type { CredentialsMode, PreflightWhy, Reason, StepRef, Verdict, VerdictKind } from './verdict';
import { VERDICT_KINDS } from './verdict';
import { isMsg, m, type Msg } from '../i18n/msg';
import { asMsg, msgOrNull } from './make-verdict';

const MODES: readonly CredentialsMode[] = ['include', 'omit', 'inferred-include', 'unknown'];

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const isStrOrNull = (v: unknown): boolean => v === null || typeof v === 'string';
/** A message, or a legacy string made one (`fallback` when it is neither). */
const msg = (v: unknown, fallback: Msg): Msg => msgOrNull(v) ?? fallback;
const index = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0);

function stepOk(s: unknown): s is StepRef {
  if (!isObj(s)) return false;
  if (s.kind === 'response') return true;
  return (s.kind === 'preflight' || s.kind === 'redirect') && typeof s.index === 'number' && Number.isInteger(s.index) && s.index >= 0;
}

function reasonOk(r: unknown): boolean {
  return isObj(r) && typeof r.code === 'string' && r.code !== '' && isStrOrNull(r.firefox) && isStrOrNull(r.mdn) && isStrOrNull(r.header) &&
    isStrOrNull(r.received) && isMsg(r.expected) && isMsg(r.summary) && stepOk(r.step) &&
    typeof r.chromeMessage === 'string' && (r.firefoxMessage === null || isMsg(r.firefoxMessage));
}

const whyOk = (w: unknown): boolean => isObj(w) && typeof w.kind === 'string' && typeof w.subject === 'string' && isMsg(w.text);

function preflightOk(p: unknown): boolean {
  return isObj(p) && typeof p.required === 'boolean' && typeof p.observed === 'boolean' && typeof p.cached === 'boolean' &&
    Array.isArray(p.why) && p.why.every(whyOk);
}

function wellFormed(v: Record<string, unknown>): boolean {
  return VERDICT_KINDS.includes(v.kind as VerdictKind) && Array.isArray(v.reasons) && v.reasons.every(reasonOk) && (v.kind !== 'blocked' || v.reasons.length > 0) &&
    isMsg(v.headline) && preflightOk(v.preflight) &&
    isObj(v.credentials) && MODES.includes(v.credentials.mode as CredentialsMode) && isMsg(v.credentials.basis) &&
    isStrOrNull(v.origin) && typeof v.tainted === 'boolean' && (v.status === null || (typeof v.status === 'number' && Number.isFinite(v.status))) &&
    Array.isArray(v.notes) && v.notes.every(isMsg);
}

function cleanStep(s: unknown): StepRef {
  if (stepOk(s)) return s;
  const o = isObj(s) ? s : {};
  return o.kind === 'preflight' || o.kind === 'redirect' ? { kind: o.kind, index: index(o.index) } : { kind: 'response' };
}

function cleanReason(r: unknown): Reason | null {
  if (reasonOk(r)) return r as Reason;
  if (!isObj(r) || typeof r.code !== 'string' || r.code === '') return null;
  return {
    code: r.code as Reason['code'],
    firefox: strOrNull(r.firefox),
    mdn: strOrNull(r.mdn),
    header: strOrNull(r.header),
    received: strOrNull(r.received),
    expected: msg(r.expected, asMsg('')),
    summary: msg(r.summary, asMsg(r.code)),
    step: cleanStep(r.step),
    chromeMessage: str(r.chromeMessage),
    firefoxMessage: msgOrNull(r.firefoxMessage),
  };
}

function cleanWhy(list: unknown): PreflightWhy[] {
  if (!Array.isArray(list)) return [];
  const out: PreflightWhy[] = [];
  for (const w of list) {
    if (whyOk(w)) out.push(w as PreflightWhy);
    else if (isObj(w) && typeof w.kind === 'string' && typeof w.subject === 'string' && typeof w.text === 'string') {
      out.push({ kind: w.kind as PreflightWhy['kind'], subject: w.subject, text: asMsg(w.text) });
    }
  }
  return out;
}

function rebuild(v: Record<string, unknown>): Verdict {
  const reasons = Array.isArray(v.reasons) ? v.reasons.map(cleanReason).filter((r): r is Reason => r !== null) : [];
  let kind: VerdictKind = VERDICT_KINDS.includes(v.kind as VerdictKind) ? (v.kind as VerdictKind) : 'inconclusive';
  let headline = msgOrNull(v.headline);
  if (kind === 'blocked' && reasons.length === 0) {
    kind = 'inconclusive';
    headline = m('verdict_stored_reason_unreadable');
  }
  const p = isObj(v.preflight) ? v.preflight : {};
  const c = isObj(v.credentials) ? v.credentials : {};
  return {
    kind,
    reasons,
    headline: headline === null || (headline.id === 'common_text' && !headline.values?.text) ? m('verdict_unreadable') : headline,
    preflight: { required: p.required === true, why: cleanWhy(p.why), observed: p.observed === true, cached: p.cached === true },
    credentials: { mode: MODES.includes(c.mode as CredentialsMode) ? (c.mode as CredentialsMode) : 'unknown', basis: msg(c.basis, m('cred_unknown')) },
    origin: strOrNull(v.origin),
    tainted: v.tainted === true,
    status: typeof v.status === 'number' && Number.isFinite(v.status) ? v.status : null,
    notes: Array.isArray(v.notes) ? v.notes.map(msgOrNull).filter((n): n is Msg => n !== null) : [],
  };
}

/** A well-typed Verdict from anything (the input itself when it already is one). Never throws. */
export function sanitizeVerdict(input: unknown): Verdict {
  try {
    if (isObj(input) && wellFormed(input)) return input as unknown as Verdict;
    return rebuild(isObj(input) ? input : {});
  } catch {
    return rebuild({});
  }
}
