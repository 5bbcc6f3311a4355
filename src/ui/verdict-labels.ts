import type { VerdictKind } from '../core/model/verdict';
import { VERDICT_KINDS } from '../core/model/verdict';
import type { Words } from '../core/i18n/words';
import { words } from './i18n';

/** Catalogue id of a verdict kind's label (`network-error` → `ui_verdict_network_error`). */
export const verdictLabelId = (kind: VerdictKind): string => `ui_verdict_${String(kind).replace(/-/g, '_')}`;

/**
 * Words shown for a verdict, in the page's language (or in `w`'s: a search also matches the English
 * label). The chip never relies on colour alone. An unknown kind (a newer capture) is shown as it is.
 */
export function verdictLabel(kind: VerdictKind, w: Words = words.value): string {
  const id = verdictLabelId(kind);
  return w.has(id) ? w.say(id) : String(kind);
}

/**
 * The labels by kind, read in the page's current language each time (getters), for code that lists them
 * (`Object.entries(VERDICT_LABEL)`); a component reading one re-renders when the language changes.
 */
export const VERDICT_LABEL: Readonly<Record<VerdictKind, string>> = Object.defineProperties(
  {} as Record<VerdictKind, string>,
  Object.fromEntries(VERDICT_KINDS.map((k) => [k, { enumerable: true, get: () => verdictLabel(k) }])),
);

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
