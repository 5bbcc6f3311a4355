/**
 * One home per reason code: a code's words (its table label, headline, summary, what was expected, fix
 * notes, Chrome's and Firefox's console texts, its Firefox keys and MDN page) are written only in the
 * catalogues (public/_locales/<lang>/messages.json) under message ids that its module alone names
 * (`reason_<Code>_…`), or in its module and the wording files it imports (Chrome's English, keys, pages).
 * Anywhere else in src/ they are read from the reason's definition; a copy of the English, an id named
 * elsewhere, or a table keyed by the code, fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../src/core/classify/classify';
import { buildSpec } from '../../../../src/core/fix/spec';
import type { Exchange } from '../../../../src/core/model/exchange';
import type { Reason, Verdict } from '../../../../src/core/model/verdict';
import { chromeConsoleLead, chromeConsoleLine, mdnUrl, REASONS, toReason, type AnyReasonDef, type Evidence } from '../../../../src/core/reasons';
import { firefoxLine, NO_HEADER_FIX, CHROME_PREFLIGHT_PREFIX } from '../../../../src/core/reasons/texts';
import { EN } from '../../../../src/core/i18n/catalogues';
import { copiesOutsideHome, literalsOf, MARK, type SourceFile, type WordOwner } from './one-home';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const fixturesDir = `${root}test/fixtures/exchanges/`;
const REASONS_DIR = 'src/core/reasons/';
const kebab = (code: string) => code.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

function sourcesUnder(dir: string): SourceFile[] {
  return readdirSync(root + dir, { withFileTypes: true }).flatMap((d) => {
    const path = `${dir}${d.name}`;
    if (d.isDirectory()) return sourcesUnder(`${path}/`);
    return /\.tsx?$/.test(d.name) ? [{ path, text: readFileSync(root + path, 'utf8') }] : [];
  });
}

const sources = sourcesUnder('src/');
const byPath = new Map(sources.map((f) => [f.path, f.text]));

/** A reason module and the wording files of the catalogue it imports, directly or not. */
function homeOf(module: string): string[] {
  const home = new Set<string>();
  const visit = (path: string) => {
    if (home.has(path) || !byPath.has(path)) return;
    home.add(path);
    for (const [, name] of byPath.get(path)!.matchAll(/from '\.\/([\w-]+)'/g)) visit(`${REASONS_DIR}${name}.ts`);
  };
  visit(module);
  return [...home];
}

/** Evidence whose variable parts are MARK, in the shapes that take each branch of the texts. */
const SAMPLES: Evidence[] = [
  { step: { kind: 'response' }, url: MARK, origin: MARK, credentialed: true, received: MARK, param: MARK, status: 404, detail: '2' },
  { step: { kind: 'preflight', index: 0 }, url: MARK, origin: MARK, credentialed: false, received: null, param: MARK, status: null },
  { step: { kind: 'redirect', index: 1 }, url: MARK, origin: MARK, credentialed: true, received: `*, ${MARK}`, param: MARK, status: 500, detail: 'unknown' },
  { step: { kind: 'redirect', index: 0 }, url: MARK, origin: MARK, credentialed: false, received: MARK, param: MARK, status: 301, detail: MARK },
];

const fixtures = readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(fixturesDir + f, 'utf8')) as { exchange: Exchange });
const classified = fixtures.map((f) => ({ exchange: f.exchange, verdict: classify(f.exchange) }));

/** The exchange the Chrome line is shown for; its URL and origin are variable parts. */
function markedExchange(type: string, redirected: boolean): Exchange {
  const x = classified[0]!.exchange;
  return { ...x, type, url: MARK, redirects: redirected ? [{ ...(x.redirects[0] ?? {}), location: MARK } as Exchange['redirects'][number]] : [] } as Exchange;
}
const markedVerdict = { ...classified[0]!.verdict, origin: MARK } as Verdict;

