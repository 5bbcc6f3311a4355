/**
 * "Copy as curl" for one step of an exchange: the preflight the browser sent (or would send) and the
 * request itself, with the same Origin, so a developer can replay it against the server and see the
 * CORS headers with `-i`. Output is a POSIX shell command: every argument is single-quoted, so any
 * value (quotes, `$()`, backticks, unicode) stays one literal argument.
 *
 * Captured values are untrusted. A header whose name is not a token or whose value holds CR, LF or NUL
 * (the field-value grammar), or a method that is not a token, is never put on the command line (curl
 * would send it as is: an injected header line); a comment says what was left out and why. Values are
 * cut at MAX_VALUE characters and headers at MAX_HEADERS, and the command then says it is not a
 * faithful replay, so the output stays bounded.
 */
import type { Exchange, Header } from '../model/exchange';
import { sanitize } from '../model/sanitize';
import { cut } from '../fix/bounds';
import { m, type MsgValue } from '../i18n/msg';
import type { Words } from '../i18n/words';
import { wordsIn } from './words';

interface CurlOptions {
  /** Copy Cookie / Authorization / Proxy-Authorization values (off by default: they are secrets). */
  includeSecrets?: boolean;
  /** The language of the comments (English when absent); the command itself never changes. */
  words?: Words;
}

/** Longest header value, method or URL copied; longer ones are cut (marked). */
export const MAX_VALUE = 4096;
/** Most headers copied into one command. */
export const MAX_HEADERS = 64;

