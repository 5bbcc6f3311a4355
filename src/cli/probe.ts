/**
 * `cors-lens probe <url>`: the active probe, opt-in and CLI only (the extension never sends a request). It
 * sends what a CORS scanner would, from Node (which, unlike a page, can put any `Origin` on a request):
 * forged origins (unrelated, `null`, prefix and suffix look-alikes of the allowed origin, unescaped-dot
 * look-alikes, an `http://` downgrade, a random subdomain, backtick and underscore tricks), each as a simple
 * GET and as a preflighted GET (custom header `X-Requested-With`), without and with credentials (a made-up
 * Cookie). Only GET and OPTIONS go out: the probe never asks a server to change anything.
 *
 * Each answer is turned into the Exchange a browser would have recorded for a page on that origin making
 * that request (the headers exactly as sent, the answer's headers exactly as received) and judged by the
 * same core as a HAR file: `classify`, then `findingsOf` over every probe.
 */
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { atLeast, classify, countBySeverity, findingsOf, judgeByHeaders } from '../core/cli-api';
import type { CorsErrorCode, Exchange, Header, Severity, Verdict, VerdictKind } from '../core/cli-api';
import { USAGE, parseArgs } from './args';
import { failsOn, findingsText, severityCounts } from './findings';
import type { Output } from './run';
import { clean, cleanJson, short } from './terminal';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE } from './verdicts';
import type { ExitStatus } from './verdicts';

/** The probe's default threshold: origins a stranger can use are at least `medium`. */
const DEFAULT_FAIL_ON: Severity = 'medium';
const DEFAULT_TIMEOUT_MS = 10_000;
/** The host the made-up origins use: `.example` is reserved (RFC 2606), so it is nobody's site. */
const PROBE_HOST = 'corslensprobe.example';
const PROBE_LABEL = 'corslensprobe';
/** Longest body read from an answer (the probe only needs the headers). */
const MAX_BODY = 64 * 1024;

/** How a forged origin was made; `allowed` is the legitimate origin itself (the baseline). */
export type Trick =
  | 'allowed'
  | 'unrelated'
  | 'null'
  | 'prefix'
  | 'suffix'
  | 'unescaped-dot'
  | 'http-downgrade'
  | 'subdomain'
  | 'special-character';

export interface ProbeOrigin {
  origin: string;
  trick: Trick;
  /** False only for the allowed origin itself. */
  forged: boolean;
}

/**
 * The origins to send for an allowed origin (`https://app.example`, or `http://host:port`); `random` names
 * the subdomain. The allowed origin comes first when `withAllowed` (it is the baseline a look-alike is
 * compared with); every origin once.
 */
export function probeOrigins(allowed: URL, random: string, withAllowed: boolean): ProbeOrigin[] {
  const a = allowed.origin;
  const scheme = allowed.protocol;
  const host = allowed.host;
  const port = allowed.port ? `:${allowed.port}` : '';
  const out: ProbeOrigin[] = [];
  // Only what a browser can send: a serialized origin (a look-alike of `host:port` or of an IP address is
  // no URL at all, so no page could have it), or null.
  const add = (origin: string, trick: Trick) => {
    if (origin !== 'null' && originOf(origin) !== origin) return;
    if (!out.some((o) => o.origin === origin)) out.push({ origin, trick, forged: trick !== 'allowed' });
  };
  if (withAllowed) add(a, 'allowed');
  add(`https://${PROBE_HOST}`, 'unrelated');
  add('null', 'null');
  add(`${a}.${PROBE_HOST}`, 'prefix');
  add(`${scheme}//${PROBE_LABEL}${host}`, 'suffix');
  // Each of the first three dots of the host replaced by a letter: what `^https://app.example$` with the dot
  // unescaped also matches. (An IPv6 literal has no dot.)
  const name = allowed.hostname;
  let seen = 0;
  for (let i = name.indexOf('.'); i >= 0 && seen < 3; i = name.indexOf('.', i + 1), seen++) {
    add(`${scheme}//${name.slice(0, i)}x${name.slice(i + 1)}${port}`, 'unescaped-dot');
  }
  if (scheme === 'https:') add(`http://${host}`, 'http-downgrade');
  add(`${scheme}//${PROBE_LABEL}-${random}.${host}`, 'subdomain');
  // A regex meant to allow a port or a path after the host (`^https://app\.example(\W.*)?$`).
  add(`${a}\`.${PROBE_HOST}`, 'special-character');
  add(`${a}_.${PROBE_HOST}`, 'special-character');
  return out;
}

