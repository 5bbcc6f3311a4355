/**
 * The few Playwright shapes the helper uses, declared structurally so that neither playwright nor
 * playwright-core is a dependency: a Playwright `Page` (Chromium) fits `PageLike`, its `CDPSession` fits
 * `CdpSession`. Protocol payloads are untyped JSON here.
 */

/** A DevTools protocol event's payload or a command's parameters: untyped JSON. */
export type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- CDP payloads are untyped JSON

/** Playwright's `CDPSession`, as far as the helper uses it. */
export interface CdpSession {
  send(method: string, params?: object): Promise<unknown>;
  on(event: string, listener: (params: Raw) => void): unknown;
  detach(): Promise<void>;
}

/**
 * What opens a DevTools protocol session for a page: a Playwright `BrowserContext` of a Chromium browser.
 * Its parameter is `never` because Playwright's takes a `Page | Frame`, which no structural page type
 * satisfies: callers pass their page `as never`.
 */
export interface CdpContext {
  newCDPSession(page: never): Promise<CdpSession>;
}

/** A Playwright `Page`, as far as the helper uses it. */
export interface PageLike {
  context(): CdpContext;
  url(): string;
}
