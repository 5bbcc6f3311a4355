// @vitest-environment happy-dom
/** The panel's capture scope: the mode, and in mode `chosen` the inspected tab turned on when the panel opens. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { panelActions } from '../../../src/panel/actions';
import { CaptureToggle } from '../../../src/panel/CaptureToggle';
import { createPanelStore } from '../../../src/panel/store';
import type { CaptureMode, RequestName, Requests, TabCapture } from '../../../src/shared/protocol';
import type { BackgroundConnection } from '../../../src/shared/transport';

afterEach(cleanup);

const SITE = 'https://app.example';

/** A worker that keeps one tab's choices and answers set-settings and set-capture the way the real one does. */
function worker(mode: CaptureMode) {
  const state = { mode, tab: false, siteOn: false };
  const sent: { name: RequestName; payload: unknown }[] = [];
  const capture = (): TabCapture => ({
    tabId: 7, why: state.mode === 'everywhere' ? 'everywhere' : state.tab ? 'tab' : state.siteOn ? 'site' : 'off',
    tab: state.tab, site: SITE, siteOn: state.siteOn,
  });
  const conn: BackgroundConnection = {
    async request<K extends RequestName>(name: K, payload: Requests[K]['payload']): Promise<Requests[K]['result']> {
      sent.push({ name, payload });
      if (name === 'set-settings') {
        state.mode = (payload as { capture: CaptureMode }).capture;
        return { paused: false, keepLog: false, recordSameOrigin: true, capture: state.mode } as Requests[K]['result'];
      }
      if (name !== 'set-capture') throw new Error(`unexpected ${name}`);
      const p = payload as Requests['set-capture']['payload'];
      if (p.tab !== undefined) state.tab = p.tab;
      if (p.site !== undefined) state.siteOn = p.site;
      return capture() as Requests[K]['result'];
    },
    openTab: () => { throw new Error('no port here'); },
  };
  return { state, sent, conn };
}

function mount(mode: CaptureMode) {
  const w = worker(mode);
  const store = createPanelStore();
  store.settings.value = { paused: false, keepLog: false, recordSameOrigin: true, capture: mode };
  const actions = panelActions(w.conn, 7, store);
  render(<CaptureToggle store={store} actions={actions} />);
  return { ...w, store };
}

const tabBox = () => screen.getByRole('checkbox', { name: 'Capture this tab' }) as HTMLInputElement;

describe('panel: capture scope', () => {
  it('everywhere: the mode only, and no request', () => {
    const w = mount('everywhere');
    expect((screen.getByRole('combobox', { name: 'Capture requests of' }) as HTMLSelectElement).value).toBe('everywhere');
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(w.sent).toEqual([]);
  });

  it('chosen: opening the panel turns its tab on; the checkbox turns it off, and says the tab is not captured', async () => {
    const w = mount('chosen');
    await waitFor(() => expect(tabBox().checked).toBe(true));
    expect(w.sent).toEqual([{ name: 'set-capture', payload: { tabId: 7, tab: true } }]);
    fireEvent.click(tabBox());
    await waitFor(() => expect(tabBox().checked).toBe(false));
    expect(w.state.tab).toBe(false);
    expect(screen.getByRole('status').textContent).toBe('This tab is not captured: CORS Lens records nothing here.');
  });

  it('the site checkbox turns the site on', async () => {
    const w = mount('chosen');
    await waitFor(() => expect(tabBox().checked).toBe(true));
    fireEvent.click(screen.getByRole('checkbox', { name: `Every tab showing ${SITE}` }));
    await waitFor(() => expect(w.state.siteOn).toBe(true));
    await waitFor(() => expect((screen.getByRole('checkbox', { name: `Every tab showing ${SITE}` }) as HTMLInputElement).checked).toBe(true));
  });

  it('switching to chosen in the panel turns its tab on', async () => {
    const w = mount('everywhere');
    fireEvent.change(screen.getByRole('combobox', { name: 'Capture requests of' }), { target: { value: 'chosen' } });
    await waitFor(() => expect(tabBox().checked).toBe(true));
    expect(w.sent.map((r) => r.name)).toEqual(['set-settings', 'set-capture']);
    expect(w.state).toMatchObject({ mode: 'chosen', tab: true });
  });
});