function originOf(s: string): string | null {
  try {
    return new URL(s).origin;
  } catch {
    return null;
  }
}

/** A request that could not be completed: the message the user sees. */
class ProbeError extends Error {}

interface Answer {
  status: number;
  statusText: string;
  headers: Header[];
  ip?: string;
  start: number;
  end: number;
}

function headersOf(res: IncomingMessage): Header[] {
  const out: Header[] = [];
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) out.push({ name: raw[i]!, value: raw[i + 1]! });
  return out;
}

function networkMessage(err: unknown, url: URL, timeoutMs: number): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const where = `${url.host}`;
  if (code === 'ECONNREFUSED') return `${where} refused the connection (nothing listens on that port?)`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `${url.hostname}: host not found`;
  if (code === 'ETIMEDOUT' || code === 'PROBE_TIMEOUT') return `${where} did not answer within ${timeoutMs} ms (--timeout to wait longer)`;
  if (code === 'ECONNRESET') return `${where} closed the connection`;
  if (typeof code === 'string' && (code.startsWith('ERR_TLS') || code.includes('CERT'))) return `${where}: TLS error (${code}): ${err instanceof Error ? err.message : ''}`;
  return `${where}: ${err instanceof Error ? err.message : String(err)}`;
}

/**
 * One request with exactly these headers, in this order, after `Host` (node:http adds only Connection and,
 * given headers as a list, no Host of its own); no redirect is followed.
 */
function send(url: URL, method: 'GET' | 'OPTIONS', headers: Header[], timeoutMs: number): Promise<Answer> {
  const start = Date.now();
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: [['Host', url.host], ...headers.map((h) => [h.name, h.value])].flat(), timeout: timeoutMs });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'PROBE_TIMEOUT' })));
    req.on('error', (err) => reject(new ProbeError(networkMessage(err, url, timeoutMs), { cause: err })));
    req.on('response', (res) => {
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_BODY) res.destroy();
      });
      const done = () => {
        const answer: Answer = { status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: headersOf(res), start, end: Date.now() };
        if (res.socket?.remoteAddress) answer.ip = res.socket.remoteAddress;
        resolve(answer);
      };
      res.on('end', done);
      res.on('close', done);
      res.on('error', done);
    });
    req.end();
  });
}

/** What every request carries, as a browser's fetch() from another site does. */
const fetchHeaders = (origin: string): Header[] => [
  { name: 'Accept', value: '*/*' },
  { name: 'Origin', value: origin },
  { name: 'Sec-Fetch-Mode', value: 'cors' },
  { name: 'Sec-Fetch-Site', value: 'cross-site' },
  { name: 'Sec-Fetch-Dest', value: 'empty' },
  { name: 'User-Agent', value: 'cors-lens-probe' },
];
/** The credential a credentialed probe carries: a cookie the probe makes up (it has no real one). */
const COOKIE: Header = { name: 'Cookie', value: 'cors_lens_probe=1' };
/** The custom header that makes the second request non-simple (so the browser preflights it). */
const CUSTOM: Header = { name: 'X-Requested-With', value: 'XMLHttpRequest' };

type Mode = 'omit' | 'include';

const response = (a: Answer) => ({ status: a.status, statusText: a.statusText, headers: a.headers, time: a.end, ...(a.ip ? { ip: a.ip } : {}) });

