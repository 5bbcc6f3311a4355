// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { panelActions } from '../../../src/panel/actions';
import { connectLive } from '../../../src/panel/live';
import { Panel } from '../../../src/panel/Panel';
import { createPanelStore } from '../../../src/panel/store';
import { remoteEntries } from '../../../src/shared/entry-source';
import { API, blockedTrailingSlash, PAGE, preflightedPut, rowsOf, sameOrigin, loadedDetails, simple, snapshot, XSS } from './fixtures';
import { fakeBackground } from './fake-background';
import { EN } from '../../../src/core/i18n/catalogues';

afterEach(cleanup);

function mount(entries = [simple('a', 1), blockedTrailingSlash('b', 2), preflightedPut('c', 3), sameOrigin('d', 4)]) {
  const bg = fakeBackground(snapshot(entries));
  const store = createPanelStore(remoteEntries(bg.conn, 7));
  const live = connectLive({ conn: bg.conn, tabId: 7, store });
  const actions = panelActions(bg.conn, 7, store);
  const view = render(<Panel store={store} actions={actions} />);
  return { bg, store, live, view };
}

const grid = () => screen.getByRole('grid', { name: 'Cross-origin requests' });
const bodyRows = () => within(grid()).getAllByRole('row').slice(1);
const rowFor = (text: string) => bodyRows().find((r) => r.textContent?.includes(text));

