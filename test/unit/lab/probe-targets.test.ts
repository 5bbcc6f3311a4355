/**
 * The lab's probe targets (`/probe/<kind>`, lab/probe-endpoint.ts) answer forged Origins as the
 * misconfiguration they implement: this is the truth table `cors-lens probe` must find, sent from Node
 * (which, unlike a page, can send any Origin).
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../../lab/server';
import { DEFAULT_ALLOWED, PROBE_KINDS } from '../../../lab/probe-endpoint';

const A = DEFAULT_ALLOWED; // https://allowed.example

/** The forged Origins a scanner sends for https://allowed.example. */
const PROBES = {
  exact: A,
  unrelated: 'https://evil.example',
  null: 'null',
  prefix: 'https://allowed.example.evil.com',
  suffix: 'https://evilallowed.example',
  dot: 'https://allowedXexample',
  http: 'http://allowed.example',
  subdomain: 'https://sub.allowed.example',
  backtick: 'https://allowed.example`.evil.com',
} as const;
type Probe = keyof typeof PROBES;

/** For each target, the probes it lets in (every other probe gets no Access-Control-Allow-Origin). */
const ALLOWS: Record<string, Probe[]> = {
  reflect: ['exact', 'unrelated', 'null', 'prefix', 'suffix', 'dot', 'http', 'subdomain', 'backtick'],
  null: ['exact', 'null'],
  prefix: ['exact', 'prefix', 'backtick'],
  suffix: ['exact', 'suffix', 'http', 'subdomain'], // endsWith('allowed.example'): any scheme, any name ending so
  regex: ['exact', 'dot'],
  substring: ['exact', 'prefix', 'suffix', 'http', 'subdomain', 'backtick'],
  http: ['exact', 'http'],
  subdomain: ['exact', 'subdomain'],
  special: ['exact', 'backtick'],
  correct: ['exact'],
};

interface Answer { status: number; headers: Record<string, string | string[] | undefined> }

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(async () => {
  await lab?.close();
});

function send(path: string, origin: string, method = 'GET', extra: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, lab.origins.api), { method, headers: { Origin: origin, ...extra } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

const preflight = (path: string, origin: string) => send(path, origin, 'OPTIONS', { 'Access-Control-Request-Method': 'PUT' });

describe('probe targets', () => {
  it('covers every target kind in the truth table', () => {
    expect(Object.keys(ALLOWS).sort()).toEqual(Object.keys(PROBE_KINDS).sort());
  });

  it.each(Object.keys(ALLOWS))('%s: lets in exactly its probes, on the request and on a PUT preflight', async (kind) => {
    const allowedGet: Probe[] = [];
    const allowedPreflight: Probe[] = [];
    for (const [name, origin] of Object.entries(PROBES) as [Probe, string][]) {
      const get = await send(`/probe/${kind}`, origin);
      expect(get.status).toBe(200);
      if (get.headers['access-control-allow-origin'] !== undefined) {
        expect(get.headers['access-control-allow-origin'], `${kind} ${name}`).toBe(origin);
        allowedGet.push(name);
      }
      expect(get.headers['access-control-allow-credentials'], `${kind} ${name}: no credentials unless asked`).toBeUndefined();
      const pre = await preflight(`/probe/${kind}`, origin);
      expect(pre.status).toBe(204);
      if (pre.headers['access-control-allow-origin'] !== undefined) {
        expect(pre.headers['access-control-allow-origin']).toBe(origin);
        expect(pre.headers['access-control-allow-methods']).toMatch(/\bPUT\b/);
        allowedPreflight.push(name);
      } else {
        expect(pre.headers['access-control-allow-methods']).toBeUndefined();
      }
    }
    expect(allowedGet).toEqual(ALLOWS[kind]);
    expect(allowedPreflight).toEqual(ALLOWS[kind]);
  });

  it('with acac=true, every allowed answer allows credentials, and no refused one does', async () => {
    for (const kind of Object.keys(ALLOWS)) {
      for (const [name, origin] of Object.entries(PROBES) as [Probe, string][]) {
        const [get, pre] = await Promise.all([send(`/probe/${kind}?acac=true`, origin), preflight(`/probe/${kind}?acac=true`, origin)]);
        const expected = ALLOWS[kind]!.includes(name) ? 'true' : undefined;
        expect(get.headers['access-control-allow-credentials'], `${kind} ${name}`).toBe(expected);
        expect(pre.headers['access-control-allow-credentials'], `${kind} ${name} preflight`).toBe(expected);
      }
    }
  });

  it('only the correct target sends Vary: Origin, on every answer (allowed or not)', async () => {
    for (const kind of Object.keys(ALLOWS)) {
      for (const origin of [PROBES.exact, PROBES.unrelated]) {
        const vary = (await send(`/probe/${kind}`, origin)).headers.vary;
        expect(vary, kind).toBe(kind === 'correct' ? 'Origin' : undefined);
      }
    }
  });

  it('takes another allowed origin from ?allowed= (repeatable on the correct target)', async () => {
    const q = `allowed=${encodeURIComponent('https://app.example.org')}`;
    expect((await send(`/probe/suffix?${q}`, 'https://evilapp.example.org')).headers['access-control-allow-origin']).toBe('https://evilapp.example.org');
    expect((await send(`/probe/suffix?${q}`, A)).headers['access-control-allow-origin']).toBeUndefined();
    const two = `/probe/correct?${q}&allowed=${encodeURIComponent('https://www.example.org')}`;
    expect((await send(two, 'https://www.example.org')).headers['access-control-allow-origin']).toBe('https://www.example.org');
    expect((await send(two, 'https://evil.example.org')).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers no Origin with no ACAO, and an unknown target with 404 and the list of targets', async () => {
    const none = await new Promise<Answer>((resolve, reject) => {
      request(new URL('/probe/reflect', lab.origins.api), (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      }).on('error', reject).end();
    });
    expect(none.headers['access-control-allow-origin']).toBeUndefined();
    const unknown = await fetch(new URL('/probe/nope', lab.origins.api));
    expect(unknown.status).toBe(404);
    expect((await unknown.json()) as unknown).toMatchObject({ kinds: Object.keys(PROBE_KINDS) });
  });
});
