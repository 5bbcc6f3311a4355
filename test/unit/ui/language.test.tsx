// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { browserLang, langSetting, uiLang } from '../../../src/ui/i18n';
import { chromeLanguageEnv, startLanguage } from '../../../src/ui/language';

type LanguageEnv = Parameters<typeof startLanguage>[0];
import { LanguagePicker } from '../../../src/ui/LanguagePicker';
import type { LangSetting } from '../../../src/ui/i18n';

/** A fake browser: a UI language, one storage slot shared by every page started on it, and change events. */
function fakeBrowser(ui: string | undefined, stored?: unknown) {
  const state = { stored, writes: [] as unknown[] };
  const listeners = new Set<(v: unknown) => void>();
  let gate: Promise<void> = Promise.resolve();
  const env = (root: { lang: string } | null = { lang: '' }): LanguageEnv => ({
    uiLanguage: () => ui,
    read: async () => { await gate; return state.stored; },
    write: async (v) => {
      state.writes.push(v);
      state.stored = v;
      for (const l of listeners) l(v);
    },
    watch: (l) => { listeners.add(l); return () => listeners.delete(l); },
    root,
  });
  /** Stands for another page (or the user in DevTools) writing storage. */
  const external = (v: unknown) => { state.stored = v; for (const l of listeners) l(v); };
  const hold = () => { let open!: () => void; gate = new Promise((r) => { open = r; }); return () => open(); };
  return { state, env, external, hold, listeners };
}

const stops: Array<() => void> = [];
async function start(env: LanguageEnv) {
  const stop = await startLanguage(env);
  stops.push(stop);
  return stop;
}

afterEach(() => {
  stops.splice(0).forEach((s) => s());
  cleanup();
  langSetting.value = 'auto';
  browserLang.value = 'en';
});

