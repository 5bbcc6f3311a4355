/**
 * The server-fix generator: from one exchange and its verdict, the exact headers the server must send
 * at each step, advice in words, and a ready-to-paste snippet for each common stack. Total (never
 * throws) and linear in its input; the output is bounded whatever the input (bounds.ts).
 */
import type { Exchange } from '../model/exchange';
import type { Verdict } from '../model/verdict';
import type { FixNote, FixOptions, FixSet, FixStatus } from './types';
import { buildSpec } from './spec';
import { joinedHeader } from '../http/headers';
import { stepFixes } from './step-fixes';
import { cutNotes, NO_HEADER_FIX_CODES, noteKey, reasonNotes, shapeNotes } from './notes';
import { m } from '../i18n/msg';
import { credentialsNotes } from './credentials';
import { isNetworkFailure, networkNotes } from './network';
import { STACKS } from './stacks/index';
import { originOf } from '../http/origin';
import { sanitize } from '../model/sanitize';
import { sanitizeVerdict } from '../model/sanitize-verdict';

export type {
  FixOptions, FixSet, FixSpec, HeaderLine, Snippet, StackId, StepFix,
} from './types';
export { STACKS } from './stacks/index';
export { suggestedStack } from './suggest';

function statusOf(verdict: Verdict): FixStatus {
  if (isNetworkFailure(verdict)) return 'network-failure';
  switch (verdict.kind) {
    case 'simple':
    case 'preflighted':
    case 'same-origin':
    case 'no-cors':
      return 'nothing-to-fix';
    case 'blocked':
      return verdict.reasons[0] && NO_HEADER_FIX_CODES.has(verdict.reasons[0].code) ? 'no-header-fix' : 'server-fix';
    default:
      return 'unknown';
  }
}

/** The summary's message id for each status (`fix_summary_<status>`). */
const SUMMARY: Record<FixStatus, string> = {
  'nothing-to-fix': 'fix_summary_nothing_to_fix',
  'server-fix': 'fix_summary_server_fix',
  'no-header-fix': 'fix_summary_no_header_fix',
  unknown: 'fix_summary_unknown',
  'network-failure': 'fix_summary_network_failure',
};

/** The page origin before any taint, for the per-hop Origin of redirect steps. */
function pageOrigin(exchange: Exchange, verdict: Verdict, fallback: string): string {
  if (!verdict.tainted && verdict.origin) return verdict.origin;
  const sent = joinedHeader(exchange.requestHeaders, 'origin');
  if (sent !== null && sent.trim() !== 'null') return sent.trim();
  if (exchange.initiator) return exchange.initiator;
  return (exchange.documentUrl && originOf(exchange.documentUrl)) || fallback;
}

/** The user's answer, when it is one of the answers the question offers; anything else is no answer. */
function cleanOptions(input: unknown): FixOptions {
  const answer = typeof input === 'object' && input !== null ? (input as { credentials?: unknown }).credentials : undefined;
  return answer === true || answer === false || answer === 'unsure' ? { credentials: answer } : {};
}

/**
 * Each note once, each a copy: some notes are constants of their reason module, and a fix leaves the core
 * to be kept and edited, so no two fixes may share an object that one of them could change.
 */
function withoutRepeats(notes: readonly FixNote[]): FixNote[] {
  const seen = new Set<string>();
  const out: FixNote[] = [];
  for (const n of notes) {
    const key = noteKey(n.text);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ level: n.level, text: JSON.parse(key) as FixNote['text'] });
  }
  return out;
}

/**
 * The fix for one exchange. `options.credentials` is the user's answer to "does this request send
 * cookies or HTTP authentication?"; without it the capture decides, and when it cannot, the fix works
 * either way.
 */
export function fixesFor(input: Exchange, verdictIn: Verdict, optionsIn: FixOptions = {}): FixSet {
  // Records come from storage, ports and files: normalise them at the core's one boundary (sanitize.ts).
  const exchange = sanitize(input);
  const verdict = sanitizeVerdict(verdictIn);
  const options = cleanOptions(optionsIn);
  const status = statusOf(verdict);
  const spec = buildSpec(exchange, verdict, options);
  if (verdict.kind === 'same-origin' || verdict.kind === 'no-cors') {
    const id = verdict.kind === 'same-origin' ? 'fix_same_origin' : 'fix_no_cors';
    return { status, summary: m(id), spec, steps: [], notes: [{ level: 'info', text: m(id) }], snippets: [] };
  }
  if (status === 'network-failure') {
    return { status, summary: m(SUMMARY[status]), spec, steps: [], notes: networkNotes(exchange, verdict), snippets: [] };
  }
  const steps = stepFixes(exchange, spec, pageOrigin(exchange, verdict, spec.origin));
  const failingStep = verdict.reasons[0]?.step.kind ?? null;
  const notes = withoutRepeats([
    ...cutNotes(spec),
    ...reasonNotes(verdict.reasons, { spec, exchange, verdict }),
    ...credentialsNotes({ credentials: spec.credentials, basis: spec.credentialsBasis, evidence: spec.credentialsEvidence, captured: spec.credentialsCaptured }),
    ...shapeNotes(spec, steps.some((s) => s.step === 'redirect'), failingStep),
  ]);
  const cutForSnippet = spec.cut.some((c) => c.field !== 'url');
  const snippets = cutForSnippet ? [] : STACKS.map((s) => s.generate(spec));
  return { status, summary: m(SUMMARY[status]), spec, steps, notes, snippets };
}

export { fixMarkdown } from './markdown';
