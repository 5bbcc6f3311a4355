/**
 * `cors-lens probe` against the lab's real probe targets (`/probe/<kind>`, lab/probe-endpoint.ts), in process
 * over real sockets: it lets nothing slip (each target's own rule, evaluated on every origin the probe sent,
 * is exactly the set it reports as let in), every misconfiguration fails the run with status 3, and the
 * correct endpoint comes out clean. Unreachable hosts, timeouts and bad usage exit 2 with a clear message.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../../lab/server';
import { DEFAULT_ALLOWED, PROBE_KINDS } from '../../../lab/probe-endpoint';
import { cli as runCli } from './harness';

const A = DEFAULT_ALLOWED; // https://allowed.example
const HOST = new URL(A).host;

interface Judged { allowed: boolean; verdict: string }
interface ProbeJson {
  target: string;
  allowedOrigin: string;
  requests: number;
  failOn: string;
  probes: { origin: string; trick: string; forged: boolean; simple: Record<'omit' | 'include', Judged>; preflighted: Record<'omit' | 'include', Judged> }[];
  letIn: { origin: string; trick: string; severity: string; with: string[] }[];
  counts: Record<string, number>;
  findings: { id: string; severity: string; endpoint: string }[];
}

const cli = (...argv: string[]) => runCli(argv);

let lab: Lab;
beforeAll(async () => {
  lab = await startLab();
});
afterAll(() => lab.close());

const MISCONFIGURED = Object.keys(PROBE_KINDS).filter((k) => k !== 'correct');

describe('cors-lens probe on the lab', { timeout: 30_000 }, () => {
  it('covers every misconfigured target the lab implements', () => {
    expect([...MISCONFIGURED].sort()).toEqual(['http', 'null', 'prefix', 'reflect', 'regex', 'special', 'subdomain', 'substring', 'suffix']);
  });

  it.each(MISCONFIGURED.flatMap((kind) => [[kind, false], [kind, true]] as const))('finds /probe/%s (credentials allowed: %s)', async (kind, acac) => {
    const r = await cli('probe', `${lab.origins.api}/probe/${kind}${acac ? '?acac=true' : ''}`, '--origin', A, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout) as ProbeJson;
    expect(out.allowedOrigin).toBe(A);
    // The lab's own rule over every origin sent: the probe reports exactly the forged ones it lets in.
    const rule = PROBE_KINDS[kind]!.rule;
    const truth = out.probes.filter((p) => p.forged && rule(p.origin, A, HOST, [A])).map((p) => p.origin);
    expect(truth.length).toBeGreaterThan(0);
    expect(out.letIn.map((l) => l.origin)).toEqual(truth);
    for (const l of out.letIn) {
      expect(l.severity).toBe(acac ? 'high' : 'medium');
      expect(l.with).toEqual(acac ? ['simple', 'simple with credentials', 'preflighted', 'preflighted with credentials'] : ['simple', 'preflighted']);
    }
    // The allowed origin itself is let in and is no result.
    expect(out.probes[0]).toMatchObject({ origin: A, forged: false, simple: { omit: { allowed: true } } });
    // The core names it too: reflection across sites, or null trusted (a random subdomain is the same site: only the probe sees it).
    const ids = out.findings.filter((f) => f.severity === (acac ? 'high' : 'medium')).map((f) => f.id);
    if (kind === 'subdomain') expect(ids).toEqual([]);
    else expect(ids).toEqual(expect.arrayContaining([kind === 'null' ? 'null-origin-allowed' : 'origin-reflected']));
    if (kind === 'reflect') expect(ids).toEqual(expect.arrayContaining(['null-origin-allowed', 'origin-reflected']));
  });

  it('finds the regex bypasses by their look-alikes: unescaped dot, backtick and underscore after the host', async () => {
    const regex = JSON.parse((await cli('probe', `${lab.origins.api}/probe/regex`, '--origin', A, '--json')).stdout) as ProbeJson;
    expect(regex.letIn.map((l) => [l.trick, l.origin])).toEqual([['unescaped-dot', 'https://allowedxexample']]);
    const special = JSON.parse((await cli('probe', `${lab.origins.api}/probe/special`, '--origin', A, '--json')).stdout) as ProbeJson;
    expect(special.letIn.map((l) => l.origin)).toEqual([`${A}\`.corslensprobe.example`, `${A}_.corslensprobe.example`]);
  });

  it.each(['', '?acac=true', `?allowed=${encodeURIComponent(A)}&allowed=${encodeURIComponent('https://other.example')}&acac=true`])(
    'finds nothing on /probe/correct%s, and exits 0 even at --fail-on info',
    async (query) => {
      const r = await cli('probe', `${lab.origins.api}/probe/correct${query}`, '--origin', A, '--json', '--fail-on', 'info');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as ProbeJson;
      expect(out.findings).toEqual([]);
      expect(out.letIn).toEqual([]);
      expect(out.probes.filter((p) => p.forged).every((p) => !p.simple.omit.allowed && !p.preflighted.include.allowed)).toBe(true);
      expect(out.probes[0]!.simple.omit.allowed).toBe(true);
    },
  );

  it('prints a table: each origin, how it was made, what the browser would do; then what was let in and the findings', async () => {
    const bad = await cli('probe', `${lab.origins.api}/probe/null?acac=true`, '--origin', A);
    expect(bad.code).toBe(3);
    expect(bad.stdout.split('\n')[0]).toBe(`cors-lens probe ${lab.origins.api}/probe/null?acac=true (allowed origin ${A}): 10 origins, 50 requests`);
    expect(bad.stdout).toMatch(/^ORIGIN\s+TRICK\s+SIMPLE\s+SIMPLE\+CRED\s+PREFLIGHT\s+PREFLIGHT\+CRED$/m);
    expect(bad.stdout).toMatch(/^null\s+null\s+allowed\s+allowed\s+allowed\s+allowed$/m);
    expect(bad.stdout).toMatch(/^https:\/\/corslensprobe\.example\s+unrelated\s+blocked\s+blocked\s+blocked\s+blocked$/m);
    expect(bad.stdout).toContain('Forged origins let in (1 of 9):\n  high    null  (null: simple, simple with credentials, preflighted, preflighted with credentials)\n');
    expect(bad.stdout).toMatch(/^high\s+null-origin-allowed\s+http:\/\/127\.0\.0\.1:\d+\/probe\/null \(\d+ requests\)$/m);
    expect(bad.stdout.endsWith('2 results at or above medium (1 forged origin let in; findings: 1 high, 1 info).\n')).toBe(true);
    const good = await cli('probe', `${lab.origins.api}/probe/correct`, '--origin', A);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('No forged origin was let in (9 tried).\n\nNo findings.\n\nNothing at or above medium.\n');
  });

  it('sends only GET and OPTIONS, a cookie only on credentialed GETs, never on a preflight', async () => {
    lab.clearLog();
    await cli('probe', `${lab.origins.api}/probe/reflect`, '--origin', A, '--json');
    const log = lab.log().filter((r) => r.url.includes('/probe/reflect'));
    expect(log).toHaveLength(50);
    expect(new Set(log.map((r) => r.method))).toEqual(new Set(['GET', 'OPTIONS']));
    expect(log.filter((r) => r.preflight).every((r) => r.headers.cookie === undefined && r.headers['access-control-request-headers'] === 'x-requested-with')).toBe(true);
    expect(log.filter((r) => r.headers.cookie !== undefined).every((r) => r.method === 'GET')).toBe(true);
    expect(log.filter((r) => r.headers.cookie !== undefined)).toHaveLength(20);
    expect(new Set(log.map((r) => r.headers.origin)).size).toBe(10);
  });

  it('--fail-on moves the threshold: a medium reflection passes at high', async () => {
    expect((await cli('probe', `${lab.origins.api}/probe/regex`, '--origin', A, '--fail-on', 'high')).code).toBe(0);
    expect((await cli('probe', `${lab.origins.api}/probe/regex?acac=true`, '--origin', A, '--fail-on', 'high')).code).toBe(3);
  });

  it('without --origin makes look-alikes of the target\'s origin, skipping those no browser could send (an IP address with a port)', async () => {
    const r = await cli('probe', `${lab.origins.api}/probe/reflect`, '--json');
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout) as ProbeJson;
    expect(out.allowedOrigin).toBe(lab.origins.api);
    expect(out.probes.map((p) => p.trick)).toEqual(['unrelated', 'null']);
    expect(out.letIn.map((l) => l.trick)).toEqual(['unrelated', 'null']);
  });
});

describe('cors-lens probe failures', { timeout: 30_000 }, () => {
  let silent: Server;
  let silentUrl: string;
  beforeAll(async () => {
    // A real server that accepts the connection and never answers.
    silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/api`;
  });
  afterAll(() => {
    silent.closeAllConnections();
    return new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('exits 2 with a clear message on a closed port, a timeout and an unknown host', async () => {
    const closed = await cli('probe', `${lab.origins.closed}/x`, '--origin', A);
    expect([closed.code, closed.stdout]).toEqual([2, '']);
    expect(closed.stderr).toBe(`cors-lens probe: ${lab.origins.closed}/x: ${new URL(lab.origins.closed).host} refused the connection (nothing listens on that port?)\n`);
    const slow = await cli('probe', silentUrl, '--origin', A, '--timeout', '200');
    expect(slow.code).toBe(2);
    expect(slow.stderr).toBe(`cors-lens probe: ${silentUrl}: ${new URL(silentUrl).host} did not answer within 200 ms (--timeout to wait longer)\n`);
    const unknown = await cli('probe', 'http://no-such-host.invalid/x', '--origin', A);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('cors-lens probe: http://no-such-host.invalid/x: no-such-host.invalid: host not found\n');
  });

  it.each([
    [['probe'], 'no URL given.'],
    [['probe', 'api.example.com/x'], 'api.example.com/x is not a URL'],
    [['probe', 'ftp://api.example.com/x'], 'only http:// and https:// URLs can be probed'],
    [['probe', 'https://api.example.com/x', '--origin', 'https://app.example.com/path'], 'is not an origin: a scheme and a host'],
    [['probe', 'https://api.example.com/x', '--timeout', 'soon'], '--timeout takes a number of milliseconds'],
    [['probe', 'https://api.example.com/x', '--fail-on', 'critical'], '--fail-on takes high, medium, low or info'],
    [['probe', 'https://api.example.com/x', '--yaml'], 'unknown argument --yaml'],
  ])('exits 2 on bad usage: %j', async (argv, message) => {
    const r = await cli(...argv);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr.startsWith('cors-lens probe: ')).toBe(true);
    expect(r.stderr).toContain(message);
  });

  it('says the table, what was let in and the network errors in French, with the same exit statuses', async () => {
    const bad = await cli('probe', `${lab.origins.api}/probe/null?acac=true`, '--origin', A, '--lang', 'fr');
    expect(bad.code).toBe(3);
    expect(bad.stdout.split('\n')[0]).toBe(`cors-lens probe ${lab.origins.api}/probe/null?acac=true (origine autorisée ${A})\u00a0: 10 origines, 50 requêtes`);
    expect(bad.stdout).toMatch(/^ORIGINE\s+ASTUCE\s+SIMPLE\s+SIMPLE\+IDENT\s+PRÉ-VÉRIF\s+PRÉ-VÉRIF\+IDENT$/m);
    expect(bad.stdout).toMatch(/^null\s+null\s+autorisée\s+autorisée\s+autorisée\s+autorisée$/m);
    expect(bad.stdout).toMatch(/^https:\/\/corslensprobe\.example\s+unrelated\s+bloquée\s+bloquée\s+bloquée\s+bloquée$/m);
    expect(bad.stdout).toContain('(null: simple, simple avec identifiants, pré-vérifiée, pré-vérifiée avec identifiants)');
    expect(bad.stdout.endsWith('2 résultats atteignent ou dépassent moyenne (1 origine forgée laissée entrer\u00a0; constats\u00a0: élevée\u00a0: 1, info\u00a0: 1).\n')).toBe(true);
    const json = JSON.parse((await cli('probe', `${lab.origins.api}/probe/null?acac=true`, '--origin', A, '--lang', 'fr', '--json')).stdout) as ProbeJson & { lang: string };
    expect(json.lang).toBe('fr');
    expect(json.letIn[0]!.with).toEqual(['simple', 'simple with credentials', 'preflighted', 'preflighted with credentials']);
    const good = await cli('probe', `${lab.origins.api}/probe/correct`, '--origin', A, '--lang', 'fr');
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('Aucune origine forgée n’a été laissée entrer (9 essayées).\n\nAucun constat.\n\nRien n’atteint moyenne.\n');
    const closed = await cli('probe', `${lab.origins.closed}/x`, '--origin', A, '--lang', 'fr');
    expect(closed.code).toBe(2);
    expect(closed.stderr).toBe(`cors-lens probe: ${lab.origins.closed}/x: ${new URL(lab.origins.closed).host} a refusé la connexion (rien n’écoute sur ce port\u00a0?)\n`);
  });

  it('probe --help prints the usage, which says it is for servers a team owns', async () => {
    const r = await cli('probe', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('only for servers your team owns or may test');
    expect(r.stdout).toContain('cors-lens probe <url> [--origin <allowed origin>]');
  });
});
