// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { HeaderTable } from '../../../src/ui/HeaderTable';
import { VerdictChip } from '../../../src/ui/VerdictChip';
import type { Column } from '../../../src/ui/VirtualTable';
import { VirtualTable } from '../../../src/ui/VirtualTable';
import { VERDICT_LABEL } from '../../../src/ui/verdict-labels';

afterEach(cleanup);

describe('VerdictChip', () => {
  it.each(Object.entries(VERDICT_LABEL))('says %s in words, not only in colour', (kind, label) => {
    render(<VerdictChip kind={kind as keyof typeof VERDICT_LABEL} count={3} />);
    const chip = document.querySelector(`[data-verdict="${kind}"]`)!;
    expect(chip.textContent).toContain(label);
    expect(chip.textContent).toContain('3');
  });
});

describe('HeaderTable', () => {
  const hostile = [
    { name: 'X-A', value: '<img src=x onerror="globalThis.__hit=1">' },
    { name: '<b>X-B</b>', value: '<script>globalThis.__hit=2</script>' },
    { name: 'Access-Control-Allow-Origin', value: 'https://a.example/' },
    { name: 'Access-Control-Allow-Origin', value: 'https://b.example' },
  ];

  it('renders names and values as text whatever they contain, duplicates kept in order', () => {
    render(<HeaderTable headers={hostile} caption="Response headers" highlight={new Set(['access-control-allow-origin'])} />);
    const table = screen.getByRole('table', { name: 'Response headers' });
    expect(table.querySelector('img, script, b')).toBeNull();
    expect((globalThis as { __hit?: number }).__hit).toBeUndefined();
    const cells = within(table).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(hostile.map((h) => h.value));
    expect(within(table).getAllByRole('rowheader')[1]!.textContent).toBe('<b>X-B</b>');
    expect(table.querySelectorAll('tr[data-deciding="true"]')).toHaveLength(2);
  });

  it('says when there is nothing to show', () => {
    render(<HeaderTable headers={[]} caption="x" empty="No response headers." />);
    expect(screen.getByText('No response headers.')).toBeDefined();
  });
});

