import { m } from '../i18n/msg';
import { detectAccess } from './access-rules';
import { preflightTwin } from './access-texts';
import { allowOriginMismatch } from './allow-origin-mismatch';
import type { PreflightInput } from './preflight-rules';
import type { ReasonDef } from './types';

const detect = detectAccess('mismatch');

/** AllowOriginMismatch on the preflight (OPTIONS) response: judged before its status (Chromium services/network/cors/preflight_controller.cc, CheckPreflightAccess). */
export const preflightAllowOriginMismatch: ReasonDef<PreflightInput> = preflightTwin(allowOriginMismatch, 'PreflightAllowOriginMismatch', (p: PreflightInput) => detect(p.access), {
  label: m('reason_PreflightAllowOriginMismatch_label'),
});
