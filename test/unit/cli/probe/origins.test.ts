/** The origins the probe sends, made from the allowed origin: each trick once, only what a browser could send. */
import { describe, expect, it } from 'vitest';
import { probeOrigins } from '../../../../src/cli/probe/origins';

describe('probeOrigins', () => {
  it('makes every look-alike of an https origin, the allowed origin first', () => {
    expect(probeOrigins(new URL('https://app.example.com'), 'r4nd', true).map((o) => [o.trick, o.origin, o.forged])).toEqual([
      ['allowed', 'https://app.example.com', false],
      ['unrelated', 'https://corslensprobe.example', true],
      ['null', 'null', true],
      ['prefix', 'https://app.example.com.corslensprobe.example', true],
      ['suffix', 'https://corslensprobeapp.example.com', true],
      ['unescaped-dot', 'https://appxexample.com', true],
      ['unescaped-dot', 'https://app.examplexcom', true],
      ['http-downgrade', 'http://app.example.com', true],
      ['subdomain', 'https://corslensprobe-r4nd.app.example.com', true],
      ['special-character', 'https://app.example.com`.corslensprobe.example', true],
      ['special-character', 'https://app.example.com_.corslensprobe.example', true],
    ]);
  });

  it('keeps the port where an origin can carry it, skips what no browser could send, and no downgrade from http', () => {
    const got = probeOrigins(new URL('http://localhost:8080'), 'r4nd', false).map((o) => o.origin);
    expect(got).toEqual(['https://corslensprobe.example', 'null', 'http://corslensprobelocalhost:8080', 'http://corslensprobe-r4nd.localhost:8080']);
    // An IP address: a host ending in a number must be an IPv4 address, so the suffix, dot and subdomain look-alikes are no URL.
    expect(probeOrigins(new URL('http://10.0.0.5'), 'r4nd', false).map((o) => o.origin)).toEqual([
      'https://corslensprobe.example', 'null', 'http://10.0.0.5.corslensprobe.example', 'http://10.0.0.5`.corslensprobe.example', 'http://10.0.0.5_.corslensprobe.example',
    ]);
  });
});
