/**
 * `cors-lens check`'s arguments: what a page's fetch() could send is accepted (normalised as fetch normalises
 * it), anything else is a usage error (exit 2) with a message that says what is wrong, in both languages.
 */
import { describe, expect, it } from 'vitest';
import { parseCheckArgs } from '../../../../src/cli/check/options';
import { cli } from '../harness';

const API = 'https://api.example.com/v1/items';
const ORIGIN = 'https://app.example.com';

const ok = (...argv: string[]) => {
  const p = parseCheckArgs([API, '--origin', ORIGIN, ...argv]);
  if (p.kind !== 'ok') throw new Error(`not ok: ${JSON.stringify(p)}`);
  return p.options;
};
const problemId = (...argv: string[]) => {
  const p = parseCheckArgs(argv);
  return p.kind === 'problem' ? p.msg.id : p.kind;
};

describe('cors-lens check: options', () => {
  it('takes the URL, the origin and defaults (GET, no headers, same-origin credentials, redirects followed)', () => {
    const o = ok();
    expect({ url: o.url.href, origin: o.origin, method: o.method, headers: o.headers, credentials: o.credentials, cookie: o.cookie, redirect: o.redirect, json: o.json })
      .toEqual({ url: API, origin: ORIGIN, method: 'GET', headers: [], credentials: false, cookie: null, redirect: 'follow', json: false });
  });

  it('normalises the method as fetch() does: the six standard ones upper-cased, any other kept as written', () => {
    expect(ok('--method', 'put').method).toBe('PUT');
    expect(ok('--method=delete').method).toBe('DELETE');
    expect(ok('--method', 'patch').method).toBe('patch');
    expect(ok('--method', 'PROPFIND').method).toBe('PROPFIND');
  });

  it('keeps the page headers in order, trims the value, and adds --content-type after them', () => {
    const o = ok('--header', 'X-B:  two ', '--header', 'Authorization: Bearer t', '--content-type', 'application/json');
    expect(o.headers).toEqual([{ name: 'X-B', value: 'two' }, { name: 'Authorization', value: 'Bearer t' }, { name: 'Content-Type', value: 'application/json' }]);
  });

  it('takes a Cookie with --credentials (kept apart: the browser sends it, not the page), and null as an origin', () => {
    const o = ok('--credentials', '--header', 'Cookie: sid=1', '--header', 'Cookie: b=2');
    expect([o.credentials, o.cookie, o.headers]).toEqual([true, 'sid=1; b=2', []]);
    expect(parseCheckArgs([API, '--origin', 'null'])).toMatchObject({ kind: 'ok', options: { origin: 'null' } });
    expect(ok('--origin', `${ORIGIN}/`).origin).toBe(ORIGIN);
  });

  it.each([
    [['--origin', ORIGIN], 'cli_check_error_no_url'],
    [['not a url', '--origin', ORIGIN], 'cli_check_error_not_url'],
    [['ftp://api.example.com/x', '--origin', ORIGIN], 'cli_check_error_scheme'],
    [['javascript:alert(1)', '--origin', ORIGIN], 'cli_check_error_scheme'],
    [['https://user:pw@api.example.com/', '--origin', ORIGIN], 'cli_check_error_userinfo'],
    [[API], 'cli_check_error_no_origin'],
    [[API, '--origin', 'https://app.example.com/path'], 'cli_check_error_origin'],
    [[API, '--origin', 'app.example.com'], 'cli_check_error_origin'],
    [[API, '--origin', 'file:///etc/passwd'], 'cli_check_error_origin'],
    [[API, '--origin', 'NULL'], 'cli_check_error_origin'],
    [[API, '--origin', ORIGIN, '--method', 'GET X'], 'cli_check_error_method'],
    [[API, '--origin', ORIGIN, '--method', ''], 'cli_check_error_method'],
    [[API, '--origin', ORIGIN, '--method', 'trace'], 'cli_check_error_forbidden_method'],
    [[API, '--origin', ORIGIN, '--method', 'CONNECT'], 'cli_check_error_forbidden_method'],
    [[API, '--origin', ORIGIN, '--header', 'no colon'], 'cli_check_error_header'],
    [[API, '--origin', ORIGIN, '--header', ': value'], 'cli_check_error_header'],
    [[API, '--origin', ORIGIN, '--header', 'Bad Name: v'], 'cli_check_error_header'],
    [[API, '--origin', ORIGIN, '--header', 'X-A: a\r\nInjected: 1'], 'cli_check_error_header'],
    [[API, '--origin', ORIGIN, '--content-type', 'text/plain\nX: 1'], 'cli_check_error_header'],
    [[API, '--origin', ORIGIN, '--header', 'Cookie: sid=1'], 'cli_check_error_cookie'],
    [[API, '--origin', ORIGIN, '--header', 'Origin: https://evil.example'], 'cli_check_error_browser_header'],
    [[API, '--origin', ORIGIN, '--header', 'Sec-Fetch-Mode: no-cors'], 'cli_check_error_browser_header'],
    [[API, '--origin', ORIGIN, '--header', 'Host: other'], 'cli_check_error_browser_header'],
    [[API, '--origin', ORIGIN, '--header', 'Cache-Control: no-cache'], 'cli_check_error_browser_header'],
    [[API, '--origin', ORIGIN, '--redirect', 'error'], 'cli_check_error_redirect'],
    [[API, '--origin', ORIGIN, '--timeout', 'soon'], 'cli_error_timeout'],
    [[API, '--origin', ORIGIN, '--fail-on', 'critical'], 'cli_error_fail_on'],
    [[API, '--origin', ORIGIN, '--lang', 'de'], 'cli_error_lang'],
    [[API, '--origin'], 'cli_error_needs_value'],
    [[API, '--origin', ORIGIN, '--verbose'], 'cli_error_unknown'],
    [[API, API, '--origin', ORIGIN], 'cli_error_unknown'],
  ])('refuses %j (%s)', (argv, id) => {
    expect(problemId(...argv)).toBe(id);
  });

  it('answers a usage error with exit 2, the reason and the usage on stderr, in the language asked', async () => {
    const en = await cli(['check', API, '--header', 'Origin: x']);
    expect(en.code).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toMatch(/^cors-lens check: --origin is required/);
    expect(en.stderr).toContain('Usage: cors-lens check <url> --origin <origin>');
    const fr = await cli(['check', API, '--origin', ORIGIN, '--header', 'Cookie: a=1', '--lang', 'fr']);
    expect(fr.code).toBe(2);
    expect(fr.stderr).toContain('ajoutez --credentials');
    expect(fr.stderr).toContain('Usage\u00a0: cors-lens check');
  });

  it('--help says what it is for (servers a team owns), in English and French, exit 0', async () => {
    const en = await cli(['check', '--help']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('For servers your team owns');
    const fr = await cli(['check', '-h'], { LANG: 'fr_FR.UTF-8' });
    expect(fr.stdout).toContain('Pour les serveurs de votre équipe');
  });
});
