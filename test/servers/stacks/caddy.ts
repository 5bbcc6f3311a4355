/**
 * Caddy 2.6 (Debian caddy) as a reverse proxy in front of the upstream application: a Caddyfile with the
 * admin API off and every path (storage, config autosave, logs) under the work folder. The snippet goes into
 * the site block above its handle blocks, as its text says, with no other glue.
 */
import { join } from 'node:path';
import type { Snippet } from '../../../src/core/fix';
import type { StackAdapter, StartOptions } from '../support/contract';
import { findBinary, indent, lineWith, requireBinary, startPrepared, writeConfig, type Prepared } from './template';

const BINARY = ['/usr/bin/caddy'];

/** The snippet as pasted into the site block. */
export function pasteCaddy(snippet: Snippet): string {
  lineWith(snippet.code, 'inside the site block of this API, above its handle blocks', 'where it goes');
  return indent(snippet.code, '\t');
}

/** Writes the Caddyfile for this start (the snippet pasted, or none) into the work folder. */
export function prepareCaddy({ port, snippet, workDir, upstreamPort }: StartOptions): Prepared {
  const binary = requireBinary('caddy', BINARY);
  const conf = writeConfig('caddy', 'Caddyfile', workDir, {
    WORK_DIR: workDir,
    PORT: String(port),
    UPSTREAM_PORT: String(upstreamPort),
    CORS: snippet ? pasteCaddy(snippet) : '',
  });
  const options = ['--config', conf, '--adapter', 'caddyfile'];
  return { command: binary, args: ['run', ...options], checkArgs: ['validate', ...options], logFiles: [conf, join(workDir, 'access.log')] };
}

/** Caddy keeps its autosaved config and data under these: the work folder, not the user's home. */
export const caddyEnv = (workDir: string): Record<string, string> => ({ HOME: workDir, XDG_CONFIG_HOME: workDir, XDG_DATA_HOME: workDir });

export const caddyAdapter: StackAdapter = {
  stack: 'caddy',
  packages: { debian: ['caddy'] },
  missing: () => (findBinary(...BINARY) ? null : 'caddy'),
  start: (options) => startPrepared(prepareCaddy(options), options.port, caddyEnv(options.workDir)),
};
