/**
 * The few Playwright shapes the helper uses, declared structurally (in public.d.ts, the package's types) so that
 * neither playwright nor playwright-core is a dependency: a Playwright `Page` (Chromium) fits `PageLike`, its
 * `CDPSession` fits `CdpSession`. Protocol payloads are untyped JSON here.
 */
import type { PageLike } from './public';

export type { CdpSession, PageLike } from './public';

/** A DevTools protocol event's payload or a command's parameters: untyped JSON. */
export type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- CDP payloads are untyped JSON

/**
 * What opens a DevTools protocol session for a page: a Playwright `BrowserContext` of a Chromium browser.
 * Its parameter is `never` because Playwright's takes a `Page | Frame`, which no structural page type
 * satisfies: callers pass their page `as never`.
 */
export type CdpContext = ReturnType<PageLike['context']>;
