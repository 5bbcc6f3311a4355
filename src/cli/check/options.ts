/**
 * `cors-lens check <url> --origin <origin> [--method <M>] [--header 'Name: value']... [--credentials]
 * [--content-type <type>] [--redirect follow|manual] [--json] [--fail-on <severity>] [--lang <en|fr>]
 * [--timeout <ms>]`: the arguments, checked as a page's fetch() would check them (a page cannot send what the
 * browser refuses to build), each problem as a message.
 */
import { countsForCors, hostInfo, originOf } from '../../core/cli-api';
import type { Header, Lang, Msg, Severity } from '../../core/cli-api';
import { isLang, isSeverity, timeoutOf } from '../args';
import { cm } from '../lang';

export interface CheckOptions {
  url: URL;
  /** The page's origin: a serialized origin, or `null` (a sandboxed frame, a `data:` document). */
  origin: string;
  /** The method as fetch() normalises it (the six standard ones upper-cased, any other kept as written). */
  method: string;
  /** The headers the page sets, in order (`--header`, then `--content-type`); never Cookie. */
  headers: Header[];
  /** Credentials mode `include` (else fetch's default, `same-origin`: no cookie goes to another origin). */
  credentials: boolean;
  /** The Cookie the browser would send with `--credentials` (`--header 'Cookie: …'`), or null. */
  cookie: string | null;
  redirect: 'follow' | 'manual';
  json: boolean;
  failOn?: Severity;
  lang?: Lang;
  timeoutMs?: number;
}

type Parsed =
  | { kind: 'help'; lang?: Lang }
  | { kind: 'problem'; msg: Msg; lang?: Lang }
  | { kind: 'ok'; options: CheckOptions };

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Methods fetch() upper-cases (any other is sent as written: `patch` stays `patch`). */
const NORMALISED = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'];
const FORBIDDEN_METHODS = ['CONNECT', 'TRACE', 'TRACK'];
/** Bytes a header value cannot hold on the wire (fetch's Headers throws). */
const BAD_VALUE = /[\r\n\0]/;

const VALUED = ['--origin', '--method', '--header', '--content-type', '--redirect', '--fail-on', '--lang', '--timeout'] as const;
type Valued = (typeof VALUED)[number];

interface Raw {
  positional: string[];
  unknown: string[];
  values: Partial<Record<Valued, string[]>>;
  flags: Set<string>;
  missing: Valued | null;
}

function split(argv: readonly string[]): Raw {
  const raw: Raw = { positional: [], unknown: [], values: {}, flags: new Set(), missing: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const name = (a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a) as Valued;
    if (VALUED.includes(name)) {
      const value = name === a ? argv[++i] : a.slice(eq + 1);
      if (value === undefined) raw.missing ??= name;
      else (raw.values[name] ??= []).push(value);
    } else if (a === '--json' || a === '--credentials' || a === '-h' || a === '--help') raw.flags.add(a === '-h' ? '--help' : a);
    else if (a.startsWith('-')) raw.unknown.push(a);
    else raw.positional.push(a);
  }
  return raw;
}

/** The last value given for an option (a repeated single-valued option: the last one wins, as usual). */
const last = (raw: Raw, name: Valued): string | undefined => raw.values[name]?.at(-1);

function parseLang(raw: Raw): Lang | undefined {
  const v = last(raw, '--lang');
  return v !== undefined && isLang(v) ? v : undefined;
}

