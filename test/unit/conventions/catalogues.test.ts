/**
 * Issue 11: the English and French catalogues (public/_locales/<lang>/messages.json) say the same things: same ids, same placeholders, all declared
 * as the browser requires, complete plural families, French typography, and every id the source names
 * literally exists. Dynamic ids (`reason_${code}_summary`) are checked by their owners' tests.
 */
import { describe, expect, it } from 'vitest';
import {
  badEntries, badIds, frenchTypography, hasId, incompletePlurals, literalIds, missingIds, placeholderMismatches,
  placeholdersOf, type Cat,
} from './catalogue-checks';
import { readRepoFile, repoFiles } from './repo-files';

const raw = { en: readRepoFile('public/_locales/en/messages.json'), fr: readRepoFile('public/_locales/fr/messages.json') };
const EN_CAT = JSON.parse(raw.en) as Cat;
const FR_CAT = JSON.parse(raw.fr) as Cat;

const list = (what: string, items: string[]) => `${items.length} ${what}:\n${items.join('\n')}\n`;

describe('catalogue checks on planted input', () => {
  const ph = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, { content: `$${i + 1}` }]));
  it('reads placeholders ignoring case, and $$ as a dollar', () => {
    expect(placeholdersOf('Costs $$5 for $Origin$ and $origin$, $n_2$')).toEqual(['n_2', 'origin']);
    expect(placeholdersOf('$$$x$')).toEqual(['x']);
  });
  it('flags missing ids, undeclared and mismatched placeholders, bad and clashing ids', () => {
    const en: Cat = { a: { message: 'A $x$', placeholders: { x: { content: '$1' } } }, b: { message: 'B' }, c__one: { message: 'one' }, c__other: { message: 'many $count$' } };
    const fr: Cat = { a: { message: 'A $y$' }, c__one: { message: 'un' }, c__other: { message: '$count$' }, c__many: { message: '$count$' }, d: { message: 'D' } };
    expect(missingIds(en, fr)).toEqual(['b: in en, missing in fr', 'd: in fr, missing in en']);
    expect(missingIds(en, { ...fr, e__many: { message: '' } })).toContain('e__many: in fr, missing in en');
    expect(badEntries(en, 'en')).toEqual(['en c__other: $count$ not declared in placeholders']);
    expect(badEntries({ z: { message: 1 }, w: { message: 'w', placeholders: ph(1) } } as Cat, 'fr')).toEqual(['fr z: no message string']);
    expect(placeholderMismatches(en, fr)).toEqual(['a: en {x} vs fr {y}']);
    expect(placeholderMismatches(en, { ...fr, c__many: { message: 'x' } })).toEqual(['a: en {x} vs fr {y}', 'c__many: en c__other {count} vs fr {}']);
    expect(badIds({ 'a-b': { message: '' }, Ab: { message: '' }, aB: { message: '' } }, 'en')).toEqual([
      'en a-b: id outside [A-Za-z0-9_@]', 'en aB: same id as Ab ignoring case',
    ]);
    expect(badIds({ a: { message: '' } }, 'en', '{\n  "a": {},\n  "a": {}\n}')).toEqual(['en a: appears 2 times in the file']);
  });
  it('flags incomplete plural families and a plain id shadowing one', () => {
    expect(incompletePlurals({ en: { x__one: {}, x__other: {} }, fr: { x__other: {}, x__many: {} } })).toEqual(['fr x: plural family without __one']);
    expect(incompletePlurals({ en: { y: {}, y__one: {}, y__other: {} } })).toEqual(['en y: plain id and plural family of the same name (the plural would never be used)']);
  });
  it('flags plain spaces before French punctuation and straight apostrophes, except in Firefox lines', () => {
    const fr: Cat = {
      ok: { message: 'Raison\u00a0: l’en-tête «\u00a0Origin\u00a0»\u00a0; https://x.test:8080' },
      colon: { message: 'Raison : x' },
      open: { message: '« x\u00a0»' },
      close: { message: '«\u00a0x »' },
      quote: { message: "l'en-tête" },
      firefox_key: { message: 'Raison : l’en-tête CORS « Access-Control-Allow-Origin » est manquant.' },
    };
    expect(frenchTypography(fr).map((s) => s.split(':')[0])).toEqual(['fr colon', 'fr open', 'fr close', 'fr quote']);
  });
  it('finds literal ids in source, not dynamic ones', () => {
    const src = "t('a_b'); words.say(\"c\", {n}); m(`d`, {}); tm(m('e')); t(`x_${code}`); set('nope'); chrome.i18n.getMessage('f'); '__MSG_g__';\n// m('in_a_comment')\n/** t('nor_here') */ t('a b')";
    expect(literalIds(src).sort()).toEqual(['a_b', 'c', 'd', 'e', 'f', 'g']);
    expect(literalIds('{ "name": "__MSG_extName__" }', 'manifest.json')).toEqual(['extName']);
    expect(hasId({ a__other: {} }, 'a')).toBe(true);
    expect(hasId({ a__one: {} }, 'a')).toBe(false);
  });
});

describe('the catalogues (public/_locales)', () => {
  it('have the same ids in English and French', () => {
    const missing = missingIds(EN_CAT, FR_CAT);
    expect(missing, list('ids in one language only (add them to the other public/_locales/<lang>/messages.json)', missing)).toEqual([]);
  });

  it('declare every placeholder, as the browser requires', () => {
    const bad = [...badEntries(EN_CAT, 'en'), ...badEntries(FR_CAT, 'fr')];
    expect(bad, list('bad entries', bad)).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const bad = placeholderMismatches(EN_CAT, FR_CAT);
    expect(bad, list('placeholder mismatches', bad)).toEqual([]);
  });

  it('have ids the browser accepts, unique ignoring case', () => {
    const bad = [...badIds(EN_CAT, 'en', raw.en), ...badIds(FR_CAT, 'fr', raw.fr)];
    expect(bad, list('bad ids', bad)).toEqual([]);
  });

  it('have complete plural families', () => {
    const bad = incompletePlurals({ en: EN_CAT, fr: FR_CAT });
    expect(bad, list('incomplete plural families', bad)).toEqual([]);
  });

  it('follow French typography (no-break spaces, ’), Firefox’s verbatim lines excepted', () => {
    const bad = frenchTypography(FR_CAT);
    expect(bad, list('French typography problems', bad)).toEqual([]);
  });

  it('have the manifest’s name and description', () => {
    for (const cat of [EN_CAT, FR_CAT]) for (const id of ['extName', 'extDescription']) expect(hasId(cat, id), id).toBe(true);
  });

  it('have every id that the source and the manifest name literally', () => {
    const files = repoFiles().filter((p) => (p.startsWith('src/') && /\.(ts|tsx)$/.test(p)) || p === 'manifest.json');
    const unknown: string[] = [];
    for (const path of files) {
      for (const id of literalIds(readRepoFile(path), path)) if (!hasId(EN_CAT, id)) unknown.push(`${path}: ${id}`);
    }
    expect(unknown, list('ids used in the source but missing from the English catalogue', unknown)).toEqual([]);
  });
});