/**
 * The Exchange a browser on `origin` would have recorded for this request and answer(s), before its ending
 * is known (`decide` sets it).
 */
function exchangeOf(id: string, url: URL, origin: string, requestHeaders: Header[], answer: Answer, preflight: { headers: Header[]; answer: Answer } | null): Exchange {
  const start = preflight ? preflight.answer.start : answer.start;
  return {
    id,
    initiator: origin,
    type: 'xmlhttprequest',
    method: 'GET',
    url: url.href,
    requestHeaders,
    redirects: [],
    preflights: preflight
      ? [{ id: `${id}-preflight`, url: url.href, requestHeaders: preflight.headers, response: response(preflight.answer), start: preflight.answer.start, end: preflight.answer.end }]
      : [],
    response: response(answer),
    outcome: STOPPED,
    timings: { start, end: answer.end },
    observer: { browser: 'chromium', preflightsVisible: true, fullRequestHeaders: true, source: 'har' },
  };
}

/** How Chromium ends a request its CORS check refused: fetch() rejects with a plain network error. */
const STOPPED = { state: 'failed', error: 'net::ERR_FAILED' } as const;

/**
 * The ending the browser would have given it, decided by the core from the headers alone (the way the panel's
 * "Try a fix" does): refused when a header fails a check (then, stopped at the preflight, without the
 * response it would never have asked for), read otherwise. A refusal the core explains only by inferring
 * credentials is not one: the probe knows whether it sent a Cookie.
 */
function decide(x: Exchange): Exchange {
  const judged = judgeByHeaders(x);
  if (judged.failed.kind === 'blocked' && !judged.credentialsOnly) {
    if (!judged.failed.reasons.some((r) => r.step.kind === 'preflight')) return x;
    const { response: _dropped, ...stopped } = x;
    return { ...stopped, timings: { start: x.timings.start, end: x.preflights[0]?.end ?? x.timings.start } };
  }
  return { ...x, outcome: { state: 'completed', status: x.response?.status ?? 0 } };
}

interface Judged {
  verdict: VerdictKind;
  /** The browser let the page read the answer. */
  allowed: boolean;
  code: CorsErrorCode | null;
  status: number | null;
  /** Access-Control-Allow-Origin / -Credentials of the answer the browser judged last (preflight when it stopped there). */
  allowOrigin: string | null;
  allowCredentials: string | null;
}

interface ProbeResult extends ProbeOrigin {
  simple: Record<Mode, Judged>;
  preflighted: Record<Mode, Judged>;
}

const headerValue = (headers: Header[] | undefined, name: string): string | null => {
  const values = (headers ?? []).filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
  return values.length ? values.join(', ') : null;
};

function judged(x: Exchange, v: Verdict): Judged {
  const last = x.response ?? x.preflights[0]?.response;
  return {
    verdict: v.kind,
    allowed: v.kind === 'simple' || v.kind === 'preflighted',
    code: v.reasons[0]?.code ?? null,
    status: last ? last.status : null,
    allowOrigin: headerValue(last?.headers, 'access-control-allow-origin'),
    allowCredentials: headerValue(last?.headers, 'access-control-allow-credentials'),
  };
}

interface Entry {
  exchange: Exchange;
  verdict: Verdict;
}

