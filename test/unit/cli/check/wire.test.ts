/**
 * What `cors-lens check` puts on the wire, request by request, through a fake sender that plays the servers: the
 * preflight decision (the core's safelists), the preflight's exact headers (Access-Control-Request-Headers
 * lower-cased, sorted, comma-joined; never a cookie), the browser's headers on the request, and redirects as a
 * browser follows them (Origin: null after a cross-origin hop, a new preflight there, a redirected preflight
 * refused, 303 to GET, Authorization dropped across origins, the user's Cookie kept to its own host). Then the
 * network errors: exit 2 with the verdict the browser would give (network-error) and a message.
 */
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../../../src/cli/check/command';
import type { Sender } from '../../../../src/cli/check/walk';
import { ProbeError } from '../../../../src/cli/probe/send';
import type { Header } from '../../../../src/core/model/exchange';
import { m } from '../../../../src/core/i18n/msg';

const PAGE = 'https://app.example.com';
const API = 'https://api.example.com';
const THIRD = 'https://cdn.example.net';

interface Sent { method: string; url: string; headers: Record<string, string>; order: string[] }
type Answer = { status: number; headers?: [string, string][] };
type Server = (r: Sent) => Answer;

/** Allows the page (or `null`) and every method and header asked for, as a permissive server would. */
const allowing = (extra: [string, string][] = []): Server => (r) => {
  const h: [string, string][] = [['Access-Control-Allow-Origin', r.headers.origin ?? '*'], ...extra];
  if (r.method === 'OPTIONS') {
    h.push(['Access-Control-Allow-Methods', r.headers['access-control-request-method'] ?? 'GET']);
    if (r.headers['access-control-request-headers']) h.push(['Access-Control-Allow-Headers', r.headers['access-control-request-headers']]);
    return { status: 204, headers: h };
  }
  return { status: 200, headers: h };
};

async function check(argv: string[], servers: Record<string, Server>) {
  const sent: Sent[] = [];
  const sender: Sender = async (url, method, headers: Header[]) => {
    const r: Sent = { method, url: url.href, headers: Object.fromEntries(headers.map((h) => [h.name.toLowerCase(), h.value])), order: headers.map((h) => h.name) };
    sent.push(r);
    const server = servers[url.origin];
    if (!server) throw new ProbeError(m('cli_probe_refused', { host: url.host }), { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) });
    const a = server(r);
    return { status: a.status, statusText: '', headers: (a.headers ?? []).map(([name, value]) => ({ name, value })), start: 0, end: 0 };
  };
  let stdout = '';
  let stderr = '';
  const code = await runCheck([...argv, '--json'], { out: (t) => { stdout += t; }, err: (t) => { stderr += t; } }, {}, sender);
  const json = JSON.parse(stdout) as { verdict: string; code: string | null; exchange: { preflights: unknown[] } };
  return { code, json, sent, stderr };
}

const from = (url: string, ...more: string[]) => [url, '--origin', PAGE, ...more];

