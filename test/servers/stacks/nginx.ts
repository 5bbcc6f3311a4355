/**
 * nginx 1.22 (Debian) as a reverse proxy in front of the upstream application. The snippet goes into the
 * server block, as its first comment says; the only glue is the proxy_pass its placeholder line asks for.
 */
import { join } from 'node:path';
import type { Snippet } from '../../../src/core/fix';
import type { StackAdapter, StartOptions } from '../support/contract';
import { findBinary, indent, lineWith, requireBinary, startPrepared, writeConfig, type Prepared } from './template';

const BINARY = ['/usr/sbin/nginx', '/usr/bin/nginx'];

/** The snippet as pasted into the server block, with the user's proxy_pass where its placeholder says. */
export function pasteNginx(snippet: Snippet, upstreamPort: number): string {
  lineWith(snippet.code, 'server block', 'where it goes');
  const glue = lineWith(snippet.code, 'your existing proxy_pass', 'where the proxy_pass goes');
  const at = glue.slice(0, glue.length - glue.trimStart().length);
  const code = snippet.code.replace(glue, `${glue}\n${at}proxy_pass http://127.0.0.1:${upstreamPort};`);
  return indent(code, '        ');
}

/** Writes nginx.conf for this start (the snippet pasted, or none) into the work folder. */
export function prepareNginx({ port, snippet, workDir, upstreamPort }: StartOptions): Prepared {
  const binary = requireBinary('nginx', BINARY);
  const conf = writeConfig('nginx', 'nginx.conf', workDir, {
    // as root, workers would switch to nobody and could not use the temp paths in workDir
    USER: process.getuid?.() === 0 ? 'user root root;' : '',
    WORK_DIR: workDir,
    PORT: String(port),
    UPSTREAM_PORT: String(upstreamPort),
    CORS: snippet ? pasteNginx(snippet, upstreamPort) : '',
  });
  const args = ['-p', workDir, '-e', join(workDir, 'error.log'), '-c', conf];
  return { command: binary, args, checkArgs: ['-t', ...args], logFiles: [conf, join(workDir, 'error.log'), join(workDir, 'access.log')] };
}

export const nginxAdapter: StackAdapter = {
  stack: 'nginx',
  packages: { debian: ['nginx'] },
  missing: () => (findBinary(...BINARY) ? null : 'nginx'),
  start: (options) => startPrepared(prepareNginx(options), options.port),
};
