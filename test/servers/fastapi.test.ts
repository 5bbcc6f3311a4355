import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exchange } from '../support/builder';
import { ROUTES } from './support/contract';
import { freePort } from './support/ports';
import { describeStack } from './support/runner';
import { proposalFor } from './support/snippets';
import { fastapiAdapter } from './stacks/fastapi';

describeStack(fastapiAdapter);

/**
 * Why the FastAPI snippet wraps the whole app after a 5xx: with the add_middleware() form (what it gives for
 * any other status), the installed Starlette answers an unhandled exception outside CORSMiddleware. Should a
 * Starlette release put CORS outside its ServerErrorMiddleware, this fails, and the wrap can go.
 */
describe('fastapi: the add_middleware() form leaves Starlette\'s own 500 without CORS headers', () => {
  it('a handler\'s 200 carries them, an unhandled exception\'s 500 does not', async () => {
    if (fastapiAdapter.missing() !== null) throw new Error(`${fastapiAdapter.missing()} is not installed`);
    const page = 'http://localhost:4001';
    const port = await freePort();
    const api = `http://localhost:${port}`;
    const blocked404 = exchange().from(page).to(`${api}${ROUTES.simple}`).response((r) => r.status(404)).failed('net::ERR_FAILED', 'MissingAllowOriginHeader').build();
    const { snippet } = proposalFor('a 404 without CORS headers', blocked404, 'fastapi');
    expect(snippet.code).toContain('app.add_middleware(');
    const workDir = mkdtempSync(join(tmpdir(), 'cors-lens-fastapi-'));
    const server = await fastapiAdapter.start({ port, snippet, workDir, upstreamPort: 0, deadPort: 0 });
    try {
      const get = (path: string) => fetch(`${api}${path}`, { headers: { Origin: page } });
      const ok = await get(ROUTES.simple);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('access-control-allow-origin')).toBe(page);
      const crash = await get(ROUTES.crash);
      expect(crash.status).toBe(500);
      expect(crash.headers.get('access-control-allow-origin'), server.log()).toBeNull();
    } finally {
      await server.stop();
      rmSync(workDir, { recursive: true, force: true });
    }
  });
});