/** Every request for one origin; returns its results and the exchanges for findingsOf. */
async function probeOne(url: URL, o: ProbeOrigin, n: number, timeoutMs: number, entries: Entry[]): Promise<{ result: ProbeResult; requests: number }> {
  let requests = 0;
  const go = async (method: 'GET' | 'OPTIONS', headers: Header[]) => {
    requests++;
    return send(url, method, headers, timeoutMs);
  };
  const keep = (sent: Exchange): Judged => {
    const x = decide(sent);
    const verdict = classify(x);
    entries.push({ exchange: x, verdict });
    return judged(x, verdict);
  };
  const base = fetchHeaders(o.origin);
  const simple = {} as Record<Mode, Judged>;
  for (const mode of ['omit', 'include'] as const) {
    const headers = mode === 'include' ? [...base, COOKIE] : base;
    simple[mode] = keep(exchangeOf(`probe-${n}-simple-${mode}`, url, o.origin, headers, await go('GET', headers), null));
  }
  // One preflight serves both modes: a browser never sends cookies on it, so it is the same on the wire.
  const preflightHeaders = [
    { name: 'Accept', value: '*/*' },
    { name: 'Access-Control-Request-Method', value: 'GET' },
    { name: 'Access-Control-Request-Headers', value: 'x-requested-with' },
    { name: 'Origin', value: o.origin },
    { name: 'Sec-Fetch-Mode', value: 'cors' },
    { name: 'Sec-Fetch-Site', value: 'cross-site' },
    { name: 'Sec-Fetch-Dest', value: 'empty' },
    { name: 'User-Agent', value: 'cors-lens-probe' },
  ];
  const preflight = { headers: preflightHeaders, answer: await go('OPTIONS', preflightHeaders) };
  const preflighted = {} as Record<Mode, Judged>;
  for (const mode of ['omit', 'include'] as const) {
    const headers = mode === 'include' ? [...base, CUSTOM, COOKIE] : [...base, CUSTOM];
    // The browser sends the request only when the preflight passed. The GET goes out either way (it changes
    // nothing); when the core stops at the preflight, the exchange is the one a browser records then.
    preflighted[mode] = keep(exchangeOf(`probe-${n}-preflighted-${mode}`, url, o.origin, headers, await go('GET', headers), preflight));
  }
  return { result: { ...o, simple, preflighted }, requests };
}

/**
 * A forged origin the core let in. Nobody owns it (the subdomain is random, the others are look-alikes), so
 * trusting it is trusting strangers: `medium`, `high` when the browser also shares credentials with it,
 * as the core rates reflection. (The core's `origin-reflected` counts sites, so a subdomain of the allowed
 * origin alone never fires it: the probe knows that subdomain was made up.)
 */
interface LetIn {
  origin: string;
  trick: Trick;
  severity: Severity;
  /** The requests it got through with. */
  with: string[];
}

function letInOf(r: ProbeResult): LetIn | null {
  const ways = letInWith(r);
  if (!r.forged || ways.length === 0) return null;
  const credentials = r.simple.include.allowed || r.preflighted.include.allowed;
  return { origin: r.origin, trick: r.trick, severity: credentials ? 'high' : 'medium', with: ways };
}

/** "simple", "simple with credentials"…: the requests a forged origin got through with. */
function letInWith(r: ProbeResult): string[] {
  const out: string[] = [];
  if (r.simple.omit.allowed) out.push('simple');
  if (r.simple.include.allowed) out.push('simple with credentials');
  if (r.preflighted.omit.allowed) out.push('preflighted');
  if (r.preflighted.include.allowed) out.push('preflighted with credentials');
  return out;
}

const cell = (j: Judged): string => (j.allowed ? 'allowed' : j.verdict === 'blocked' ? 'blocked' : j.verdict);

