/**
 * Chromium in another UI language. `--lang=fr` only takes when Chromium has that language's resources
 * (`locales/fr.pak` beside the binary): Debian ships English alone in `chromium` and the others in
 * `chromium-l10n`. Without them Chromium quietly stays in English (`i18n.getUILanguage()` answers en-US), so
 * `ensureChromiumLocale()` checks for the file, installs Debian's package as root when it is missing, and
 * otherwise fails with advice: a French test never passes by running in English.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { aptInstall, canAptInstall } from './browser-binary';
import { ensureChromium } from './chromium';

const L10N_PACKAGE = 'chromium-l10n';

/** Where this Chromium keeps its locale packs: beside the binary, or (Debian's /usr/bin/chromium is a shell wrapper) /usr/lib/chromium. */
function localeDirs(binary: string): string[] {
  return [...new Set([join(dirname(realpathSync(binary)), 'locales'), '/usr/lib/chromium/locales'])];
}

const hasPack = (binary: string, lang: string): boolean => localeDirs(binary).some((d) => existsSync(join(d, `${lang}.pak`)));

/** Makes sure Chromium can run in `lang` (e.g. 'fr'); returns the binary. Installs chromium-l10n as root if needed. */
export function ensureChromiumLocale(lang: string, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): string {
  const binary = ensureChromium(log);
  if (hasPack(binary, lang)) return binary;
  const advice = `Chromium at ${binary} has no ${lang}.pak, so --lang=${lang} would leave it in English.\n` +
    `Install its language resources (Debian/Ubuntu: \`sudo apt-get install -y ${L10N_PACKAGE}\`) or point CHROMIUM_PATH at a Chromium that has them.`;
  if (!canAptInstall() || process.env.CHROMIUM_PATH) throw new Error(advice);
  log(`Chromium has no ${lang} resources: installing Debian's ${L10N_PACKAGE} package (apt-get)…`);
  aptInstall(L10N_PACKAGE, advice);
  if (!hasPack(binary, lang)) throw new Error(`apt-get installed ${L10N_PACKAGE} but ${lang}.pak is still missing.\n${advice}`);
  return binary;
}
