/**
 * Rendering messages in one language. The catalogues use the browser's `messages.json` convention
 * (`$name$` placeholders, `$$` for a dollar sign); rendering is ours rather than `i18n.getMessage`'s, so
 * that a page can show a language other than the browser's, and the CLI can render without a browser.
 * Plurals: the browser's format has none, so a plural message is stored once per CLDR category
 * (`<id>__one`, `<id>__other`, `<id>__many`…) and chosen with `Intl.PluralRules` on the `count` value.
 */
import { MAX_NESTING, type Msg, type MsgValue } from './msg';

export type Lang = 'en' | 'fr';
export const LANGS: readonly Lang[] = ['en', 'fr'];

interface CataloguePlaceholder {
  content: string;
  example?: string;
}
interface CatalogueEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, CataloguePlaceholder>;
}
export type Catalogue = Readonly<Record<string, CatalogueEntry>>;

/** Renders messages in one language; `fallback` (English) answers ids the language lacks. */
export interface Words {
  readonly lang: Lang;
  /** The message in this language, placeholders filled. */
  t(msg: Msg): string;
  /** Shorthand for `t(m(id, values))`. */
  say(id: string, values?: Record<string, MsgValue>): string;
  /** A number grouped as the language writes it (10,000 / 10 000). */
  num(n: number): string;
  /** Whether the catalogue (or its fallback) has this id, directly or as a plural. */
  has(id: string): boolean;
}

/** The language of a BCP 47 tag or POSIX locale (`fr`, `fr-CA`, `fr_FR.UTF-8`); English otherwise. */
export function pickLang(tag: string | null | undefined): Lang {
  const base = typeof tag === 'string' ? tag.trim().toLowerCase().split(/[-_.@]/)[0] : '';
  return base === 'fr' ? 'fr' : 'en';
}

const PLACEHOLDER = /\$([A-Za-z0-9_@]+)\$|\$\$/g;

export function createWords(lang: Lang, catalogue: Catalogue, fallback?: Catalogue): Words {
  const plural = new Intl.PluralRules(lang);
  // Made on first use: the first Intl.NumberFormat of a process loads ICU data (tens of ms), which a CLI's --help never needs.
  let numbers: Intl.NumberFormat | undefined;
  const formatNumber = (n: number): string => (numbers ??= new Intl.NumberFormat(lang, { maximumFractionDigits: 2 })).format(n);
  const own = (id: string): string | undefined =>
    Object.prototype.hasOwnProperty.call(catalogue, id) ? catalogue[id]?.message : undefined;
  const other = (id: string): string | undefined =>
    fallback && Object.prototype.hasOwnProperty.call(fallback, id) ? fallback[id]?.message : undefined;
  const lookup = (id: string): string | undefined => own(id) ?? other(id);

  function template(msg: Msg): string | undefined {
    const direct = lookup(msg.id);
    if (direct !== undefined) return direct;
    const count = msg.values?.count;
    if (typeof count !== 'number') return lookup(`${msg.id}__other`);
    return own(`${msg.id}__${plural.select(count)}`) ?? own(`${msg.id}__other`) ??
      other(`${msg.id}__${new Intl.PluralRules('en').select(count)}`) ?? other(`${msg.id}__other`);
  }

  function value(v: MsgValue | undefined, depth: number): string | undefined {
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? formatNumber(v) : String(v);
    if (v && typeof v === 'object') return render(v, depth + 1);
    return undefined;
  }

  function render(msg: Msg, depth: number): string {
    const id = typeof msg?.id === 'string' ? msg.id : '';
    const text = depth > MAX_NESTING /* a cycle or a hostile value cannot recurse forever */ ? undefined : template(msg);
    if (text === undefined) return `⟦${id}⟧`;
    const values = msg.values ?? {};
    return text.replace(PLACEHOLDER, (whole, name: string | undefined) => {
      if (name === undefined) return '$';
      const key = Object.keys(values).find((k) => k.toLowerCase() === name.toLowerCase());
      const v = key === undefined ? undefined : value(values[key], depth);
      return v ?? whole;
    });
  }

  // A message without values renders the same every time: kept per id the catalogue knows (a table says its
  // words and verdict labels on every row of every render). Ids it does not know are not kept: the map stays
  // bounded by the catalogue, whatever a record asks for.
  const plain = new Map<string, string>();
  function sayPlain(id: string): string {
    let text = plain.get(id);
    if (text === undefined) {
      text = render({ id }, 0);
      if (template({ id }) !== undefined) plain.set(id, text);
    }
    return text;
  }

  return {
    lang,
    t: (msg) => render(msg, 0),
    say: (id, values) => (values === undefined ? sayPlain(id) : render({ id, values }, 0)),
    num: formatNumber,
    has: (id) => lookup(id) !== undefined || lookup(`${id}__other`) !== undefined,
  };
}
