/** The unit project's limit for one test or hook: long enough that only a hang reaches it (see unit-setup.ts). */
export const TEST_TIMEOUT_MS = 60_000;