/** Everything a reason says: its texts for each sample, its console lines and its fix notes for each fixture that produces it. */
function textsOf(def: AnyReasonDef): string[] {
  const out: string[] = [];
  if (def.mdnAbsence) out.push(EN.t(def.mdnAbsence));
  if (def.firefoxAbsence) out.push(EN.t(def.firefoxAbsence));
  for (const e of SAMPLES) {
    const r = toReason(def, e);
    out.push(EN.t(def.short(e)), EN.t(r.summary), EN.t(r.expected), r.chromeMessage, chromeConsoleLine(markedExchange('fetch', false), markedVerdict, r));
    if (r.firefoxMessage) out.push(EN.t(r.firefoxMessage));
  }
  return [...out, ...notesOf(def)];
}

/** A reason's fix notes for each fixture that produces it, with the received value as captured, variable and absent. */
function notesOf(def: AnyReasonDef): string[] {
  const out: string[] = [];
  for (const { exchange, verdict } of classified) {
    for (const reason of verdict.reasons.filter((r) => r.code === def.code)) {
      const ctx = { spec: buildSpec(exchange, verdict), exchange, verdict };
      for (const r of [reason, { ...reason, received: MARK }, { ...reason, received: null }] as Reason[]) out.push(...def.notes(r, ctx).map((n) => EN.t(n.text)));
    }
  }
  return out;
}

function reasonOwners(): WordOwner[] {
  return REASONS.map((def) => ({
    id: def.code,
    home: homeOf(`${REASONS_DIR}${kebab(def.code)}.ts`),
    labels: [EN.t(def.label)],
    texts: textsOf(def),
    ids: [...def.firefoxKeys, ...(def.mdnSlug ? [def.mdnSlug, mdnUrl(def)!] : [])],
    keys: [def.code],
  }));
}

/** Words of the catalogue as a whole: each console's frame around a reason's message, the "no header" lead. */
const catalogueOwner: WordOwner = {
  id: 'catalogue frames (texts.ts)',
  home: [`${REASONS_DIR}texts.ts`],
  labels: [],
  texts: [
    ...['fetch', 'font', 'script', 'image', 'stylesheet', 'media'].flatMap((t) => [false, true].map((redirected) => chromeConsoleLead(markedExchange(t, redirected), markedVerdict) + MARK)),
    // Firefox's frame before the URL (each key's line is that key's reason's own words).
    EN.t(firefoxLine('CORSRequestNotHttp', MARK).message).split(MARK)[0] + MARK,
    CHROME_PREFLIGHT_PREFIX + MARK,
    EN.t(NO_HEADER_FIX) + MARK,
  ],
  ids: [],
  keys: [],
};

/**
 * Literals elsewhere that read like part of a reason's text but belong to no code: classify/notes.ts
 * says what status the server answered a preflight with, whatever the reason.
 */
const ORDINARY = ['The server answered the preflight (OPTIONS) with'];

const describeCopies = (copies: ReturnType<typeof copiesOutsideHome>) =>
  copies.map((c) => `${c.file}:${c.line} repeats ${c.owner}'s ${c.kind} ${JSON.stringify(c.what.slice(0, 80))}`).join('\n');

