/**
 * Go 1.19 net/http (Debian golang-go) with rs/cors 1.7 (Debian golang-github-rs-cors-dev), built offline in
 * GOPATH mode against Debian's /usr/share/gocode. The program (go/main.go) serves ROUTES on a ServeMux behind
 * the recover middleware production Go servers have; the snippet is pasted where its numbered steps say: the
 * import after the file's imports, the rest in main after the routes, and `handler` served where `mux` was.
 *
 * The error the server generates itself, in Go: a panic in a handler. net/http alone drops the connection
 * (no response: a network error, not CORS), so the app has the usual outer recover middleware, which answers
 * its own 500 — without CORS headers until the snippet is in. When the failing response was a 5xx, the
 * snippet turns panics into a 500 inside c.Handler itself. With this template the outer recover would keep
 * the headers anyway (it writes on the same ResponseWriter, where rs/cors set them before calling the
 * router); the snippet's recover is what answers when the app has none, which go.test.ts checks apart.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Snippet } from '../../../src/core/fix';
import type { RunningServer, StackAdapter, StartOptions } from '../support/contract';
import { spawnServer } from '../support/process';
import { lineWith } from './template';

const GO = '/usr/bin/go';
const GOPATH = '/usr/share/gocode';
const RS_CORS = join(GOPATH, 'src/github.com/rs/cors/cors.go');
/** Kept between runs (and test files) so a rebuild only compiles main.go. */
const GOCACHE = join(tmpdir(), 'cors-lens-go-build-cache');

const IMPORTS = '// CORS-LENS: IMPORTS';
const SNIPPET = '// CORS-LENS: SNIPPET';
const SERVE = '// CORS-LENS: SERVE';

const marked = (source: string, marker: string): string => lineWith(source, marker, `the ${marker} marker of go/main.go`);

/** main.go with the snippet pasted as its steps say, and `handler` served in place of `mux`. */
export function pasteGo(source: string, snippet: Snippet): string {
  lineWith(snippet.code, 'add this import below the other imports', 'where the import goes');
  const step2 = lineWith(snippet.code, '// 2. In the function that builds your router (mux)', 'where the configuration goes');
  lineWith(snippet.code, 'Serve handler where you served mux', 'what to serve');
  const [head, body] = [snippet.code.slice(0, snippet.code.indexOf(step2)), snippet.code.slice(snippet.code.indexOf(step2))];
  const indent = (text: string) => text.split('\n').map((l) => (l ? `\t${l}` : l)).join('\n');
  const serve = marked(source, SERVE);
  return source
    .replace(marked(source, IMPORTS), head.trimEnd())
    .replace(marked(source, SNIPPET), indent(body.trimEnd()))
    .replace(serve, serve.replace('withRecovery(mux)', 'withRecovery(handler)'));
}

const run = promisify(execFile);

async function build(workDir: string, source: string): Promise<string> {
  writeFileSync(join(workDir, 'main.go'), source);
  mkdirSync(GOCACHE, { recursive: true });
  const env = { ...process.env, GO111MODULE: 'off', GOPATH, GOCACHE, GOFLAGS: '' };
  try {
    await run(GO, ['build', '-o', 'app', 'main.go'], { cwd: workDir, env });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`go build failed:\n${e.stderr ?? e.message}\n--- main.go\n${source}`, { cause: err });
  }
  return join(workDir, 'app');
}

/**
 * Starts the Go program. `outerRecover: false` serves the router without the app's own recover middleware
 * (the net/http default, where a panic drops the connection): the snippet's recover alone answers then.
 */
export async function startGo({ port, snippet, workDir }: Pick<StartOptions, 'port' | 'snippet' | 'workDir'>, outerRecover = true): Promise<RunningServer> {
  let source = readFileSync(new URL('./go/main.go', import.meta.url), 'utf8');
  if (snippet) source = pasteGo(source, snippet);
  if (!outerRecover) {
    const serve = marked(source, SERVE);
    source = source.replace(serve, serve.replace(/withRecovery\((\w+)\)/, '$1'));
  }
  const app = await build(workDir, source);
  return spawnServer({
    command: app, args: [], port, cwd: workDir, env: { PORT: String(port) },
    extraLog: () => (snippet ? `\n--- main.go\n${source}` : ''),
  });
}

export const goAdapter: StackAdapter = {
  stack: 'go',
  packages: { debian: ['golang-go', 'golang-github-rs-cors-dev'] },
  missing: () => (!existsSync(GO) ? 'golang-go' : !existsSync(RS_CORS) ? 'golang-github-rs-cors-dev' : null),
  start: (options: StartOptions) => startGo(options),
};
