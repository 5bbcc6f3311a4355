import type { VerdictKind } from '../core/model/verdict';

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
export const NON_CORS: readonly VerdictKind[] = ['same-origin', 'no-cors', 'network-error'];

export const VERDICT_ORDER: readonly VerdictKind[] = [
  'blocked', 'preflighted', 'simple', 'pending', 'inconclusive', 'network-error', 'no-cors', 'same-origin',
];
