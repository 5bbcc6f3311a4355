/** Public API of the core: the classifier, its types, the reason catalogue and small helpers. */
export { classify } from './classify/classify';
export type * from './model/exchange';
export type * from './model/verdict';
export { REASONS, reasonDef, mdnUrl } from './reasons';
export type { AnyReasonDef, Evidence } from './reasons';
export { canonicalName, firstHeader, hasHeader, headerValues, joinedHeader, trimHttpWhitespace, utf8Length } from './http/headers';
export { hasUserinfo, isSameOrigin, OPAQUE_ORIGIN, originOf, stripUserinfo, toOrigin } from './http/origin';
export { isSafelistedMethod, headerUnsafeKind, SIMPLE_CONTENT_TYPES, CHROMIUM_ONLY_SAFELISTED } from './http/safelist';
export { preflightNeed } from './classify/preflight/need';
export type { PreflightNeed } from './classify/preflight/need';
export { detectMode } from './classify/mode';
export type { ModeInfo, RequestMode } from './classify/mode';
export { describeError, errorClass } from './classify/errors';
export { preflightCacheSeconds, CHROMIUM_MAX_AGE_CAP, FIREFOX_MAX_AGE_CAP } from './classify/max-age';
