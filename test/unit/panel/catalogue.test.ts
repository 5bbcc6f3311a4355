/**
 * The panel's own words (`panel_*`): every id the panel's code names exists in the English and the French
 * catalogue with the same placeholders, plural families are complete, and nothing in the catalogue is
 * left unused. A few French renderings are checked as a reader would see them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, EN, wordsFor } from '../../../src/core/i18n/catalogues';
import { m } from '../../../src/core/i18n/msg';
import { formatHeaders, parseHeaders } from '../../../src/panel/details/header-text';
import { formatMs } from '../../../src/panel/details/timeline-steps';
import { langSetting } from '../../../src/ui/i18n';

const FR = wordsFor('fr');
const root = join(__dirname, '../../../src/panel');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

// The reason column's words are made by src/shared/short-reason.ts (the worker makes the rows), shown by the panel.
const source = [...files(root), join(root, '../shared/short-reason.ts')].map((f) => readFileSync(f, 'utf8')).join('\n');
/** Ids named as literals, and the families built from a literal prefix (`panel_kind_${k}`). */
const literal = new Set([...source.matchAll(/['"`](panel_[a-z0-9_]+)['"`]/g)].map((x) => x[1]!));
const DYNAMIC: Record<string, readonly string[]> = {
  panel_kind_: ['all', 'blocked', 'preflighted', 'simple'],
  panel_fix_answer_: ['yes', 'no', 'unsure'],
};
const used = new Set([...literal, ...Object.entries(DYNAMIC).flatMap(([p, xs]) => xs.map((x) => p + x))]);
const base = (id: string) => id.replace(/__(zero|one|two|few|many|other)$/, '');
const placeholders = (text: string) => [...text.matchAll(/\$([a-z0-9_]+)\$/gi)].map((x) => x[1]!.toLowerCase()).sort();

describe('panel messages', () => {
  it('every id the panel names exists in both catalogues', () => {
    for (const p of Object.keys(DYNAMIC)) expect(source).toContain(`\`${p}\${`);
    const missing = [...used].flatMap((id) => (['en', 'fr'] as const).filter((l) => !wordsFor(l).has(id) || !(id in CATALOGUES[l] || `${id}__other` in CATALOGUES[l])).map((l) => `${l}: ${id}`));
    expect(missing).toEqual([]);
  });

  it('every panel_ id of the catalogue is used, with the same placeholders in English and French', () => {
    const ids = Object.keys(CATALOGUES.en).filter((id) => id.startsWith('panel_'));
    expect(ids.length).toBeGreaterThan(200);
    expect(ids.filter((id) => !used.has(base(id)))).toEqual([]);
    expect(Object.keys(CATALOGUES.fr).filter((id) => id.startsWith('panel_')).sort()).toEqual(ids.sort());
    for (const id of ids) expect(placeholders(CATALOGUES.fr[id]!.message), id).toEqual(placeholders(CATALOGUES.en[id]!.message));
    for (const id of ids.filter((x) => x.endsWith('__one'))) expect(CATALOGUES.fr[`${base(id)}__other`], id).toBeDefined();
  });

  it('French: no-break spaces before : ; ? ! and inside « », plurals, typographic apostrophes', () => {
    for (const [id, e] of Object.entries(CATALOGUES.fr).filter(([k]) => k.startsWith('panel_'))) {
      expect(e.message, id).not.toMatch(/ [:;?!»]|« /);
      expect(e.message.replace(/'\*\+-\.\^_`\|~/g, ''), id).not.toMatch(/[a-zé]'[a-zé]/i);
    }
    expect(FR.t(m('panel_shown', { count: 1 }))).toBe('1 affichée');
    expect(FR.t(m('panel_shown', { count: 0 }))).toBe('0 affichée');
    expect(FR.t(m('panel_shown', { count: 10000 }))).toBe('10\u202f000 affichées');
    expect(EN.t(m('panel_cost_preflights', { count: 1 }))).toBe('1 preflight');
    expect(FR.t(m('panel_cost_preflights', { count: 4 }))).toBe('4 pré-vérifications');
    expect(FR.t(m('panel_err_clear', { error: 'x' }))).toBe('Impossible d’effacer le journal\u00a0: x');
  });

  it('durations and header-editor problems follow the page language', () => {
    try {
      langSetting.value = 'en';
      expect(formatMs(1534)).toBe('1.53 s');
      langSetting.value = 'fr';
      expect(formatMs(1534)).toBe('1,53\u00a0s');
      expect(formatMs(12.4)).toBe('12\u00a0ms');
      const bad = parseHeaders('Access-Control-Allow-Origin *').problems[0]!.message;
      expect(FR.t(bad)).toBe('pas de deux-points\u00a0: écrivez «\u00a0Nom: valeur\u00a0» (un en-tête tient sur une ligne). Ignorée.');
      // A long value's marker is written in French and read back (as the English one is).
      const big = 'a'.repeat(1_048_677);
      const fr = formatHeaders([{ name: 'Set-Cookie', value: big }], FR);
      expect(fr.text).toBe(`Set-Cookie: ${'a'.repeat(80)}… [+1\u202f048\u202f597 caractères #1]`);
      expect(parseHeaders(fr.text, fr.long).headers[0]!.value === big).toBe(true);
      const en = formatHeaders([{ name: 'Set-Cookie', value: big }], EN);
      expect(parseHeaders(en.text, en.long).headers[0]!.value === big).toBe(true);
      const name = parseHeaders('X@Bad: 1').problems[0]!.message;
      expect(EN.t(name)).toBe('“X@Bad” is not a header name (letters, digits and !#$%&\'*+-.^_`|~ only, no spaces). Left out.');
    } finally {
      langSetting.value = 'auto';
    }
  });
});