function probeTable(results: readonly ProbeResult[]): string {
  const head = ['ORIGIN', 'TRICK', 'SIMPLE', 'SIMPLE+CRED', 'PREFLIGHT', 'PREFLIGHT+CRED'];
  const rows = results.map((r) => [short(r.origin, 64), r.trick, cell(r.simple.omit), cell(r.simple.include), cell(r.preflighted.omit), cell(r.preflighted.include)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cols: string[]) => cols.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

export async function runProbe(argv: readonly string[], io: Output): Promise<ExitStatus> {
  const fail = (message: string): ExitStatus => {
    io.err(`cors-lens probe: ${message}\n`);
    return EXIT_UNREADABLE;
  };
  const args = parseArgs(argv);
  if (args.help) {
    io.out(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (args.unknown.length > 0) return fail(`unknown argument ${args.unknown.join(' ')}\n\n${USAGE}`);
  if (args.problem !== undefined) return fail(`${args.problem}\n\n${USAGE}`);
  if (!args.file) return fail(`no URL given.\n\n${USAGE}`);

  let target: URL;
  try {
    target = new URL(args.file);
  } catch {
    return fail(`${clean(args.file)} is not a URL (give it with its scheme: https://api.example.com/path)`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return fail(`${clean(args.file)}: only http:// and https:// URLs can be probed`);
  target.hash = '';

  let allowed: URL;
  try {
    allowed = new URL(args.origin ?? target.origin);
  } catch {
    return fail(`--origin ${clean(args.origin)} is not an origin (https://app.example.com)`);
  }
  if ((allowed.protocol !== 'http:' && allowed.protocol !== 'https:') || (args.origin !== undefined && allowed.href !== `${allowed.origin}/`)) {
    return fail(`--origin ${clean(args.origin)} is not an origin: a scheme and a host (and a port), no path (https://app.example.com)`);
  }
  const timeoutMs = args.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const failOn = args.failOn ?? DEFAULT_FAIL_ON;
  // Without --origin the target's own origin stands for it: a request from there is same-origin, so not sent.
  const origins = probeOrigins(allowed, randomBytes(4).toString('hex'), args.origin !== undefined);

  const entries: Entry[] = [];
  const results: ProbeResult[] = [];
  let requests = 0;
  try {
    for (const [i, o] of origins.entries()) {
      const one = await probeOne(target, o, i + 1, timeoutMs, entries);
      results.push(one.result);
      requests += one.requests;
    }
  } catch (err) {
    if (err instanceof ProbeError) return fail(`${clean(target.href)}: ${clean(err.message)}`);
    throw err;
  }

  const findings = findingsOf(entries, { browser: 'chromium' });
  const letIn = results.map(letInOf).filter((l): l is LetIn => l !== null);
  const failed = failsOn(findings, failOn) || letIn.some((l) => atLeast(l.severity, failOn));
  if (args.json) {
    const json = {
      target: target.href,
      allowedOrigin: allowed.origin,
      allowedOriginGiven: args.origin !== undefined,
      requests,
      failOn,
      probes: results,
      letIn,
      counts: countBySeverity(findings),
      findings,
    };
    io.out(`${cleanJson(JSON.stringify(json, null, 2))}\n`);
    return failed ? EXIT_FINDINGS : EXIT_OK;
  }
  const given = args.origin !== undefined ? `allowed origin ${clean(allowed.origin)}` : `no --origin: look-alikes of the target's own origin ${clean(allowed.origin)}`;
  let out = `cors-lens probe ${clean(target.href)} (${given}): ${results.length} origins, ${requests} requests\n\n`;
  out += `${probeTable(results)}\n\n`;
  const forged = results.filter((r) => r.forged).length;
  if (letIn.length === 0) out += `No forged origin was let in (${forged} tried).\n\n`;
  else {
    out += `Forged origins let in (${letIn.length} of ${forged}):\n`;
    for (const l of letIn) out += `  ${l.severity.padEnd(6)}  ${clean(l.origin)}  (${l.trick}: ${l.with.join(', ')})\n`;
    out += '\n';
  }
  out += findings.length > 0 ? `${findingsText(findings)}\n\n` : 'No findings.\n\n';
  const at = findings.filter((f) => atLeast(f.severity, failOn)).length + letIn.filter((l) => atLeast(l.severity, failOn)).length;
  out += at > 0
    ? `${at} result${at === 1 ? '' : 's'} at or above ${failOn} (${letIn.length} forged origin${letIn.length === 1 ? '' : 's'} let in${findings.length ? `; findings: ${severityCounts(findings)}` : ''}).\n`
    : `Nothing at or above ${failOn}.\n`;
  io.out(out);
  return failed ? EXIT_FINDINGS : EXIT_OK;
}
