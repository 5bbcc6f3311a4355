/**
 * `cors-lens check`'s output over real sockets (a node:http server the test starts): the text in English and
 * French (what went out, the verdict with Chromium's code and the evidence, the fix's header lines, the
 * findings), `--fail-on` (exit 3), and a server that never answers (exit 2 once `--timeout` has passed).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../harness';

const PAGE = 'https://app.example.com';
let server: Server;
let base = '';
const held: ServerResponse[] = [];

/** `/bare`: no CORS header; `/huge`: a 200 KB ACAO starting with a C1 escape (CSI); `/null`: allows the origin null; `/hold`: never answers; else allows the page (as the fix says). */
function answer(req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  if (req.url === '/hold') return void held.push(res);
  if (req.url === '/bare') return void res.writeHead(200).end('x');
  if (req.url === '/huge') return void res.writeHead(200, { 'Access-Control-Allow-Origin': `\u009b31m${'a'.repeat(200 * 1024)}` }).end();
  res.writeHead(req.method === 'OPTIONS' ? 204 : 200, {
    'Access-Control-Allow-Origin': req.url === '/null' ? 'null' : PAGE,
    'Access-Control-Allow-Methods': 'PUT',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  }).end();
}

beforeAll(async () => {
  server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of held) res.destroy();
  await new Promise((resolve) => {
    server.close(resolve);
    server.closeAllConnections();
  });
});

describe('cors-lens check: output', () => {
  it('says in English what went out, the verdict with its code and evidence, and the headers the fix needs', async () => {
    const r = await cli(['check', `${base}/bare`, '--origin', PAGE, '--method', 'PUT']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`cors-lens check: PUT ${base}/bare from a page on ${PAGE} (no credentials)`);
    expect(r.stdout).toContain(`  OPTIONS  ${base}/bare\n    → 200  (preflight)`);
    expect(r.stdout).toContain(`  PUT      ${base}/bare\n    → not sent: the browser stops before`);
    expect(r.stdout).toContain('Verdict: blocked (PreflightMissingAllowOriginHeader)');
    expect(r.stdout).toContain('Received: Access-Control-Allow-Origin: (absent)');
    expect(r.stdout).toContain(`The response to the preflight (OPTIONS ${base}/bare):`);
    expect(r.stdout).toContain(`    Access-Control-Allow-Origin: ${PAGE}\n    Access-Control-Allow-Methods: PUT\n`);
  });

  it('says it in French', async () => {
    const r = await cli(['check', `${base}/bare`, '--origin', PAGE, '--lang', 'fr']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`cors-lens check\u00a0: GET ${base}/bare depuis une page sur ${PAGE} (sans identifiants)`);
    expect(r.stdout).toContain('Verdict\u00a0: bloquée (MissingAllowOriginHeader)');
    expect(r.stdout).toContain('Reçu\u00a0: Access-Control-Allow-Origin: (absent)');
    expect(r.stdout).toContain('Correctif\u00a0:');
  });

  it('passes with exit 0, and exits 3 when a finding reaches --fail-on (ACAO null for the origin null)', async () => {
    const ok = await cli(['check', `${base}/ok`, '--origin', PAGE, '--method', 'PUT', '--fail-on', 'info']);
    expect([ok.code, ok.stderr]).toEqual([0, '']);
    expect(ok.stdout).toContain('Verdict: preflighted');
    const open = await cli(['check', `${base}/null`, '--origin', 'null', '--json']);
    const findings = (JSON.parse(open.stdout) as { findings: { id: string }[] }).findings.map((f) => f.id);
    expect([open.code, findings]).toEqual([0, ['null-origin-allowed']]);
    expect((await cli(['check', `${base}/null`, '--origin', 'null', '--fail-on', 'medium'])).code).toBe(3);
  });

  it('prints a bounded, inert prefix of a 200 KB header value (Chromium reads up to 256 KB of headers) (the JSON keeps it whole)', async () => {
    const r = await cli(['check', `${base}/huge`, '--origin', PAGE]);
    expect([r.code, r.stdout.includes('Verdict: blocked (InvalidAllowOriginValue)')]).toEqual([1, true]);
    expect(r.stdout.length).toBeLessThan(20_000);
    expect(r.stdout).not.toContain("\u009b");
    const json = JSON.parse((await cli(['check', `${base}/huge`, '--origin', PAGE, '--json'])).stdout) as { exchange: { response: { headers: { value: string }[] } } };
    expect(json.exchange.response.headers.some((h) => h.value.length > 200 * 1024)).toBe(true);
  });

  it('exits 2 with a message when the server does not answer within --timeout', async () => {
    const r = await cli(['check', `${base}/hold`, '--origin', PAGE, '--timeout', '300']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`cors-lens check: 127.0.0.1:${new URL(base).port} did not answer within 300 ms (--timeout to wait longer)\n`);
    expect(r.stdout).toContain('Verdict: network-error');
  });
});