describe('one home per reason code', { timeout: 60_000 }, () => {
  const owners = [...reasonOwners(), catalogueOwner];

  it('every reason has a label and, except InvalidResponse, fix notes for the fixtures that produce it', () => {
    for (const def of REASONS) {
      expect(EN.t(def.label).length, def.code).toBeGreaterThan(3);
      if (def.code !== 'InvalidResponse') expect(notesOf(def).length, `${def.code} has no fix notes`).toBeGreaterThan(0);
    }
    expect(new Set(REASONS.map((r) => EN.t(r.label))).size).toBe(REASONS.length);
  });

  it('no file of src/ outside a reason\'s module repeats its words or keeps a table keyed by its code', () => {
    const copies = copiesOutsideHome(owners, sources, ORDINARY);
    expect(copies, describeCopies(copies)).toEqual([]);
  });

  it('the rule finds a copy: a label table, a copied note, a console line and a code-keyed table in another file', () => {
    const def = REASONS.find((r) => r.code === 'PreflightMissingAllowOriginHeader')!;
    const [note] = textsOf(def).filter((t) => t.startsWith('The OPTIONS response'));
    expect(note).toBeDefined();
    const planted: SourceFile = {
      path: 'src/panel/planted.tsx',
      text: [
        `const SHORT = { PreflightMissingAllowOriginHeader: ${JSON.stringify(EN.t(def.label))} };`,
        `const NOTE = ${JSON.stringify(note)};`,
        'const lead = (u: string, o: string) => `Access to fetch at \'${u}\' from origin \'${o}\' has been blocked by CORS policy: `;',
        "const NO_FIX = new Set(['DisallowedByMode', 'CorsDisabledScheme']);",
        "export const View = () => <p>No 'Access-Control-Allow-Origin' header is present on the requested resource.</p>;",
        "const FIREFOX = 'CORSMissingAllowOrigin2';",
        `const HINT = 'Never answer "Access-Control-Allow-Origin: *" to a credentialed request: browsers reject it.';`,
        'const where = (w: string) => `${w} had no Access-Control-Allow-Origin header`;',
      ].join('\n'),
    };
    const kinds = copiesOutsideHome(owners, [...sources, planted], ORDINARY)
      .filter((c) => c.file === planted.path)
      .map((c) => `${c.line} ${c.kind} ${c.owner}`);
    expect(kinds).toEqual(expect.arrayContaining([
      '1 key PreflightMissingAllowOriginHeader',
      '1 label PreflightMissingAllowOriginHeader',
      '2 text PreflightMissingAllowOriginHeader',
      '3 text catalogue frames (texts.ts)',
      '4 key DisallowedByMode',
      '4 key CorsDisabledScheme',
      '5 text MissingAllowOriginHeader',
      '6 id MissingAllowOriginHeader',
      '7 text WildcardOriginNotAllowed',
      '8 text MissingAllowOriginHeader',
    ]));
  });

  it('a code\'s message ids (reason_<Code>_…) are named only in its module; shared reason_ ids and firefox_ lines only in the reason catalogue', () => {
    const codes = new Set<string>(REASONS.map((r) => r.code));
    const misplaced = misplacedIds(sources, codes);
    expect(misplaced, misplaced.join('\n')).toEqual([]);
  });

  it('the id rule finds a message id named outside its home', () => {
    const codes = new Set<string>(REASONS.map((r) => r.code));
    const planted: SourceFile[] = [
      { path: 'src/panel/planted.ts', text: "export const a = m('reason_MissingAllowOriginHeader_short'); export const b = `firefox_${'x'}`;" },
      { path: `${REASONS_DIR}wildcard-origin-not-allowed.ts`, text: "const c = m('reason_AllowOriginMismatch_label'); const d = m('reason_where_response');" },
    ];
    expect(misplacedIds(planted, codes)).toEqual([
      'src/panel/planted.ts:1 names reason_MissingAllowOriginHeader_short',
      'src/panel/planted.ts:1 names firefox_',
      `${REASONS_DIR}wildcard-origin-not-allowed.ts:1 names reason_AllowOriginMismatch_label`,
    ]);
  });

  it('logic that names a code is not a table: a comparison or a single code is allowed', () => {
    const logic: SourceFile = {
      path: 'src/panel/logic.ts',
      text: "export const f = (c: string) => c === 'HeaderDisallowedByPreflightResponse' ? ['HeaderDisallowedByPreflightResponse'] : [];",
    };
    expect(copiesOutsideHome(owners, [logic])).toEqual([]);
  });
});

/**
 * Message ids named in the wrong place: `reason_<Code>_…` outside that code's module, any other `reason_…`
 * outside src/core/reasons/, `firefox_…` outside texts.ts (which builds Firefox's line from the key).
 */
function misplacedIds(files: readonly SourceFile[], codes: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const file of files) {
    for (const l of literalsOf(file)) {
      for (const [, kind, rest] of l.text.matchAll(/(?<![A-Za-z0-9_])(reason|firefox)_([A-Za-z0-9_]*)/g)) {
        const code = rest!.split('_')[0]!;
        const home = kind === 'firefox' ? [`${REASONS_DIR}texts.ts`]
          : codes.has(code) ? [`${REASONS_DIR}${kebab(code)}.ts`]
          : null;
        const ok = home ? home.includes(file.path) : file.path.startsWith(REASONS_DIR);
        if (!ok) out.push(`${file.path}:${l.line} names ${kind}_${rest}`);
      }
    }
  }
  return out;
}