describe('cors-lens check: the preflight decision', () => {
  it.each([
    ['a GET', [], null],
    ['a POST of text/plain', ['--method', 'POST', '--content-type', 'text/plain;charset=UTF-8'], null],
    ['Content-Language fr;q=1 and Range bytes=0-', ['--header', 'Content-Language: fr;q=1', '--header', 'Range: bytes=0-'], null],
    ['DPR: 2 (safelisted in Chromium only)', ['--header', 'DPR: 2'], null],
    ['a PUT', ['--method', 'PUT'], { method: 'PUT', headers: undefined }],
    ['a lower-case patch (sent as written)', ['--method', 'patch'], { method: 'patch', headers: undefined }],
    ['a JSON POST', ['--method', 'POST', '--content-type', 'application/json'], { method: 'POST', headers: 'content-type' }],
    ['custom headers, in any order and case', ['--header', 'X-B: 1', '--header', 'x-a: 2', '--header', 'Authorization: Bearer t'], { method: 'GET', headers: 'authorization,x-a,x-b' }],
    ['Range bytes=-1 (a suffix range)', ['--header', 'Range: bytes=-1'], { method: 'GET', headers: 'range' }],
    ['a 129-byte Accept', ['--header', `Accept: ${'a'.repeat(129)}`], { method: 'GET', headers: 'accept' }],
  ])('%s', async (_, args, preflight) => {
    const r = await check(from(`${API}/x`, ...args), { [API]: allowing() });
    expect(r.code).toBe(0);
    expect(r.json.verdict).toBe(preflight ? 'preflighted' : 'simple');
    if (!preflight) {
      expect(r.sent.map((s) => s.method)).toEqual([args.includes('POST') ? 'POST' : 'GET']);
      return;
    }
    const [pre, actual] = r.sent;
    expect(r.sent).toHaveLength(2);
    expect(pre!.method).toBe('OPTIONS');
    expect(pre!.headers['access-control-request-method']).toBe(preflight.method);
    expect(pre!.headers['access-control-request-headers']).toBe(preflight.headers);
    expect(pre!.headers.origin).toBe(PAGE);
    expect(pre!.headers).toMatchObject({ accept: '*/*', 'sec-fetch-mode': 'cors', 'sec-fetch-site': 'same-site', 'sec-fetch-dest': 'empty' });
    expect(actual!.method).toBe(preflight.method);
  });

  it('sends the browser headers on the request, a Cookie only when credentialed and never on the preflight', async () => {
    const r = await check(from(`${API}/x`, '--method', 'PUT', '--header', 'X-Trace: 1', '--credentials'), { [API]: allowing([['Access-Control-Allow-Credentials', 'true']]) });
    expect(r.json.verdict).toBe('preflighted');
    expect(r.sent[0]!.headers.cookie).toBeUndefined();
    expect(r.sent[1]!.order).toEqual(['Accept', 'X-Trace', 'Origin', 'Sec-Fetch-Mode', 'Sec-Fetch-Site', 'Sec-Fetch-Dest', 'User-Agent', 'Cookie']);
    expect(r.sent[1]!.headers.cookie).toBe('cors_lens_check=1');
    const user = await check(from(`${API}/x`, '--credentials', '--header', 'Cookie: sid=abc'), { [API]: allowing([['Access-Control-Allow-Credentials', 'true']]) });
    expect(user.sent[0]!.headers.cookie).toBe('sid=abc');
  });

  it('blocks a credentialed request answered with ACAO *, and exits 1', async () => {
    const r = await check(from(`${API}/x`, '--credentials'), { [API]: () => ({ status: 200, headers: [['Access-Control-Allow-Origin', '*']] }) });
    expect([r.code, r.json.verdict, r.json.code]).toEqual([1, 'blocked', 'WildcardOriginNotAllowed']);
  });

  it('does not send the request when the preflight fails, nor follow a redirected preflight', async () => {
    const denied = await check(from(`${API}/x`, '--method', 'DELETE'), {
      [API]: () => ({ status: 204, headers: [['Access-Control-Allow-Origin', PAGE], ['Access-Control-Allow-Methods', 'GET, PUT']] }),
    });
    expect([denied.code, denied.json.code, denied.sent.map((s) => s.method)]).toEqual([1, 'MethodDisallowedByPreflightResponse', ['OPTIONS']]);
    const redirected = await check(from(`${API}/x`, '--method', 'PUT'), {
      [API]: (r) => (r.method === 'OPTIONS' ? { status: 307, headers: [['Location', `${API}/y`], ['Access-Control-Allow-Origin', PAGE]] } : { status: 200 }),
    });
    expect([redirected.code, redirected.json.code]).toEqual([1, 'PreflightDisallowedRedirect']);
    expect(redirected.sent.map((s) => `${s.method} ${s.url}`)).toEqual([`OPTIONS ${API}/x`]);
  });
});

