// @vitest-environment happy-dom
/**
 * Details on demand: the panel holds rows, and fetches the opened exchange's entry (loading, then the details;
 * an exchange that is gone or a request that fails is said in words).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { OpenDetails } from '../../../../src/panel/details/OpenDetails';
import type { EntrySource } from '../../../../src/shared/entry-source';
import { rowOfEntry } from '../../../../src/panel/table/rows';
import type { ExchangeEntry } from '../../../../src/shared/protocol';
import { blockedTrailingSlash, simple } from '../fixtures';

afterEach(cleanup);

/** A source whose answers the test releases. */
function deferred() {
  const asked: string[] = [];
  let release: (e: ExchangeEntry | null | Error) => void = () => {};
  const source: EntrySource = {
    one: (id) => {
      asked.push(id);
      return new Promise((resolve, reject) => { release = (e) => (e instanceof Error ? reject(e) : resolve(e)); });
    },
    all: async () => [],
  };
  return { source, asked, release: (e: ExchangeEntry | null | Error) => release(e) };
}

const noop = () => {};

describe('OpenDetails', () => {
  it('says it is loading, then shows the fetched entry', async () => {
    const e = blockedTrailingSlash('b', 2);
    const d = deferred();
    render(<OpenDetails row={rowOfEntry(e)} source={d.source} preflightIndex={null} onClose={noop} onJump={noop} />);
    expect(screen.getByTestId('details-state').textContent).toBe('Loading the details…');
    expect(d.asked).toEqual(['b']);
    d.release(e);
    expect((await screen.findByTestId('headline')).textContent).toMatch(/^Blocked/);
    expect(screen.queryByTestId('details-state')).toBeNull();
  });

  it('says so in words when the exchange is gone (cleared, dropped), or when the request fails', async () => {
    const d = deferred();
    const { unmount } = render(<OpenDetails row={rowOfEntry(simple('a', 1))} source={d.source} preflightIndex={null} onClose={noop} onJump={noop} />);
    d.release(null);
    await waitFor(() => expect(screen.getByTestId('details-state').textContent).toMatch(/no longer in the log/));
    expect(screen.getByRole('alert')).toBeDefined();
    unmount();
    const f = deferred();
    render(<OpenDetails row={rowOfEntry(simple('a', 1))} source={f.source} preflightIndex={null} onClose={noop} onJump={noop} />);
    f.release(new Error('Extension context invalidated.'));
    await waitFor(() => expect(screen.getByTestId('details-state').textContent).toBe('Could not load the details: Extension context invalidated.'));
  });

  it('a new version of the open exchange is fetched again, and the one shown stays until it arrives', async () => {
    const d = deferred();
    const first = blockedTrailingSlash('b', 2);
    const view = render(<OpenDetails row={rowOfEntry(first)} source={d.source} preflightIndex={null} onClose={noop} onJump={noop} />);
    d.release(first);
    await screen.findByTestId('headline');
    view.rerender(<OpenDetails row={rowOfEntry(simple('b', 2))} source={d.source} preflightIndex={null} onClose={noop} onJump={noop} />);
    expect(d.asked).toEqual(['b', 'b']);
    expect(screen.getByTestId('headline')).toBeDefined();
    d.release(simple('b', 2));
    await waitFor(() => expect(screen.getByTestId('headline').textContent).not.toMatch(/^Blocked/));
  });
});
