import { m } from '../i18n/msg';
import { detectAccess } from './access-rules';
import { preflightTwin } from './access-texts';
import { missingAllowOriginHeader } from './missing-allow-origin-header';
import { PREFLIGHT_2XX_NOTE } from './preflight-invalid-status';
import type { PreflightInput } from './preflight-rules';
import { info } from './texts';
import type { ReasonDef } from './types';

const detect = detectAccess('missing');

/** MissingAllowOriginHeader on the preflight (OPTIONS) response: judged before its status (Chromium services/network/cors/preflight_controller.cc, CheckPreflightAccess). */
export const preflightMissingAllowOriginHeader: ReasonDef<PreflightInput> = preflightTwin(missingAllowOriginHeader, 'PreflightMissingAllowOriginHeader', (p: PreflightInput) => detect(p.access), {
  label: m('reason_PreflightMissingAllowOriginHeader_label'),
  notes: () => [PREFLIGHT_2XX_NOTE, info(m('reason_PreflightMissingAllowOriginHeader_note'))],
});
