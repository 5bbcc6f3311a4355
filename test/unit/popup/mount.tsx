/** Mounting the popup over a fake connector, and the exchanges several popup tests start from. */
import { render } from '@testing-library/preact';
import { Popup } from '../../../src/popup/Popup';
import { createPopupStore } from '../../../src/popup/store';
import { API, exchange } from '../../support/builder';
import { NOW, TAB, type FakeConnector } from './fake-connector';

export async function mount(conn: FakeConnector, tabId: number | null = TAB) {
  const store = createPopupStore(conn, tabId);
  render(<Popup store={store} />);
  await store.load();
  return store;
}

/** A credentialed PUT whose preflight passed and whose request failed (blocked). */
export const blockedPut = (id: string, path = '/items', start = NOW - 5_000) => ({
  ...exchange().id(id).to(`${API}${path}?n=${id}`).method('PUT').cookie('sid=s3cret')
    .preflight((p) => p.status(204)).failed().build(),
  timings: { start, end: start + 20 },
});
