/**
 * Apache httpd 2.4 (Debian apache2) as a reverse proxy in front of the upstream application, run in the
 * foreground with its own config (no apache2ctl environment). The snippet goes into the virtual host, as its
 * text says; the only glue is enabling the modules its "a2enmod …" line names (a LoadModule each).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Snippet } from '../../../src/core/fix';
import type { StackAdapter, StartOptions } from '../support/contract';
import { findBinary, indent, lineWith, requireBinary, startPrepared, writeConfig, type Prepared } from './template';

const BINARY = ['/usr/sbin/apache2'];
const MODULES = '/usr/lib/apache2/modules';

/** The modules the snippet's own text says to enable (`a2enmod headers rewrite`), as LoadModule lines. */
export function enabledModules(snippet: Snippet): string {
  const line = lineWith(snippet.code, 'a2enmod ', 'which modules it needs');
  const names = /a2enmod ([a-z_ ]+)/.exec(line)?.[1]?.trim().split(/\s+/) ?? [];
  return names.map((m) => {
    if (!existsSync(join(MODULES, `mod_${m}.so`))) throw new Error(`the snippet asks for module ${m}, which Apache does not have`);
    return `LoadModule ${m}_module ${MODULES}/mod_${m}.so`;
  }).join('\n');
}

/** The snippet as pasted into the virtual host. */
export function pasteApache(snippet: Snippet): string {
  lineWith(snippet.code, '<VirtualHost>', 'where it goes');
  return indent(snippet.code, '    ');
}

/** Writes apache2.conf for this start (the snippet pasted, or none) into the work folder. */
export function prepareApache({ port, snippet, workDir, upstreamPort }: StartOptions): Prepared {
  const binary = requireBinary('apache2', BINARY);
  const conf = writeConfig('apache', 'apache2.conf', workDir, {
    // as root, Apache's children run as an unprivileged user (it refuses to serve as root)
    USER: process.getuid?.() === 0 ? 'User nobody\nGroup nogroup' : '',
    WORK_DIR: workDir,
    MODULES,
    ENABLED: snippet ? enabledModules(snippet) : '',
    PORT: String(port),
    UPSTREAM_PORT: String(upstreamPort),
    CORS: snippet ? pasteApache(snippet) : '',
  });
  const args = ['-DFOREGROUND', '-f', conf];
  return { command: binary, args, checkArgs: [...args, '-t'], logFiles: [conf, join(workDir, 'error.log'), join(workDir, 'access.log')] };
}

export const apacheAdapter: StackAdapter = {
  stack: 'apache',
  packages: { debian: ['apache2'] },
  missing: () => (findBinary(...BINARY) ? null : 'apache2'),
  start: (options) => startPrepared(prepareApache(options), options.port),
};
