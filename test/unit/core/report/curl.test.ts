import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { curlFor, shQuote } from '../../../../src/core/report/curl';
import type { Exchange } from '../../../../src/core/model/exchange';
import { exchangeOf } from '../fix/build';

/** Run the command in a real POSIX shell with `curl` replaced by a function that prints its argv. */
function argvOf(command: string): string[] {
  const script = `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${command}\n`;
  const out = execFileSync('sh', ['-c', script], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

const HOSTILE = [
  "it's",
  '"double"',
  '$(echo pwned) `id` ${HOME}',
  'line1\nline2\r\n',
  '\\ backslash \\\\',
  "'; rm -rf / #",
  'unicode ✓ 日本 😀 \u202e',
  '',
  '*?[a-z] ~ & | ; < > !',
];

describe('shQuote', () => {
  it.each(HOSTILE)('%j survives a real shell unchanged', (value) => {
    const out = execFileSync('sh', ['-c', `printf '%s' ${shQuote(value)}`], { encoding: 'utf8' });
    expect(out).toBe(value);
  });

  it('drops NUL, which no shell argument can carry', () => {
    expect(shQuote('a\0b')).toBe("'ab'");
  });
});

function preflighted(): Exchange {
  return exchangeOf({ method: 'PUT', headers: ['x-trace', 'content-type'], url: 'https://api.example/items?q=1&x=2' });
}

describe('curlFor preflight', () => {
  it('replays the OPTIONS the browser sent', () => {
    expect(argvOf(curlFor(preflighted(), 'preflight'))).toEqual([
      '-i', '-X', 'OPTIONS', 'https://api.example/items?q=1&x=2',
      '-H', 'Origin: https://app.example',
      '-H', 'Access-Control-Request-Method: PUT',
      '-H', 'Access-Control-Request-Headers: x-trace,content-type',
    ]);
  });

  it('builds the preflight from the request when none was observed, and says so', () => {
    const ex = exchangeOf({ method: 'DELETE', preflight: false });
    const cmd = curlFor(ex, 'preflight');
    expect(cmd.split('\n')[0]).toBe('# The preflight the browser would send (not observed).');
    expect(argvOf(cmd)).toEqual(['-i', '-X', 'OPTIONS', 'https://api.example/api/items/42', '-H', 'Origin: https://app.example', '-H', 'Access-Control-Request-Method: DELETE']);
  });

  it('keeps the method case as sent', () => {
    const ex = exchangeOf({ method: 'patch' });
    expect(argvOf(curlFor(ex, 'preflight'))).toContain('Access-Control-Request-Method: patch');
    expect(argvOf(curlFor(ex, 'request')).slice(0, 3)).toEqual(['-i', '-X', 'patch']);
  });
});

describe('curlFor request', () => {
  const ex = exchangeOf({
    method: 'POST',
    requestHeaders: [
      { name: 'Host', value: 'api.example' },
      { name: 'Connection', value: 'keep-alive' },
      { name: 'Content-Length', value: '12' },
      { name: 'Accept-Encoding', value: 'gzip, br' },
      { name: 'Sec-Fetch-Mode', value: 'cors' },
      { name: 'sec-ch-ua', value: '"Chromium";v="156"' },
      { name: ':authority', value: 'api.example' },
      { name: 'Origin', value: 'https://app.example' },
      { name: 'Content-Type', value: 'text/plain' },
      { name: 'Cookie', value: 'session=SECRET1' },
      { name: 'Authorization', value: 'Bearer SECRET2' },
      { name: 'X-Hostile', value: "a'b\"c $(id) `id` ✓" },
    ],
  });

  it('keeps page-set headers, drops browser and connection headers, withholds secrets', () => {
    const cmd = curlFor(ex, 'request');
    expect(argvOf(cmd)).toEqual([
      '-i', '-X', 'POST', 'https://api.example/api/items/42',
      '-H', 'Origin: https://app.example',
      '-H', 'Content-Type: text/plain',
      '-H', "X-Hostile: a'b\"c $(id) `id` ✓",
    ]);
    expect(cmd).not.toContain('SECRET');
    expect(cmd).toContain("# Cookie, Authorization not copied (secret). To replay with credentials add -b '<cookies>'");
  });

  it('copies secrets only when asked', () => {
    const argv = argvOf(curlFor(ex, 'request', { includeSecrets: true }));
    expect(argv).toContain('Cookie: session=SECRET1');
    expect(argv).toContain('Authorization: Bearer SECRET2');
  });

  it('adds the Origin the browser sends when the capture did not show it', () => {
    const plain = exchangeOf({});
    plain.requestHeaders = [{ name: 'Accept', value: '*/*' }];
    expect(argvOf(curlFor(plain, 'request'))).toEqual(['-i', 'https://api.example/api/items/42', '-H', 'Accept: */*', '-H', 'Origin: https://app.example']);
  });

  it('uses -I for HEAD', () => {
    expect(argvOf(curlFor(exchangeOf({ method: 'HEAD' }), 'request'))[0]).toBe('-I');
  });

  it('skips header lines that are not valid HTTP instead of smuggling them', () => {
    const bad = exchangeOf({});
    bad.requestHeaders = [{ name: 'X-Ok', value: 'fine' }, { name: 'X-Bad', value: 'a\r\nInjected: yes' }, { name: 'Bad Name', value: 'x' }];
    const cmd = curlFor(bad, 'request');
    expect(argvOf(cmd)).toEqual(['-i', 'https://api.example/api/items/42', '-H', 'X-Ok: fine', '-H', 'Origin: https://app.example']);
    expect(cmd.split('\n').filter((l) => l.startsWith('# Skipped'))).toHaveLength(2);
  });

  it('quotes a hostile URL and method as single arguments', () => {
    const evil = exchangeOf({ url: "https://api.example/'$(id)'\n`id`", method: "PO'ST" });
    const argv = argvOf(curlFor(evil, 'request'));
    expect(argv.slice(0, 4)).toEqual(['-i', '-X', "PO'ST", "https://api.example/'$(id)'\n`id`"]);
  });

  it('mentions redirects and the missing body', () => {
    const redirected = exchangeOf({ method: 'PUT', redirects: [{ url: 'https://api.example/a', location: 'https://cdn.example/b', time: 1, response: { status: 307, headers: [] } }] });
    const cmd = curlFor(redirected, 'request');
    expect(cmd).toMatch(/^# The server redirected this request 1 time\(s\); add -L/m);
    expect(cmd).toMatch(/^# Request body not captured/m);
  });
});
