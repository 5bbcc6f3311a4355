/** Repository paths the real-browser harness needs. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The built extension (`vite build`): what every real-browser test loads. */
export const DIST = join(ROOT, 'dist');
