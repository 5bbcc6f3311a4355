/**
 * Whether the fix allows credentials, and what that choice rests on. Credentials that cannot be seen are
 * never silently taken as "omit": without the user's answer, the fix takes the variant that works either
 * way (exact origin, `Access-Control-Allow-Credentials: true`, explicit lists).
 */
import type { Exchange } from '../model/exchange';
import { neverSent } from '../classify/sent';
import type { Verdict } from '../model/verdict';
import type { CredentialsBasis, FixNote, FixOptions } from './types';

interface CredentialsChoice {
  credentials: boolean;
  basis: CredentialsBasis;
  /** What the capture shows about credentials, in words (the basis of the choice unless the user answered). */
  evidence: string;
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

function capturedEvidence(exchange: Exchange, verdict: Verdict): string {
  if (verdict.credentials.mode === 'unknown' && neverSent(exchange, verdict)) {
    return 'the browser stopped at the preflight and never sent the request, so no Cookie header could be seen';
  }
  return verdict.credentials.basis || 'nothing visible shows whether cookies or HTTP authentication were sent';
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

const EITHER_WAY = 'so the headers and snippets take the variant that works either way: the exact origin echoed, "Access-Control-Allow-Credentials: true" and explicit method and header lists, never "*". That also lets this origin read responses made with the user\'s cookies; if the page never sends any, you may drop Access-Control-Allow-Credentials.';

/** What the notes say about the choice: why either way, or where the user's answer and the capture disagree. */
export function credentialsNotes(choice: CredentialsChoice): FixNote[] {
  if (choice.basis === 'unknown-either-way') {
    const known = choice.captured === null ? `is not known (${choice.evidence})` : 'was left open ("Not sure")';
    return [{ level: 'info', text: `Whether this request sends cookies or HTTP authentication ${known}, ${EITHER_WAY}` }];
  }
  if (choice.basis !== 'user' || choice.captured === null || choice.captured === choice.credentials) return [];
  return choice.credentials
    ? [{ level: 'info', text: `You said this request sends cookies or HTTP authentication; the capture suggests it does not (${choice.evidence}). The headers below allow credentials, which also works without them.` }]
    : [{ level: 'warning', text: `You said this request sends no cookies or HTTP authentication, but ${choice.evidence}. If it does, the browser blocks it without "Access-Control-Allow-Credentials: true".` }];
}