/** Single-quote a value for a POSIX shell. NUL cannot travel in a shell argument and is removed. */
export function shQuote(value: string): string {
  return `'${String(typeof value === 'string' ? value : '').replace(/\0/g, '').replace(/'/g, `'\\''`)}'`;
}

const SECRET = new Set(['cookie', 'authorization', 'proxy-authorization']);
/** Set by the browser or the connection, not by the page: replaying them is wrong or pointless. */
const DROPPED = new Set([
  'host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade',
  'proxy-connection', 'expect', 'accept-encoding', 'priority',
]);

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Fetch's "header value": no CR, LF or NUL (they would end the header line, or the request line). */
const NOT_FIELD_VALUE = /[\r\n\0]/;

const get = (headers: readonly Header[], name: string): string | null => headers.find((h) => h.name.toLowerCase() === name)?.value ?? null;

/** One-line comment text: no line breaks, other control characters or bidi overrides. */
function comment(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return '# ' + text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '?');
}

/** A header name as a comment shows it: bounded, control characters neutralised by `comment`. */
const shown = (name: string): string => cut(name, 40);

/** Collects the arguments and the comments of one command; keeps count of what was cut or left out. */
class Command {
  readonly comments: string[] = [];
  /** Adds a comment: the `report_curl_` message `name`, in the command's language. */
  note(name: string, values?: Record<string, MsgValue>): void {
    this.comments.push(comment(this.w.t(m(`report_curl_${name}`, values))));
  }

  readonly args: string[];
  private headers = 0;
  private cutValues = 0;

  constructor(first: string, private readonly w: Words) {
    this.args = [first];
  }

  /** A value for the command line, cut when too long. */
  value(text: string): string {
    if (text.length <= MAX_VALUE) return text;
    this.cutValues++;
    return cut(text, MAX_VALUE);
  }

  /** Adds `-H 'Name: value'` when the line is valid HTTP; otherwise says why it was left out. Returns whether it was added. */
  header(name: string, value: string): boolean {
    if (!TOKEN.test(name)) {
      this.note('bad_name', { name: shown(name) });
      return false;
    }
    if (name.length > MAX_VALUE) {
      // A cut name would be another header: leave it out rather than send something the page never sent.
      this.note('long_name', { length: name.length, name: shown(name) });
      return false;
    }
    if (NOT_FIELD_VALUE.test(value)) {
      this.note('bad_value', { name: shown(name) });
      return false;
    }
    if (this.headers >= MAX_HEADERS) {
      this.headers++;
      return false;
    }
    this.headers++;
    this.args.push('-H ' + shQuote(`${name}: ${this.value(value)}`));
    return true;
  }

  text(): string {
    if (this.headers > MAX_HEADERS) this.note('max_headers', { max: MAX_HEADERS, count: this.headers });
    if (this.cutValues > 0 || this.headers > MAX_HEADERS) this.note('cut', { max: MAX_VALUE });
    return [...this.comments, this.args.join(' \\\n  ')].join('\n');
  }
}

/** The Origin to send when the capture did not show one: the initiator, when it is a valid header value. */
function originFallback(exchange: Exchange): string | null {
  const origin = exchange.initiator?.trim();
  return origin && !NOT_FIELD_VALUE.test(origin) ? origin : null;
}

/** `-X METHOD` when the method is a token; otherwise nothing, and a comment. */
function methodArg(cmd: Command, method: string): void {
  if (TOKEN.test(method)) cmd.args.push('-X ' + shQuote(cmd.value(method)));
  else cmd.note('bad_method');
}

function preflightCurl(exchange: Exchange, w: Words): string {
  const seen = exchange.preflights[0];
  const headers = seen?.requestHeaders ?? [];
  const cmd = new Command('curl -i -X OPTIONS', w); // i18n-exempt: a shell command
  cmd.note(seen ? 'preflight_seen' : 'preflight_guessed');
  cmd.args.push(shQuote(cmd.value(seen?.url ?? exchange.url)));
  const sent = get(headers, 'origin')?.trim() || get(exchange.requestHeaders, 'origin')?.trim();
  const origin = sent || originFallback(exchange);
  if (!origin) cmd.note('origin_unknown');
  else cmd.header('Origin', origin);
  const acrm = get(headers, 'access-control-request-method');
  if (acrm !== null) cmd.header('Access-Control-Request-Method', acrm);
  else if (TOKEN.test(exchange.method)) cmd.header('Access-Control-Request-Method', exchange.method);
  else cmd.note('bad_acrm');
  const acrh = get(headers, 'access-control-request-headers');
  if (acrh) cmd.header('Access-Control-Request-Headers', acrh);
  return cmd.text();
}

function requestCurl(exchange: Exchange, options: CurlOptions, w: Words): string {
  const cmd = new Command(exchange.method === 'HEAD' ? 'curl -I' : 'curl -i', w);
  if (exchange.method !== 'GET' && exchange.method !== 'HEAD') methodArg(cmd, exchange.method);
  cmd.args.push(shQuote(cmd.value(exchange.url)));
  let originSeen = false;
  const withheld: string[] = [];
  for (const h of exchange.requestHeaders) {
    const name = h.name.toLowerCase();
    if (name.startsWith(':') || name.startsWith('sec-') || DROPPED.has(name)) continue;
    if (SECRET.has(name) && !options.includeSecrets) {
      if (!withheld.includes(h.name) && withheld.length < 3) withheld.push(h.name);
      continue;
    }
    if (name === 'origin') {
      if (!h.value.trim()) continue; // an empty Origin is a capture defect: use the initiator below
      // A refused Origin is not replaced by another one: the comment says why it is missing.
      originSeen = true;
    }
    cmd.header(h.name, h.value);
  }
  if (!originSeen) {
    const origin = originFallback(exchange);
    if (origin !== null) cmd.header('Origin', origin);
  }
  if (withheld.length) {
    cmd.note('secret', { names: withheld.map(shown).join(', ') });
  }
  if (exchange.redirects.length) {
    cmd.note('redirected', { count: exchange.redirects.length });
  }
  if (exchange.method !== 'GET' && exchange.method !== 'HEAD') cmd.note('no_body');
  return cmd.text();
}

/** The command for one step; its comments in the language of `options.words` (English by default). */
export function curlFor(input: Exchange, step: 'preflight' | 'request', options: CurlOptions = {}): string {
  const exchange = sanitize(input);
  const opts = typeof options === 'object' && options !== null ? options : {};
  const w = wordsIn(opts.words);
  return step === 'preflight' ? preflightCurl(exchange, w) : requestCurl(exchange, { includeSecrets: opts.includeSecrets === true }, w);
}
