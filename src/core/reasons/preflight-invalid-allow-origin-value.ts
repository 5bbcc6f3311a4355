import { m } from '../i18n/msg';
import { detectAccess } from './access-rules';
import { EXACT_ORIGIN_NOTE, preflightTwin } from './access-texts';
import { invalidAllowOriginValue } from './invalid-allow-origin-value';
import type { PreflightInput } from './preflight-rules';
import type { ReasonDef } from './types';

const detect = detectAccess('invalid');

/** InvalidAllowOriginValue on the preflight (OPTIONS) response: judged before its status (Chromium services/network/cors/preflight_controller.cc, CheckPreflightAccess). */
export const preflightInvalidAllowOriginValue: ReasonDef<PreflightInput> = preflightTwin(invalidAllowOriginValue, 'PreflightInvalidAllowOriginValue', (p: PreflightInput) => detect(p.access), {
  label: m('reason_PreflightInvalidAllowOriginValue_label'),
  notes: () => [EXACT_ORIGIN_NOTE],
});
