/** Repository paths the real-browser harness needs. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/**
 * The built extension (`vite build`): what every real-browser test loads. `CORS_LENS_DIST` points the
 * tests at another build (`vite build --outDir dist-mine`), so two checkouts' runs do not overwrite one dist/.
 */
export const DIST = process.env.CORS_LENS_DIST ?? join(ROOT, 'dist');