export function parseCheckArgs(argv: readonly string[]): Parsed {
  const raw = split(argv);
  const lang = parseLang(raw);
  const problem = (msg: Msg): Parsed => ({ kind: 'problem', msg, ...(lang ? { lang } : {}) });
  if (raw.flags.has('--help')) return { kind: 'help', ...(lang ? { lang } : {}) };
  const unknown = [...raw.unknown, ...raw.positional.slice(1)];
  if (unknown.length > 0) return problem(cm('error_unknown', { args: unknown.join(' ') }));
  if (raw.missing) return problem(cm('error_needs_value', { option: raw.missing }));
  const langValue = last(raw, '--lang');
  if (langValue !== undefined && lang === undefined) return problem(cm('error_lang', { value: JSON.stringify(langValue) }));
  const failOn = last(raw, '--fail-on');
  if (failOn !== undefined && !isSeverity(failOn)) return problem(cm('error_fail_on', { value: JSON.stringify(failOn) }));
  const timeout = last(raw, '--timeout');
  const ms = timeout === undefined ? undefined : timeoutOf(timeout);
  if (ms === null) return problem(cm('error_timeout', { value: JSON.stringify(timeout) }));

  const url = targetOf(raw.positional[0]);
  if ('msg' in url) return problem(url.msg);
  const origin = originOption(last(raw, '--origin'));
  if (typeof origin !== 'string') return problem(origin.msg);
  const method = methodOf(last(raw, '--method') ?? 'GET');
  if (typeof method !== 'string') return problem(method.msg);
  const redirect = last(raw, '--redirect') ?? 'follow';
  if (redirect !== 'follow' && redirect !== 'manual') return problem(cm('check_error_redirect', { value: JSON.stringify(redirect) }));
  const credentials = raw.flags.has('--credentials');
  const given = [...(raw.values['--header'] ?? []), ...(raw.values['--content-type'] ?? []).map((t) => `Content-Type: ${t}`)];
  const headers = headersOf(given, credentials);
  if ('msg' in headers) return problem(headers.msg);
  return {
    kind: 'ok',
    options: {
      url: url.url, origin, method, headers: headers.page, credentials, cookie: headers.cookie,
      redirect, json: raw.flags.has('--json'),
      ...(failOn !== undefined ? { failOn } : {}),
      ...(lang ? { lang } : {}),
      ...(ms !== undefined ? { timeoutMs: ms } : {}),
    },
  };
}

function targetOf(given: string | undefined): { url: URL } | { msg: Msg } {
  if (given === undefined) return { msg: cm('check_error_no_url') };
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return { msg: cm('check_error_not_url', { url: given }) };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { msg: cm('check_error_scheme', { url: given }) };
  // fetch() refuses a URL with a user name or password before anything is sent.
  if (url.username !== '' || url.password !== '') return { msg: cm('check_error_userinfo', { url: given }) };
  url.hash = '';
  return { url };
}

function originOption(given: string | undefined): string | { msg: Msg } {
  if (given === undefined) return { msg: cm('check_error_no_origin') };
  if (given === 'null') return given;
  const origin = originOf(given);
  const scheme = /^https?:/i.test(given);
  if (origin === null || !scheme || hostInfo(origin) === null || origin !== given.replace(/\/$/, '')) return { msg: cm('check_error_origin', { origin: given }) };
  return origin;
}

function methodOf(given: string): string | { msg: Msg } {
  if (!TOKEN.test(given)) return { msg: cm('check_error_method', { method: given }) };
  const upper = given.toUpperCase();
  if (FORBIDDEN_METHODS.includes(upper)) return { msg: cm('check_error_forbidden_method', { method: upper }) };
  return NORMALISED.includes(upper) ? upper : given;
}

/** The page's headers and the Cookie, from `Name: value` lines; a line a page could not send is a problem. */
function headersOf(lines: readonly string[], credentials: boolean): { page: Header[]; cookie: string | null } | { msg: Msg } {
  const page: Header[] = [];
  let cookie: string | null = null;
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    const value = colon > 0 ? line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '') : '';
    if (!TOKEN.test(name) || BAD_VALUE.test(value)) return { msg: cm('check_error_header', { header: line }) };
    const lower = name.toLowerCase();
    if (lower === 'cookie') {
      if (!credentials) return { msg: cm('check_error_cookie') };
      cookie = cookie === null ? value : `${cookie}; ${value}`;
    } else if (!countsForCors(lower, [])) {
      // Forbidden to a page (Origin, Host, Sec-*…) or added by the browser (User-Agent, Cache-Control…): the core
      // cannot tell the page's from the browser's, so the check cannot judge it as the page's.
      return { msg: cm('check_error_browser_header', { name }) };
    } else page.push({ name, value });
  }
  return { page, cookie };
}
