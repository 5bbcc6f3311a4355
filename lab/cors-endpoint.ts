/**
 * The lab's `/cors` endpoint: every CORS header, status and redirect comes from the query string,
 * so each case is one URL (parameters: see `CorsParams` in lab/case-types.ts).
 *
 * - `acao` (repeatable: one header line each; `$origin` echoes the request's Origin), `acac`, `aceh`,
 *   `status`, `redirect` (+ `rstatus`), `type` (body kind), `setcookie`, `hold` (answer only when released).
 * - Preflight (OPTIONS with Access-Control-Request-Method): `pacao` (repeatable; `-` sends none; defaults
 *   to `acao`), `pacac` (defaults to `acac`), `pstatus` (default 204), `predirect`, `acam`, `acah`, `maxage`.
 * - On both: `allow` (repeatable: an allowlist; the request's Origin is echoed only when it is listed, as the fix
 *   snippets do; replaces `acao`), `vary`, `acapn` (Access-Control-Allow-Private-Network), `cache` (Cache-Control,
 *   instead of the default no-store), and shared-cache markers `age` (Age) and `xcache` (X-Cache). On the actual
 *   response, `shared` makes the lab a shared cache that ignores Origin (see `sharedAnswer`).
 * Served at `/cors` and at any `/cors/<name>`: a case that needs an endpoint of its own (findings are grouped by
 * endpoint) gets its own path.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

// A 1×1 transparent GIF.
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const BODIES: Record<string, { type: string; body: (cid: string) => string | Buffer }> = {
  text: { type: 'text/plain; charset=utf-8', body: (cid) => `lab response for ${cid}\n` },
  json: { type: 'application/json', body: (cid) => JSON.stringify({ lab: cid }) },
  js: { type: 'text/javascript', body: (cid) => `export default ${JSON.stringify(cid)};\n` },
  css: { type: 'text/css', body: () => 'body { --lab: 1; }\n' },
  // Not a valid font: the network exchange is what the lab is about, not the glyphs.
  font: { type: 'font/woff2', body: () => Buffer.from('wOF2lab') },
  img: { type: 'image/gif', body: () => GIF },
  sse: { type: 'text/event-stream', body: (cid) => `retry: 600000\ndata: ${cid}\n\n` },
};

export type Hold = (key: string, release: () => void) => void;

/** What the lab's shared-cache stand-in keeps per URL: the first answer's ACAO lines and when it was made. */
export type SharedCache = Map<string, { acao: string[]; at: number }>;

function setList(res: ServerResponse, name: string, values: string[], origin: string | undefined): void {
  const lines = values.filter((v) => v !== '-').map((v) => (v === '$origin' ? origin ?? 'null' : v));
  if (lines.length > 0) res.setHeader(name, lines.length === 1 ? lines[0]! : lines);
}

function int(value: string | null, fallback: number): number {
  const n = value === null ? NaN : Number(value);
  return Number.isInteger(n) ? n : fallback;
}

export function isPreflight(req: IncomingMessage): boolean {
  return req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
}

/** The ACAO lines the actual response sends: the allowlist's answer when `allow` is given, else the `acao` lines. */
function allowOrigin(q: URLSearchParams, origin: string | undefined): string[] {
  const allow = q.getAll('allow');
  if (allow.length === 0) return q.getAll('acao');
  return origin !== undefined && allow.includes(origin) ? [origin] : [];
}

/** Headers both the preflight and the actual response carry. */
function common(res: ServerResponse, q: URLSearchParams): void {
  res.setHeader('Cache-Control', q.get('cache') ?? 'no-store');
  for (const [param, header] of [['vary', 'Vary'], ['acapn', 'Access-Control-Allow-Private-Network'], ['age', 'Age'],
    ['xcache', 'X-Cache']] as const) {
    const v = q.get(param);
    if (v !== null) res.setHeader(header, v);
  }
}

/**
 * `shared`: the lab plays a shared cache (a CDN) in front of the endpoint that does not key on Origin: the first
 * actual request's Access-Control-Allow-Origin is kept for that URL and replayed to every later request of it, with
 * `X-Cache: HIT` and `Age` (`X-Cache: MISS` on the first). The browser sees a fresh network response.
 */
function sharedAnswer(req: IncomingMessage, res: ServerResponse, acao: string[], store: SharedCache | undefined): string[] {
  if (!store) return acao;
  const key = req.url ?? '';
  const hit = store.get(key);
  if (hit) {
    res.setHeader('X-Cache', 'HIT');
    res.setHeader('Age', String(Math.floor((Date.now() - hit.at) / 1000)));
    return hit.acao;
  }
  store.set(key, { acao, at: Date.now() });
  res.setHeader('X-Cache', 'MISS');
  return acao;
}

export function handleCors(req: IncomingMessage, res: ServerResponse, q: URLSearchParams, hold: Hold, shared?: SharedCache): void {
  const origin = req.headers.origin;
  common(res, q);
  if (isPreflight(req)) {
    const pacao = q.getAll('pacao');
    setList(res, 'Access-Control-Allow-Origin', pacao.length > 0 ? pacao : allowOrigin(q, origin), origin);
    const pacac = q.get('pacac') ?? q.get('acac');
    if (pacac !== null) res.setHeader('Access-Control-Allow-Credentials', pacac);
    const predirect = q.get('predirect');
    if (predirect !== null) {
      res.writeHead(302, { Location: predirect }).end();
      return;
    }
    for (const [param, header] of [['acam', 'Access-Control-Allow-Methods'], ['acah', 'Access-Control-Allow-Headers'],
      ['maxage', 'Access-Control-Max-Age']] as const) {
      const v = q.get(param);
      if (v !== null) res.setHeader(header, v);
    }
    res.writeHead(int(q.get('pstatus'), 204)).end();
    return;
  }
  const acao = allowOrigin(q, origin).map((v) => (v === '$origin' ? origin ?? 'null' : v));
  setList(res, 'Access-Control-Allow-Origin', q.get('shared') !== null ? sharedAnswer(req, res, acao, shared) : acao, origin);
  const acac = q.get('acac');
  if (acac !== null) res.setHeader('Access-Control-Allow-Credentials', acac);
  const aceh = q.get('aceh');
  if (aceh !== null) res.setHeader('Access-Control-Expose-Headers', aceh);
  const cookie = q.get('setcookie');
  if (cookie !== null) res.setHeader('Set-Cookie', `${cookie}; Path=/; SameSite=Lax`);
  const redirect = q.get('redirect');
  if (redirect !== null) {
    res.writeHead(int(q.get('rstatus'), 302), { Location: redirect }).end();
    return;
  }
  const kind = BODIES[q.get('type') ?? 'text'] ?? BODIES.text!;
  const send = () => {
    if (res.destroyed) return;
    res.writeHead(int(q.get('status'), 200), { 'Content-Type': kind.type }).end(kind.body(q.get('cid') ?? ''));
  };
  const key = q.get('hold');
  if (key !== null) hold(key, send);
  else send();
}