describe('VirtualTable', () => {
  const rows = Array.from({ length: 10_000 }, (_, i) => ({ id: `r${i}`, n: i }));
  const columns: Column<{ id: string; n: number }>[] = [
    { id: 'n', label: 'Number', width: '4em', grow: 1, sortable: true, cell: (r) => String(r.n) },
  ];

  it('puts only the rows in view in the DOM, and tells assistive technology the full count', () => {
    render(<VirtualTable label="Numbers" rows={rows} columns={columns} rowKey={(r) => r.id} activeIndex={-1} onActive={() => {}} onOpen={() => {}} />);
    const grid = screen.getByRole('grid', { name: 'Numbers' });
    const drawn = within(grid).getAllByRole('row').length - 1;
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThan(80);
    expect(grid.getAttribute('aria-rowcount')).toBe('10001');
  });

  it('draws the rows in view and one beyond, each cell as wide as its column header', () => {
    const two: Column<{ id: string; n: number }>[] = [
      { id: 'n', label: 'Number', width: '6em', cell: (r) => String(r.n) },
      { id: 'twice', label: 'Twice', width: '10em', grow: 2, cell: (r) => String(2 * r.n) },
    ];
    render(<VirtualTable label="Numbers" rows={rows} columns={two} rowKey={(r) => r.id} activeIndex={-1} onActive={() => {}} onOpen={() => {}} />);
    const [head, ...body] = within(screen.getByRole('grid', { name: 'Numbers' })).getAllByRole('row');
    // jsdom lays nothing out: the viewport is the 640 px fallback, of which the sticky header takes one 22 px row.
    expect(body).toHaveLength(Math.ceil((640 - 22) / 22) + 1);
    const headCells = [...head!.children] as HTMLElement[];
    expect(headCells[1]!.style.minWidth).toBe('10em');
    expect(headCells[0]!.style.cssText).not.toBe(headCells[1]!.style.cssText);
    for (const row of body) {
      const cells = [...row.children] as HTMLElement[];
      expect(cells.map((c) => c.style.cssText)).toEqual(headCells.map((c) => c.style.cssText));
    }
  });

  it('moves with the keys and opens with Enter', () => {
    const moves: number[] = [];
    const opened: number[] = [];
    const { rerender } = render(<VirtualTable label="Numbers" rows={rows} columns={columns} rowKey={(r) => r.id} activeIndex={5}
      onActive={(i) => moves.push(i)} onOpen={(i) => opened.push(i)} />);
    const grid = screen.getByRole('grid');
    for (const key of ['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp']) fireEvent.keyDown(grid, { key });
    expect(moves.slice(0, 4)).toEqual([6, 4, 0, 9999]);
    expect(moves[4]).toBeGreaterThan(5);
    expect(moves[5]).toBe(0);
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(opened).toEqual([5]);
    rerender(<VirtualTable label="Numbers" rows={rows} columns={columns} rowKey={(r) => r.id} activeIndex={9999}
      onActive={() => {}} onOpen={() => {}} />);
    expect(grid.getAttribute('aria-activedescendant')).toBe('vt-row-r9999');
    expect(document.getElementById('vt-row-r9999')).not.toBeNull();
  });

  it('keeps a focused button in a cell with its own row when the rows shift', () => {
    type R = { id: string; n: number };
    const links: Column<R>[] = [{ id: 'go', label: 'Go', width: '4em', grow: 1, cell: (r) => <button type="button" data-row={r.id}>{`open ${r.id}`}</button> }];
    const list: R[] = Array.from({ length: 100 }, (_, i) => ({ id: `r${i}`, n: i }));
    const table = (shown: R[]) => <VirtualTable label="Links" rows={shown} columns={links} rowKey={(r) => r.id} activeIndex={-1} onActive={() => {}} onOpen={() => {}} />;
    const { rerender } = render(table(list));
    (document.querySelector('button[data-row="r3"]') as HTMLButtonElement).focus();
    // A new row at the top (the time column sorted newest first): every line moves down by one.
    rerender(table([{ id: 'new', n: -1 }, ...list]));
    const focused = document.activeElement;
    // Focus may stay on r3's button or leave the table, never land on another row's button.
    if (focused instanceof HTMLButtonElement) expect(focused.getAttribute('data-row')).toBe('r3');
    expect(document.querySelector('button[data-row="r3"]')!.textContent).toBe('open r3');
  });

  it('keeps focus on a button whose line did not move when rows are added or redrawn', () => {
    type R = { id: string };
    const links: Column<R>[] = [{ id: 'go', label: 'Go', width: '4em', grow: 1, cell: (r) => <button type="button" data-row={r.id}>{`open ${r.id}`}</button> }];
    const list: R[] = Array.from({ length: 100 }, (_, i) => ({ id: `r${i}` }));
    const table = (shown: R[]) => <VirtualTable label="Links" rows={shown} columns={links} rowKey={(r) => r.id} activeIndex={-1} onActive={() => {}} onOpen={() => {}} />;
    const { rerender } = render(table(list));
    const button = document.querySelector('button[data-row="r3"]') as HTMLButtonElement;
    button.focus();
    // A row arrives at the end (a live tab), then the same rows are drawn again (the button's own jump).
    rerender(table([...list, { id: 'new' }]));
    expect(button.isConnected).toBe(true);
    expect(document.activeElement).toBe(button);
    rerender(table([...list, { id: 'new' }]));
    expect(document.activeElement).toBe(button);
  });

  it('sorts through header buttons that say the current order', () => {
    const sorted: string[] = [];
    render(<VirtualTable label="Numbers" rows={rows.slice(0, 3)} columns={columns} rowKey={(r) => r.id} activeIndex={-1}
      sort={{ column: 'n', dir: 'desc' }} onSort={(c) => sorted.push(c)} onActive={() => {}} onOpen={() => {}} />);
    const header = screen.getByRole('columnheader');
    expect(header.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(within(header).getByRole('button', { name: 'Sort by Number, descending' }));
    expect(sorted).toEqual(['n']);
  });
});

describe('Guard', () => {
  it('replaces a part that throws with a sentence, and leaves the rest of the page', async () => {
    const { Guard } = await import('../../../src/ui/Guard');
    function Boom(): never { throw new Error('bad record'); }
    render(<div><p>still here</p><Guard what="the details"><Boom /></Guard></div>);
    expect(screen.getByRole('alert').textContent).toContain('Could not show the details: bad record');
    expect(screen.getByText('still here')).toBeDefined();
  });
});

describe('HeaderTable, huge values', () => {
  it('shows the start of a huge value and all of it on request', async () => {
    const { VALUE_PREVIEW } = await import('../../../src/ui/HeaderTable');
    const value = 'a'.repeat(1_000_000);
    render(<HeaderTable headers={[{ name: 'X-Big', value }]} caption="Big" />);
    const cell = screen.getByRole('cell');
    expect(cell.textContent!.length).toBeLessThan(VALUE_PREVIEW + 100);
    // All of it on request: in a view that draws only the lines in sight (see long-text.test.tsx).
    fireEvent.click(within(cell).getByRole('button', { name: 'Show the whole X-Big value (1,000,000 characters)' }));
    const view = within(cell).getByRole('region', { name: 'The whole X-Big value' });
    expect(Number(view.dataset.lines) * Number(view.dataset.cols)).toBeGreaterThanOrEqual(value.length);
    expect(within(cell).getByRole('button', { name: 'Copy the whole X-Big value (1,000,000 characters)' })).toBeDefined();
  });
});
