/**
 * The language setting (panel toolbar, popup): follow the browser, or force English or French. The
 * choice is the `langSetting` signal; the page's adapter (language.ts) remembers it and shares it live
 * between the panel and the popup. Each language is named in itself, whatever the page's language.
 */
import { isLangSetting, langSetting, t } from './i18n';

export function LanguagePicker() {
  const label = t('ui_lang_label');
  return (
    <label class="lang-picker" title={label}>
      <select
        aria-label={label}
        class="lang-select"
        data-testid="lang-picker"
        value={langSetting.value}
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (isLangSetting(v)) langSetting.value = v;
        }}
      >
        <option value="auto">{t('ui_lang_auto')}</option>
        <option value="en" lang="en">English</option>
        <option value="fr" lang="fr">Français</option>
      </select>
    </label>
  );
}
