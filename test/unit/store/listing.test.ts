/**
 * The store listing texts (store/listing.<lang>.json): both languages say the same things, the short
 * description fits the Chrome Web Store's 132 characters and is the manifest's description (the store
 * shows that one), every permission and host permission the manifests ask for has a justification and
 * none is justified that is not asked for, AMO's data-collection answer is the Firefox manifest's, and
 * the French follows French typography.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toFirefoxManifest } from '../../../scripts/firefox-manifest.mjs';
import { frenchTypography, type Cat } from '../conventions/catalogue-checks';
import { readManifest, ROOT } from '../manifest/scan';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
interface Listing {
  name: string;
  shortDescription: string;
  description: string[];
  singlePurpose: string;
  permissions: Record<string, string>;
  hostPermissions: Record<string, string>;
  privacy: string[];
  dataCollection: { amo: string[]; chromeWebStore: string };
}

const CWS_SHORT_MAX = 132;
const read = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as unknown;
const listing = { en: read('store/listing.en.json') as Listing, fr: read('store/listing.fr.json') as Listing };
const catalogue = (lang: string) => read(`public/_locales/${lang}/messages.json`) as Record<string, { message: string }>;

/** Where two JSON values differ in shape: object keys, and the type at each path (array lengths may differ). */
function shapeDiff(a: Json, b: Json, path = '$'): string[] {
  const kind = (v: Json) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  if (kind(a) !== kind(b)) return [`${path}: ${kind(a)} vs ${kind(b)}`];
  if (Array.isArray(a) && Array.isArray(b)) return a.flatMap((x, i) => (i < b.length ? shapeDiff(x, b[i]!, `${path}[${i}]`) : []));
  if (kind(a) !== 'object') return [];
  const x = a as Record<string, Json>;
  const y = b as Record<string, Json>;
  return [...new Set([...Object.keys(x), ...Object.keys(y)])].sort().flatMap((k) => {
    if (!(k in x)) return [`${path}.${k}: only in the second`];
    if (!(k in y)) return [`${path}.${k}: only in the first`];
    return shapeDiff(x[k]!, y[k]!, `${path}.${k}`);
  });
}

/** Every string in a JSON value, keyed by its path (a catalogue, for the catalogues' typography check). */
function strings(v: Json, path = '$'): Cat {
  if (typeof v === 'string') return { [path]: { message: v } };
  if (Array.isArray(v)) return Object.assign({}, ...v.map((x, i) => strings(x, `${path}[${i}]`))) as Cat;
  if (v && typeof v === 'object') return Object.assign({}, ...Object.entries(v).map(([k, x]) => strings(x, `${path}.${k}`))) as Cat;
  return {};
}

describe('the checks on planted input', () => {
  it('find a missing field, a type change and an extra key', () => {
    expect(shapeDiff({ a: 'x', b: ['1'], c: { d: 'y' } }, { a: 'x', b: 'no', c: { d: 'y', e: 'z' } })).toEqual(['$.b: array vs string', '$.c.e: only in the second']);
    expect(shapeDiff({ a: ['x', 'y'] }, { a: ['x'] })).toEqual([]);
  });
  it('collect every string with its path', () => {
    expect(strings({ a: ['x', { b: 'y' }], c: 1 })).toEqual({ '$.a[0]': { message: 'x' }, '$.a[1].b': { message: 'y' } });
  });
});

describe('store listing texts', () => {
  it('have the same fields in English and French', () => {
    expect(shapeDiff(listing.en as unknown as Json, listing.fr as unknown as Json)).toEqual([]);
  });

  it.each(['en', 'fr'] as const)('%s: the short description fits the Chrome Web Store and is the manifest’s description', (lang) => {
    const short = listing[lang].shortDescription;
    expect(short.length).toBeLessThanOrEqual(CWS_SHORT_MAX);
    expect(short).toBe(catalogue(lang).extDescription?.message);
    expect(listing[lang].name).toBe(catalogue(lang).extName?.message);
  });

  it.each(['en', 'fr'] as const)('%s: justifies every permission the Chrome and Firefox manifests ask for, and no other', (lang) => {
    const chrome = readManifest();
    const firefox = toFirefoxManifest(chrome) as typeof chrome;
    for (const manifest of [chrome, firefox]) {
      expect(Object.keys(listing[lang].permissions).sort()).toEqual([...(manifest.permissions ?? [])].sort());
      expect(Object.keys(listing[lang].hostPermissions).sort()).toEqual([...(manifest.host_permissions ?? [])].sort());
    }
    for (const text of [...Object.values(listing[lang].permissions), ...Object.values(listing[lang].hostPermissions)]) {
      expect(text.length).toBeGreaterThan(40);
    }
  });

  it('answer AMO’s data-collection question as the Firefox manifest does', () => {
    const gecko = (toFirefoxManifest(readManifest()) as { browser_specific_settings: { gecko: { data_collection_permissions: { required: string[] } } } })
      .browser_specific_settings.gecko;
    for (const lang of ['en', 'fr'] as const) expect(listing[lang].dataCollection.amo).toEqual(gecko.data_collection_permissions.required);
  });

  it('translate every text except the name and the machine values', () => {
    const en = strings(listing.en as unknown as Json);
    const fr = strings(listing.fr as unknown as Json);
    const same = Object.keys(en).filter((k) => en[k]?.message && en[k]?.message === fr[k]?.message);
    expect(same.sort()).toEqual(['$.dataCollection.amo[0]', '$.name']);
  });

  it('follow French typography (’, no-break space before : ; ? ! and inside « »)', () => {
    expect(frenchTypography(strings(listing.fr as unknown as Json))).toEqual([]);
    expect(frenchTypography({ planted: { message: "Raison : l'en-tête" } })).toHaveLength(2);
  });
});