describe('cors-lens check: redirects, hop by hop', () => {
  it('taints the origin after a cross-origin hop: Origin null at the next URL, and a fresh preflight there', async () => {
    const r = await check(from(`${API}/a`, '--header', 'X-Trace: 1'), {
      [API]: (s) => (s.method === 'OPTIONS' ? allowing()(s) : { status: 302, headers: [['Location', `${THIRD}/b`], ['Access-Control-Allow-Origin', PAGE]] }),
      [THIRD]: allowing(),
    });
    expect(r.sent.map((s) => `${s.method} ${s.url} ${s.headers.origin}`)).toEqual([
      `OPTIONS ${API}/a ${PAGE}`, `GET ${API}/a ${PAGE}`, `OPTIONS ${THIRD}/b null`, `GET ${THIRD}/b null`,
    ]);
    expect(r.sent[3]!.headers['sec-fetch-site']).toBe('cross-site');
    expect([r.code, r.json.verdict]).toEqual([0, 'preflighted']);
  });

  it('stops at a 3xx without ACAO (its target never asked), and at a Location with a user and password', async () => {
    const bare = await check(from(`${API}/a`), { [API]: () => ({ status: 302, headers: [['Location', `${API}/b`]] }) });
    expect([bare.json.code, bare.sent.length]).toEqual(['MissingAllowOriginHeader', 1]);
    const userinfo = await check(from(`${API}/a`), { [API]: () => ({ status: 302, headers: [['Location', 'https://u:p@cdn.example.net/b'], ['Access-Control-Allow-Origin', PAGE]] }) });
    expect([userinfo.json.code, userinfo.sent.length]).toEqual(['RedirectContainsCredentials', 1]);
  });

  it('turns a POST into a GET on 303 (its body headers dropped), drops Authorization across origins, keeps the Cookie to its own host', async () => {
    const r = await check(from(`${API}/a`, '--method', 'POST', '--content-type', 'text/plain', '--header', 'Authorization: Bearer t', '--credentials', '--header', 'Cookie: sid=1'), {
      [API]: (s) => (s.method === 'OPTIONS' ? allowing([['Access-Control-Allow-Credentials', 'true']])(s)
        : { status: 303, headers: [['Location', `${THIRD}/b`], ['Access-Control-Allow-Origin', PAGE], ['Access-Control-Allow-Credentials', 'true']] }),
      [THIRD]: () => ({ status: 200, headers: [['Access-Control-Allow-Origin', 'null'], ['Access-Control-Allow-Credentials', 'true']] }),
    });
    const last = r.sent.at(-1)!;
    expect([last.method, last.url, last.headers['content-type'], last.headers.authorization, last.headers.cookie, last.headers.origin])
      .toEqual(['GET', `${THIRD}/b`, undefined, undefined, 'cors_lens_check=1', 'null']);
    expect(r.sent.find((s) => s.method === 'POST')!.headers.cookie).toBe('sid=1');
    expect(r.json.verdict).toBe('preflighted');
  });

  it('gives up after 20 redirects, as Chromium does', async () => {
    let n = 0;
    const r = await check(from(`${API}/0`), { [API]: () => ({ status: 302, headers: [['Location', `${API}/${++n}`], ['Access-Control-Allow-Origin', PAGE]] }) });
    expect(r.sent).toHaveLength(21);
    expect([r.code, r.json.verdict]).toEqual([2, 'network-error']);
  });
});

describe('cors-lens check: servers that do not answer', () => {
  it('exits 2 with the verdict network-error and a message when the host refuses the connection', async () => {
    const r = await check(from(`${API}/x`), {});
    expect([r.code, r.json.verdict]).toEqual([2, 'network-error']);
    expect(r.stderr).toBe('cors-lens check: api.example.com refused the connection (nothing listens on that port?)\n');
  });

  it('exits 2 when a redirect target or a preflight gets no answer', async () => {
    const hop = await check(from(`${API}/x`), { [API]: () => ({ status: 302, headers: [['Location', `${THIRD}/y`], ['Access-Control-Allow-Origin', PAGE]] }) });
    expect([hop.code, hop.json.verdict]).toEqual([2, 'network-error']);
    const pre = await check(from(`${THIRD}/x`, '--method', 'PUT'), {});
    expect([pre.code, pre.json.verdict, pre.sent.map((s) => s.method)]).toEqual([2, 'network-error', ['OPTIONS']]);
  });
});
