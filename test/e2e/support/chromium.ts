/**
 * Where Chromium is: `CHROMIUM_PATH`, else /usr/bin/chromium. `ensureChromium()` installs Debian's
 * package when it is missing and we are root on a Debian-like system; otherwise it fails with a
 * message saying how to get one. Browser tests are never skipped silently.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium binary to use, or null when there is none. Throws when CHROMIUM_PATH points nowhere. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!executable(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which is not an executable file.`);
    return fromEnv;
  }
  return executable(DEFAULT_CHROMIUM) ? DEFAULT_CHROMIUM : null;
}

const HOW_TO = `CORS Lens's real-browser tests need Chromium.
Install it (Debian/Ubuntu: \`sudo apt-get install -y chromium\`) or point CHROMIUM_PATH at a Chromium
or Chrome binary, e.g. CHROMIUM_PATH=/opt/chromium/chrome npm test`;

/** Returns a usable Chromium, installing Debian's package as root when needed; throws with advice otherwise. */
export function ensureChromium(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): string {
  const found = findChromium();
  if (found) return found;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = existsSync('/usr/bin/apt-get');
  if (!root || !apt) {
    throw new Error(`No Chromium at ${DEFAULT_CHROMIUM} and CHROMIUM_PATH is not set.\n${HOW_TO}`);
  }
  log('Chromium is missing: installing Debian\'s chromium package (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status}).\n${HOW_TO}`);
  }
  const installed = findChromium();
  if (!installed) throw new Error(`apt-get installed chromium but ${DEFAULT_CHROMIUM} is still missing.\n${HOW_TO}`);
  return installed;
}
