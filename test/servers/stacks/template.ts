/**
 * Helpers of the proxy adapters (nginx, Apache httpd, Caddy): config templates with `{{NAME}}` placeholders
 * filled from a table (an unknown name throws, so a typo cannot leave a placeholder in a config), snippet text
 * indented for pasting, the line where a snippet says to add something, and running a prepared config with
 * the server's own log files in its log.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { RunningServer } from '../support/contract';
import { spawnServer } from '../support/process';

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_m, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`template placeholder {{${name}}} has no value`);
    return value;
  });
}

/** A template file next to the adapter (`test/servers/stacks/<stack>/<name>`). */
export function templateFile(stack: string, name: string): string {
  return readFileSync(new URL(`./${stack}/${name}`, import.meta.url), 'utf8');
}

export function indent(text: string, prefix: string): string {
  return text.split('\n').map((line) => (line ? prefix + line : line)).join('\n');
}

/** The line of `code` that contains `marker` (the place a snippet's own text says to add something), or throws. */
export function lineWith(code: string, marker: string, what: string): string {
  const line = code.split('\n').find((l) => l.includes(marker));
  if (line === undefined) throw new Error(`the snippet does not say ${what} (no line containing "${marker}"):\n${code}`);
  return line;
}

/** The log files a server writes itself (config included), for `RunningServer.log()`. */
export function filesLog(...paths: string[]): () => string {
  return () => paths
    .filter((p) => existsSync(p))
    .map((p) => `\n--- ${basename(p)}\n${readFileSync(p, 'utf8').slice(-32 * 1024)}`)
    .join('');
}

/** The first of `paths` that exists (Debian puts server binaries in /usr/sbin, often not on PATH). */
export function findBinary(...paths: string[]): string | null {
  return paths.find((p) => existsSync(p)) ?? null;
}

/** The installed binary of a Debian package, or an error naming the package. */
export function requireBinary(pkg: string, paths: string[]): string {
  const found = findBinary(...paths);
  if (!found) throw new Error(`${pkg} is not installed`);
  return found;
}

/** Writes the template `<stack>/<name>`, filled with `values`, to the work folder; returns its path. */
export function writeConfig(stack: string, name: string, workDir: string, values: Record<string, string>): string {
  const path = join(workDir, name);
  writeFileSync(path, fill(templateFile(stack, name), values));
  return path;
}

/** A proxy's config written to its work folder: the command that runs it, the one that only checks it, its logs. */
export interface Prepared {
  command: string;
  args: string[];
  checkArgs: string[];
  logFiles: string[];
}

/** Runs a prepared proxy in the foreground until `stop()`; resolves once it accepts connections on `port`. */
export function startPrepared(prepared: Prepared, port: number, env?: Record<string, string>): Promise<RunningServer> {
  return spawnServer({ command: prepared.command, args: prepared.args, port, env, extraLog: filesLog(...prepared.logFiles) });
}
