/**
 * The Go (rs/cors) and Rails (rack-cors) snippets: each step says where it goes (the real-server suite pastes
 * them by those words, test/servers/stacks/{go,rails}.ts), and a 5xx is covered in code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixesFor, type Snippet, type StackId } from '../../../../../src/core/fix/index';
import { pasteGo } from '../../../../servers/stacks/go';
import { pasteRails } from '../../../../servers/stacks/rails';
import { exchangeOf, verdictOf, type Case } from '../build';
import { EN } from '../../../../../src/core/i18n/catalogues';

function snippet(c: Case, stack: StackId): Snippet {
  const found = fixesFor(exchangeOf(c), verdictOf(c)).snippets.find((s) => s.stack === stack);
  if (!found) throw new Error(`no ${stack} snippet`);
  return found;
}

const blocked = (status: number, more: Partial<Case> = {}): Case => ({ kind: 'blocked', code: 'MissingAllowOriginHeader', status, ...more });
const preflighted: Case = {
  kind: 'blocked', code: 'PreflightMissingAllowOriginHeader', step: { kind: 'preflight', index: 0 }, status: 405,
  method: 'PATCH', headers: ['x-csrf-token', 'content-type'], credentials: true, url: 'https://api.example/api/items/1',
};

const lines = (code: string) => code.split('\n');
const indexOf = (code: string, text: string) => lines(code).findIndex((l) => l.includes(text));

describe('Go (rs/cors) snippet', () => {
  it('numbers its steps: the import, the configuration after the routes, then what to serve', () => {
    const { code } = snippet(preflighted, 'go');
    const steps = ['// 1. go get github.com/rs/cors', 'import "github.com/rs/cors"', '// 2. In the function that builds your router (mux)', 'c := cors.New(cors.Options{', '// 3. Serve handler where you served mux', 'handler := c.Handler(mux)'];
    const at = steps.map((s) => indexOf(code, s));
    expect(at.every((i) => i >= 0), code).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(lines(code).filter((l) => l.startsWith('import '))).toEqual(['import "github.com/rs/cors"']);
    expect(code).toContain('AllowedMethods:   []string{"PATCH"},');
    expect(code).toContain('AllowedHeaders:   []string{"x-csrf-token", "content-type"},');
    expect(code).toContain('AllowCredentials: true,');
    expect(code).toContain('MaxAge:           600,');
  });

  it.each([500, 502, 503])('after a %i, panics become a 500 inside c.Handler', (status) => {
    const { code } = snippet(blocked(status), 'go');
    expect(code).toContain('if err := recover(); err != nil {');
    expect(code).toContain('panic(err)'); // http.ErrAbortHandler keeps its meaning
    expect(code).toContain('http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)');
    expect(code).toContain('    mux.ServeHTTP(w, r)');
    expect(code).toMatch(/handler := c\.Handler\(recovered\)$/);
    // the recover wraps the router, and c.Handler wraps the recover: it sits between the two steps
    expect(indexOf(code, 'recovered := http.HandlerFunc(')).toBeGreaterThan(indexOf(code, '// 2.'));
    expect(indexOf(code, 'recovered := http.HandlerFunc(')).toBeLessThan(indexOf(code, '// 3.'));
  });

  it.each([200, 404, 405])('after a %i, no recover: c.Handler wraps mux itself', (status) => {
    const { code } = snippet(blocked(status), 'go');
    expect(code).not.toContain('recover()');
    expect(code).toMatch(/handler := c\.Handler\(mux\)$/);
  });

  it('says that c.Handler must wrap what writes its own responses (http.TimeoutHandler): in the code after a 5xx', () => {
    expect(snippet(blocked(503), 'go').code).toContain('// An http.TimeoutHandler goes inside c.Handler too');
    expect(snippet(blocked(404), 'go').code).not.toContain('TimeoutHandler');
    expect(snippet(blocked(404), 'go').notes.map(EN.t).some((n) => n.includes('http.TimeoutHandler'))).toBe(true);
  });

  it('pastes into a Go file the way its steps say (the suite\'s glue)', () => {
    const source = readFileSync(new URL('../../../../servers/stacks/go/main.go', import.meta.url), 'utf8');
    const s = snippet(blocked(500), 'go');
    const pasted = pasteGo(source, s);
    expect(pasted).not.toContain('CORS-LENS: IMPORTS');
    expect(pasted).not.toContain('CORS-LENS: SNIPPET');
    // the import is a top-level declaration after the import block, before any function
    expect(pasted.indexOf('import "github.com/rs/cors"')).toBeGreaterThan(pasted.indexOf('"os"\n)'));
    expect(pasted.indexOf('import "github.com/rs/cors"')).toBeLessThan(pasted.indexOf('func '));
    // the rest inside main, after the routes, and handler served in place of mux
    expect(pasted.indexOf('\tc := cors.New(')).toBeGreaterThan(pasted.indexOf('mux.HandleFunc("/api/crash"'));
    expect(pasted).toContain('http.ListenAndServe(addr, withRecovery(handler))');
    expect(pasted.split('{').length).toBe(pasted.split('}').length);
  });

  it('a snippet that does not say where its parts go cannot be pasted', () => {
    const s = snippet(blocked(200), 'go');
    const source = readFileSync(new URL('../../../../servers/stacks/go/main.go', import.meta.url), 'utf8');
    expect(() => pasteGo(source, { ...s, code: s.code.replace(/^\/\/ 1\..*$/m, '// go get github.com/rs/cors') })).toThrow(/where the import goes/);
  });
});

describe('Rails (rack-cors) snippet', () => {
  it('numbers its steps: the Gemfile line, then config/initializers/cors.rb', () => {
    const { code } = snippet(preflighted, 'rails');
    expect(lines(code)[1]).toBe('# 1. Add to your Gemfile, then run bundle install:  gem "rack-cors"');
    expect(lines(code)[2]).toBe('# 2. Put the rest in config/initializers/cors.rb:');
    expect(code).toContain('Rails.application.config.middleware.insert_before 0, Rack::Cors do');
    expect(code).toContain('    origins "https://app.example" # exact origin; rack-cors adds Vary: Origin');
    // rack-cors compiles "/api/*" to /^\/api\/?(.*?)$/: the request path /api/items/1 matches
    expect(code).toContain('    resource "/api/*",');
    expect(code).toContain('      methods: [:patch],');
    expect(code).toContain('      headers: ["x-csrf-token", "content-type"],');
    expect(code).toContain('      credentials: true,');
    expect(code).toMatch(/ {6}max_age: 600\n {2}end\nend$/);
  });

  it('a simple GET needs no max_age (rack-cors then sends its default on the response only)', () => {
    const { code } = snippet(blocked(200), 'rails');
    expect(code).toContain('      methods: [:get]');
    expect(code).not.toContain('max_age');
  });

  it.each([[500, true], [503, true], [404, false], [200, false]] as const)('after a %i, says why position 0 covers Rails\'s own 500: %s', (status, said) => {
    const { code } = snippet(blocked(status), 'rails');
    expect(code.includes('outside ActionDispatch::ShowExceptions')).toBe(said);
    // the comment comes right before the line it explains
    if (said) expect(indexOf(code, 'Rails.application.config.middleware.insert_before 0')).toBe(indexOf(code, 'carries the headers too') + 1);
  });

  it('the origin "null" (tainted by a redirect, sandboxed) is compared in a block: rack-cors reads a bare "null" as a host name', () => {
    const { code } = snippet(blocked(200, { tainted: true }), 'rails');
    expect(code).toContain('    origins { |source, _env| source == "null" } # exact origin; rack-cors adds Vary: Origin');
    expect(snippet(blocked(200), 'rails').code).toContain('    origins "https://app.example" # exact origin;');
  });

  it('tells plain Rack users where the block goes and that an exception needs a rescue there', () => {
    const { notes } = snippet(blocked(500), 'rails');
    expect(notes.map(EN.t).some((n) => n.includes('config.ru before `run`') && n.includes('rescues StandardError'))).toBe(true);
  });

  it('pastes as its steps say: the gem at the end of the Gemfile, the rest in the initializer', () => {
    const s = snippet(preflighted, 'rails');
    expect(pasteRails(s)).toEqual({ gemfile: 'gem "rack-cors"\n', initializer: `${s.code}\n` });
    expect(() => pasteRails({ ...s, code: s.code.replace('# 1. Add to your Gemfile', '# 1. Install') })).toThrow(/Gemfile/);
  });
});
