/**
 * cors-lens <file.har> [--json] [--lang en|fr]: the program. Classifies every request of a HAR file (Chrome DevTools'
 * export, Playwright's recordHar, a CORS Lens report…) with the same core as the extension and prints
 * what the browser decided and why. `bin/cors-lens.mjs` starts it.
 */
import { run } from './run';
import type { Output } from './run';
import { EXIT_UNREADABLE } from './verdicts';
import { parseArgs } from './args';
import { cm, langOfEnv } from './lang';
import { wordsFor } from '../core/cli-api';

const io: Output = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

try {
  process.exitCode = await run(process.argv.slice(2), io, process.env);
} catch (err) {
  const w = wordsFor(parseArgs(process.argv.slice(2)).lang ?? langOfEnv(process.env));
  io.err(`cors-lens: ${w.t(cm('error_unexpected', { error: err instanceof Error && err.stack ? err.stack : String(err) }))}\n`);
  process.exitCode = EXIT_UNREADABLE;
}
