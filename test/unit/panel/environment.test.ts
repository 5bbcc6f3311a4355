import { afterEach, describe, expect, it } from 'vitest';
import { applyTheme, inDevtools, popOutUrl, resolveTabId } from '../../../src/panel/environment';

const g = globalThis as { chrome?: unknown };
afterEach(() => { delete g.chrome; });

describe('panel environment', () => {
  it('takes the tab from ?tabId=N, else from DevTools', () => {
    expect(resolveTabId('?tabId=42')).toBe(42);
    expect(resolveTabId('?tabId=-1')).toBe(-1);
    expect(resolveTabId('?tabId=abc')).toBeNull();
    expect(resolveTabId('?tabId=-7')).toBeNull();
    expect(resolveTabId('')).toBeNull();
    g.chrome = { devtools: { inspectedWindow: { tabId: 9 }, panels: { themeName: 'dark' } } };
    expect(resolveTabId('')).toBe(9);
    expect(resolveTabId('?tabId=3')).toBe(3);
    expect(inDevtools()).toBe(true);
  });

  it('follows the DevTools theme, and leaves prefers-color-scheme to the CSS in a tab', () => {
    const root = { dataset: {} as Record<string, string> } as HTMLElement;
    applyTheme(root);
    expect(root.dataset.theme).toBeUndefined();
    g.chrome = { devtools: { panels: { themeName: 'dark' } } };
    applyTheme(root);
    expect(root.dataset.theme).toBe('dark');
    g.chrome = { devtools: { panels: { themeName: 'default' } } };
    applyTheme(root);
    expect(root.dataset.theme).toBe('light');
    root.dataset.theme = 'dark';
    g.chrome = { devtools: { panels: { themeName: 'light' } } };
    applyTheme(root);
    expect(root.dataset.theme).toBe('light');
  });

  it('builds the pop-out address of the same page for the same tab', () => {
    expect(popOutUrl('chrome-extension://abc/src/panel/index.html?tabId=5#x', 5)).toBe('chrome-extension://abc/src/panel/index.html?tabId=5');
    expect(popOutUrl('chrome-extension://abc/src/panel/index.html', 12)).toBe('chrome-extension://abc/src/panel/index.html?tabId=12');
  });
});
