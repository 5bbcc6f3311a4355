import { detectAccess } from './access-rules';
import { preflightTwin } from './access-texts';
import { invalidAllowCredentials } from './invalid-allow-credentials';
import type { PreflightInput } from './preflight-rules';
import type { ReasonDef } from './types';

const detect = detectAccess('credentials');

/** InvalidAllowCredentials on the preflight (OPTIONS) response: judged before its status (reference §10). */
export const preflightInvalidAllowCredentials: ReasonDef<PreflightInput> = preflightTwin(invalidAllowCredentials, 'PreflightInvalidAllowCredentials', (p: PreflightInput) => detect(p.access));
