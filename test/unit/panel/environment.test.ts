import { describe, expect, it } from 'vitest';
import { applyTheme, inDevtools, popOutUrl, resolveTabId } from '../../../src/panel/environment';

type Devtools = Parameters<typeof resolveTabId>[1];

describe('panel environment', () => {
  it('takes the tab from ?tabId=N, else from DevTools', () => {
    let devtools: Devtools = undefined;
    expect(inDevtools(devtools)).toBe(false);
    expect(resolveTabId('?tabId=42', devtools)).toBe(42);
    expect(resolveTabId('?tabId=-1', devtools)).toBe(-1);
    expect(resolveTabId('?tabId=abc', devtools)).toBeNull();
    expect(resolveTabId('?tabId=-7', devtools)).toBeNull();
    expect(resolveTabId('', devtools)).toBeNull();
    devtools = { inspectedWindow: { tabId: 9 }, panels: { themeName: 'dark' } };
    expect(resolveTabId('', devtools)).toBe(9);
    expect(resolveTabId('?tabId=3', devtools)).toBe(3);
    expect(inDevtools(devtools)).toBe(true);
  });

  it('follows the DevTools theme, and leaves prefers-color-scheme to the CSS in a tab', () => {
    let devtools: Devtools = undefined;
    const root = { dataset: {} as Record<string, string> } as HTMLElement;
    applyTheme(root, devtools);
    expect(root.dataset.theme).toBeUndefined();
    devtools = { panels: { themeName: 'dark' } };
    applyTheme(root, devtools);
    expect(root.dataset.theme).toBe('dark');
    devtools = { panels: { themeName: 'default' } };
    applyTheme(root, devtools);
    expect(root.dataset.theme).toBe('light');
    root.dataset.theme = 'dark';
    devtools = { panels: { themeName: 'light' } };
    applyTheme(root, devtools);
    expect(root.dataset.theme).toBe('light');
  });

  it('builds the pop-out address of the same page for the same tab', () => {
    expect(popOutUrl('chrome-extension://abc/src/panel/index.html?tabId=5#x', 5)).toBe('chrome-extension://abc/src/panel/index.html?tabId=5');
    expect(popOutUrl('chrome-extension://abc/src/panel/index.html', 12)).toBe('chrome-extension://abc/src/panel/index.html?tabId=12');
  });
});
