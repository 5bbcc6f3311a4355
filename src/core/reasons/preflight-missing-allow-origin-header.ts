import { detectAccess } from './access-rules';
import { preflightTwin } from './access-texts';
import { missingAllowOriginHeader } from './missing-allow-origin-header';
import type { PreflightInput } from './preflight-rules';
import type { ReasonDef } from './types';

const detect = detectAccess('missing');

/** MissingAllowOriginHeader on the preflight (OPTIONS) response: judged before its status (reference §10). */
export const preflightMissingAllowOriginHeader: ReasonDef<PreflightInput> = preflightTwin(missingAllowOriginHeader, 'PreflightMissingAllowOriginHeader', (p: PreflightInput) => detect(p.access));
