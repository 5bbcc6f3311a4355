import { m } from '../i18n/msg';
import { detectAccess } from './access-rules';
import { preflightTwin } from './access-texts';
import { invalidAllowCredentials } from './invalid-allow-credentials';
import type { PreflightInput } from './preflight-rules';
import { info } from './texts';
import type { ReasonDef } from './types';

const detect = detectAccess('credentials');

/** InvalidAllowCredentials on the preflight (OPTIONS) response: judged before its status (Chromium services/network/cors/preflight_controller.cc, CheckPreflightAccess). */
export const preflightInvalidAllowCredentials: ReasonDef<PreflightInput> = preflightTwin(invalidAllowCredentials, 'PreflightInvalidAllowCredentials', (p: PreflightInput) => detect(p.access), {
  label: m('reason_PreflightInvalidAllowCredentials_label'),
  notes: () => [info(m('reason_PreflightInvalidAllowCredentials_note'))],
});
