import { describe, expect, it } from 'vitest';
import { fixesFor, STACKS, type FixSpec, type Snippet, type StackId } from '../../../../../src/core/fix/index';
import * as esc from '../../../../../src/core/fix/escape';
import { exchangeOf, verdictOf, type Case } from '../build';
import { EN } from '../../../../../src/core/i18n/catalogues';

/** How each stack writes a string, and the line that proves credentials are allowed. */
const STYLE: Record<StackId, { quote: (s: string) => string; credentials: string | null }> = {
  express: { quote: esc.jsString, credentials: 'credentials: true' },
  nginx: { quote: esc.nginxString, credentials: 'add_header Access-Control-Allow-Credentials "true" always;' },
  apache: { quote: esc.apacheString, credentials: 'Header always set Access-Control-Allow-Credentials "true"' },
  caddy: { quote: esc.caddyString, credentials: 'Access-Control-Allow-Credentials "true"' },
  spring: { quote: esc.javaString, credentials: 'config.setAllowCredentials(true);' },
  'aspnet-core': { quote: esc.csString, credentials: '.AllowCredentials()' },
  django: { quote: esc.pyString, credentials: 'CORS_ALLOW_CREDENTIALS = True' },
  fastapi: { quote: esc.pyString, credentials: 'allow_credentials=True' },
  go: { quote: esc.goString, credentials: 'AllowCredentials: true' },
  rails: { quote: esc.rubyString, credentials: 'credentials: true' },
  'cloudflare-worker': { quote: esc.jsString, credentials: '"Access-Control-Allow-Credentials": "true"' },
  s3: { quote: esc.jsonString, credentials: null },
};

/** How each stack writes the method (a few normalise it). */
function methodLiteral(stack: StackId, spec: FixSpec): string {
  if (stack === 'rails') return `:${spec.method.toLowerCase()}`;
  if (stack === 's3') return esc.jsonString(spec.method.toUpperCase());
  return STYLE[stack].quote(spec.method);
}

/** Stacks where we write the preflight answer ourselves, and how it looks. */
const PREFLIGHT_ANSWER: Partial<Record<StackId, string>> = {
  nginx: 'return 204;',
  apache: '[R=204,L]',
  caddy: 'respond 204',
  'cloudflare-worker': 'status: 204',
};

/** Stacks where the "keep headers on error responses" switch is ours to write. */
const ALWAYS: Partial<Record<StackId, RegExp>> = {
  nginx: /^ *add_header Access-Control-Allow-Origin .* always;$/m,
  apache: /^ *Header always set Access-Control-Allow-Origin /m,
};

const scenarios: Case[] = [];
for (const credentials of [false, true])
  for (const headers of [[], ['x-trace', 'content-type']])
    for (const tainted of [false, true])
      for (const status of [200, 503])
        for (const method of ['GET', 'PUT', 'patch'])
          scenarios.push({ kind: 'blocked', code: 'MissingAllowOriginHeader', credentials, headers, tainted, status, method });

const label = (c: Case) =>
  `${c.method}${c.credentials ? ' credentialed' : ''}${c.headers?.length ? ' +headers' : ''}${c.tainted ? ' tainted' : ''} status ${c.status}`;

function snippetOf(c: Case, stack: StackId): { spec: FixSpec; snippet: Snippet } {
  const f = fixesFor(exchangeOf(c), verdictOf(c));
  const snippet = f.snippets.find((s) => s.stack === stack);
  if (!snippet) throw new Error(`no ${stack} snippet`);
  return { spec: f.spec, snippet };
}

