/**
 * Whether the fix allows credentials, and what that choice rests on. Credentials that cannot be seen are
 * never silently taken as "omit": without the user's answer, the fix takes the variant that works either
 * way (exact origin, `Access-Control-Allow-Credentials: true`, explicit lists).
 */
import type { Exchange } from '../model/exchange';
import { neverSent } from '../classify/sent';
import type { Verdict } from '../model/verdict';
import type { CredentialsBasis, FixNote, FixOptions } from './types';
import { m, type Msg } from '../i18n/msg';

interface CredentialsChoice {
  credentials: boolean;
  basis: CredentialsBasis;
  /** What the capture shows about credentials, in words (the basis of the choice unless the user answered). */
  evidence: Msg;
  /** What the capture says: true (sent or inferred), false (proved absent), null (not known). */
  captured: boolean | null;
}

function captured(verdict: Verdict): boolean | null {
  switch (verdict.credentials.mode) {
    case 'include':
    case 'inferred-include':
      return true;
    case 'omit':
      return false;
    default:
      return null;
  }
}

function capturedBasis(verdict: Verdict): CredentialsBasis {
  switch (verdict.credentials.mode) {
    case 'include':
      return 'seen-cookie';
    case 'omit':
      return 'seen-no-credentials';
    case 'inferred-include':
      return 'inferred';
    default:
      return 'unknown-either-way';
  }
}

function capturedEvidence(exchange: Exchange, verdict: Verdict): Msg {
  if (verdict.credentials.mode === 'unknown' && neverSent(exchange, verdict)) return m('fix_evidence_never_sent');
  return verdict.credentials.basis ?? m('cred_unknown');
}

export function credentialsChoice(exchange: Exchange, verdict: Verdict, options: FixOptions = {}): CredentialsChoice {
  const seen = captured(verdict);
  const evidence = capturedEvidence(exchange, verdict);
  const answer = options.credentials;
  if (answer === true || answer === false) {
    return { credentials: answer, basis: 'user', evidence, captured: seen };
  }
  if (answer === 'unsure') return { credentials: true, basis: 'unknown-either-way', evidence, captured: seen };
  const basis = capturedBasis(verdict);
  return { credentials: seen ?? true, basis, evidence, captured: seen };
}

/** What the notes say about the choice: why either way, or where the user's answer and the capture disagree. */
export function credentialsNotes(choice: CredentialsChoice): FixNote[] {
  if (choice.basis === 'unknown-either-way') {
    return [{
      level: 'info',
      text: choice.captured === null ? m('fix_either_way_unknown', { evidence: choice.evidence }) : m('fix_either_way_unsure'),
    }];
  }
  if (choice.basis !== 'user' || choice.captured === null || choice.captured === choice.credentials) return [];
  return choice.credentials
    ? [{ level: 'info', text: m('fix_user_says_credentials', { evidence: choice.evidence }) }]
    : [{ level: 'warning', text: m('fix_user_says_no_credentials', { evidence: choice.evidence }) }];
}
