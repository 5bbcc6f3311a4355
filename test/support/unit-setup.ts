/**
 * Setup for the unit project. A test's time limit only catches a hang: how fast something runs is the bench's
 * business (`npm run bench`), not a test's. So the Testing Library's waits (`waitFor`, `findBy…`) give a condition
 * as long as the test itself before they fail, instead of their default second, which a 2-core machine running
 * other work can spend on one render.
 */
import { TEST_TIMEOUT_MS } from './timeouts';

if (typeof document !== 'undefined') {
  // Only the files that run in a DOM (happy-dom) use the Testing Library: the others do not load it.
  const { configure } = await import('@testing-library/preact');
  configure({ asyncUtilTimeout: TEST_TIMEOUT_MS });
}
