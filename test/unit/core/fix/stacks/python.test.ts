/**
 * The Django and FastAPI snippets: where they say they go, what they do after a server error, and the remarks a
 * Python developer needs (CSRF, the server in front). test/servers/{django,fastapi}.test.ts prove them on the
 * real frameworks; these pin the text those runs rely on.
 */
import { describe, expect, it } from 'vitest';
import { fixesFor, type Snippet, type StackId } from '../../../../../src/core/fix/index';
import { exchangeOf, verdictOf, type Case } from '../build';
import { EN } from '../../../../../src/core/i18n/catalogues';

function snippet(c: Case, stack: StackId): Snippet {
  const found = fixesFor(exchangeOf(c), verdictOf(c)).snippets.find((s) => s.stack === stack);
  if (!found) throw new Error(`no ${stack} snippet`);
  return found;
}

const blocked = (status: number, extra: Partial<Case> = {}): Case => ({ kind: 'blocked', code: 'MissingAllowOriginHeader', status, ...extra });

describe('FastAPI snippet', () => {
  it.each([500, 502, 503])('after a %i it wraps the whole ASGI app, outside ServerErrorMiddleware, at the end of the module', (status) => {
    const s = snippet(blocked(status), 'fastapi');
    expect(s.code).toMatch(/^app = CORSMiddleware\(\n {4}app,\n/m);
    expect(s.code).not.toContain('add_middleware(\n');
    expect(s.code).toContain('# Paste at the very end of the module that creates `app`, after every route, include_router()');
    expect(s.code).toContain('ServerErrorMiddleware');
    // The wrapper is the last statement: nothing after it may use `app` as the FastAPI object.
    expect(s.code.trimEnd().endsWith(')')).toBe(true);
    expect(s.notes.map(EN.t).some((n) => n.includes('app.dependency_overrides'))).toBe(true);
  });

  it.each([200, 403, 404, 405])('after a %i it adds the middleware and says what escapes it', (status) => {
    const s = snippet(blocked(status), 'fastapi');
    expect(s.code).toMatch(/^app\.add_middleware\(\n {4}CORSMiddleware,\n/m);
    expect(s.code).not.toMatch(/^app = CORSMiddleware/m);
    expect(s.code).toContain('# Paste at the end of the module that creates `app`, after its routes');
    // The old comment claimed it was the outermost middleware: Starlette's ServerErrorMiddleware is outside it.
    expect(s.code).not.toContain('so it is the outermost middleware');
    expect(s.notes.map(EN.t).some((n) => n.includes('ServerErrorMiddleware') && n.includes('app = CORSMiddleware(app, ...)'))).toBe(true);
  });

  it('lists the exact origin, the method and the headers the preflight asked for', () => {
    const s = snippet(blocked(404, { method: 'PATCH', headers: ['x-csrf-token', 'content-type'], credentials: true, origin: 'http://localhost:4001' }), 'fastapi');
    expect(s.code).toContain('allow_origins=["http://localhost:4001"],');
    expect(s.code).toContain('allow_methods=["PATCH"],');
    expect(s.code).toContain('allow_headers=["x-csrf-token", "content-type"],');
    expect(s.code).toContain('allow_credentials=True,');
    expect(s.code).toContain('max_age=600,');
  });
});

describe('Django snippet', () => {
  it('goes at the end of settings.py and puts CorsMiddleware first, on lists and tuples alike', () => {
    const s = snippet(blocked(200), 'django');
    expect(s.code).toContain('at the end of settings.py');
    expect(s.code).toContain('INSTALLED_APPS = [*INSTALLED_APPS, "corsheaders"]');
    expect(s.code).toContain('MIDDLEWARE = ["corsheaders.middleware.CorsMiddleware", *MIDDLEWARE]');
    expect(s.code).not.toContain('.insert(');
  });

  it.each([
    ['https://api.example/api/items/42', '/api/items/42'],
    ['https://api.example/v1.2/items?x=1', '/v1.2/items'],
    ['https://api.example/items', '/items'],
  ])('CORS_URLS_REGEX matches the path of %s', (url, path) => {
    const s = snippet(blocked(200, { url }), 'django');
    const literal = /^CORS_URLS_REGEX = "((?:[^"\\]|\\.)*)"/m.exec(s.code)?.[1];
    expect(literal).toBeDefined();
    // A Python "…" literal of a regex with only \\ escapes reads the same as JSON; this regex syntax is common to both.
    const regex = new RegExp(JSON.parse(`"${literal!}"`) as string);
    expect(regex.test(path)).toBe(true);
    if (path.startsWith('/v1.2/')) expect(regex.test('/v1x2/items')).toBe(false);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('a %s gets the CSRF remark', (method) => {
    const s = snippet(blocked(200, { method, headers: ['x-csrf-token'] }), 'django');
    expect(s.notes.map(EN.t).some((n) => n.includes('CsrfViewMiddleware') && n.includes('CSRF_TRUSTED_ORIGINS'))).toBe(true);
  });

  it('a GET gets no CSRF remark', () => {
    expect(snippet(blocked(200), 'django').notes.map(EN.t).some((n) => n.includes('CSRF'))).toBe(false);
  });

  it('after a 5xx it says Django\'s own 500 is covered and a 502 comes from the server in front', () => {
    expect(snippet(blocked(502), 'django').notes.map(EN.t).some((n) => n.includes('CorsMiddleware') && n.includes('502'))).toBe(true);
    expect(snippet(blocked(404), 'django').notes.map(EN.t).some((n) => n.includes('502'))).toBe(false);
  });

  it('credentials and the preflight show as settings', () => {
    const s = snippet(blocked(200, { method: 'PATCH', headers: ['x-csrf-token'], credentials: true }), 'django');
    expect(s.code).toContain('CORS_ALLOW_METHODS = ["PATCH"]');
    expect(s.code).toContain('CORS_ALLOW_HEADERS = ["x-csrf-token"]');
    expect(s.code).toContain('CORS_ALLOW_CREDENTIALS = True');
    expect(s.code).toContain('CORS_PREFLIGHT_MAX_AGE = 600');
  });
});
