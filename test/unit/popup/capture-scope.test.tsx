// @vitest-environment happy-dom
/** The popup's capture scope: the mode, and in mode `chosen` whether this tab is captured, plainly, with the way to turn it on. */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PAGE } from '../../support/builder';
import { fakeConnector, TAB } from './fake-connector';
import { mount } from './mount';

afterEach(cleanup);

const chosen = () => {
  const conn = fakeConnector([]);
  conn.settingsNow = { ...conn.settingsNow, capture: 'chosen' };
  return conn;
};
const modeSelect = () => screen.getByRole('combobox', { name: /Capture requests of/ }) as HTMLSelectElement;

describe('popup: capture scope', () => {
  it('everywhere (the default): the mode only, and the usual empty state', async () => {
    await mount(fakeConnector([]));
    expect(modeSelect().value).toBe('everywhere');
    expect(screen.queryByTestId('scope-why')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Capture this tab' })).toBeNull();
    expect(screen.getByTestId('empty')).toBeTruthy();
  });

  it('a tab that is off says so plainly and offers to turn it on; turning it on says what follows', async () => {
    const conn = chosen();
    await mount(conn);
    expect(screen.getByTestId('scope-why').textContent).toBe('This tab is not captured: CORS Lens records nothing here.');
    expect(screen.queryByTestId('empty')).toBeNull(); // no "reload the page" hint: reloading would record nothing
    fireEvent.click(screen.getByRole('button', { name: 'Capture this tab' }));
    await waitFor(() => expect(screen.getByTestId('scope-why').textContent).toBe('This tab is captured: you turned it on.'));
    expect(conn.calls).toContain(`capture:${TAB}:{"tab":true}`);
    expect(screen.getByTestId('notice').textContent).toContain('Reload the page to record its requests from the start');
    fireEvent.click(screen.getByRole('button', { name: 'Stop capturing this tab' }));
    await waitFor(() => expect(screen.getByTestId('scope-why').textContent).toContain('not captured'));
    expect(conn.calls).toContain(`capture:${TAB}:{"tab":false}`);
  });

  it('the site checkbox turns on every tab showing the site, and says so', async () => {
    const conn = chosen();
    await mount(conn);
    const box = screen.getByRole('checkbox', { name: `Every tab showing ${PAGE}` }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(() => expect(screen.getByTestId('scope-why').textContent).toBe(`This tab is captured: its site, ${PAGE}, is on.`));
    expect(conn.calls).toContain(`capture:${TAB}:{"site":true}`);
    expect((screen.getByRole('checkbox', { name: `Every tab showing ${PAGE}` }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole('button', { name: 'Capture this tab' })).toBeNull(); // captured already, through its site
  });

  it('switching the mode stores it and reads the tab’s capture again', async () => {
    const conn = fakeConnector([]);
    await mount(conn);
    fireEvent.change(modeSelect(), { target: { value: 'chosen' } });
    await waitFor(() => expect(screen.getByTestId('scope-why').textContent).toContain('not captured'));
    expect(conn.calls.slice(-2)).toEqual(['mode:chosen', `load:${TAB}`]);
    expect(modeSelect().value).toBe('chosen');
  });

  it('a refused change is said, in words of ours around the error', async () => {
    const conn = chosen();
    conn.failCapture = 'the worker is gone';
    await mount(conn);
    fireEvent.click(screen.getByRole('button', { name: 'Capture this tab' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Could not change what is captured: the worker is gone'));
    expect(screen.getByTestId('scope-why').textContent).toContain('not captured');
  });
});
