/**
 * The pages' language adapter (panel, popup): the browser's UI language into `browserLang`, the stored
 * choice (storage.local `uiLang`: 'auto' | 'en' | 'fr') into `langSetting`, the choice written back when
 * the user changes it, and storage changes followed so the panel and the popup switch together, live.
 * The page's `<html lang>` follows the language shown. The browser side is behind `LanguageEnv`
 * (chromeLanguageEnv below), so tests drive it with a fake.
 */
import { effect } from '@preact/signals';
import type { I18n, Storage } from 'webextension-polyfill';
import { pickLang } from '../core/i18n/words';
import { browserLang, isLangSetting, langSetting, uiLang, type LangSetting } from './i18n';

const LANG_KEY = 'uiLang';

interface LanguageEnv {
  /** `i18n.getUILanguage()`, or undefined without the API. */
  uiLanguage(): string | undefined;
  /** The stored value of `uiLang` (anything: it is validated here). */
  read(): Promise<unknown>;
  write(value: LangSetting): Promise<void>;
  /** Calls `listener` with the new stored value whenever `uiLang` changes; returns the unsubscribe. */
  watch(listener: (value: unknown) => void): () => void;
  /** The element whose `lang` attribute follows the language (the page's `<html>`). */
  root?: { lang: string } | null;
}

/** A stored value as a setting: anything but 'auto', 'en' or 'fr' means 'auto'. */
function normalizeLangSetting(value: unknown): LangSetting {
  return isLangSetting(value) ? value : 'auto';
}

/**
 * Starts following the browser and the stored choice. Resolves once the stored choice is applied (a page
 * may wait for it before its first paint, to avoid a flash of the other language); returns the stop.
 */
export async function startLanguage(env: LanguageEnv): Promise<() => void> {
  browserLang.value = pickLang(env.uiLanguage() ?? browserLang.value);
  const stops: Array<() => void> = [];
  if (env.root) {
    const root = env.root;
    stops.push(effect(() => { root.lang = uiLang.value; }));
  }
  /** The value storage holds as far as we know: a change equal to it is storage's own, not the user's. */
  let stored: LangSetting = langSetting.value;
  stops.push(env.watch((value) => {
    stored = normalizeLangSetting(value);
    langSetting.value = stored;
  }));
  const before = langSetting.value;
  try {
    const value = await env.read();
    // a choice made while storage was being read wins over what was read
    if (langSetting.value === before) {
      stored = normalizeLangSetting(value);
      langSetting.value = stored;
    }
  } catch {
    // storage unavailable: follow the browser, and still remember a choice if writing works later
  }
  stops.push(effect(() => {
    const v = langSetting.value;
    if (v === stored) return;
    stored = v;
    env.write(v).catch(() => undefined);
  }));
  return () => stops.forEach((stop) => stop());
}

/** The slice of the `browser` namespace (shared/browser.ts, passed in by the page's entry) read here. */
interface LanguageApi {
  i18n?: Pick<I18n.Static, 'getUILanguage'>;
  storage?: { local?: Pick<Storage.StorageArea, 'get' | 'set'>; onChanged: Pick<Storage.Static['onChanged'], 'addListener' | 'removeListener'> };
}

/** The extension's side: `i18n.getUILanguage()` and `storage.local`; null without storage. */
export function chromeLanguageEnv(api: LanguageApi, root: { lang: string } | null): LanguageEnv | null {
  const { storage } = api;
  const area = storage?.local;
  if (!storage || !area) return null;
  const changed = storage.onChanged;
  const i18n = api.i18n;
  return {
    uiLanguage: () => i18n?.getUILanguage?.(),
    read: async () => (await area.get(LANG_KEY))[LANG_KEY],
    write: (value) => area.set({ [LANG_KEY]: value }),
    watch: (listener) => {
      const onChanged = (changes: Record<string, Storage.StorageChange>, areaName: string) => {
        if (areaName === 'local' && Object.prototype.hasOwnProperty.call(changes, LANG_KEY)) listener(changes[LANG_KEY]?.newValue);
      };
      changed.addListener(onChanged);
      return () => changed.removeListener(onChanged);
    },
    root,
  };
}
