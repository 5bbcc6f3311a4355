/**
 * Type-level: the hand-written types of `cors-lens/playwright` (src/playwright/public.d.ts) describe what
 * src/playwright/index.ts exports. Checked by tsc (npm run typecheck) and by public-types.test.ts.
 */
import type * as Pub from '../../../src/playwright/public';
import type * as Impl from '../../../src/playwright/index';
import type { Page } from 'playwright-core';

/** Compiles only when A and B are each assignable to the other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const ok = <T extends true>(value: T): T => value;

// The function: it takes what the package declares, and gives what it declares.
ok<Same<Parameters<typeof Pub.attachCorsLens>, Parameters<typeof Impl.attachCorsLens>>>(true);
ok<[typeof Impl.attachCorsLens] extends [typeof Pub.attachCorsLens] ? true : false>(true);
// The options and the lens: the same shapes.
ok<Same<Pub.JudgeOptions, Impl.JudgeOptions>>(true);
ok<Same<Pub.WaitOptions, Impl.WaitOptions>>(true);
ok<Same<Pub.AttachOptions, Impl.AttachOptions>>(true);
ok<Same<Pub.PageLike, Impl.PageLike>>(true);
ok<Same<Pub.CorsFix, Impl.CorsFix>>(true);
ok<Same<Pub.CorsFixStep, Impl.CorsFixStep>>(true);
ok<Same<Pub.CorsEvidence, Impl.CorsEvidence>>(true);
ok<Same<Pub.CorsFinding, Impl.CorsFinding>>(true);
ok<Same<Pub.Step, Impl.Step>>(true);
ok<Same<Pub.VerdictKind, Impl.CorsVerdict['kind']>>(true);
// A verdict as the code makes it is one as the package declares it (the declared exchange lists fewer fields).
ok<[Impl.CorsVerdict] extends [Pub.CorsVerdict] ? true : false>(true);
ok<[Impl.CorsLens] extends [Pub.CorsLens] ? true : false>(true);
// A Playwright page of Chromium is accepted as it is.
ok<[Page] extends [Pub.PageLike] ? true : false>(true);

export const checked = true;
