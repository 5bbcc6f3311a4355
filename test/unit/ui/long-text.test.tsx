// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { charDiff, clipParts } from '../../../src/ui/char-diff';
import { DiffText } from '../../../src/ui/DiffText';
import { characters, clipText, lineAt, lineCount, PREVIEW_CHARS } from '../../../src/ui/long-text';
import { LongText } from '../../../src/ui/LongText';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const MB = 1024 * 1024;

describe('clipText', () => {
  it('keeps short values whole and cuts long ones at the limit', () => {
    expect(clipText('abc', 5)).toEqual({ text: 'abc', cut: false });
    expect(clipText('abcdef', 6)).toEqual({ text: 'abcdef', cut: false });
    expect(clipText('abcdefg', 6)).toEqual({ text: 'abcdef', cut: true });
  });

  it('never splits a surrogate pair', () => {
    const value = `${'a'.repeat(4)}😀tail`;
    expect(clipText(value, 5)).toEqual({ text: 'aaaa', cut: true });
    expect(clipText(value, 6)).toEqual({ text: 'aaaa😀', cut: true });
  });

  it('counts characters in words', () => {
    expect(characters(1)).toBe('1 character');
    expect(characters(1_048_576)).toBe('1,048,576 characters');
  });
});

describe('lines of a long value', () => {
  it('cut it into lines of a fixed width that put back together give the value', () => {
    const value = 'abcdefghij'.repeat(10) + 'xyz';
    const n = lineCount(value, 7);
    expect(n).toBe(15);
    expect(Array.from({ length: n }, (_, i) => lineAt(value, 7, i)).join('')).toBe(value);
  });

  it('show control characters escaped, so each line stays one line', () => {
    expect(lineAt('a\nb\u0000c', 80, 0)).toBe('a\\x0ab\\x00c');
    expect(lineCount('', 80)).toBe(1);
  });
});

describe('clipParts', () => {
  it('keeps the parts up to the limit and says when it cut', () => {
    const parts = [{ text: 'abc', changed: false }, { text: 'defg', changed: true }, { text: 'h', changed: false }];
    expect(clipParts(parts, 100)).toEqual({ parts, cut: false });
    expect(clipParts(parts, 5)).toEqual({ parts: [{ text: 'abc', changed: false }, { text: 'de', changed: true }], cut: true });
    expect(clipParts(parts, 7)).toEqual({ parts: parts.slice(0, 2), cut: true });
  });
});

describe('charDiff on megabyte values', () => {
  it('finds a one-character difference in the middle of two 1 MB values exactly', () => {
    const a = `${'a'.repeat(MB / 2)}X${'b'.repeat(MB / 2)}`;
    const b = `${'a'.repeat(MB / 2)}Y${'b'.repeat(MB / 2)}`;
    const d = charDiff(a, b);
    expect(d.received.filter((p) => p.changed).map((p) => p.text)).toEqual(['X']);
    expect(d.needed.filter((p) => p.changed).map((p) => p.text)).toEqual(['Y']);
  });

  it('marks the whole middle of a 10 MB value against a short one, every character kept', () => {
    const origin = 'http://127.0.0.1:4001';
    const received = `${origin}/${'x'.repeat(10 * MB)}`;
    const d = charDiff(received, origin);
    expect(d.received).toEqual([{ text: origin, changed: false }, { text: received.slice(origin.length), changed: true }]);
    expect(d.needed).toEqual([{ text: origin, changed: false }]);
  });
});

describe('LongText', () => {
  it('shows a short value whole, with no marker', () => {
    render(<p data-testid="v"><LongText value="https://app.example" /></p>);
    expect(screen.getByTestId('v').textContent).toBe('https://app.example');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows the start of a 1 MB value, its length, and all of it on request in a view of the lines in sight', () => {
    const value = Array.from({ length: MB / 8 }, (_, i) => String(i % 10).repeat(8)).join('');
    render(<p data-testid="v"><LongText value={value} name="CSP value" /></p>);
    const host = screen.getByTestId('v');
    expect(host.textContent!.length).toBeLessThan(PREVIEW_CHARS + 100);
    expect(host.textContent).toContain('… 1,048,576 characters: show all / copy');
    fireEvent.click(within(host).getByRole('button', { name: 'Show the whole CSP value (1,048,576 characters)' }));
    const view = within(host).getByRole('region', { name: 'The whole CSP value' });
    const cols = Number(view.dataset.cols);
    expect(Number(view.dataset.lines)).toBe(Math.ceil(value.length / cols));
    const lines = [...view.querySelectorAll('.long-line')];
    expect(lines.length).toBeLessThan(40);
    expect(lines[0]!.textContent).toBe(value.slice(0, cols));
    // Scrolled to the end: the last line is the value's end.
    view.scrollTop = (Number(view.dataset.lines) - 1) * 16;
    fireEvent.scroll(view);
    const last = Number(view.dataset.lines) - 1;
    return waitFor(() => {
      expect(view.querySelector(`.long-line[data-line="${last}"]`)?.textContent).toBe(value.slice(last * cols));
    });
  });

  it('copies the exact whole value', async () => {
    const value = 'v'.repeat(3 * PREVIEW_CHARS);
    const writes: string[] = [];
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    Object.defineProperty(window.navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => { writes.push(t); } } });
    render(<p><LongText value={value} /></p>);
    fireEvent.click(screen.getByRole('button', { name: `Copy the whole value (${characters(value.length)})` }));
    await waitFor(() => expect(screen.getByRole('button', { name: /Copy the whole value/ }).textContent).toBe('copied'));
    expect(writes).toEqual([value]);
  });
});

describe('DiffText', () => {
  it('draws a bounded part of a long diff, marked, with the whole value on request', () => {
    const origin = 'http://127.0.0.1:4001';
    const received = `${origin}/${'x'.repeat(MB)}`;
    const d = charDiff(received, origin);
    render(<p data-testid="v"><DiffText parts={d.received} side="received" full={received} name="received value" /></p>);
    const host = screen.getByTestId('v');
    expect(host.querySelector('mark')!.textContent!.length).toBe(PREVIEW_CHARS - origin.length);
    expect(host.textContent).toContain(`… ${characters(received.length)}: show all / copy`);
  });
});
