/**
 * Type-level: the types of `cors-lens/playwright` (src/playwright/public.d.ts) describe what src/playwright
 * exports. The options, the lens and the Playwright shapes are declared there once and used by the code as they
 * are; what can still drift is the verdict's exchange (the code carries the core's record, the declaration the
 * fields a user reads) and the function's signature. Checked by tsc (npm run typecheck) and public-types.test.ts.
 */
import type * as Pub from '../../../src/playwright/public';
import type * as Impl from '../../../src/playwright/index';
import type { CorsVerdict as JudgedVerdict } from '../../../src/playwright/types';
import type { Page } from 'playwright-core';

/** Compiles only when A and B are each assignable to the other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const ok = <T extends true>(value: T): T => value;

// The function: it takes what the package declares, and gives what it declares.
ok<Same<Parameters<typeof Pub.attachCorsLens>, Parameters<typeof Impl.attachCorsLens>>>(true);
ok<[typeof Impl.attachCorsLens] extends [typeof Pub.attachCorsLens] ? true : false>(true);
// A verdict as the judge makes it is one as the package declares it (the declared exchange lists fewer fields).
ok<[JudgedVerdict] extends [Pub.CorsVerdict] ? true : false>(true);
ok<Same<Pub.VerdictKind, JudgedVerdict['kind']>>(true);
// A Playwright page of Chromium is accepted as it is.
ok<[Page] extends [Pub.PageLike] ? true : false>(true);

export const checked = true;
