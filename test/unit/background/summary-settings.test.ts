/** get-summary carries the capture settings, so the popup asks once. */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/background/messaging';
import { requestMessage } from '../../../src/shared/transport';
import { harness, TAB } from './harness';

describe('get-summary', () => {
  it('answers with the settings in force, updated by set-settings', async () => {
    const h = harness();
    const handlers = h.session.handlers();
    expect(await dispatch(handlers, requestMessage('get-summary', { tabId: TAB }))).toMatchObject({
      ok: true, result: { tabId: TAB, settings: { paused: false, keepLog: false } },
    });
    await dispatch(handlers, requestMessage('set-settings', { paused: true }));
    expect(await dispatch(handlers, requestMessage('get-summary', { tabId: TAB }))).toMatchObject({
      ok: true, result: { settings: { paused: true } },
    });
  });

  it('port summaries stay as they were (settings travel in their own event)', async () => {
    const h = harness();
    await h.session.start();
    expect(h.session.summary(TAB).settings).toBeUndefined();
  });
});
