import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { namespacesIn, readManifest, ROOT, sourceFiles } from './scan';

/**
 * Which manifest permission each extension API namespace needs (null: none). A namespace missing
 * from this table fails the test, so adding an API forces a decision here and in manifest.json.
 */
const PERMISSION_FOR: Record<string, string | null> = {
  runtime: null,
  // query/get/create/onUpdated/onRemoved need no permission; tab.url is covered by host permissions.
  tabs: null,
  action: null,
  devtools: null,
  i18n: null,
  extension: null,
  windows: null,
  permissions: null,
  webRequest: 'webRequest',
  storage: 'storage',
  downloads: 'downloads',
  alarms: 'alarms',
  scripting: 'scripting',
  cookies: 'cookies',
  contextMenus: 'contextMenus',
  notifications: 'notifications',
  webNavigation: 'webNavigation',
  declarativeNetRequest: 'declarativeNetRequest',
  offscreen: 'offscreen',
  sidePanel: 'sidePanel',
  debugger: 'debugger',
  clipboardWrite: 'clipboardWrite',
};

function usedNamespaces(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    for (const ns of namespacesIn(readFileSync(file, 'utf8'))) {
      used.set(ns, [...(used.get(ns) ?? []), file.slice(ROOT.length + 1)]);
    }
  }
  return used;
}

describe('manifest permissions match the code', () => {
  const manifest = readManifest();
  const used = usedNamespaces();

  it('finds the APIs the extension is built on (the scan works)', () => {
    expect(used.has('webRequest')).toBe(true);
    expect(used.has('runtime')).toBe(true);
  });

  it('every API namespace used in src/ is known to this test', () => {
    const unknown = [...used.keys()].filter((ns) => !(ns in PERMISSION_FOR));
    expect(unknown, `add these namespaces to PERMISSION_FOR: ${unknown.map((n) => `${n} (${used.get(n)?.join(', ')})`).join('; ')}`).toEqual([]);
  });

  it('every permission the code needs is declared', () => {
    const needed = [...used.keys()].map((ns) => PERMISSION_FOR[ns]).filter((p): p is string => typeof p === 'string');
    for (const p of needed) expect(manifest.permissions ?? [], `code uses the ${p} API`).toContain(p);
  });

  it('no permission is declared that the code does not use', () => {
    const needed = new Set([...used.keys()].map((ns) => PERMISSION_FOR[ns]).filter((p) => p));
    const unused = (manifest.permissions ?? []).filter((p) => !needed.has(p));
    expect(unused, 'declared but unused permissions').toEqual([]);
  });

  it('host permissions only because webRequest needs to see every site', () => {
    if ((manifest.host_permissions ?? []).length > 0) expect(used.has('webRequest')).toBe(true);
  });

  it('the scanner ignores comments and property chains', () => {
    expect([...namespacesIn('// chrome.cookies.get\n/* browser.history */ observer.browser.name; x = chrome.tabs.query()')]).toEqual(['tabs']);
    expect([...namespacesIn('globalThis.chrome.downloads.download(x); browser?.alarms.create()')].sort()).toEqual(['alarms', 'downloads']);
  });
});

describe('no raw HTML from untrusted values', () => {
  it('src/ never uses dangerouslySetInnerHTML, innerHTML, outerHTML or insertAdjacentHTML', () => {
    const offenders = sourceFiles(join(ROOT, 'src')).filter((f) =>
      /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML/.test(readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')));
    expect(offenders.map((f) => f.slice(ROOT.length + 1))).toEqual([]);
  });
});
