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
  notes: () => [PREFLIGHT_2XX_NOTE, info('The OPTIONS response carried no Access-Control-Allow-Origin: the route probably does not handle OPTIONS.')],
});
