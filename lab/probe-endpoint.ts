/**
 * Probe targets for `cors-lens probe <url>`: `/probe/<kind>?allowed=<origin>` on every lab origin. Each kind
 * decides from the request's `Origin` alone, the way a real misconfigured server does, whether to answer with
 * `Access-Control-Allow-Origin: <that origin>`; `correct` is the one a probe must find clean.
 *
 * - `allowed` (repeatable for `correct`; default `https://allowed.example`): the origin the server means to trust.
 * - `acac=true`: allowed answers also carry `Access-Control-Allow-Credentials: true` (the "with credentials" variant).
 * - A preflight (OPTIONS with Access-Control-Request-Method) gets the same origin decision, and when allowed
 *   `Access-Control-Allow-Methods: GET, POST, PUT, DELETE`, `-Allow-Headers: content-type, x-requested-with`,
 *   `-Max-Age: 600`, status 204.
 * - The misconfigured kinds send no `Vary`; `correct` always sends `Vary: Origin` (allowed or not).
 * Request headers are untrusted input: nothing here evaluates them, the regex kinds escape all but the dot.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isPreflight } from './cors-endpoint';

export const PROBE_PREFIX = '/probe/';
export const DEFAULT_ALLOWED = 'https://allowed.example';

/** How each target decides; `a` is the allowed origin, `host` its host (with port, if any). */
type Rule = (origin: string, a: string, host: string, allowed: string[]) => boolean;

const hostOf = (origin: string): string | null => {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
};
const schemeOf = (origin: string): string | null => {
  try {
    return new URL(origin).protocol;
  } catch {
    return null;
  }
};
/** A regex source for `s` with every metacharacter escaped except the dot (the classic mistake). */
const dotUnescaped = (s: string) => s.replace(/[\\^$*+?()[\]{}|/-]/g, '\\$&');
const escaped = (s: string) => s.replace(/[\\^$*+?.()[\]{}|/-]/g, '\\$&');

export const PROBE_KINDS: Record<string, { what: string; rule: Rule }> = {
  reflect: { what: 'echoes any Origin, null included', rule: (o) => o !== '' },
  null: { what: 'allows the allowed origin and `null`', rule: (o, a) => o === a || o === 'null' },
  prefix: { what: 'Origin starts with the allowed origin (`https://allowed.example.evil.com` passes)', rule: (o, a) => o.startsWith(a) },
  suffix: { what: 'Origin ends with the allowed host (`https://evilallowed.example` passes)', rule: (o, a, host) => o.endsWith(host) },
  regex: {
    what: 'matches `^<allowed>$` with the dots unescaped (`https://allowedXexample` passes)',
    rule: (o, a) => new RegExp(`^${dotUnescaped(a)}$`).test(o),
  },
  substring: { what: 'Origin contains the allowed host anywhere (`https://allowed.example.evil.com`, `https://evilallowed.example`)', rule: (o, a, host) => o.includes(host) },
  http: { what: 'compares hosts only: `http://` of the allowed https origin passes', rule: (o, a, host) => hostOf(o) === host },
  subdomain: {
    what: 'the allowed origin and any subdomain of its host, same scheme (`https://evil.allowed.example`)',
    rule: (o, a, host) => o === a || (schemeOf(o) === schemeOf(a) && (hostOf(o) ?? '').endsWith(`.${host}`)),
  },
  special: {
    what: 'a regex meant to allow a port or path after the host: any character but `.`, `-`, a letter or a digit may follow it (``https://allowed.example`.evil.com``)',
    rule: (o, a) => new RegExp(`^${escaped(a)}([^.\\-a-z0-9].*)?$`, 'i').test(o),
  },
  correct: { what: 'exact allowlist (`allowed`, repeatable), Vary: Origin: a probe must find nothing', rule: (o, a, host, allowed) => allowed.includes(o) },
};

export function handleProbe(req: IncomingMessage, res: ServerResponse, kind: string, q: URLSearchParams): void {
  const target = PROBE_KINDS[kind];
  if (!target) {
    res.writeHead(404, { 'Content-Type': 'application/json' });
    return void res.end(JSON.stringify({ error: `no probe target ${kind}`, kinds: Object.keys(PROBE_KINDS) }));
  }
  const allowed = q.getAll('allowed').length > 0 ? q.getAll('allowed') : [DEFAULT_ALLOWED];
  const a = allowed[0]!;
  const host = hostOf(a) ?? a;
  const origin = typeof req.headers.origin === 'string' ? req.headers.origin : '';
  const ok = origin !== '' && target.rule(origin, a, host, allowed);
  res.setHeader('Cache-Control', 'no-store');
  if (kind === 'correct') res.setHeader('Vary', 'Origin');
  if (ok) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    if (q.get('acac') === 'true') res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  if (isPreflight(req)) {
    if (ok) {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE');
      res.setHeader('Access-Control-Allow-Headers', 'content-type, x-requested-with');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    return void res.writeHead(204).end();
  }
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ probe: kind, allowed: ok }));
}
