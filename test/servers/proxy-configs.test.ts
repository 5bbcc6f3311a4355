/**
 * Every shape of the nginx, Apache httpd and Caddy snippets is a config the real server accepts (its own
 * check: `nginx -t`, `apache2 -t`, `caddy validate`), pasted the way the real-server suite pastes it; and an
 * origin from a hostile capture stays one header value on the real server: one Access-Control-Allow-Origin
 * line, the value the escaper promised, the upstream's answer untouched (no directive smuggled in). With the
 * upstream down altogether (the suite's /api/crash cuts a connection instead), the proxy's own error has them too.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixesFor, type Snippet, type StackId } from '../../src/core/fix';
import { exchangeOf, verdictOf, type Case } from '../unit/core/fix/build';
import type { StackAdapter, StartOptions } from './support/contract';
import { freePort } from './support/ports';
import { startUpstream, type Upstream } from './support/upstream';
import { apacheAdapter, prepareApache } from './stacks/apache';
import { caddyAdapter, caddyEnv, prepareCaddy } from './stacks/caddy';
import { nginxAdapter, prepareNginx } from './stacks/nginx';
import { send } from './stacks/raw-http';
import type { Prepared } from './stacks/template';

const run = promisify(execFile);

interface Proxy {
  adapter: StackAdapter;
  prepare: (options: StartOptions) => Prepared;
  env: (workDir: string) => Record<string, string>;
  /** Characters its escaper turns into `?` (besides control and invisible characters). */
  replaced: RegExp;
}

const PROXIES: Proxy[] = [
  { adapter: nginxAdapter, prepare: prepareNginx, env: () => ({}), replaced: /[$]/ },
  { adapter: apacheAdapter, prepare: prepareApache, env: () => ({}), replaced: /["\\$]/ },
  { adapter: caddyAdapter, prepare: prepareCaddy, env: caddyEnv, replaced: /[{}"\\]/ },
];

// eslint-disable-next-line no-control-regex -- control characters are what it matches
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

function snippet(c: Case, stack: StackId): Snippet {
  const found = fixesFor(exchangeOf(c), verdictOf(c)).snippets.find((s) => s.stack === stack);
  if (!found) throw new Error(`no ${stack} snippet`);
  return found;
}

/** Each switch that changes a snippet's structure: preflight, credentials, a 5xx, a duplicate Allow-Origin. */
const SHAPES: [string, Case][] = [];
for (const method of ['GET', 'PATCH'])
  for (const credentials of [false, true])
    for (const status of [200, 502])
      for (const duplicate of [false, true]) {
        const c: Case = {
          kind: 'blocked', method, credentials, status, headers: method === 'PATCH' ? ['x-csrf-token', 'content-type'] : [],
          code: duplicate ? 'MultipleAllowOriginValues' : 'MissingAllowOriginHeader',
          received: duplicate ? 'https://app.example, https://app.example' : null,
        };
        SHAPES.push([`${method}${credentials ? ' credentialed' : ''} ${status}${duplicate ? ' duplicate' : ''}`, c]);
      }

const HOSTILE = [
  'https://evil.example"; return 200 "pwned',
  'https://evil.example\n}\nlocation / { return 200 "pwned"; }\n#',
  'https://evil.example`id`$(id)${HOME}#{`id`}%{HTTP_HOST}e{$SECRET}\\',
  'https://evil.example\u2028x\u202e',
];

function withWorkDir<T>(stack: string, use: (workDir: string) => Promise<T>): Promise<T> {
  const workDir = mkdtempSync(join(tmpdir(), `cors-lens-config-${stack}-`));
  return use(workDir).finally(() => rmSync(workDir, { recursive: true, force: true }));
}

describe.each(PROXIES)('$adapter.stack snippets on the real server', ({ adapter, prepare, env, replaced }) => {
  let upstream: Upstream | undefined;
  beforeAll(async () => {
    upstream = await startUpstream();
  });
  afterAll(() => upstream?.close());

  const needInstalled = (): void => {
    const missing = adapter.missing();
    if (missing !== null) throw new Error(`${adapter.stack}: ${missing} is not installed (apt-get install -y ${missing})`);
  };

  it.each(SHAPES)('%s: the server accepts the config', async (_name, c) => {
    needInstalled();
    const s = snippet(c, adapter.stack);
    await withWorkDir(adapter.stack, async (workDir) => {
      const prepared = prepare({ port: await freePort(), snippet: s, workDir, upstreamPort: upstream!.port, deadPort: 1 });
      const checked = await run(prepared.command, prepared.checkArgs, { env: { ...process.env, ...env(workDir) } })
        .then(() => 'ok', (err: { stderr?: string; message: string }) => `${err.stderr ?? err.message}\n--- snippet\n${s.code}`);
      expect(checked).toBe('ok');
    });
  });

  it('upstream down (nothing listens): the error the proxy generates itself carries the headers', async () => {
    needInstalled();
    const s = snippet({ kind: 'blocked', code: 'MissingAllowOriginHeader', status: 502, credentials: true, url: 'https://api.example/api/simple' }, adapter.stack);
    await withWorkDir(adapter.stack, async (workDir) => {
      const [port, deadPort] = [await freePort(), await freePort()];
      const server = await adapter.start({ port, snippet: s, workDir, upstreamPort: deadPort, deadPort });
      try {
        const got = await send(port, { method: 'GET', path: '/api/simple' }, { Origin: 'https://app.example' });
        expect(got.status, server.log()).toBeGreaterThanOrEqual(500);
        expect([got.lines.get('access-control-allow-origin'), got.lines.get('access-control-allow-credentials')], server.log())
          .toEqual([['https://app.example'], ['true']]);
      } finally {
        await server.stop();
      }
    });
  });

  it.each(HOSTILE)('origin %j stays one header value', async (origin) => {
    needInstalled();
    const s = snippet({ kind: 'blocked', code: 'MissingAllowOriginHeader', origin, url: 'https://api.example/api/simple' }, adapter.stack);
    const expected = [...origin].map((ch) => (replaced.test(ch) || INVISIBLE.test(ch) ? '?' : ch)).join('');
    await withWorkDir(adapter.stack, async (workDir) => {
      const port = await freePort();
      const server = await adapter.start({ port, snippet: s, workDir, upstreamPort: upstream!.port, deadPort: 1 });
      try {
        const got = await send(port, { method: 'GET', path: '/api/simple' }, { Origin: 'https://evil.example' });
        expect({ status: got.status, origins: got.lines.get('access-control-allow-origin'), body: got.body }, server.log())
          .toEqual({ status: 200, origins: [expected], body: '{"route":"simple"}' });
      } finally {
        await server.stop();
      }
    });
  });
});