describe('Panel', () => {
  it('lists the CORS exchanges of the snapshot with status, verdict words and reason; hides non-CORS until asked', async () => {
    mount();
    await waitFor(() => expect(bodyRows()).toHaveLength(4)); // a, b, c and c's preflight
    const blocked = rowFor('/items/b')!;
    expect(blocked.textContent).toContain('Blocked');
    expect(blocked.textContent).toContain('200');
    expect(blocked.textContent).toContain('Allow-Origin mismatch');
    expect(rowFor('/items/c')!.textContent).toContain('Preflighted');
    expect(rowFor('/items/a')!.textContent).toContain('Simple');
    expect(rowFor('/local/d')).toBeUndefined();
    fireEvent.click(screen.getByRole('checkbox', { name: /Non-CORS \(1\)/ }));
    await waitFor(() => expect(rowFor('/local/d')).toBeDefined());
  });

  it('shows counts per verdict', async () => {
    mount();
    const counts = await screen.findByRole('status', { name: 'Counts per verdict' });
    await waitFor(() => expect(counts.textContent).toContain('Blocked1'));
    expect(counts.textContent).toContain('Preflighted1');
    expect(counts.textContent).toContain('Simple1');
  });

  it('opens the details of a blocked request: headline, diff of the received vs needed value, consoles and fix', async () => {
    mount();
    await waitFor(() => expect(rowFor('/items/b')).toBeDefined());
    fireEvent.click(rowFor('/items/b')!);
    const details = await loadedDetails();
    expect(within(details).getByTestId('headline').textContent).toBe(EN.t(blockedTrailingSlash().verdict.headline));
    const received = within(details).getByTestId('received');
    const marks = [...received.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['/']);
    expect(within(details).getByTestId('needed').textContent).toContain(PAGE);
    expect(within(details).getByTestId('chrome-message').textContent).toBe(
      `Access to fetch at '${API}/items/b' from origin '${PAGE}' has been blocked by CORS policy: ` +
      `The 'Access-Control-Allow-Origin' header has a value '${PAGE}/' that is not equal to the supplied origin.`);
    expect(within(details).getByTestId('firefox-message').textContent).toMatch(/^Cross-Origin Request Blocked/);
    expect(within(details).getByRole('link', { name: /MDN/ }).getAttribute('href')).toMatch(/developer\.mozilla\.org/);
    // The server says nginx: the nginx snippet is pre-selected and carries the exact origin.
    const picker = within(details).getByRole('combobox', { name: 'Server stack' }) as HTMLSelectElement;
    expect(picker.value).toBe('nginx');
    expect(within(details).getByTestId('fix-code').textContent).toContain(PAGE);
    fireEvent.change(picker, { target: { value: 'express' } });
    await waitFor(() => expect(within(details).getByTestId('fix-code').getAttribute('data-stack')).toBe('express'));
    expect(within(details).getByRole('button', { name: 'Copy the request as a curl command' })).toBeDefined();
    // The deciding header is highlighted in the response headers.
    const deciding = [...details.querySelectorAll('tr[data-deciding="true"] th')].map((th) => th.textContent);
    expect(deciding.some((t) => t?.startsWith('Access-Control-Allow-Origin'))).toBe(true);
  });

  it('renders header values as text, never as HTML', async () => {
    mount();
    await waitFor(() => expect(rowFor('/items/b')).toBeDefined());
    fireEvent.click(rowFor('/items/b')!);
    const details = await loadedDetails();
    expect(details.querySelector('img')).toBeNull();
    expect(details.textContent).toContain(XSS);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('links a preflighted request to its preflight row and back', async () => {
    const { store } = mount();
    await waitFor(() => expect(rowFor('/items/c')).toBeDefined());
    fireEvent.click(within(rowFor('/items/c')!).getByRole('button', { name: 'Go to the preflight of this request' }));
    await waitFor(() => expect(store.openKey.value).toBe('c#preflight-0'));
    const preRow = bodyRows().find((r) => r.getAttribute('aria-selected') === 'true')!;
    expect(preRow.textContent).toContain('OPTIONS');
    fireEvent.click(within(preRow).getByRole('button', { name: /Go to the PUT request/ }));
    await waitFor(() => expect(store.openKey.value).toBe('c'));
    const details = await loadedDetails();
    expect(details.textContent).toContain('PUT is not a simple method');
    expect(details.textContent).toContain('Preflight OPTIONS');
  });

  it('moves with the arrow keys, opens with Enter, focuses the filter with / and clears it with Escape', async () => {
    const { store } = mount();
    await waitFor(() => expect(bodyRows()).toHaveLength(4));
    grid().focus();
    fireEvent.keyDown(grid(), { key: 'ArrowDown' });
    fireEvent.keyDown(grid(), { key: 'ArrowDown' });
    expect(store.activeIndex.value).toBe(1);
    expect(store.openKey.value).toBeNull();
    fireEvent.keyDown(grid(), { key: 'Enter' });
    await waitFor(() => expect(screen.getByRole('complementary').textContent).toContain('/items/b'));
    fireEvent.keyDown(grid(), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('complementary')).toBeNull());
    expect(document.activeElement).toBe(grid());

    fireEvent.keyDown(document.body, { key: '/' });
    const filter = screen.getByRole('searchbox', { name: /Filter by URL/ });
    expect(document.activeElement).toBe(filter);
    fireEvent.input(filter, { target: { value: 'x-trace' } });
    await waitFor(() => expect(bodyRows().map((r) => r.textContent)).toEqual([expect.stringContaining('PUT'), expect.stringContaining('OPTIONS')]));
    fireEvent.keyDown(filter, { key: 'Escape' });
    await waitFor(() => expect(bodyRows()).toHaveLength(4));
    // The box shows the filter the table follows: Escape emptied both.
    expect((filter as HTMLInputElement).value).toBe('');
  });

  it('filters by kind and sorts by a column', async () => {
    mount();
    await waitFor(() => expect(bodyRows()).toHaveLength(4));
    fireEvent.click(screen.getByRole('button', { name: 'Blocked' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'All' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sort by Method' }));
    await waitFor(() => expect(bodyRows()[0]!.textContent).toContain('GET'));
    fireEvent.click(screen.getByRole('button', { name: /Sort by Method, ascending/ }));
    await waitFor(() => expect(bodyRows()[0]!.textContent).toContain('PUT'));
  });

  it('clear, keep log and pause go to the background', async () => {
    const { bg, store } = mount();
    await waitFor(() => expect(store.settings.value).not.toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Clear the log of this tab' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Keep log' }));
    fireEvent.click(screen.getByRole('button', { name: 'Pause capture' }));
    await waitFor(() => expect(bg.requests.map((r) => r.name)).toEqual(['clear', 'set-settings', 'set-settings']));
    expect(bg.requests[0]!.payload).toEqual({ tabId: 7 });
    expect(bg.requests[1]!.payload).toEqual({ keepLog: true });
    expect(bg.requests[2]!.payload).toEqual({ paused: true });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Resume capture' })).toBeDefined());
    bg.push('reset', { reason: 'cleared', summary: bg.state.snapshot.summary });
    await waitFor(() => expect(bodyRows()).toHaveLength(0));
    expect(screen.getByText(/Capture is paused/)).toBeDefined();
  });

  it('shows live upserts and reconnects after the worker restarts without duplicating rows', async () => {
    const { bg } = mount([simple('a', 1)]);
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    bg.push('upsert', { rows: rowsOf([blockedTrailingSlash('b', 2)]), summary: bg.state.snapshot.summary });
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    bg.state.snapshot = snapshot([simple('a', 1), blockedTrailingSlash('b', 2)]);
    bg.ports[0]!.close();
    await waitFor(() => expect(bg.ports).toHaveLength(2));
    await waitFor(() => expect(screen.getByText('Live')).toBeDefined());
    expect(bodyRows()).toHaveLength(2);
  });

  it('has an accessible name on every control', async () => {
    mount();
    await waitFor(() => expect(bodyRows()).toHaveLength(4));
    fireEvent.click(rowFor('/items/b')!);
    await loadedDetails();
    for (const el of document.querySelectorAll('button, input, select')) {
      const name = el.getAttribute('aria-label') ?? el.closest('label')?.textContent ?? el.textContent;
      expect(name?.trim(), el.outerHTML).toBeTruthy();
    }
  });
});

describe('Panel, allowed requests', () => {
  it('says which headers let a preflighted request through', async () => {
    mount([preflightedPut('c', 1)]);
    await waitFor(() => expect(rowFor('/items/c')).toBeDefined());
    fireEvent.click(rowFor('/items/c')!);
    const table = await screen.findByRole('table', { name: 'Headers that allowed this request' });
    const lines = within(table).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(lines).toEqual([
      `Access-Control-Allow-Origin (preflight response)${PAGE}${PAGE} or *`,
      'Access-Control-Allow-Methods (preflight response)PUTlists PUT (or *)',
      'Access-Control-Allow-Headers (preflight response)content-type, x-tracelists content-type, x-trace (or *)',
      `Access-Control-Allow-Origin (response)${PAGE}${PAGE} or *`,
    ]);
  });
});

describe('Panel, keyboard position', () => {
  it('stays on the same request when the table is sorted or new requests arrive', async () => {
    const { store, bg } = mount();
    await waitFor(() => expect(bodyRows()).toHaveLength(4));
    grid().focus();
    fireEvent.keyDown(grid(), { key: 'ArrowDown' });
    fireEvent.keyDown(grid(), { key: 'ArrowDown' });
    expect(store.activeKey.value).toBe('b');
    fireEvent.click(screen.getByRole('button', { name: 'Sort by Verdict' }));
    await waitFor(() => expect(store.activeIndex.value).toBe(0)); // blocked sorts first
    bg.push('upsert', { rows: rowsOf([blockedTrailingSlash('a0', 0)]), summary: bg.state.snapshot.summary });
    await waitFor(() => expect(store.visible.value[0]!.key).toBe('a0'));
    expect(store.activeIndex.value).toBe(1);
    expect(document.querySelector('[role=row].active')!.textContent).toContain('/items/b');
  });
});
