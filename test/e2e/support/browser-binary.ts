/**
 * Finding a browser for the real-browser tests: an environment variable, else Debian's path. When it
 * is missing and we are root on a Debian-like system, Debian's package is installed; otherwise the run
 * fails with a message naming the variable. Browser tests are never skipped silently.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export interface BrowserBinary {
  /** Shown in messages: "Chromium", "Firefox". */
  name: string;
  /** Environment variable that overrides the path, e.g. CHROMIUM_PATH. */
  envVar: string;
  /** Where Debian's package puts it. */
  defaultPath: string;
  /** Debian package that provides `defaultPath`. */
  aptPackage: string;
  /** How to get one, in words (appended to every error). */
  howTo: string;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The binary to use, or null when there is none. Throws when the variable points nowhere. */
export function findBinary(b: BrowserBinary): string | null {
  const fromEnv = process.env[b.envVar];
  if (fromEnv) {
    if (!executable(fromEnv)) throw new Error(`${b.envVar} is set to ${fromEnv}, which is not an executable file.\n${b.howTo}`);
    return fromEnv;
  }
  return executable(b.defaultPath) ? b.defaultPath : null;
}

/** A usable binary, installing Debian's package as root when needed; throws with advice otherwise. */
export function ensureBinary(b: BrowserBinary, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): string {
  const found = findBinary(b);
  if (found) return found;
  if (!canAptInstall()) {
    throw new Error(`No ${b.name} at ${b.defaultPath} and ${b.envVar} is not set.\n${b.howTo}`);
  }
  log(`${b.name} is missing: installing Debian's ${b.aptPackage} package (apt-get)…`);
  aptInstall(b.aptPackage, b.howTo);
  const installed = findBinary(b);
  if (!installed) throw new Error(`apt-get installed ${b.aptPackage} but ${b.defaultPath} is still missing.\n${b.howTo}`);
  return installed;
}

/** Whether Debian's packages can be installed here: running as root with apt-get. */
export function canAptInstall(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/usr/bin/apt-get');
}

/** `apt-get update`, then installs Debian's package `pkg`; throws with `advice` when either fails. */
export function aptInstall(pkg: string, advice: string): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', pkg]]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status}).\n${advice}`);
  }
}
