// @vitest-environment happy-dom
/** The unit project's setup (test/support/unit-setup.ts): the Testing Library waits as long as a test may run. */
import { getConfig } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { TEST_TIMEOUT_MS } from '../../support/timeouts';

describe('unit setup', () => {
  it('gives waitFor and findBy… the test time limit, not their default second', () => {
    expect(getConfig().asyncUtilTimeout).toBe(TEST_TIMEOUT_MS);
  });
});