describe.each(STACKS.map((s) => s.id))('%s snippet', (stack) => {
  it.each(scenarios.map((c) => [label(c), c] as const))('%s', (_label, c) => {
    const { spec, snippet } = snippetOf(c, stack);
    const { code } = snippet;
    const style = STYLE[stack];
    expect(code).toContain(style.quote(c.tainted ? 'null' : 'https://app.example'));
    const headerLine = stack in PREFLIGHT_ANSWER;
    // servers we configure line by line only need the method and headers on the preflight answer
    if (!headerLine || spec.preflight) expect(code).toContain(methodLiteral(stack, spec));
    if (headerLine) {
      if (c.headers?.length) expect(code).toContain(style.quote(c.headers.join(', ')));
      else expect(code).not.toContain('Access-Control-Allow-Headers');
    } else {
      for (const h of c.headers ?? []) expect(code).toContain(style.quote(h));
    }
    if (style.credentials) {
      if (c.credentials) expect(code).toContain(style.credentials);
      else expect(code).not.toContain(style.credentials);
    }
    // never a wildcard origin, least of all with credentials
    expect(code).not.toMatch(/(["'])\*\1/);
    expect(code).not.toMatch(/Allow-Origin:?\s+\*/i);
    // the origin is echoed, so Vary: Origin is sent (by our lines or, as stated, by the framework)
    expect(`${code}\n${snippet.notes.map(EN.t).join('\n')}`).toMatch(/Vary\W+Origin/);
    const answer = PREFLIGHT_ANSWER[stack];
    if (answer) {
      if (spec.preflight) expect(code).toContain(answer);
      else expect(code).not.toContain(answer);
    }
    const always = ALWAYS[stack];
    if (always) expect(code).toMatch(always);
    if (spec.preflight && stack !== 's3') expect(code).toContain(String(spec.maxAge));
  });
});

describe('hostile origins and header names stay inside their literals', () => {
  const benign: Case = { kind: 'blocked', code: 'MissingAllowOriginHeader', credentials: true, method: 'PUT', headers: ['x-trace'], origin: 'https://benign.example', status: 500 };
  const hostile = [
    'https://evil.example"; require("child_process").exec("id"); "',
    "https://evil.example'); os.system('id'); ('",
    'https://evil.example\n}\nlocation / { return 200 "pwned"; }\n#',
    'https://evil.example`id`$(id)${HOME}#{`id`}%{HTTP_HOST}{$SECRET}\\',
    'https://evil.example\u2028alert(1)//\u202e',
  ];
  it.each(STACKS.flatMap((s) => hostile.map((o) => [s.id, o] as const)))('%s with origin %j', (stack, origin) => {
    const good = snippetOf(benign, stack).snippet.code;
    const bad = snippetOf({ ...benign, origin }, stack).snippet.code;
    const quote = STYLE[stack].quote;
    const swapped = bad
      .split(quote(origin)).join(quote('https://benign.example'))
      .split(esc.commentText(origin)).join('https://benign.example');
    // the hostile value changed nothing but its own (escaped) literals and comment text
    expect(swapped).toBe(good);
    expect(bad.split('\n')).toHaveLength(good.split('\n').length);
  });

  it('flags the hostile origin as malformed', () => {
    const f = fixesFor(exchangeOf({ ...benign, origin: hostile[0] }), verdictOf({ ...benign, origin: hostile[0] }));
    expect(f.spec.originWellFormed).toBe(false);
  });
});

describe('stack specifics', () => {
  it('S3 says when a method cannot be allowed on a bucket', () => {
    const { snippet } = snippetOf({ method: 'PATCH' }, 's3');
    expect(snippet.notes.map(EN.t).some((n) => n.includes('"PATCH" cannot be allowed'))).toBe(true);
    expect(snippetOf({ method: 'PUT' }, 's3').snippet.notes.map(EN.t).some((n) => n.includes('cannot be allowed'))).toBe(false);
  });

  it('nginx and Apache scope the block to the request path prefix', () => {
    expect(snippetOf({ url: 'https://api.example/v2/users/1' }, 'nginx').snippet.code).toContain('location /v2/ {');
    expect(snippetOf({ url: 'https://api.example/users' }, 'nginx').snippet.code).toContain('location / {');
    expect(snippetOf({ url: 'https://api.example/a.b/c', method: 'PUT' }, 'apache').snippet.code).toContain('RewriteRule "^/a\\.b/" - [R=204,L]');
  });

  it('duplicate Access-Control-Allow-Origin: proxies drop the upstream copy', () => {
    const c: Case = { kind: 'blocked', code: 'MultipleAllowOriginValues', received: 'https://app.example, https://app.example' };
    expect(snippetOf(c, 'nginx').snippet.code).toContain('proxy_hide_header Access-Control-Allow-Origin;');
    expect(snippetOf(c, 'apache').snippet.code).toContain('Header unset Access-Control-Allow-Origin');
    expect(snippetOf(c, 'express').snippet.notes.map(EN.t).some((n) => n.includes('Remove any other place'))).toBe(true);
  });

  it('Express: the snippet says where it is pasted and how cors is imported', () => {
    const { code } = snippetOf({}, 'express').snippet;
    expect(code).toContain('// Paste right after `const app = express();`, before any other app.use()');
    expect(code).toContain("import cors from 'cors';");
    expect(code).toContain("const cors = require('cors');");
  });

  it('Cloudflare Worker: a whole Worker that answers 502 with the CORS headers when the origin fetch throws', () => {
    for (const status of [200, 502]) {
      const { code, notes } = snippetOf({ kind: 'blocked', code: 'MissingAllowOriginHeader', status }, 'cloudflare-worker').snippet;
      expect(code).toContain('// This is the whole Worker: deploy it on the route in front of your origin');
      expect(code).toMatch(/ {4}try \{\n {6}upstream = await fetch\(request\);\n {4}\} catch \{\n(?: {6}\/\/.*\n)+ {6}return withCors\(new Response\("[^"]*", \{ status: 502 \}\)\);\n {4}\}\n {4}return withCors\(upstream\);/);
      expect(code).toContain('for (const [name, value] of Object.entries(CORS_HEADERS)) copy.headers.set(name, value);');
      expect(notes.map(EN.t).some((n) => n.includes('The failing response was a server error'))).toBe(status >= 500);
    }
  });

  it('every stack has a distinct id and a label', () => {
    expect(new Set(STACKS.map((s) => s.id)).size).toBe(STACKS.length);
    for (const s of STACKS) expect(s.label.length).toBeGreaterThan(0);
  });
});
