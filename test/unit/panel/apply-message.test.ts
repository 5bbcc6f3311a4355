import { describe, expect, it } from 'vitest';
import { applyPortMessage } from '../../../src/panel/apply-message';
import { createPanelStore } from '../../../src/panel/store';
import { portMessage } from '../../../src/shared/transport';
import { blockedTrailingSlash, preflightedPut, rowsOf, settings, simple, snapshot, snapshotMessage } from './fixtures';
import { EN } from '../../../src/core/i18n/catalogues';

describe('applyPortMessage', () => {
  it('a snapshot replaces the whole state, in order of first sight, without duplicates', () => {
    const store = createPanelStore();
    applyPortMessage(store, snapshotMessage(snapshot([simple('a', 1), simple('b', 2)])));
    const dup = simple('b', 2);
    applyPortMessage(store, snapshotMessage(snapshot([preflightedPut('c', 3), dup, simple('a', 1), dup])));
    expect(store.live.value.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(store.connection.value.state).toBe('live');
  });

  it('an upsert replaces an entry by id and appends new ones', () => {
    const store = createPanelStore();
    const first = snapshot([simple('a', 1)]);
    applyPortMessage(store, snapshotMessage(first));
    const changed = blockedTrailingSlash('a', 1);
    applyPortMessage(store, portMessage('upsert', { rows: rowsOf([changed, simple('z', 5)]), summary: first.summary }));
    expect(store.live.value.map((r) => [r.id, r.kind])).toEqual([['a', 'blocked'], ['z', 'simple']]);
    expect(store.counts.value.blocked).toBe(1);
  });

  it('keeps the order of first sight when a batch arrives out of order', () => {
    const store = createPanelStore();
    const s = snapshot([simple('a', 1)]);
    applyPortMessage(store, snapshotMessage(s));
    applyPortMessage(store, portMessage('upsert', { rows: rowsOf([simple('c', 9), simple('b', 4)]), summary: s.summary }));
    expect(store.live.value.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('after an out-of-order batch, a later version of a row replaces that row (the kept index follows the sort)', () => {
    const store = createPanelStore();
    const s = snapshot([simple('a', 1)]);
    applyPortMessage(store, snapshotMessage(s));
    applyPortMessage(store, portMessage('upsert', { rows: rowsOf([simple('c', 9), simple('b', 4)]), summary: s.summary }));
    applyPortMessage(store, portMessage('upsert', { rows: rowsOf([blockedTrailingSlash('c', 9), blockedTrailingSlash('a', 1)]), summary: s.summary }));
    expect(store.live.value.map((r) => [r.id, r.kind])).toEqual([['a', 'blocked'], ['b', 'simple'], ['c', 'blocked']]);
  });

  it('a navigation reset clears the log and says why; a closed tab keeps it', () => {
    const store = createPanelStore();
    const s = snapshot([simple('a', 1), blockedTrailingSlash('b', 2)]);
    applyPortMessage(store, snapshotMessage(s));
    applyPortMessage(store, portMessage('reset', { reason: 'closed', summary: s.summary }));
    expect(store.live.value).toHaveLength(2);
    expect(EN.t(store.notice.value!.text)).toMatch(/closed/);
    applyPortMessage(store, portMessage('reset', { reason: 'navigation', summary: s.summary }));
    expect(store.live.value).toHaveLength(0);
    expect(EN.t(store.notice.value!.text)).toMatch(/Keep log/);
  });

  it('a settings event updates the settings only', () => {
    const store = createPanelStore();
    applyPortMessage(store, snapshotMessage(snapshot([simple('a', 1)])));
    applyPortMessage(store, portMessage('settings', settings({ paused: true })));
    expect(store.settings.value?.paused).toBe(true);
    expect(store.live.value).toHaveLength(1);
  });
});
