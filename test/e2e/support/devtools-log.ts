/** The DevTools network log and its HAR live with the Playwright helper (src/playwright/), which ships them. */
export { DevtoolsLog, type Hop } from '../../../src/playwright/devtools-log';