describe('the language adapter', () => {
  it('follows the browser language when nothing is stored, and sets <html lang>', async () => {
    const b = fakeBrowser('fr-CA');
    const root = { lang: 'en' };
    await start(b.env(root));
    expect([langSetting.value, browserLang.value, uiLang.value, root.lang]).toEqual(['auto', 'fr', 'fr', 'fr']);
    expect(b.state.writes).toEqual([]);
  });

  it('applies a stored choice at start', async () => {
    const b = fakeBrowser('en-US', 'fr');
    const root = { lang: '' };
    await start(b.env(root));
    expect([langSetting.value, uiLang.value, root.lang]).toEqual(['fr', 'fr', 'fr']);
    expect(b.state.writes).toEqual([]);
  });

  it.each([['de'], [42], [null], [{ lang: 'fr' }], ['FR '], ['']])('falls back to auto for a bad stored value (%j)', async (bad) => {
    const b = fakeBrowser('en-GB', bad);
    await start(b.env());
    expect([langSetting.value, uiLang.value]).toEqual(['auto', 'en']);
  });

  it('remembers a change, and does not write back what storage told it', async () => {
    const b = fakeBrowser('en', 'auto');
    const root = { lang: '' };
    await start(b.env(root));
    langSetting.value = 'fr';
    expect(b.state.writes).toEqual(['fr']);
    expect(root.lang).toBe('fr');
    b.external('en');
    expect([langSetting.value, root.lang]).toEqual(['en', 'en']);
    b.external('nonsense');
    expect(langSetting.value).toBe('auto');
    expect(b.state.writes).toEqual(['fr']);
  });

  it('switches two pages together, live (panel and popup share storage)', async () => {
    const b = fakeBrowser('en', undefined);
    const panelRoot = { lang: '' };
    await start(b.env(panelRoot));
    await start(b.env(null));
    langSetting.value = 'fr';
    expect(b.state.writes).toEqual(['fr']); // one write, not an echo between the pages
    expect(panelRoot.lang).toBe('fr');
  });

  it('keeps a choice made while storage was being read', async () => {
    const b = fakeBrowser('en', 'en');
    const open = b.hold();
    const started = start(b.env());
    langSetting.value = 'fr';
    open();
    await started;
    expect(langSetting.value).toBe('fr');
    expect(b.state.writes).toEqual(['fr']);
  });

  it('works when storage cannot be read', async () => {
    const env: LanguageEnv = { uiLanguage: () => 'fr', read: () => Promise.reject(new Error('no storage')), write: async () => {}, watch: () => () => {} };
    await start(env);
    expect(uiLang.value).toBe('fr');
  });

  it('stops following storage when stopped', async () => {
    const b = fakeBrowser('en', 'en');
    const stop = await start(b.env());
    stop();
    expect(b.listeners.size).toBe(0);
    langSetting.value = 'fr';
    expect(b.state.writes).toEqual([]);
  });

  it('in the extension: i18n.getUILanguage, storage.local key uiLang, storage.onChanged for the local area only', async () => {
    const listeners = new Set<(changes: Record<string, { newValue?: unknown }>, area: string) => void>();
    const local: Record<string, unknown> = { uiLang: 'fr' };
    const api = {
      i18n: { getUILanguage: () => 'en-US' },
      storage: {
        local: {
          get: async (key: string) => (key in local ? { [key]: local[key] } : {}),
          set: async (items: Record<string, unknown>) => { Object.assign(local, items); },
        },
        onChanged: { addListener: (l: never) => listeners.add(l), removeListener: (l: never) => listeners.delete(l) },
      },
    } as unknown as Parameters<typeof chromeLanguageEnv>[0];
    const root = { lang: '' };
    const env = chromeLanguageEnv(api, root)!;
    const stop = await start(env);
    expect([browserLang.value, langSetting.value, root.lang]).toEqual(['en', 'fr', 'fr']);
    langSetting.value = 'auto';
    await Promise.resolve();
    expect(local.uiLang).toBe('auto');
    for (const l of listeners) l({ uiLang: { newValue: 'fr' } }, 'sync');
    expect(langSetting.value).toBe('auto');
    for (const l of listeners) l({ other: { newValue: 1 } }, 'local');
    expect(langSetting.value).toBe('auto');
    for (const l of listeners) l({ uiLang: { newValue: 'fr' } }, 'local');
    expect(langSetting.value).toBe('fr');
    stop();
    expect(listeners.size).toBe(0);
  });

  it('without storage there is no adapter', () => {
    expect(chromeLanguageEnv({}, null)).toBeNull();
    expect(chromeLanguageEnv({ storage: { onChanged: { addListener: () => {}, removeListener: () => {} } } }, null)).toBeNull();
  });
});

describe('LanguagePicker', () => {
  const select = () => screen.getByRole('combobox') as HTMLSelectElement;
  const texts = () => [...select().options].map((o) => o.textContent);

  it('is a labelled select bound to the setting', () => {
    render(<LanguagePicker />);
    expect(screen.getByLabelText('Language')).toBe(select());
    expect(texts()).toEqual(['Auto (browser language)', 'English', 'Français']);
    expect(select().value).toBe('auto');
    fireEvent.change(select(), { target: { value: 'fr' } });
    expect(langSetting.value).toBe('fr');
  });

  it('re-renders in the chosen language without a remount, naming each language in itself', () => {
    render(<LanguagePicker />);
    const before = select();
    fireEvent.change(before, { target: { value: 'fr' } });
    expect(select()).toBe(before);
    expect(screen.getByLabelText('Langue')).toBe(before);
    expect(texts()).toEqual(['Auto (langue du navigateur)', 'English', 'Français']);
    act(() => { langSetting.value = 'en' satisfies LangSetting; });
    expect(texts()[0]).toBe('Auto (browser language)');
  });

  it('ignores a value that is not a language', () => {
    render(<LanguagePicker />);
    langSetting.value = 'en';
    const s = select();
    const bogus = document.createElement('option');
    bogus.value = 'xx';
    s.append(bogus);
    fireEvent.change(s, { target: { value: 'xx' } });
    expect(langSetting.value).toBe('en');
  });
});
