import type { VerdictKind } from '../core/model/verdict';
import { VERDICT_KINDS } from '../core/model/verdict';

/** Words shown for each verdict: the chip never relies on colour alone. */
export const VERDICT_LABEL: Record<VerdictKind, string> = {
  simple: 'Simple',
  preflighted: 'Preflighted',
  blocked: 'Blocked',
  'same-origin': 'Same-origin',
  'no-cors': 'No-cors',
  'network-error': 'Network error',
  pending: 'Pending',
  inconclusive: 'Inconclusive',
};

export const VERDICT_GLYPH: Record<VerdictKind, string> = {
  simple: '✓',
  preflighted: '✓',
  blocked: '✕',
  'same-origin': '·',
  'no-cors': '·',
  'network-error': '!',
  pending: '…',
  inconclusive: '?',
};

/** Kinds that are not CORS at all; hidden by default in lists. */
const NON_CORS: readonly VerdictKind[] = ['same-origin', 'no-cors', 'network-error'];

/** Kinds not settled yet: still in flight, or failed without a visible explanation. */
const UNSETTLED: readonly VerdictKind[] = ['pending', 'inconclusive'];

/**
 * The panel's order (verdict sort, toolbar counts): the CORS verdicts by severity, then the unsettled
 * ones, then the kinds that are not CORS (each group in the core's severity order, VERDICT_KINDS).
 */
export const PANEL_VERDICT_ORDER: readonly VerdictKind[] = [
  ...VERDICT_KINDS.filter((k) => !NON_CORS.includes(k) && !UNSETTLED.includes(k)),
  ...UNSETTLED,
  ...VERDICT_KINDS.filter((k) => NON_CORS.includes(k)),
];
