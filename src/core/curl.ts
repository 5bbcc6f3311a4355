/**
 * "Copy as curl" for one step of an exchange: the preflight the browser sent (or would send) and the
 * request itself, with the same Origin, so a developer can replay it against the server and see the
 * CORS headers with `-i`. Output is a POSIX shell command: every argument is single-quoted, so any
 * value (quotes, `$()`, backticks, newlines, unicode) stays one literal argument.
 */
import type { Exchange, Header } from './model';
import { sanitize } from './sanitize';

export interface CurlOptions {
  /** Copy Cookie / Authorization / Proxy-Authorization values (off by default: they are secrets). */
  includeSecrets?: boolean;
}

/** Single-quote a value for a POSIX shell. NUL cannot travel in a shell argument and is removed. */
export function shQuote(value: string): string {
  return `'${value.replace(/\0/g, '').replace(/'/g, `'\\''`)}'`;
}

const SECRET = new Set(['cookie', 'authorization', 'proxy-authorization']);
/** Set by the browser or the connection, not by the page: replaying them is wrong or pointless. */
const DROPPED = new Set([
  'host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade',
  'proxy-connection', 'expect', 'accept-encoding', 'priority',
]);

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Header entries that are well-formed; captures and HAR files may hold junk. */
function clean(headers: readonly Header[] | undefined): Header[] {
  return Array.isArray(headers) ? headers.filter((h) => h && typeof h.name === 'string' && typeof h.value === 'string') : [];
}

function get(headers: readonly Header[] | undefined, name: string): string | null {
  const hit = clean(headers).find((h) => h.name.toLowerCase() === name);
  return hit ? hit.value : null;
}

/** One-line comment text: no line breaks or other control characters. */
function comment(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return '# ' + text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, '?');
}

function originFor(exchange: Exchange, headers: readonly Header[]): string | null {
  return get(headers, 'origin')?.trim() || get(exchange.requestHeaders, 'origin')?.trim() || exchange.initiator || null;
}

function command(comments: string[], args: string[]): string {
  return [...comments, args.join(' \\\n  ')].join('\n');
}

function preflightCurl(exchange: Exchange): string {
  const seen = Array.isArray(exchange.preflights) ? exchange.preflights[0] : undefined;
  const headers = clean(seen?.requestHeaders);
  const url = seen?.url ?? exchange.url;
  const comments = [comment(seen ? 'The preflight as the browser sent it.' : 'The preflight the browser would send (not observed).')];
  const args = ['curl -i -X OPTIONS', shQuote(url)];
  const origin = originFor(exchange, headers);
  if (origin !== null) args.push('-H ' + shQuote(`Origin: ${origin}`));
  else comments.push(comment('Origin unknown: add -H \'Origin: <page origin>\'.'));
  args.push('-H ' + shQuote(`Access-Control-Request-Method: ${get(headers, 'access-control-request-method') ?? exchange.method}`));
  const acrh = get(headers, 'access-control-request-headers');
  if (acrh) args.push('-H ' + shQuote(`Access-Control-Request-Headers: ${acrh}`));
  return command(comments, args);
}

function requestCurl(exchange: Exchange, options: CurlOptions): string {
  const comments: string[] = [];
  const args = [exchange.method === 'HEAD' ? 'curl -I' : 'curl -i'];
  if (exchange.method !== 'GET' && exchange.method !== 'HEAD') args.push('-X ' + shQuote(exchange.method));
  args.push(shQuote(exchange.url));
  let hasOrigin = false;
  const withheld: string[] = [];
  for (const h of clean(exchange.requestHeaders)) {
    const name = h.name.toLowerCase();
    if (name.startsWith(':') || name.startsWith('sec-') || DROPPED.has(name)) continue;
    if (!TOKEN.test(h.name) || /[\r\n\0]/.test(h.value)) {
      comments.push(comment(`Skipped a header that is not valid HTTP (${h.name.slice(0, 40)}).`));
      continue;
    }
    if (SECRET.has(name) && !options.includeSecrets) {
      if (!withheld.includes(h.name)) withheld.push(h.name);
      continue;
    }
    if (name === 'origin') {
      if (!h.value.trim()) continue; // an empty Origin is a capture defect: use the initiator below
      hasOrigin = true;
    }
    args.push('-H ' + shQuote(`${h.name}: ${h.value}`));
  }
  if (!hasOrigin) {
    const origin = originFor(exchange, []);
    if (origin !== null) args.push('-H ' + shQuote(`Origin: ${origin}`));
  }
  if (withheld.length) {
    comments.push(comment(`${withheld.join(', ')} not copied (secret). To replay with credentials add -b '<cookies>' or -H 'Authorization: <value>'.`));
  }
  if (Array.isArray(exchange.redirects) && exchange.redirects.length) {
    comments.push(comment(`The server redirected this request ${exchange.redirects.length} time(s); add -L to follow (curl keeps the Origin header, a browser may send Origin: null after a cross-origin hop).`));
  }
  if (exchange.method !== 'GET' && exchange.method !== 'HEAD') comments.push(comment('Request body not captured: add --data-binary if the server needs one.'));
  return command(comments, args);
}

export function curlFor(input: Exchange, step: 'preflight' | 'request', options: CurlOptions = {}): string {
  const exchange = sanitize(input);
  return step === 'preflight' ? preflightCurl(exchange) : requestCurl(exchange, options);
}
