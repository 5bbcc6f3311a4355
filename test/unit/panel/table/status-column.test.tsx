// @vitest-environment happy-dom
/** The status column of a request blocked at its preflight: the preflight row has its status, the request row has none. */
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { panelActions } from '../../../../src/panel/actions';
import { connectLive } from '../../../../src/panel/live';
import { Panel } from '../../../../src/panel/Panel';
import { createPanelStore } from '../../../../src/panel/store';
import { fakeBackground } from '../fake-background';
import { blockedAtPreflight, snapshot } from '../fixtures';

afterEach(cleanup);

describe('status column', () => {
  it('request row: "not sent" with the reason as its title; preflight row: 500', async () => {
    const bg = fakeBackground(snapshot([blockedAtPreflight('f1', 1)]));
    const store = createPanelStore();
    connectLive({ conn: bg.conn, tabId: 7, store });
    render(<Panel store={store} actions={panelActions(bg.conn, 7, store)} />);
    const grid = screen.getByRole('grid', { name: 'Cross-origin requests' });
    await waitFor(() => expect(within(grid).getAllByRole('row')).toHaveLength(3));
    const [, request, preflight] = within(grid).getAllByRole('row');
    const cells = (row: HTMLElement) => within(row).getAllByRole('gridcell').map((c) => c.textContent);
    expect(cells(request!)[1]).toBe('PATCH');
    expect(cells(request!)[3]).toBe('not sent');
    expect(within(request!).getByTitle(/never sent this request/).textContent).toBe('not sent');
    expect(request!.textContent).not.toContain('500');
    expect(cells(preflight!)[1]).toContain('OPTIONS');
    expect(cells(preflight!)[3]).toBe('500');
  });
});
