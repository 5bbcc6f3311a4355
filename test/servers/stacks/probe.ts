/**
 * A direct look at a stack's server over plain HTTP, for what Chromium cannot show as a CORS verdict (a dropped
 * connection, a note's claim): start the server on a free port in a scratch folder, send one GET with an
 * Origin, stop and clean up whatever happens.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classify } from '../../../src/core/classify/classify';
import { fixesFor, type Snippet, type StackId } from '../../../src/core/fix';
import { exchange } from '../../support/builder';
import { ROUTES, type RunningServer } from '../support/contract';
import { freePort } from '../support/ports';

/** The stack's snippet for a GET of /api/crash from `page` that was blocked, the server having answered `status`. */
export function crashSnippet(stack: StackId, status: number, page: string): Snippet {
  const x = exchange().from(page).to(`http://localhost:4002${ROUTES.crash}`).response((r) => r.status(status)).failed().build();
  const snippet = fixesFor(x, classify(x)).snippets.find((s) => s.stack === stack);
  if (!snippet) throw new Error(`no ${stack} snippet`);
  return snippet;
}

/** The status and Access-Control-Allow-Origin of the answer, or the error code when none came. */
export type Probe = { status: number; allowOrigin: string | null } | { error: string };

export function getWithOrigin(port: number, path: string, origin: string): Promise<Probe> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Origin: origin } }, (res) => {
      res.resume();
      const allowOrigin = res.headers['access-control-allow-origin'];
      resolve({ status: res.statusCode ?? 0, allowOrigin: typeof allowOrigin === 'string' ? allowOrigin : null });
    });
    req.once('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    req.end();
  });
}

export async function probe(start: (port: number, workDir: string) => Promise<RunningServer>, path: string, origin: string): Promise<Probe> {
  const workDir = mkdtempSync(join(tmpdir(), 'cors-lens-probe-'));
  try {
    const port = await freePort();
    const server = await start(port, workDir);
    try {
      return await getWithOrigin(port, path, origin);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
