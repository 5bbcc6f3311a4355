import { describe, expect, it } from 'vitest';
import { ROUTES } from './support/contract';
import { describeStack } from './support/runner';
import { goAdapter, startGo } from './stacks/go';
import { crashSnippet, probe } from './stacks/probe';

describeStack(goAdapter);

/**
 * Why the Go snippet adds a recover after a 5xx. Without a recover middleware (the net/http default), a panic
 * makes net/http drop the connection: no status, no headers. The snippet generated after a 5xx answers that
 * panic with a 500 inside c.Handler, carrying the CORS headers; the one generated after a 4xx does not.
 * Checked over plain HTTP (with no response at all, Chromium has no CORS verdict to give).
 */
describe('go: the recover of the 5xx snippet, in an app without one', () => {
  const PAGE = 'http://localhost:4001';


  const served = (status: number) => probe((port, workDir) => startGo({ port, snippet: crashSnippet('go', status, PAGE), workDir }, false), ROUTES.crash, PAGE);

  it('after a 500: the panic becomes a readable 500 with the CORS headers', async () => {
    if (goAdapter.missing() !== null) throw new Error(`${goAdapter.missing()} is not installed`);
    expect(await served(500)).toEqual({ status: 500, allowOrigin: PAGE });
  });

  it('after a 404 (no recover in the snippet): net/http drops the connection', async () => {
    if (goAdapter.missing() !== null) throw new Error(`${goAdapter.missing()} is not installed`);
    expect(await served(404)).toEqual({ error: 'ECONNRESET' });
  });
});
