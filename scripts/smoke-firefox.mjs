// Firefox check of the built extension: runs test/e2e/firefox.test.ts, which builds the Firefox
// variant into a temporary directory, starts Firefox headless (FIREFOX_PATH, else
// /usr/bin/firefox-esr; installed with apt-get as root on Debian when missing) over WebDriver BiDi,
// runs lab cases and checks that CORS Lens's verdicts agree with what Firefox itself decided.
// One implementation: this script only hands over to Vitest (no flags needed on Node 20).
//
//   node scripts/smoke-firefox.mjs
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const vitest = join(root, 'node_modules', '.bin', 'vitest');
const r = spawnSync(vitest, ['run', '--project', 'e2e', 'test/e2e/firefox.test.ts'], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
