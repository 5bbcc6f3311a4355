/** Public API of the core: the classifier, its types, the reason catalogue and small helpers. */
export { classify, describeChecks } from './classify';
export type { CheckLine } from './checks';
export type * from './model';
export type * from './verdict';
export { REASONS, reasonDef, mdnUrl } from './reasons';
export type { AnyReasonDef, Evidence } from './reasons';
export { canonicalName, firstHeader, hasHeader, headerValues, joinedHeader, trimHttpWhitespace, utf8Length } from './headers';
export { hasUserinfo, isSameOrigin, OPAQUE_ORIGIN, originOf, stripUserinfo, toOrigin } from './origin';
export { isSafelistedMethod, headerUnsafeKind, SIMPLE_CONTENT_TYPES, CHROMIUM_ONLY_SAFELISTED } from './safelist';
export { preflightNeed } from './preflight-need';
export type { PreflightNeed } from './preflight-need';
export { detectMode } from './mode';
export type { ModeInfo, RequestMode } from './mode';
export { describeError, errorClass } from './errors';
export { preflightCacheSeconds, CHROMIUM_MAX_AGE_CAP, FIREFOX_MAX_AGE_CAP } from './max-age';
