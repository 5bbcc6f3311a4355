import { describe, expect, it } from 'vitest';
import { createWords, pickLang, type Catalogue } from '../../../../src/core/i18n/words';
import { isMsg, m } from '../../../../src/core/i18n/msg';
import { wordsFor } from '../../../../src/core/i18n/catalogues';

const en: Catalogue = {
  hello: { message: 'Hello $name$' },
  price: { message: 'costs $$5 for $who$' },
  rows__one: { message: '$count$ row' },
  rows__other: { message: '$count$ rows' },
  outer: { message: 'Blocked: $inner$' },
  inner: { message: 'no header on $url$' },
  onlyEnglish: { message: 'English only' },
  self: { message: '[$again$]' },
};
const fr: Catalogue = {
  hello: { message: 'Bonjour $NAME$' },
  rows__one: { message: '$count$ ligne' },
  rows__other: { message: '$count$ lignes' },
  outer: { message: 'Bloquée : $inner$' },
  inner: { message: 'aucun en-tête sur $url$' },
};

describe('createWords', () => {
  const EN = createWords('en', en);
  const FR = createWords('fr', fr, en);

  it('fills placeholders by name, ignoring case as the browser does', () => {
    expect(EN.say('hello', { name: 'Ada' })).toBe('Hello Ada');
    expect(FR.say('hello', { name: 'Ada' })).toBe('Bonjour Ada');
  });

  it('reads $$ as a dollar sign and leaves an unfilled placeholder visible', () => {
    expect(EN.say('price', { who: 'you' })).toBe('costs $5 for you');
    expect(EN.say('hello')).toBe('Hello $name$');
  });

  it('chooses plural forms with Intl.PluralRules: French 0 and 1 are singular, English 0 is plural', () => {
    expect(EN.t(m('rows', { count: 0 }))).toBe('0 rows');
    expect(EN.t(m('rows', { count: 1 }))).toBe('1 row');
    expect(FR.t(m('rows', { count: 0 }))).toBe('0 ligne');
    expect(FR.t(m('rows', { count: 1 }))).toBe('1 ligne');
    expect(FR.t(m('rows', { count: 2 }))).toBe('2 lignes');
  });

  it('groups numbers the way each language writes them; French "many" falls back to "other"', () => {
    expect(EN.t(m('rows', { count: 10000 }))).toBe('10,000 rows');
    expect(FR.t(m('rows', { count: 1000000 }))).toBe('1\u202f000\u202f000 lignes');
  });

  it('renders nested messages in the same language', () => {
    const msg = m('outer', { inner: m('inner', { url: 'https://api.example/' }) });
    expect(EN.t(msg)).toBe('Blocked: no header on https://api.example/');
    expect(FR.t(msg)).toBe('Bloquée : aucun en-tête sur https://api.example/');
  });

  it('falls back to English for an id French lacks, and shows an unknown id instead of throwing', () => {
    expect(FR.say('onlyEnglish')).toBe('English only');
    expect(EN.say('nope')).toBe('⟦nope⟧');
    expect(EN.has('rows')).toBe(true);
    expect(EN.has('nope')).toBe(false);
  });

  it('stops at a bounded depth on a self-referencing value', () => {
    const loop: { id: string; values: Record<string, unknown> } = { id: 'self', values: {} };
    loop.values.again = loop;
    const out = EN.t(loop as never);
    expect(out.startsWith('[[[')).toBe(true);
    expect(out).toContain('⟦self⟧');
  });

  it('never throws on a corrupted message', () => {
    expect(EN.t({} as never)).toBe('⟦⟧');
    expect(EN.t({ id: 'hello', values: { name: null } } as never)).toBe('Hello $name$');
  });
});

describe('pickLang', () => {
  it.each([
    ['fr', 'fr'], ['fr-CA', 'fr'], ['fr_FR.UTF-8', 'fr'], ['FR', 'fr'],
    ['en-US', 'en'], ['de', 'en'], ['', 'en'], [undefined, 'en'], ['C', 'en'], ['french', 'en'],
  ])('%s → %s', (tag, lang) => {
    expect(pickLang(tag)).toBe(lang);
  });
});

describe('isMsg', () => {
  it('accepts messages and refuses other shapes', () => {
    expect(isMsg(m('a'))).toBe(true);
    expect(isMsg(m('a', { b: 1, c: m('d') }))).toBe(true);
    expect(isMsg('text')).toBe(false);
    expect(isMsg({ id: 3 })).toBe(false);
    expect(isMsg({ id: 'a', values: [] })).toBe(false);
    expect(isMsg({ id: 'a', values: { b: {} } })).toBe(false);
  });
});

describe('robustness on values read back from anywhere', () => {
  it('pickLang answers English for a non-string tag', () => {
    expect(pickLang(0 as never)).toBe('en');
    expect(pickLang({} as never)).toBe('en');
  });

  it('isMsg refuses a message nested deeper than a renderer goes, without overflowing the stack', () => {
    let deep: unknown = m('leaf');
    for (let i = 0; i < 100_000; i++) deep = { id: 'x', values: { v: deep } };
    expect(isMsg(deep)).toBe(false);
    let ok: unknown = m('leaf');
    for (let i = 0; i < 5; i++) ok = { id: 'x', values: { v: ok } };
    expect(isMsg(ok)).toBe(true);
  });
});

describe('wordsFor', () => {
  it('answers English for a language it does not have', () => {
    expect(wordsFor('de' as never).lang).toBe('en');
    expect(wordsFor('fr').lang).toBe('fr');
  });
});
