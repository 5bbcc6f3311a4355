/**
 * The lab's cases as `cors-lens check` arguments: the request each case's action makes, as options (the page's
 * origin, the method, the headers the page sets, credentials, the redirect mode), or the reason `check` cannot
 * reproduce it from Node.
 */
import type { Action, FetchInit, LabCase } from '../../../../lab/cases';

export type Reproduction = { args: string[] } | { excluded: string };

/** Why a case is left out, by what it needs that a request from Node cannot give. */
export const EXCLUDED = {
  noCors: "a no-cors request (fetch mode 'no-cors', or an element without crossorigin): check always asks in cors mode, and CORS does not judge no-cors requests",
  preflightCache: "its preflight is served from Chromium's preflight cache: check keeps no cache and sends every preflight",
  httpCache: "its answer comes from Chromium's HTTP cache: check keeps no cache and always asks the server",
} as const;

/** fetch() with a string body and no Content-Type sends this one. */
const TEXT_BODY = 'text/plain;charset=UTF-8';

function fetchArgs(origin: string, url: string, init: FetchInit = {}): Reproduction {
  if (init.mode === 'no-cors') return { excluded: EXCLUDED.noCors };
  const args = [url, '--origin', origin];
  if (init.method !== undefined) args.push('--method', init.method);
  for (const [name, value] of init.headers ?? []) args.push('--header', `${name}: ${value}`);
  if (init.body !== undefined && !(init.headers ?? []).some(([n]) => n.toLowerCase() === 'content-type')) args.push('--content-type', TEXT_BODY);
  if (init.credentials === 'include') args.push('--credentials');
  if (init.redirect === 'manual') args.push('--redirect', 'manual');
  return { args };
}

/** The page's origin is the initiator of every action but a sandboxed frame's (null) and another frame's. */
export function reproduce(a: Action, page: string): Reproduction {
  switch (a.kind) {
    case 'fetch':
    case 'worker-fetch':
      return fetchArgs(page, a.url, a.init);
    case 'sandbox-fetch':
      return fetchArgs('null', a.url, a.init);
    case 'frame-fetch':
      return fetchArgs(a.origin, a.url, a.init);
    case 'xhr':
      return fetchArgs(page, a.url, { method: a.method, ...(a.headers ? { headers: a.headers } : {}), ...(a.withCredentials ? { credentials: 'include' } : {}) });
    case 'beacon':
      // sendBeacon: a POST of the Blob, always credentialed, Content-Type the Blob's type.
      return fetchArgs(page, a.url, { method: 'POST', headers: [['Content-Type', a.contentType]], body: a.body, credentials: 'include' });
    case 'img':
      return a.crossOrigin === null ? { excluded: EXCLUDED.noCors } : fetchArgs(page, a.url, a.crossOrigin === 'use-credentials' ? { credentials: 'include' } : {});
    case 'eventsource':
      return fetchArgs(page, a.url, { headers: [['Accept', 'text/event-stream']], ...(a.withCredentials ? { credentials: 'include' } : {}) });
    // Fonts, module scripts and CORS stylesheets: a cors-mode GET with credentials same-origin, as fetch() makes.
    case 'font':
    case 'import':
    case 'module-script':
    case 'stylesheet':
      return fetchArgs(page, a.url);
  }
}

/** The case's subject and its preparation as check runs, or why the case is left out. */
export function reproduceCase(c: LabCase, page: string): { prepare: string[][]; subject: string[] } | { excluded: string } {
  if (c.expect.preflight === 'cached') return { excluded: EXCLUDED.preflightCache };
  if (c.expect.fromCache === true) return { excluded: EXCLUDED.httpCache };
  const subject = reproduce(c.action, page);
  if ('excluded' in subject) return subject;
  const prepare: string[][] = [];
  for (const p of c.prepare ?? []) {
    const r = reproduce(p, page);
    if ('excluded' in r) return r;
    prepare.push(r.args);
  }
  return { prepare, subject: subject.args };
}
