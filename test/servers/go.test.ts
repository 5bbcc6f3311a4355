import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/core/classify';
import { fixesFor, type Snippet } from '../../src/core/fix';
import { exchange } from '../support/builder';
import { ROUTES } from './support/contract';
import { freePort } from './support/ports';
import { describeStack } from './support/runner';
import { goAdapter, startGo } from './stacks/go';

describeStack(goAdapter);

/**
 * Why the Go snippet adds a recover after a 5xx. Without a recover middleware (the net/http default), a panic
 * makes net/http drop the connection: no status, no headers. The snippet generated after a 5xx answers that
 * panic with a 500 inside c.Handler, carrying the CORS headers; the one generated after a 4xx does not.
 * Checked over plain HTTP (with no response at all, Chromium has no CORS verdict to give).
 */
describe('go: the recover of the 5xx snippet, in an app without one', () => {
  const PAGE = 'http://localhost:4001';

  function snippetAfter(status: number): Snippet {
    const x = exchange().from(PAGE).to(`http://localhost:4002${ROUTES.crash}`).response((r) => r.status(status)).failed().build();
    const snippet = fixesFor(x, classify(x)).snippets.find((s) => s.stack === 'go');
    if (!snippet) throw new Error('no go snippet');
    return snippet;
  }

  /** GET /api/crash with an Origin: the status and Allow-Origin, or the error when no response came. */
  function crash(port: number): Promise<{ status: number; allowOrigin: string | null } | { error: string }> {
    return new Promise((resolve) => {
      const req = request({ host: '127.0.0.1', port, path: ROUTES.crash, headers: { Origin: PAGE } }, (res) => {
        res.resume();
        const allowOrigin = res.headers['access-control-allow-origin'];
        resolve({ status: res.statusCode ?? 0, allowOrigin: typeof allowOrigin === 'string' ? allowOrigin : null });
      });
      req.once('error', (err) => resolve({ error: (err as NodeJS.ErrnoException).code ?? err.message }));
      req.end();
    });
  }

  async function served(status: number): Promise<Awaited<ReturnType<typeof crash>>> {
    const workDir = mkdtempSync(join(tmpdir(), 'cors-lens-go-'));
    const port = await freePort();
    const server = await startGo({ port, snippet: snippetAfter(status), workDir }, false);
    try {
      return await crash(port);
    } finally {
      await server.stop();
      rmSync(workDir, { recursive: true, force: true });
    }
  }

  it('after a 500: the panic becomes a readable 500 with the CORS headers', async () => {
    if (goAdapter.missing() !== null) throw new Error(`${goAdapter.missing()} is not installed`);
    expect(await served(500)).toEqual({ status: 500, allowOrigin: PAGE });
  });

  it('after a 404 (no recover in the snippet): net/http drops the connection', async () => {
    if (goAdapter.missing() !== null) throw new Error(`${goAdapter.missing()} is not installed`);
    expect(await served(404)).toEqual({ error: 'ECONNRESET' });
  });
});
