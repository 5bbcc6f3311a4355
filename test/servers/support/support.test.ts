/**
 * The real-server suite's own helpers, checked without a browser: the situations' preflight rule, pasting at a
 * marker, the upstream application, starting and stopping a real process, and the message of a missing stack.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ROUTES, SITUATIONS } from './contract';
import { pasteAt } from './paste';
import { accepts, freePort } from './ports';
import { spawnServer } from './process';
import { needsPreflight } from './prove';
import { missingMessage } from './runner';
import { startUpstream } from './upstream';

function get(port: number, path: string, method = 'GET', headers: Record<string, string> = {}): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
    req.end();
  });
}

describe('situations', () => {
  it('need a preflight exactly when the fetch has a non-simple method or header', () => {
    expect(Object.fromEntries(SITUATIONS.map((s) => [s.id, needsPreflight(s)]))).toEqual({
      'simple-get': false, 'json-post': true, 'credentialed-get': false, 'credentialed-patch': true, 'handler-500': false, 'server-error': false,
    });
    expect(needsPreflight({ ...SITUATIONS[0]!, init: { method: 'POST', headers: { 'Content-Type': 'text/plain;charset=utf-8' } } })).toBe(false);
  });
});

describe('pasteAt', () => {
  it('replaces the marker line with the snippet, or removes it for no configuration', () => {
    expect(pasteAt('a\n// MARK\nb', 'MARK', 'x\ny')).toBe('a\nx\ny\nb');
    expect(pasteAt('a\n// MARK\nb', 'MARK', null)).toBe('a\nb');
  });
  it('refuses a template without the marker, or with it twice', () => {
    expect(() => pasteAt('a\nb', 'MARK', 'x')).toThrow(/exactly once \(found 0\)/);
    expect(() => pasteAt('MARK\nMARK', 'MARK', 'x')).toThrow(/found 2/);
  });
});

describe('the upstream application', () => {
  it('serves the routes with no CORS header, fails /api/fail itself and drops /api/crash', async () => {
    const up = await startUpstream();
    try {
      expect(await get(up.port, ROUTES.simple)).toEqual({ status: 200, body: '{"route":"simple"}' });
      expect(await get(up.port, ROUTES.me, 'GET', { Cookie: 'a=1; session=s-9' })).toEqual({ status: 200, body: '{"route":"me","session":"s-9"}' });
      expect(await get(up.port, ROUTES.item, 'PATCH')).toEqual({ status: 200, body: '{"route":"item"}' });
      expect(await get(up.port, ROUTES.item, 'OPTIONS')).toMatchObject({ status: 405 });
      expect(await get(up.port, ROUTES.fail)).toMatchObject({ status: 500 });
      expect(await get(up.port, ROUTES.crash)).toEqual({ error: 'ECONNRESET' });
      expect(up.seen).toContain(`GET ${ROUTES.crash}`);
    } finally {
      await up.close();
    }
  });
});

describe('spawnServer', () => {
  it('resolves once the program listens, keeps its output, and stop() ends it', async () => {
    const port = await freePort();
    const script = `require('http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1', () => console.log('up'))`;
    const server = await spawnServer({ command: process.execPath, args: ['-e', script], port });
    expect(await accepts(port)).toBe(true);
    expect(server.log()).toContain('up');
    await server.stop();
    expect(await accepts(port)).toBe(false);
  });
  it('fails at once, with the log, when the program exits before it listens', async () => {
    const port = await freePort();
    const started = Date.now();
    await expect(spawnServer({ command: process.execPath, args: ['-e', 'console.error("bad config"); process.exit(3)'], port }))
      .rejects.toThrow(/exited with code 3 before it listened[\s\S]*bad config/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('a stack whose software is missing', () => {
  it('fails naming the package and how to install it', () => {
    const adapter = { stack: 'nginx' as const, packages: { debian: ['nginx'] }, missing: () => 'nginx', start: () => Promise.reject(new Error('unused')) };
    expect(missingMessage(adapter, 'nginx')).toBe(
      'nginx: nginx is not installed, so this stack cannot be proven here. Install it: apt-get install -y --no-install-recommends nginx (as root; .ci/run does it).',
    );
    expect(missingMessage({ ...adapter, stack: 'express', packages: { npm: ['cors'] } }, 'cors')).toContain('npm ci');
  });
});
