/**
 * Where Chromium is: `CHROMIUM_PATH`, else /usr/bin/chromium. `ensureChromium()` installs Debian's
 * package when it is missing and we are root on a Debian-like system; otherwise it fails with a
 * message saying how to get one. Browser tests are never skipped silently.
 */
import { ensureBinary, findBinary, type BrowserBinary } from './browser-binary';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

const CHROMIUM: BrowserBinary = {
  name: 'Chromium',
  envVar: 'CHROMIUM_PATH',
  defaultPath: DEFAULT_CHROMIUM,
  aptPackage: 'chromium',
  howTo: `CORS Lens's real-browser tests need Chromium.
Install it (Debian/Ubuntu: \`sudo apt-get install -y chromium\`) or point CHROMIUM_PATH at a Chromium
or Chrome binary, e.g. CHROMIUM_PATH=/opt/chromium/chrome npm test`,
};

/** The Chromium binary to use, or null when there is none. Throws when CHROMIUM_PATH points nowhere. */
export const findChromium = (): string | null => findBinary(CHROMIUM);

/** Returns a usable Chromium, installing Debian's package as root when needed; throws with advice otherwise. */
export const ensureChromium = (log?: (line: string) => void): string => ensureBinary(CHROMIUM, log);
