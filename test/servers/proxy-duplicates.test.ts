/**
 * An application that already sends CORS headers, behind a proxy that adds them too: Chromium sees two
 * Access-Control-Allow-Origin lines (MultipleAllowOriginValues). The snippet CORS Lens gives for that failure
 * must leave exactly one Allow-Origin and one Allow-Credentials line on every response the browser checks:
 * proven on the real nginx, Apache httpd and Caddy in front of an application that sends its own
 * Access-Control-Allow-Origin, -Credentials and Vary on every response. The raw header lines are read over
 * HTTP (a browser would merge them before a script could count them).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify/classify';
import { fixesFor, type Snippet } from '../../src/core/fix';
import { exchange } from '../support/builder';
import type { StackAdapter } from './support/contract';
import { freePort } from './support/ports';
import { apacheAdapter } from './stacks/apache';
import { caddyAdapter } from './stacks/caddy';
import { nginxAdapter } from './stacks/nginx';
import { send, type Ask, type RawAnswer } from './stacks/raw-http';

const PAGE = 'http://localhost:4001';

interface Case {
  name: string;
  /** The request as the page sends it. */
  ask: Ask;
  status: number;
  preflight: boolean;
}

const CASES: Case[] = [
  { name: 'simple GET', ask: { method: 'GET', path: '/api/simple' }, status: 200, preflight: false },
  { name: 'credentialed PATCH', ask: { method: 'PATCH', path: '/api/items/1', headers: { 'X-CSRF-Token': 't-1', 'Content-Type': 'application/json' } }, status: 200, preflight: true },
  { name: 'handler 500', ask: { method: 'GET', path: '/api/fail' }, status: 500, preflight: false },
];

/** The snippet the panel gives when Chromium reported the two Allow-Origin lines (on the preflight when there is one). */
function duplicateSnippet(c: Case, stack: StackAdapter['stack']): Snippet {
  let b = exchange().from(PAGE).to(`http://localhost:8080${c.ask.path}`).method(c.ask.method).cookie('session=s-1');
  for (const [name, value] of Object.entries(c.ask.headers ?? {})) b = b.header(name, value);
  b = c.preflight
    ? b.preflight((p) => p.status(204).acao(PAGE).acao(PAGE)).failed('net::ERR_FAILED', 'PreflightMultipleAllowOriginValues')
    : b.response((r) => r.status(c.status).acao(PAGE).acao(PAGE)).failed('net::ERR_FAILED', 'MultipleAllowOriginValues');
  const ex = b.build();
  const fix = fixesFor(ex, classify(ex));
  expect(fix.spec.duplicateAllowOrigin, 'the spec sees the duplicate').toBe(true);
  const snippet = fix.snippets.find((s) => s.stack === stack);
  if (!snippet) throw new Error(`no ${stack} snippet`);
  return snippet;
}

/** An application with its own CORS headers on every response. */
function corsApp(): Promise<Server> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const fail = req.url === '/api/fail';
      res.writeHead(fail ? 500 : 200, {
        'Content-Type': 'application/json',
        'Access-Control-Allow-Origin': PAGE,
        'Access-Control-Allow-Credentials': 'true',
        Vary: 'Origin',
      });
      res.end(JSON.stringify({ route: req.url }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function expectOneOfEach(answer: RawAnswer, what: string): void {
  expect({
    origin: answer.lines.get('access-control-allow-origin'),
    credentials: answer.lines.get('access-control-allow-credentials'),
  }, `${what}: ${JSON.stringify([...answer.lines])}`).toEqual({ origin: [PAGE], credentials: ['true'] });
  const vary = (answer.lines.get('vary') ?? []).flatMap((v) => v.split(',').map((t) => t.trim().toLowerCase()));
  expect(vary, `${what}: Vary`).toContain('origin');
}

describe.each([nginxAdapter, apacheAdapter, caddyAdapter])('$stack: the snippet for a duplicate Allow-Origin leaves one line', (adapter) => {
  let app: Server | undefined;
  beforeAll(async () => {
    app = await corsApp();
  });
  afterAll(() => new Promise<void>((done) => (app ? app.close(() => done()) : done())));

  it.each(CASES)('$name', async (c) => {
    const missing = adapter.missing();
    if (missing !== null) throw new Error(`${adapter.stack}: ${missing} is not installed (apt-get install -y ${missing})`);
    const snippet = duplicateSnippet(c, adapter.stack);
    const port = await freePort();
    const workDir = mkdtempSync(join(tmpdir(), `cors-lens-dup-${adapter.stack}-`));
    const upstreamPort = (app!.address() as AddressInfo).port;
    const server = await adapter.start({ port, snippet, workDir, upstreamPort, deadPort: await freePort() });
    try {
      if (c.preflight) {
        const names = Object.keys(c.ask.headers ?? {}).map((n) => n.toLowerCase()).sort().join(',');
        const preflight = await send(port, { method: 'OPTIONS', path: c.ask.path }, {
          Origin: PAGE, 'Access-Control-Request-Method': c.ask.method, 'Access-Control-Request-Headers': names,
        });
        expect(preflight.status, 'preflight status').toBe(204);
        expectOneOfEach(preflight, 'preflight');
      }
      const answer = await send(port, c.ask, { Origin: PAGE, Cookie: 'session=s-1' });
      expect(answer.status).toBe(c.status);
      expectOneOfEach(answer, 'response');
    } catch (err) {
      if (err instanceof Error) err.message += `\n--- snippet\n${snippet.code}\n--- server log\n${server.log()}`;
      throw err;
    } finally {
      await server.stop();
      rmSync(workDir, { recursive: true, force: true });
    }
  });
});
