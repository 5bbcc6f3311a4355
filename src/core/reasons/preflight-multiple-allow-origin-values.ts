import { m } from '../i18n/msg';
import { detectAccess } from './access-rules';
import { preflightTwin } from './access-texts';
import { multipleAllowOriginValues } from './multiple-allow-origin-values';
import type { PreflightInput } from './preflight-rules';
import type { ReasonDef } from './types';

const detect = detectAccess('multiple');

/** MultipleAllowOriginValues on the preflight (OPTIONS) response: judged before its status (Chromium services/network/cors/preflight_controller.cc, CheckPreflightAccess). */
export const preflightMultipleAllowOriginValues: ReasonDef<PreflightInput> = preflightTwin(multipleAllowOriginValues, 'PreflightMultipleAllowOriginValues', (p: PreflightInput) => detect(p.access), {
  label: m('reason_PreflightMultipleAllowOriginValues_label'),
});
