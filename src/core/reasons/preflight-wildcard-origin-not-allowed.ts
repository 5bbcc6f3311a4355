import { m } from '../i18n/msg';
import { detectAccess } from './access-rules';
import { preflightTwin } from './access-texts';
import { wildcardOriginNotAllowed } from './wildcard-origin-not-allowed';
import type { PreflightInput } from './preflight-rules';
import type { ReasonDef } from './types';

const detect = detectAccess('wildcard');

/** WildcardOriginNotAllowed on the preflight (OPTIONS) response: judged before its status (Chromium services/network/cors/preflight_controller.cc, CheckPreflightAccess). */
export const preflightWildcardOriginNotAllowed: ReasonDef<PreflightInput> = preflightTwin(wildcardOriginNotAllowed, 'PreflightWildcardOriginNotAllowed', (p: PreflightInput) => detect(p.access), {
  label: m('reason_PreflightWildcardOriginNotAllowed_label'),
});
