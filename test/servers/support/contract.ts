/**
 * The contract of the real-server suite (test/servers/): the API every stack serves, the situations a
 * snippet is proven in, and what a stack adapter provides. The runner (support/runner.ts) takes each
 * (stack, situation) pair through: start the real server with no CORS configuration → Chromium blocks →
 * take the snippet the panel shows for that stack → paste it where its own text says → restart → Chromium
 * passes and the page reads the body.
 */
import type { Snippet, StackId } from '../../../src/core/fix';

/** The routes every stack's application serves, identical bodies everywhere (JSON `{ "route": <id> }`). */
export const ROUTES = {
  /** GET → 200. */
  simple: '/api/simple',
  /** POST, `Content-Type: application/json`, `X-Request-Id` → 201. */
  items: '/api/items',
  /** GET, reads the `session` cookie → 200 with `{ "route": "me", "session": <value> }`. */
  me: '/api/me',
  /** PATCH, credentialed, `X-CSRF-Token` → 200. */
  item: '/api/items/1',
  /** GET → the handler itself answers 500 with a JSON body. */
  fail: '/api/fail',
  /**
   * GET → an error the server generates itself: an unhandled exception in an application framework, the
   * upstream being down behind a proxy (nginx, Apache, Caddy) or a Worker whose upstream fetch throws.
   */
  crash: '/api/crash',
} as const;

export type SituationId =
  | 'simple-get' | 'json-post' | 'credentialed-get' | 'credentialed-patch' | 'handler-500' | 'server-error'
  /** A stack's own situations (StackAdapter.situations): S3 serves objects, not ROUTES' handlers. */
  | 'put-object' | 'missing-key';

export interface Situation {
  id: SituationId;
  /** What the page does, as the page's own script would do it. */
  path: string;
  init: { method?: string; headers?: Record<string, string>; body?: string; credentials?: 'include' | 'same-origin' | 'omit' };
  /** The status the page must read once the fix is in. */
  expectStatus: number;
  /** Sets the `session` cookie on the API's host before the request (same site, other origin). */
  cookie: boolean;
  /**
   * The JSON body the page must read once the fix is in. By default `{ "route": <the key of ROUTES for path> }`,
   * with the session cookie's value for /api/me. null: the body is the server's own answer and is not JSON of
   * ours (S3's empty PutObject answer, its XML error).
   */
  expectBody?: { route: string; session: boolean } | null;
}

export const SITUATIONS: readonly Situation[] = [
  { id: 'simple-get', path: ROUTES.simple, init: {}, expectStatus: 200, cookie: false },
  {
    id: 'json-post', path: ROUTES.items,
    init: { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'r-1' }, body: '{"name":"lens"}' },
    expectStatus: 201, cookie: false,
  },
  { id: 'credentialed-get', path: ROUTES.me, init: { credentials: 'include' }, expectStatus: 200, cookie: true },
  {
    id: 'credentialed-patch', path: ROUTES.item,
    init: { method: 'PATCH', headers: { 'X-CSRF-Token': 't-1', 'Content-Type': 'application/json' }, body: '{"done":true}', credentials: 'include' },
    expectStatus: 200, cookie: true,
  },
  { id: 'handler-500', path: ROUTES.fail, init: {}, expectStatus: 500, cookie: false },
  { id: 'server-error', path: ROUTES.crash, init: {}, expectStatus: 0 /* any 5xx the server generates */, cookie: false },
];

export interface StartOptions {
  /** Port the API must listen on (loopback only). */
  port: number;
  /** The snippet exactly as the panel shows it, or null for a server with no CORS configuration. */
  snippet: Snippet | null;
  /** A scratch folder for this start (config files, logs); removed by the runner. */
  workDir: string;
  /**
   * For proxies: a running upstream application that serves ROUTES (plain node:http, no CORS) on this port.
   * `/api/crash` must be proxied to `deadPort`, where nothing listens.
   */
  upstreamPort: number;
  deadPort: number;
}

export interface RunningServer {
  stop(): Promise<void>;
  /** The server's own log so far (shown when a case fails). */
  log(): string;
}

export interface StackAdapter {
  stack: StackId;
  /**
   * What must be installed for this stack, as Debian or npm package names (`.ci/run` installs the Debian
   * ones as root). `missing()` names the first one absent, or returns null when the stack can run here.
   */
  packages: { debian?: string[]; npm?: string[] };
  missing(): string | null;
  /**
   * The situations this stack is proven in, when SITUATIONS do not fit what the server software is (S3 serves
   * objects: no handler, no PATCH). Default: SITUATIONS.
   */
  situations?: readonly Situation[];
  /**
   * Starts the real server software on `port`, serving ROUTES, with `snippet` pasted where its own text
   * says (and only the glue that text tells a user to add). Resolves once the server answers on the port.
   */
  start(options: StartOptions): Promise<RunningServer>;
}
